package org.hotline.cti.ops;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The outcome of running every {@link HealthCheck}: up only when all of them are.
 *
 * @param checks each check's result by name, in registration order
 */
public record HealthReport(Map<String, HealthCheck.Result> checks) {

    public HealthReport {
        requireNonNull(checks, "checks");
        checks = Collections.unmodifiableMap(new LinkedHashMap<>(checks));
    }

    /** True when every check passed; a server with no checks registered is healthy. */
    public boolean healthy() {
        return checks.values().stream().allMatch(HealthCheck.Result::healthy);
    }

    /**
     * {@code {"status":"UP","checks":{"database":{"status":"UP","detail":"..."}}}}: the shape
     * Spring Boot and most dashboards and load balancer probes already understand.
     */
    public String toJson() {
        StringBuilder json = new StringBuilder("{\"status\":").append(status(healthy())).append(",\"checks\":{");
        String separator = "";
        for (Map.Entry<String, HealthCheck.Result> check : checks.entrySet()) {
            json.append(separator).append(quote(check.getKey())).append(":{\"status\":")
                    .append(status(check.getValue().healthy()));
            if (!check.getValue().detail().isEmpty()) {
                json.append(",\"detail\":").append(quote(check.getValue().detail()));
            }
            json.append('}');
            separator = ",";
        }
        return json.append("}}").toString();
    }

    private static String status(boolean healthy) {
        return healthy ? "\"UP\"" : "\"DOWN\"";
    }

    static String quote(String text) {
        StringBuilder quoted = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                case '\n' -> quoted.append("\\n");
                case '\r' -> quoted.append("\\r");
                case '\t' -> quoted.append("\\t");
                default -> {
                    if (c < 0x20) {
                        quoted.append(String.format("\\u%04x", (int) c));
                    } else {
                        quoted.append(c);
                    }
                }
            }
        }
        return quoted.append('"').toString();
    }
}

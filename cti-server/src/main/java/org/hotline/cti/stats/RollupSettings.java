package org.hotline.cti.stats;

import java.time.Duration;
import java.time.ZoneId;

import static java.util.Objects.requireNonNull;

/**
 * How call records and state changes are rolled up.
 *
 * @param zone                the report zone: the daily rollups (and so day, month and year
 *                            reports) follow its calendar days
 * @param shortAbandon        an abandoned call that waited less than this is a short abandon
 *                            (misdial, caller hung up at once); it is not held against the
 *                            service level
 * @param defaultServiceLevel the service-level threshold of a queue missing from the directory
 */
public record RollupSettings(ZoneId zone, Duration shortAbandon, Duration defaultServiceLevel) {
    public RollupSettings {
        requireNonNull(zone, "zone");
        requireNonNull(shortAbandon, "shortAbandon");
        requireNonNull(defaultServiceLevel, "defaultServiceLevel");
        if (shortAbandon.isNegative()) {
            throw new IllegalArgumentException("shortAbandon: " + shortAbandon + " (expected: >= 0)");
        }
        if (defaultServiceLevel.isNegative()) {
            throw new IllegalArgumentException("defaultServiceLevel: " + defaultServiceLevel + " (expected: >= 0)");
        }
    }

    /** The server's zone, short abandons under 5 s, 20 s service level for unknown queues. */
    public static RollupSettings defaults() {
        return new RollupSettings(ZoneId.systemDefault(), Duration.ofSeconds(5), Duration.ofSeconds(20));
    }

    /**
     * The defaults, with {@code HOTLINE_REPORT_ZONE} (a zone id) and
     * {@code HOTLINE_SHORT_ABANDON_SECONDS} taken from {@code env} when set.
     */
    public static RollupSettings fromEnvironment(java.util.Map<String, String> env) {
        RollupSettings s = defaults();
        String zone = env.getOrDefault("HOTLINE_REPORT_ZONE", "").trim();
        if (!zone.isEmpty()) {
            try {
                s = s.withZone(ZoneId.of(zone));
            } catch (java.time.DateTimeException e) {
                throw new IllegalArgumentException("HOTLINE_REPORT_ZONE: " + zone + " (expected: a zone id like Asia/Shanghai)");
            }
        }
        String shortAbandon = env.getOrDefault("HOTLINE_SHORT_ABANDON_SECONDS", "").trim();
        if (!shortAbandon.isEmpty()) {
            try {
                s = s.withShortAbandon(Duration.ofSeconds(Long.parseLong(shortAbandon)));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("HOTLINE_SHORT_ABANDON_SECONDS: " + shortAbandon
                        + " (expected: whole seconds >= 0)");
            }
        }
        return s;
    }

    public RollupSettings withZone(ZoneId zone) {
        return new RollupSettings(zone, shortAbandon, defaultServiceLevel);
    }

    public RollupSettings withShortAbandon(Duration shortAbandon) {
        return new RollupSettings(zone, shortAbandon, defaultServiceLevel);
    }
}

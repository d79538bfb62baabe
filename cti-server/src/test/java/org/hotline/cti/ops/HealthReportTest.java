package org.hotline.cti.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HealthReportTest {

    @Test
    void escapesDetailsSoTheBodyStaysValidJson() {
        Map<String, HealthCheck.Result> checks = new LinkedHashMap<>();
        checks.put("database", HealthCheck.Result.down("Access denied for user \"hotline\"\\n\tat C:\\db\n\u0001"));

        String json = new HealthReport(checks).toJson();

        assertThat(json).isEqualTo("{\"status\":\"DOWN\",\"checks\":{\"database\":{\"status\":\"DOWN\",\"detail\":"
                + "\"Access denied for user \\\"hotline\\\"\\\\n\\tat C:\\\\db\\n\\u0001\"}}}");
    }

    @Test
    void keepsACopyOfTheChecks() {
        Map<String, HealthCheck.Result> checks = new LinkedHashMap<>();
        checks.put("switch", HealthCheck.Result.up());
        HealthReport report = new HealthReport(checks);

        checks.put("database", HealthCheck.Result.down("gone"));

        assertThat(report.healthy()).isTrue();
        assertThat(report.checks()).containsOnlyKeys("switch");
    }
}

package org.hotline.cti.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;

class JvmMetricsTest {

    @Test
    void exposesHeapThreadsGcAndUptime() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        try (JvmMetrics ignored = JvmMetrics.bindTo(registry)) {

            String scrape = registry.scrape();

            assertThat(scrape).contains("jvm_memory_used_bytes{area=\"heap\"")
                    .contains("jvm_threads_live_threads ")
                    .contains("jvm_classes_loaded_classes ")
                    .contains("process_uptime_seconds ")
                    .contains("system_cpu_count ");
        } finally {
            registry.close();
        }
    }
}

package org.hotline.cti.bench;

import java.nio.file.Files;
import java.nio.file.Path;

import org.hotline.cti.storage.Database;
import org.hotline.cti.testing.TestDatabase;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WorkOrderDataBenchTest {

    @Test
    void loadsOnceThenReusesAndReportsSearchLatencyAndCreateDispatchThroughput() throws Exception {
        Path dir = Files.createTempDirectory("hotline-wo-bench");
        try (TestDatabase db = TestDatabase.mariaDb(dir); Database database = Database.open(db.config())) {
            WorkOrderDataBench.Options options = new WorkOrderDataBench.Options("bench", 12_000, 50, 20, dir);

            WorkOrderDataBench.Result first = WorkOrderDataBench.run(database, options);
            WorkOrderDataBench.Result second = WorkOrderDataBench.run(database, options);

            assertThat(first.rowsLoaded()).isEqualTo(12_000);
            assertThat(first.rowsInSite()).isEqualTo(12_000 + 20);
            // The second run finds the rows (and the first run's created orders) and loads none.
            assertThat(second.rowsLoaded()).isZero();
            assertThat(second.rowsInSite()).isEqualTo(12_000 + 40);
            assertThat(first.searchP99Ms()).isPositive().isGreaterThanOrEqualTo(first.searchP50Ms());
            assertThat(first.meanHits()).isPositive();
            assertThat(first.createDispatchPerSecond()).isPositive();
            assertThat(first.summary()).contains("search status+area+week p50");
            assertThat(first.toJson()).startsWith("{\"work_orders\":12020,").contains("\"work_order_search_p99_ms\":");
        }
    }
}

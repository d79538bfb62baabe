package org.hotline.cti.bench;

import java.nio.file.Path;

import org.hotline.cti.storage.Database;
import org.hotline.cti.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class KnowledgeDataBenchTest {

    @Test
    void loadsTheCorpusOnceThenReusesItAndMeasuresSearches(@TempDir Path dir) throws Exception {
        try (TestDatabase db = TestDatabase.h2(dir); Database database = Database.open(db.config())) {
            KnowledgeDataBench.Result first = KnowledgeDataBench.run(database, "bench", dir.resolve("index"), 3_000, 200, 1);
            KnowledgeDataBench.Result second = KnowledgeDataBench.run(database, "bench", dir.resolve("index"), 3_000, 200, 2);

            assertThat(first.loadedNow()).isEqualTo(3_000);
            assertThat(first.articles()).isEqualTo(3_000);
            assertThat(second.loadedNow()).as("the second run reuses the articles").isZero();
            assertThat(second.articles()).isEqualTo(3_000);
            assertThat(second.queries()).isEqualTo(200);
            assertThat(second.meanHits()).as("the queries find articles").isGreaterThan(1);
            assertThat(second.p50Millis()).isPositive().isLessThanOrEqualTo(second.p99Millis());
            assertThat(second.p99Millis()).isLessThanOrEqualTo(second.maxMillis());
            assertThat(second.summary()).contains("3,000 articles").contains("p99");
        }
    }
}

package org.hotline.cti.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import org.hotline.cti.storage.Database;
import org.hotline.cti.testing.TestDatabase;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The customer-data benchmark at a small scale: it loads, measures, and on a rerun reuses what is there. */
class CustomerDataBenchTest {
    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void loadsOnceMeasuresScreenPopsAndReusesTheDataOnARerun(TestDatabase.Kind kind, @TempDir Path dir) throws Exception {
        try (TestDatabase db = TestDatabase.create(kind, dir); Database database = Database.open(db.config())) {
            CustomerDataBench.Settings small = new CustomerDataBench.Settings(1_500, 4, 300, 50, 7);

            CustomerDataBench.Result first = new CustomerDataBench(database, small).run();
            CustomerDataBench.Result second = new CustomerDataBench(database, small).run();

            assertThat(first.reused()).isFalse();
            assertThat(second.reused()).isTrue();
            assertThat(rows(database, "customers")).isEqualTo(1_500);
            assertThat(rows(database, "contact_history")).as("no contacts loaded twice").isEqualTo(6_000);
            assertThat(first.lookups()).isEqualTo(300);
            assertThat(first.p50Millis()).isPositive().isLessThanOrEqualTo(first.p99Millis());
            assertThat(first.p99Millis()).isLessThanOrEqualTo(first.maxMillis());
            // Every number belongs to a customer; one in fifty is shared by two.
            assertThat(first.customersPerPop()).isBetween(1.0, 1.2);
            assertThat(first.summary()).contains("1,500 customers", "6,000 contacts", "p99");
        }
    }

    private static long rows(Database database, String table) throws Exception {
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table + " WHERE site_id = 'bench'")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}

package org.hotline.cti.storage;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import ch.qos.logback.classic.Level;
import org.hotline.cti.testing.TestDatabase;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BufferPoolTest {
    private static final long MB = 1L << 20;
    private static final long GB = 1L << 30;

    @Test
    void aPoolSmallerThanTheTablesIsOneWarningNamingTheSettingAndTheSizeToSet() {
        BufferPool small = new BufferPool(128 * MB, 3_262 * MB);
        try (LogCapture logs = new LogCapture(BufferPool.class)) {
            small.warnIfSmall();
            new BufferPool(4 * GB, 3_262 * MB).warnIfSmall();

            assertThat(logs.lines(Level.WARN, "")).containsExactly("database: InnoDB buffer pool 128 MB for 3,262 MB"
                    + " of tables and indexes: screen pops and searches will read from disk; set innodb_buffer_pool_size"
                    + " to at least 4,096 MB (db-scripts/mariadb/hotline.cnf)");
        }
        assertThat(small.holdsData()).isFalse();
    }

    @Test
    void recommendsTheTablesAndAQuarterMoreInWholeGigabytesAndAtLeastOne() {
        assertThat(new BufferPool(128 * MB, 3_262 * MB).recommendedBytes()).isEqualTo(4 * GB);
        assertThat(new BufferPool(128 * MB, 3_500 * MB).recommendedBytes()).isEqualTo(5 * GB);
        assertThat(new BufferPool(128 * MB, 800 * MB).recommendedBytes()).isEqualTo(GB);
        assertThat(new BufferPool(128 * MB, 10 * MB).recommendedBytes()).isEqualTo(GB);
        assertThat(new BufferPool(128 * MB, 4 * GB).recommendedBytes()).isEqualTo(5 * GB);
    }

    @Nested
    class OnH2 extends DatabaseFixture {
        @Override
        protected TestDatabase.Kind kind() {
            return TestDatabase.Kind.H2;
        }

        @Test
        void hasNoBufferPool() {
            assertThat(BufferPool.of(database)).isEmpty();
        }
    }

    @Nested
    class OnMariaDb extends DatabaseFixture {
        @Override
        protected TestDatabase.Kind kind() {
            return TestDatabase.Kind.MARIADB;
        }

        @Test
        void readsTheServersPoolAndTheSizeOfThisSchemasTables() throws Exception {
            long pool;
            try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT @@innodb_buffer_pool_size")) {
                rs.next();
                pool = rs.getLong(1);
            }

            BufferPool read = BufferPool.of(database).orElseThrow();

            assertThat(read.poolBytes()).isEqualTo(pool);
            // The migrated schema's empty tables and indexes take a few pages each.
            assertThat(read.dataBytes()).isPositive().isLessThan(64 * MB);
        }
    }
}

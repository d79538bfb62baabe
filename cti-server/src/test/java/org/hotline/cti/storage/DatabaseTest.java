package org.hotline.cti.storage;

import org.hotline.cti.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ch.qos.logback.classic.Level;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DatabaseTest {

    abstract static class Contract extends DatabaseFixture {
        @Test
        void migratesTheSchemaAndValidatesTheEntitiesAgainstIt() throws Exception {
            java.util.List<Integer> applied = new java.util.ArrayList<>();
            try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT version FROM flyway_schema_history WHERE success = 1"
                         + " AND version IS NOT NULL")) {
                while (rs.next()) {
                    applied.add(Integer.valueOf(rs.getString(1)));
                }
            }
            // Features add migrations (V2, V3 ...): the schema is at the newest one applied.
            assertThat(applied).contains(1);
            assertThat(database.schemaVersion()).isEqualTo(String.valueOf(java.util.Collections.max(applied)));
        }

        @Test
        void reopensAnUpToDateDatabaseWithoutMigratingAgain() {
            try (Database again = Database.open(testDatabase.config())) {
                assertThat(again.schemaVersion()).isEqualTo(database.schemaVersion());
                assertThat(again.kind()).isEqualTo(database.kind());
            }
        }
    }

    @Nested
    class OnH2 extends Contract {
        @Override
        protected TestDatabase.Kind kind() {
            return TestDatabase.Kind.H2;
        }

        @Test
        void embeddedDefaultIsAnH2FileUnderTheDataFolder() {
            assertThat(database.kind()).isEqualTo(Database.Kind.H2);
            assertThat(dataDir.resolve("data").resolve("hotline.mv.db")).exists();
        }
    }

    @Nested
    class OnMariaDb extends Contract {
        @Override
        protected TestDatabase.Kind kind() {
            return TestDatabase.Kind.MARIADB;
        }

        @Test
        void recognisesMariaDbBehindTheMySqlDriver() {
            assertThat(database.kind()).isEqualTo(Database.Kind.MARIADB);
            assertThat(database.sessionFactory().getProperties().get("hibernate.dialect"))
                    .isEqualTo("org.hibernate.dialect.MariaDBDialect");
        }
    }

    @Test
    void anUnreachableDatabaseIsOneLogLineAndAnExceptionWithoutStackTrace(@TempDir Path dir) {
        String url = "jdbc:mysql://127.0.0.1:1/hotline?user=root&password=secret";
        try (LogCapture logs = new LogCapture(Database.class)) {
            assertThatThrownBy(() -> Database.open(DatabaseConfig.external(url, null, null, dir)))
                    .isInstanceOf(DatabaseUnavailableException.class)
                    .hasMessageStartingWith("database unreachable at jdbc:mysql://127.0.0.1:1/hotline?user=root&password=***: ")
                    .hasMessageNotContaining("secret")
                    .satisfies(e -> assertThat(e.getStackTrace()).isEmpty());
            assertThat(logs.lines(Level.ERROR, "database unreachable")).hasSize(1);
            assertThat(logs.anyStackTrace()).isFalse();
        }
    }

    @Test
    void aLoggedConfigurationShowsNoPassword(@TempDir Path dir) {
        DatabaseConfig config = DatabaseConfig.external("jdbc:mysql://db/hotline?password=s3cret", "hotline", "t0p", dir);

        assertThat(config.toString()).doesNotContain("s3cret", "t0p").contains("password=***", "user=hotline");
    }

    @Test
    void rejectsUrlsOfOtherDatabases(@TempDir Path dir) {
        assertThatThrownBy(() -> DatabaseConfig.external("jdbc:postgresql://db/hotline", null, null, dir))
                .hasMessage("jdbcUrl: jdbc:postgresql://db/hotline (expected: jdbc:mysql://... or jdbc:h2:...)");
    }

    @Test
    void tellsMariaDbFromMySqlByTheServerVersion() {
        assertThat(Database.kindOf("MySQL", "5.5.5-10.11.19-MariaDB-0+deb12u1")).isEqualTo(Database.Kind.MARIADB);
        assertThat(Database.kindOf("MySQL", "8.4.3")).isEqualTo(Database.Kind.MYSQL);
        assertThat(Database.kindOf("H2", "2.5.252 (2025-10-01)")).isEqualTo(Database.Kind.H2);
    }

    @Test
    void embeddedUrlPointsIntoTheDataFolder(@TempDir Path dir) throws Exception {
        String url = DatabaseConfig.embedded(dir).effectiveUrl();

        assertThat(url).startsWith("jdbc:h2:file:" + dir.toAbsolutePath().resolve("data").resolve("hotline"))
                .contains(";MODE=MySQL");
        assertThat(Files.exists(dir.resolve("data"))).isFalse();
    }
}

package org.hotline.cti.testing;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.hotline.cti.storage.Database;
import org.hotline.cti.storage.DatabaseConfig;

/**
 * A fresh, empty database for one test class: H2 in MySQL mode in a temporary folder (the
 * embedded default), or a new schema {@code hotline_test_<random>} on the MariaDB/MySQL server of
 * {@code -Dhotline.test.mariadb.url}, dropped at the end. An unreachable server fails the test:
 * CI starts one.
 */
public final class TestDatabase implements AutoCloseable {
    public enum Kind { H2, MARIADB }

    static final String DEFAULT_MARIADB_URL = "jdbc:mysql://127.0.0.1:3306/test?user=root&password=";
    private static final Pattern URL = Pattern.compile("^(jdbc:mysql://[^/?]+/)([^?]*)(\\?.*)?$");

    private final DatabaseConfig config;
    private final String serverUrl;
    private final String schema;

    private TestDatabase(DatabaseConfig config, String serverUrl, String schema) {
        this.config = config;
        this.serverUrl = serverUrl;
        this.schema = schema;
    }

    public static TestDatabase create(Kind kind, Path dataDir) {
        return kind == Kind.H2 ? h2(dataDir) : mariaDb(dataDir);
    }

    public static TestDatabase h2(Path dataDir) {
        return new TestDatabase(DatabaseConfig.embedded(dataDir), null, null);
    }

    public static TestDatabase mariaDb(Path dataDir) {
        String base = System.getProperty("hotline.test.mariadb.url", DEFAULT_MARIADB_URL);
        if (base.isBlank()) {
            base = DEFAULT_MARIADB_URL;
        }
        Matcher m = URL.matcher(base);
        if (!m.matches()) {
            throw new IllegalArgumentException("hotline.test.mariadb.url: " + base + " (expected: jdbc:mysql://host:port/db?...)");
        }
        String schema = "hotline_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String params = m.group(3) == null ? "" : m.group(3);
        try (Connection c = DriverManager.getConnection(base); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + schema + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
        } catch (SQLException e) {
            throw new IllegalStateException("MariaDB for tests at " + Database.redact(base) + ": " + e.getMessage(), e);
        }
        String url = m.group(1) + schema + params;
        return new TestDatabase(DatabaseConfig.external(url, null, null, dataDir), base, schema);
    }

    public DatabaseConfig config() {
        return config;
    }

    /** Empties every table, children first. */
    public static void deleteAllRows(Database database) throws SQLException {
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement()) {
            for (String table : new String[] {"agent_skills", "users", "teams", "skills", "queue_required_skills",
                    "queue_overflow_skills", "queue_hours", "queue_numbers", "queues", "reason_codes", "sessions",
                    "call_detail_data", "call_detail_records", "call_segments", "agent_state_log", "report_call_interval",
                    "report_call_daily", "report_call_monthly", "report_state_interval", "report_state_daily",
                    "report_state_monthly"}) {
                s.executeUpdate("DELETE FROM " + table);
            }
        }
    }

    @Override
    public void close() throws SQLException {
        if (schema == null) {
            return;
        }
        try (Connection c = DriverManager.getConnection(serverUrl); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + schema);
        }
    }
}

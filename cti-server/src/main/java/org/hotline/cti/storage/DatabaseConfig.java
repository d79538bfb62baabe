package org.hotline.cti.storage;

import java.nio.file.Path;

import static java.util.Objects.requireNonNull;

/**
 * Where the database is. Without a JDBC URL, the embedded default: an H2 file database in
 * MySQL mode at {@code <dataDir>/data/hotline}. With one, MySQL or MariaDB through
 * mysql-connector-j (user and password may sit in the URL or be given here).
 *
 * @param jdbcUrl  {@code jdbc:mysql://host:3306/hotline}, {@code jdbc:h2:...}, or null for embedded H2
 * @param dataDir  the server's data folder (embedded database, outbox journal)
 * @param poolSize maximum connections of the pool
 */
public record DatabaseConfig(String jdbcUrl, String user, String password, Path dataDir, int poolSize) {
    public static final int DEFAULT_POOL_SIZE = 8;

    public DatabaseConfig {
        requireNonNull(dataDir, "dataDir");
        if (poolSize < 1) {
            throw new IllegalArgumentException("poolSize: " + poolSize + " (expected: >= 1)");
        }
        if (jdbcUrl != null && !jdbcUrl.startsWith("jdbc:mysql:") && !jdbcUrl.startsWith("jdbc:h2:")) {
            throw new IllegalArgumentException(
                    "jdbcUrl: " + Database.redact(jdbcUrl) + " (expected: jdbc:mysql://... or jdbc:h2:...)");
        }
    }

    /** The embedded default: H2 under {@code dataDir}. */
    public static DatabaseConfig embedded(Path dataDir) {
        return new DatabaseConfig(null, null, null, dataDir, DEFAULT_POOL_SIZE);
    }

    /** A server database; credentials may also be parameters of the URL. */
    public static DatabaseConfig external(String jdbcUrl, String user, String password, Path dataDir) {
        return new DatabaseConfig(requireNonNull(jdbcUrl, "jdbcUrl"), user, password, dataDir, DEFAULT_POOL_SIZE);
    }

    public boolean isEmbedded() {
        return jdbcUrl == null;
    }

    /** Without the password, so that a logged configuration leaks nothing. */
    @Override
    public String toString() {
        return "DatabaseConfig[url=" + (jdbcUrl == null ? "embedded" : Database.redact(jdbcUrl)) + ", user=" + user
                + ", password=" + (password == null ? "none" : "***") + ", dataDir=" + dataDir + ", poolSize=" + poolSize + "]";
    }

    /** The URL to connect to: the given one, or the embedded H2 file in MySQL mode. */
    public String effectiveUrl() {
        if (jdbcUrl != null) {
            return jdbcUrl;
        }
        Path file = dataDir.resolve("data").resolve("hotline").toAbsolutePath();
        // DB_CLOSE_ON_EXIT=FALSE: H2's own shutdown hook must not close the database while the
        // server's shutdown still delivers the outbox; Database.close() closes it.
        return "jdbc:h2:file:" + file + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_ON_EXIT=FALSE";
    }
}

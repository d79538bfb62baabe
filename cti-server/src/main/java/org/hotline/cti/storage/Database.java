package org.hotline.cti.storage;

import java.io.IOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Properties;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.MigrateResult;
import org.hibernate.HibernateException;
import org.hibernate.SessionFactory;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import static java.util.Objects.requireNonNull;

/**
 * The database of one CTI server: a HikariCP pool, the schema brought up to date by Flyway
 * (migrations from {@code db/migration} on the class path, shipped by {@code db-scripts}) and a
 * Hibernate {@link SessionFactory} that only validates the schema, never changes it.
 *
 * <p>MariaDB is reached through mysql-connector-j, which reports it as MySQL 5.5.5; the dialect
 * is therefore chosen here from the server's product version, not left to Hibernate's guess.
 */
public final class Database implements AutoCloseable {
    /** The database products the schema is written for. */
    public enum Kind { H2, MYSQL, MARIADB }

    private static final Logger log = LoggerFactory.getLogger(Database.class);
    private static final int CONNECT_TIMEOUT_MILLIS = 5_000;

    static final List<Class<?>> ENTITIES = List.of(UserEntity.class, TeamEntity.class, SkillEntity.class,
            QueueEntity.class, ReasonCodeEntity.class, SessionEntity.class, CallDetailRecordEntity.class,
            CallSegmentEntity.class, AgentStateLogEntity.class);

    private final Kind kind;
    private final HikariDataSource dataSource;
    private final SessionFactory sessionFactory;
    private final String schemaVersion;

    private Database(Kind kind, HikariDataSource dataSource, SessionFactory sessionFactory, String schemaVersion) {
        this.kind = kind;
        this.dataSource = dataSource;
        this.sessionFactory = sessionFactory;
        this.schemaVersion = schemaVersion;
    }

    /**
     * Connects, migrates and validates. When the database cannot be reached or prepared, logs
     * one line saying why and throws {@link DatabaseUnavailableException}.
     */
    public static Database open(DatabaseConfig config) {
        requireNonNull(config, "config");
        String url = config.effectiveUrl();
        if (config.isEmbedded()) {
            createEmbeddedFolder(config);
        }
        Kind kind = probe(config, url);
        HikariDataSource dataSource = pool(config, url, kind);
        try {
            String version = migrate(dataSource, url);
            SessionFactory sessionFactory = sessionFactory(dataSource, kind, url);
            log.info("database ready: {} at {}, schema version {}", kind, redact(url), version);
            Database database = new Database(kind, dataSource, sessionFactory, version);
            BufferPool.of(database).ifPresent(BufferPool::warnIfSmall);
            return database;
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
    }

    public Kind kind() {
        return kind;
    }

    /** The pooled data source; JDBC users (the outbox) borrow connections from it. */
    public DataSource dataSource() {
        return dataSource;
    }

    public SessionFactory sessionFactory() {
        return sessionFactory;
    }

    /** The Flyway version the schema is at, e.g. {@code "1"}. */
    public String schemaVersion() {
        return schemaVersion;
    }

    @Override
    public void close() {
        sessionFactory.close();
        dataSource.close();
    }

    /** The URL without its password, for logs and messages. */
    public static String redact(String url) {
        return url.replaceAll("(?i)(password=)[^&;]*", "$1***");
    }

    private static void createEmbeddedFolder(DatabaseConfig config) {
        try {
            Files.createDirectories(config.dataDir().resolve("data"));
        } catch (IOException e) {
            throw unavailable("cannot create the embedded database folder " + config.dataDir().resolve("data")
                    + ": " + e.getMessage());
        }
    }

    /** One plain connection before the pool exists, so a bad URL gives one clear line, not a pool's stack trace. */
    private static Kind probe(DatabaseConfig config, String url) {
        try (Connection connection = DriverManager.getConnection(url, connectionProperties(config, url))) {
            String product = connection.getMetaData().getDatabaseProductName();
            String version = connection.getMetaData().getDatabaseProductVersion();
            return kindOf(product, version);
        } catch (SQLException e) {
            throw unavailable("database unreachable at " + redact(url) + ": " + firstLine(e.getMessage())
                    + " (check the JDBC URL, that the server runs and the user and password)");
        }
    }

    static Kind kindOf(String product, String version) {
        if (product.toLowerCase().contains("h2")) {
            return Kind.H2;
        }
        if (product.toLowerCase().contains("mariadb") || version.toLowerCase().contains("mariadb")) {
            return Kind.MARIADB;
        }
        if (product.toLowerCase().contains("mysql")) {
            return Kind.MYSQL;
        }
        throw unavailable("database product " + product + " " + version + " (expected: MySQL 8, MariaDB 10.6+ or H2)");
    }

    private static Properties connectionProperties(DatabaseConfig config, String url) {
        Properties properties = new Properties();
        if (config.user() != null) {
            properties.setProperty("user", config.user());
        }
        if (config.password() != null) {
            properties.setProperty("password", config.password());
        }
        if (url.startsWith("jdbc:mysql:")) {
            properties.setProperty("connectTimeout", String.valueOf(CONNECT_TIMEOUT_MILLIS));
        }
        return properties;
    }

    private static HikariDataSource pool(DatabaseConfig config, String url, Kind kind) {
        HikariConfig hikari = new HikariConfig();
        hikari.setPoolName("hotline-db");
        hikari.setJdbcUrl(url);
        hikari.setUsername(config.user());
        hikari.setPassword(config.password());
        hikari.setMaximumPoolSize(config.poolSize());
        hikari.setMinimumIdle(1);
        // Callers (logins, the outbox) should learn quickly that the database is gone.
        hikari.setConnectionTimeout(CONNECT_TIMEOUT_MILLIS);
        if (kind != Kind.H2) {
            hikari.addDataSourceProperty("connectTimeout", String.valueOf(CONNECT_TIMEOUT_MILLIS));
            // Turns the outbox's JDBC batches into multi-row INSERTs: one round trip per batch.
            hikari.addDataSourceProperty("rewriteBatchedStatements", "true");
            hikari.addDataSourceProperty("cachePrepStmts", "true");
        }
        return new HikariDataSource(hikari);
    }

    private static String migrate(DataSource dataSource, String url) {
        try {
            Flyway flyway = Flyway.configure()
                    .dataSource(dataSource)
                    .locations("classpath:db/migration")
                    .failOnMissingLocations(true)
                    .load();
            MigrateResult result = flyway.migrate();
            if (result.migrationsExecuted > 0) {
                log.info("database schema migrated from {} to {} ({} migrations)",
                        result.initialSchemaVersion == null ? "empty" : result.initialSchemaVersion,
                        result.targetSchemaVersion, result.migrationsExecuted);
            }
            return flyway.info().current().getVersion().getVersion();
        } catch (FlywayException e) {
            throw unavailable("database schema migration failed at " + redact(url) + ": " + firstLine(e.getMessage()));
        }
    }

    private static SessionFactory sessionFactory(DataSource dataSource, Kind kind, String url) {
        StandardServiceRegistryBuilder settings = new StandardServiceRegistryBuilder()
                .applySetting("hibernate.connection.datasource", dataSource)
                // Flyway owns the schema; Hibernate only checks that the entities match it.
                .applySetting("hibernate.hbm2ddl.auto", "validate")
                // DATETIME columns hold UTC whatever the server's or the JVM's zone.
                .applySetting("hibernate.jdbc.time_zone", "UTC")
                .applySetting("hibernate.type.preferred_instant_jdbc_type", "TIMESTAMP")
                .applySetting("hibernate.jdbc.batch_size", 50)
                .applySetting("hibernate.order_inserts", true)
                .applySetting("hibernate.default_batch_fetch_size", 64);
        if (kind == Kind.MARIADB) {
            settings.applySetting("hibernate.dialect", "org.hibernate.dialect.MariaDBDialect");
        }
        StandardServiceRegistry registry = settings.build();
        try {
            MetadataSources sources = new MetadataSources(registry);
            ENTITIES.forEach(sources::addAnnotatedClass);
            return sources.buildMetadata().buildSessionFactory();
        } catch (HibernateException e) {
            StandardServiceRegistryBuilder.destroy(registry);
            throw unavailable("database schema at " + redact(url) + " does not match this server: "
                    + firstLine(e.getMessage()));
        }
    }

    private static DatabaseUnavailableException unavailable(String message) {
        log.error(message);
        return new DatabaseUnavailableException(message);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "(no message)";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}

package org.hotline.cti.storage;

import java.nio.file.Path;
import java.time.Clock;

import org.hotline.cti.agents.AgentDirectory;
import org.hotline.cti.calls.CdrWriter;
import org.hotline.cti.routing.QueueDirectory;
import org.hotline.cti.security.PasswordHasher;
import org.hotline.cti.security.SessionStore;
import org.hotline.cti.stats.RollupSettings;

import static java.util.Objects.requireNonNull;

/**
 * The persistence of one CTI server, wired: the database, the directory ports, the session
 * store, the CDR writer with its durable outbox (journal in {@code <dataDir>/outbox}) and the
 * read side of call records. On the first start of the embedded default the
 * {@link DemoData} is seeded. {@link #close()} stops the outbox before the database so that
 * queued records still get in.
 */
public final class Storage implements AutoCloseable {
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Storage.class);
    private final Database database;
    private final HibernateAgentDirectory agents;
    private final HibernateQueueDirectory queues;
    private final HibernateSessionStore sessions;
    private final DirectoryAdmin admin;
    private final CallRecords callRecords;
    private final DurableOutbox outbox;

    private Storage(Database database, HibernateAgentDirectory agents, HibernateQueueDirectory queues,
                    HibernateSessionStore sessions, DirectoryAdmin admin, CallRecords callRecords, DurableOutbox outbox) {
        this.database = database;
        this.agents = agents;
        this.queues = queues;
        this.sessions = sessions;
        this.admin = admin;
        this.callRecords = callRecords;
        this.outbox = outbox;
    }

    /**
     * Opens the database (failing with {@link DatabaseUnavailableException} when it cannot be
     * reached), seeds the demo data into an empty embedded database, and opens the outbox, which
     * first replays what the last run left in its journal.
     */
    public static Storage open(DatabaseConfig config, String siteId, Clock clock, PasswordHasher hasher,
                               OutboxSettings outboxSettings) {
        return open(config, siteId, clock, hasher, outboxSettings, config.isEmbedded());
    }

    /** As {@link #open(DatabaseConfig, String, Clock, PasswordHasher, OutboxSettings)}, seeding demo data only if asked. */
    public static Storage open(DatabaseConfig config, String siteId, Clock clock, PasswordHasher hasher,
                               OutboxSettings outboxSettings, boolean seedDemoData) {
        return open(config, siteId, clock, hasher, outboxSettings, seedDemoData, RollupSettings.defaults());
    }

    /** As above, with the outbox rolling records up for reports by {@code rollups} (ADR 0011). */
    public static Storage open(DatabaseConfig config, String siteId, Clock clock, PasswordHasher hasher,
                               OutboxSettings outboxSettings, boolean seedDemoData, RollupSettings rollups) {
        requireNonNull(config, "config");
        requireNonNull(siteId, "siteId");
        requireNonNull(clock, "clock");
        requireNonNull(hasher, "hasher");
        requireNonNull(outboxSettings, "outboxSettings");
        Database database = Database.open(config);
        try {
            DirectoryAdmin admin = new DirectoryAdmin(database.sessionFactory(), siteId, hasher, clock);
            if (seedDemoData && DemoData.seedIfEmpty(admin)) {
                log.info("empty database: demo agents, queues and reason codes created (see README)");
            }
            DurableOutbox outbox = DurableOutbox.open(outboxDirectory(config.dataDir()), database.dataSource(),
                    outboxSettings, requireNonNull(rollups, "rollups"));
            return new Storage(database,
                    new HibernateAgentDirectory(database.sessionFactory(), siteId),
                    new HibernateQueueDirectory(database.sessionFactory(), siteId),
                    new HibernateSessionStore(database.sessionFactory(), siteId, clock),
                    admin,
                    new CallRecords(database.sessionFactory(), siteId),
                    outbox);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    /** Where the outbox journal of a data folder lives. */
    public static Path outboxDirectory(Path dataDir) {
        return dataDir.resolve("outbox");
    }

    public Database database() {
        return database;
    }

    public AgentDirectory agents() {
        return agents;
    }

    public QueueDirectory queues() {
        return queues;
    }

    public SessionStore sessions() {
        return sessions;
    }

    public DirectoryAdmin admin() {
        return admin;
    }

    public CallRecords callRecords() {
        return callRecords;
    }

    /** The CDR writer; its {@link DurableOutbox#depth()} is the outbox-depth metric. */
    public DurableOutbox outbox() {
        return outbox;
    }

    /** Convenience for wiring the live model, which only needs the port. */
    public CdrWriter cdrWriter() {
        return outbox;
    }

    @Override
    public void close() {
        try {
            outbox.close();
        } finally {
            database.close();
        }
    }
}

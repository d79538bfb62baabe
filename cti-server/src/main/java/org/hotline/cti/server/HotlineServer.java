package org.hotline.cti.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.grpc.InsecureServerCredentials;
import io.grpc.ServerCredentials;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.hotline.cti.admin.AdminFeature;
import org.hotline.cti.agents.AgentProfile;
import org.hotline.cti.api.ApiServer;
import org.hotline.cti.core.CallCenter;
import org.hotline.cti.core.CallCenterConfig;
import org.hotline.cti.core.QueueView;
import org.hotline.cti.core.ThreadEventLoop;
import org.hotline.cti.customers.CustomerFeature;
import org.hotline.cti.ops.EventLoopHealthCheck;
import org.hotline.cti.ops.HealthCheck;
import org.hotline.cti.ops.HealthChecks;
import org.hotline.cti.ops.JvmMetrics;
import org.hotline.cti.ops.LatencyRecorder;
import org.hotline.cti.ops.OpsServer;
import org.hotline.cti.ops.OpsSettings;
import org.hotline.cti.routing.QueueDefinition;
import org.hotline.cti.security.PasswordHasher;
import org.hotline.cti.security.Session;
import org.hotline.cti.security.SessionRegistry;
import org.hotline.cti.security.TlsMaterial;
import org.hotline.cti.security.ServerNames;
import org.hotline.cti.storage.Database;
import org.hotline.cti.storage.DatabaseConfig;
import org.hotline.cti.storage.CustomerDemoData;
import org.hotline.cti.storage.DemoData;
import org.hotline.cti.knowledge.BulletinBoard;
import org.hotline.cti.knowledge.JdbcKnowledgeStore;
import org.hotline.cti.knowledge.KnowledgeBase;
import org.hotline.cti.knowledge.KnowledgeDemoData;
import org.hotline.cti.knowledge.KnowledgeIndex;
import org.hotline.cti.storage.DirectoryAdmin;
import org.hotline.cti.stats.Reports;
import org.hotline.cti.stats.RollupSettings;
import org.hotline.cti.storage.DurableOutbox;
import org.hotline.cti.storage.JdbcBlacklist;
import org.hotline.cti.storage.JdbcContactHistory;
import org.hotline.cti.storage.JdbcCustomers;
import org.hotline.cti.storage.OutboxSettings;
import org.hotline.cti.storage.Storage;
import org.hotline.cti.switching.Switch;
import org.hotline.cti.switching.asterisk.AsteriskSettings;
import org.hotline.cti.switching.asterisk.AsteriskSwitch;
import org.hotline.cti.switching.asterisk.FastAgiServer;
import org.hotline.cti.switching.sim.SimSwitch;
import org.hotline.cti.switching.sim.SimSwitchConfig;
import org.hotline.cti.workorders.SlaScheduler;
import org.hotline.cti.workorders.WorkOrderDemoData;
import org.hotline.cti.workorders.WorkOrderFeature;
import org.hotline.cti.workorders.WorkOrders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root of the CTI server: database, outbox, switch, live model, gRPC API and
 * the operations endpoint, built in order and closed in reverse. Nothing else wires objects.
 */
public final class HotlineServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(HotlineServer.class);
    private static final Duration SESSION_TIMEOUT = Duration.ofSeconds(90);

    private final ServerOptions options;
    private final Database database;
    private final DurableOutbox outbox;
    private final ThreadEventLoop loop;
    private final ThreadEventLoop switchLoop;
    private final Switch sw;
    private final CallCenter center;
    private final ApiServer api;
    private final OpsServer ops;
    private final JvmMetrics jvmMetrics;
    private final PrometheusMeterRegistry metrics;
    private final ScheduledExecutorService housekeeping;
    private final SessionRegistry sessions;
    private final org.hotline.cti.agents.AgentDirectory directory;
    private final Storage storage;
    private final DirectoryAdmin admin;
    private final String fingerprint;
    private final List<AgentProfile> agents;
    private final WorkOrderFeature workOrders;
    private final SlaScheduler slaScheduler;
    private final KnowledgeIndex knowledgeIndex;
    private final CustomerFeature customers;

    private HotlineServer(ServerOptions o) throws IOException {
        this.options = o;
        Clock clock = Clock.systemDefaultZone();
        Files.createDirectories(o.dataDir());
        DatabaseConfig dbConfig = o.dbUrl().isEmpty() ? DatabaseConfig.embedded(o.dataDir())
                : DatabaseConfig.external(o.dbUrl(), o.dbUser(), o.dbPassword(), o.dataDir());
        PasswordHasher hasher = new PasswordHasher();
        RollupSettings rollups = RollupSettings.fromEnvironment(System.getenv());
        storage = Storage.open(dbConfig, o.siteId(), clock, hasher, OutboxSettings.defaults(),
                o.seedDemoData() && dbConfig.isEmbedded(), rollups);
        database = storage.database();
        admin = storage.admin();
        outbox = storage.outbox();
        directory = storage.agents();
        List<QueueDefinition> queues = storage.queues().queues();
        agents = directory.agents();
        if (queues.isEmpty()) {
            storage.close();
            throw new IllegalStateException("no queues configured for site " + o.siteId()
                    + " (expected at least one; start once with demo data or add queues)");
        }
        // The search index lives beside the data and is rebuilt from the database at every start.
        JdbcKnowledgeStore knowledgeStore = new JdbcKnowledgeStore(database.dataSource(), o.siteId());
        knowledgeIndex = KnowledgeIndex.open(o.dataDir().resolve("knowledge-index"));
        KnowledgeBase knowledge = KnowledgeBase.open(knowledgeStore, knowledgeIndex, clock);
        if (o.seedDemoData() && o.dbUrl().isEmpty()) {
            KnowledgeDemoData.seedIfEmpty(knowledge);
        }

        loop = new ThreadEventLoop("cti-loop", clock);
        if (o.switchKind().equals("sim")) {
            switchLoop = new ThreadEventLoop("sim-pbx", clock);
            sw = new SimSwitch(switchLoop, SimSwitchConfig.defaults(o.dataDir().resolve("recordings"))
                    .withTrunks(o.simTrunks()).withExtensions(java.util.regex.Pattern.compile("\\d{3,6}")), Executors.newSingleThreadExecutor(
                    r -> daemon(r, "recording-writer")));
        } else {
            switchLoop = null;
            ServerOptions.AsteriskOptions a = o.asterisk();
            sw = new AsteriskSwitch(AsteriskSettings.defaults(a.host(), a.amiPort(), a.user(), a.secret()), clock)
                    .withFastAgi(new FastAgiServer(java.net.InetAddress.getByName("0.0.0.0"), a.agiPort(),
                            FastAgiServer.Ivr.lab(), clock));
        }
        String defaultQueue = queues.stream().filter(q -> q.queueId().equals("general")).findFirst()
                .orElse(queues.get(0)).queueId();
        center = new CallCenter(loop, sw, outbox, new CallCenterConfig(o.siteId(), o.ringNoAnswer(),
                o.afterCallWork(), defaultQueue, java.time.ZoneId.systemDefault()), new LatencyRecorder());

        sessions = new SessionRegistry(storage.sessions(), clock);
        Map<String, String> restore = new HashMap<>();
        for (Session s : sessions.restore()) {
            if (s.role().canWorkCalls() && !s.extension().isEmpty()) {
                restore.put(s.agentId(), s.extension());
            }
        }
        ServerCredentials credentials;
        if (o.plaintext()) {
            credentials = InsecureServerCredentials.create();
            fingerprint = "";
            log.warn("gRPC without TLS: only for a trusted network (explicitly asked for with --plaintext)");
        } else {
            TlsMaterial tls = o.tlsCert() != null ? TlsMaterial.load(o.tlsCert(), o.tlsKey(), clock)
                    : TlsMaterial.loadOrCreate(o.dataDir(), ServerNames.forThisHost(o.tlsNames()), clock);
            credentials = tls.serverCredentials();
            fingerprint = tls.fingerprint().toString();
        }
        workOrders = WorkOrderFeature.open(database.dataSource(), new WorkOrders.Settings(o.siteId(), DemoData.ZONE,
                o.dataDir(), Duration.ofHours(24)), clock, rollups.zone());
        if (o.seedDemoData() && WorkOrderDemoData.seedIfEmpty(workOrders, DemoData.ZONE)) {
            log.info("first start: demo work-order types, departments and SLA policies created");
        }
        customers = customerFeature(o, clock);
        api = new ApiServer(new ApiServer.Listen.Tcp(o.grpcHost(), o.grpcPort(), credentials), center, directory,
                hasher::verify, sessions, o.streamLimits(), workOrders, customers,
                knowledge, new BulletinBoard(knowledgeStore, clock),
                new org.hotline.cti.storage.JdbcAgentHistory(database.dataSource(), o.siteId()),
                new Reports(database.dataSource(), rollups), o.siteId(),
                AdminFeature.open(admin, directory, storage.queues(), workOrders, center, clock));
        customers.attachTo(center, api.hub().screenPops());
        center.start(agents, queues, directory.reasonCodes(), restore, directory.lastStates())
                .toCompletableFuture().join();
        api.start();

        metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        jvmMetrics = JvmMetrics.bindTo(metrics);
        bindMetrics();
        HealthChecks health = new HealthChecks()
                .register("event-loop", new EventLoopHealthCheck(loop, Duration.ofSeconds(1)))
                .register("database", () -> outbox.depth() < 100_000 ? HealthCheck.Result.up("outbox " + outbox.depth())
                        : HealthCheck.Result.down("outbox backlog " + outbox.depth() + ": database unreachable?"));
        ops = OpsServer.start(OpsSettings.defaults().withBindAddress(o.opsHost()).withPort(o.opsPort()), metrics, health);

        housekeeping = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "housekeeping"));
        housekeeping.scheduleWithFixedDelay(this::expireSessions, 15, 15, TimeUnit.SECONDS);
        slaScheduler = new SlaScheduler(workOrders.orders(), housekeeping, Duration.ofSeconds(30));
        housekeeping.scheduleWithFixedDelay(customers::refreshBlacklist, 30, 30, TimeUnit.SECONDS);
        log.info("Hotline CTI server up: gRPC {}:{} ({}), metrics http://{}:{}/metrics, switch {}, database {}",
                o.grpcHost(), api.port(), o.plaintext() ? "plaintext" : "TLS, certificate SHA-256 " + fingerprint,
                o.opsHost(), ops.port(), sw.name(), database.kind());
    }

    /** Builds and starts everything, or fails with one clear message. */
    public static HotlineServer start(ServerOptions options) {
        try {
            return new HotlineServer(options);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Customers on our own tables (demo customers on the first embedded start); work orders plug in later. */
    private CustomerFeature customerFeature(ServerOptions o, Clock clock) {
        JdbcCustomers directory = new JdbcCustomers(database.dataSource(), o.siteId(), clock);
        if (o.seedDemoData() && o.dbUrl().isEmpty()) {
            CustomerDemoData.seedIfEmpty(directory, CustomerDemoData.DEMO_COUNT, clock);
        }
        return new CustomerFeature(directory, new JdbcContactHistory(database.dataSource(), o.siteId()),
                new JdbcBlacklist(database.dataSource(), o.siteId()),
                new org.hotline.cti.workorders.OpenWorkOrdersForPop(workOrders.orders()), clock, 4);
    }

    private void bindMetrics() {
        Gauge.builder("hotline_event_loop_backlog", loop, ThreadEventLoop::backlog)
                .description("tasks waiting on the live model's event loop").register(metrics);
        Gauge.builder("hotline_outbox_depth", outbox, DurableOutbox::depth)
                .description("records journalled and not yet in the database").register(metrics);
        Gauge.builder("hotline_stream_buffered_messages", api.hub(), h -> h.bufferedMessages())
                .description("messages waiting in client stream buffers").register(metrics);
        Gauge.builder("hotline_stream_clients", api.hub(), h -> h.connectedClients())
                .description("connected desk, supervisor and wallboard streams").register(metrics);
        Gauge.builder("hotline_route_decision_p99_seconds", center.routeDecisions(),
                r -> r.snapshot().getValueAtPercentile(99) / 1e9).description("routing decision time, p99").register(metrics);
        MetricsListener listener = new MetricsListener(metrics);
        center.addListener(listener);
    }

    private void expireSessions() {
        for (Session s : sessions.idleLongerThan(SESSION_TIMEOUT)) {
            log.info("session of {} expired (no heartbeat for {} s): logging out", s.agentId(),
                    SESSION_TIMEOUT.toSeconds());
            sessions.close(s);
            if (s.role().canWorkCalls() && !s.extension().isEmpty()) {
                center.logout(s.agentId(), true);
            }
        }
    }

    public CallCenter center() {
        return center;
    }

    public Switch switchPort() {
        return sw;
    }

    public int grpcPort() {
        return api.port();
    }

    public int opsPort() {
        return ops.port();
    }

    public String fingerprint() {
        return fingerprint;
    }

    public List<AgentProfile> agents() {
        return agents;
    }

    public DirectoryAdmin admin() {
        return admin;
    }

    public DurableOutbox outbox() {
        return outbox;
    }

    public WorkOrderFeature workOrders() {
        return workOrders;
    }

    public Database database() {
        return database;
    }

    public CustomerFeature customers() {
        return customers;
    }

    public ApiServer api() {
        return api;
    }

    public ServerOptions options() {
        return options;
    }

    /** A one-line status for operators: calls waiting, agents by state, today's calls. */
    public String statusLine() {
        return center.read(r -> {
            int waiting = 0;
            int offered = 0;
            int answered = 0;
            int abandoned = 0;
            for (QueueView q : r.queues()) {
                waiting += q.waiting().size();
                offered += q.today().offered();
                answered += q.today().answered();
                abandoned += q.today().abandoned();
            }
            Map<String, Integer> states = new java.util.TreeMap<>();
            r.agents().forEach(a -> {
                if (a.state() != org.hotline.cti.agents.AgentState.LOGGED_OUT) {
                    states.merge(a.state().name().toLowerCase(), 1, Integer::sum);
                }
            });
            return String.format("waiting %d | agents %s | offered %d answered %d abandoned %d | outbox %d",
                    waiting, states, offered, answered, abandoned, outbox.depth());
        }).toCompletableFuture().join();
    }

    @Override
    public void close() {
        slaScheduler.close();
        housekeeping.shutdownNow();
        ops.close();
        api.close();
        sw.close();
        loop.close();
        customers.close();
        if (switchLoop != null) {
            switchLoop.close();
        }
        knowledgeIndex.close();
        jvmMetrics.close();
        storage.close();
        log.info("Hotline CTI server stopped");
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }
}

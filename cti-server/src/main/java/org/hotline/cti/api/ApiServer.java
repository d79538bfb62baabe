package org.hotline.cti.api;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.BiPredicate;

import io.grpc.InsecureServerCredentials;
import io.grpc.Server;
import io.grpc.ServerCredentials;
import io.grpc.ServerInterceptors;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import org.hotline.cti.admin.AdminAudit;
import org.hotline.cti.admin.AdminFeature;
import org.hotline.cti.agents.AgentDirectory;
import org.hotline.cti.calls.AgentHistory;
import org.hotline.cti.core.CallCenter;
import org.hotline.cti.knowledge.BulletinBoard;
import org.hotline.cti.knowledge.KnowledgeBase;
import org.hotline.cti.customers.CustomerFeature;
import org.hotline.cti.security.SessionRegistry;
import org.hotline.cti.stats.Reports;
import org.hotline.cti.workorders.WorkOrderFeature;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gRPC API of the CTI server: the Session, AgentDesk, Supervision, Wallboard, Knowledge, Administration ... services
 * behind the session interceptor, over TLS (or plaintext when configured, or in-process for tests).
 */
public final class ApiServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ApiServer.class);

    private final Server server;
    private final ExecutorService executor;
    private final ExecutorService authExecutor;
    private final ExecutorService historyWorkers;
    private final ExecutorService drainer;
    private final StreamHub hub;

    /** Where to listen: a TCP port with credentials, or an in-process name. */
    public sealed interface Listen {
        record Tcp(String host, int port, ServerCredentials credentials) implements Listen {}

        record InProcess(String name) implements Listen {}

        static Listen plaintext(String host, int port) {
            return new Tcp(host, port, InsecureServerCredentials.create());
        }
    }

    public ApiServer(Listen listen, CallCenter center, AgentDirectory directory,
                     BiPredicate<String, String> passwordMatches, SessionRegistry sessions, StreamHub.Limits limits) {
        this(listen, center, directory, passwordMatches, sessions, limits, null, null, null, null, null, null, null, null);
    }

    /**
     * The API with the features that are configured (each may be null, then its services are not served).
     *
     * @param workOrders the work-order feature
     * @param customers  customers, contact history, blacklist and the screen pop
     * @param knowledge  the knowledge base (with {@code bulletins})
     * @param history    what the outbox wrote about agents (my day, my call history)
     * @param reports    the Reports service over the rollups, for site {@code reportSite} (null: not served)
     * @param admin      the Administration service; its audit also records changes made through the work-order,
     *                   knowledge and blacklist services, so it is needed whenever one of those is served
     */
    public ApiServer(Listen listen, CallCenter center, AgentDirectory directory,
                     BiPredicate<String, String> passwordMatches, SessionRegistry sessions, StreamHub.Limits limits,
                     WorkOrderFeature workOrders, CustomerFeature customers, KnowledgeBase knowledge,
                     BulletinBoard bulletins, AgentHistory history, Reports reports, String reportSite,
                     AdminFeature admin) {
        int cores = Runtime.getRuntime().availableProcessors();
        this.executor = pool(Math.max(2, cores), "grpc");
        this.drainer = pool(Math.max(2, cores), "stream-drain");
        // bcrypt is slow by design: a small pool, and a bounded queue so a login storm cannot eat the server.
        // Desk history queries block on the database: their own small bounded pool, never the gRPC threads.
        this.historyWorkers = new ThreadPoolExecutor(2, 2, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(1_000),
                daemon("desk-history"));
        this.authExecutor = new ThreadPoolExecutor(2, 2, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(5_000),
                daemon("auth"));
        this.hub = new StreamHub(drainer, limits);
        center.addListener(hub);
        // Published bulletins reach the hub on the loop, so a desk gets each in its snapshot or as an event, once.
        if (bulletins != null) {
            bulletins.onPublish(b -> center.read(r -> {
                hub.bulletin(b, java.time.Instant.now());
                return null;
            }));
            center.read(r -> {
                bulletins.notExpired().forEach(b -> hub.bulletin(b, java.time.Instant.now()));
                return null;
            });
        }
        RequestIds requestIds = new RequestIds(100_000);
        AuthInterceptor auth = new AuthInterceptor(sessions);
        var services = new java.util.ArrayList<>(java.util.List.of(
                ServerInterceptors.intercept(new SessionService(directory, passwordMatches, sessions, center, hub,
                        authExecutor, 10), auth),
                ServerInterceptors.intercept(new AgentDeskService(center, hub, requestIds, history, historyWorkers), auth),
                ServerInterceptors.intercept(new SupervisionService(center, hub, requestIds), auth),
                ServerInterceptors.intercept(new WallboardService(center, hub), auth)));
        AdminAudit audit = admin == null ? null : admin.audit();
        if (admin != null) {
            services.add(ServerInterceptors.intercept(new AdminService(admin, requestIds, executor, sessions, hub, center),
                    auth));
        }
        if (workOrders != null) {
            services.add(ServerInterceptors.intercept(new WorkOrderService(workOrders, requestIds, audit), auth));
        }
        if (knowledge != null) {
            services.add(ServerInterceptors.intercept(new KnowledgeService(knowledge, bulletins, center, requestIds,
                    audit), auth));
        }
        if (customers != null) {
            services.add(ServerInterceptors.intercept(new CustomerService(customers, requestIds), auth));
            services.add(ServerInterceptors.intercept(new ContactHistoryService(customers, requestIds), auth));
            services.add(ServerInterceptors.intercept(new BlacklistService(customers, center, audit), auth));
        }
        if (reports != null) {
            services.add(ServerInterceptors.intercept(new ReportService(reports, reportSite, executor), auth));
        }
        io.grpc.ServerBuilder<?> b;
        if (listen instanceof Listen.Tcp tcp) {
            b = NettyServerBuilder.forAddress(new InetSocketAddress(tcp.host(), tcp.port()), tcp.credentials())
                    .permitKeepAliveTime(10, TimeUnit.SECONDS)
                    .permitKeepAliveWithoutCalls(true);
        } else {
            b = InProcessServerBuilder.forName(((Listen.InProcess) listen).name());
        }
        services.forEach(b::addService);
        this.server = b.executor(executor).build();
    }

    public ApiServer start() throws IOException {
        server.start();
        return this;
    }

    public int port() {
        return server.getPort();
    }

    public StreamHub hub() {
        return hub;
    }

    @Override
    public void close() {
        server.shutdown();
        try {
            // Streams are long-lived: give unary calls a moment, then end the streams.
            if (!server.awaitTermination(500, TimeUnit.MILLISECONDS)) {
                server.shutdownNow();
                server.awaitTermination(2, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            server.shutdownNow();
        }
        executor.shutdownNow();
        drainer.shutdownNow();
        authExecutor.shutdownNow();
        historyWorkers.shutdownNow();
    }

    /**
     * A fixed pool whose queue is unbounded, so it refuses work only once it is shut down. Netty
     * still reports the end of streams whose clients went away after the server stopped; those
     * late notices are dropped with a debug line instead of a stack trace per stream.
     */
    static ExecutorService pool(int threads, String name) {
        return new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(),
                daemon(name), (task, pool) -> log.debug("{} pool stopped; dropped {}", name, task));
    }

    static java.util.concurrent.ThreadFactory daemon(String name) {
        java.util.concurrent.atomic.AtomicInteger n = new java.util.concurrent.atomic.AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

}

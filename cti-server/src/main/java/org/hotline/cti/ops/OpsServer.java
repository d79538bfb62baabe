package org.hotline.cti.ops;

import static java.util.Objects.requireNonNull;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operations endpoint: {@code GET /metrics} in the Prometheus text format and
 * {@code GET /health}, 200 with {@code {"status":"UP",...}} when every {@link HealthCheck} passes,
 * 503 with {@code "DOWN"} otherwise.
 *
 * <p>Plain JDK HTTP on its own two request threads and a few health-check threads, apart from gRPC
 * and the event loop, so a scrape can neither slow calls down nor be starved by them. Bound to
 * loopback unless configured otherwise.
 */
public final class OpsServer implements AutoCloseable {

    static final String TEXT_FORMAT = "text/plain; version=0.0.4; charset=utf-8";
    static final String PLAIN_TEXT = "text/plain; charset=utf-8";
    static final String OPENMETRICS_FORMAT = "application/openmetrics-text; version=1.0.0; charset=utf-8";

    private static final Logger LOG = LoggerFactory.getLogger(OpsServer.class);

    static {
        // The JDK server sends headers and body in separate segments; with Nagle on, each answer then
        // waits for the client's delayed ACK, ~40 ms per request. Read once, when the first
        // HttpServer is made, so it is set here; an operator's own -D setting wins.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private static final int THREADS = 2;
    private static final int QUEUED_REQUESTS = 32;
    private static final int MAX_HEALTH_THREADS = 8;

    private final HttpServer http;
    private final ExecutorService requestThreads;
    private final ExecutorService healthThreads;
    private final PrometheusMeterRegistry registry;
    private final HealthChecks healthChecks;
    private final OpsSettings settings;

    private OpsServer(OpsSettings settings, PrometheusMeterRegistry registry, HealthChecks healthChecks)
            throws IOException {
        this.settings = settings;
        this.registry = registry;
        this.healthChecks = healthChecks;
        // Beyond the queue the dispatcher thread serves the request itself: it stops accepting for a
        // moment instead of queueing without bound.
        this.requestThreads = new ThreadPoolExecutor(THREADS, THREADS, 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(QUEUED_REQUESTS), daemonThreads("ops-http"),
                new ThreadPoolExecutor.CallerRunsPolicy());
        // HealthChecks runs each check at most once at a time, so this bounds the checks that may hang
        // at once; beyond it a check is reported down as not run.
        this.healthThreads = new ThreadPoolExecutor(0, MAX_HEALTH_THREADS, 60, TimeUnit.SECONDS,
                new SynchronousQueue<>(), daemonThreads("ops-health"), new ThreadPoolExecutor.AbortPolicy());
        try {
            this.http = HttpServer.create(new InetSocketAddress(settings.bindAddress(), settings.port()), 0);
        } catch (IOException | RuntimeException e) { // an unresolvable bind address is an unchecked exception
            shutdownThreads();
            throw new IOException("cannot listen for /metrics and /health on " + settings.bindAddress() + ":"
                    + settings.port() + ": " + e + " (expected: a free port on an address of this machine)", e);
        }
        http.setExecutor(requestThreads);
        http.createContext("/", this::handle);
    }

    /** Binds and starts serving; the server runs until {@link #close()}. */
    public static OpsServer start(OpsSettings settings, PrometheusMeterRegistry registry, HealthChecks healthChecks)
            throws IOException {
        requireNonNull(settings, "settings");
        requireNonNull(registry, "registry");
        requireNonNull(healthChecks, "healthChecks");
        OpsServer server = new OpsServer(settings, registry, healthChecks);
        server.http.start();
        LOG.info("Ops endpoint listening on http://{}:{} (/metrics, /health with checks {})",
                server.address().getHostString(), server.port(), healthChecks.names());
        return server;
    }

    /** The address actually bound. */
    public InetSocketAddress address() {
        return http.getAddress();
    }

    /** The port actually bound: the configured one, or the free one picked for port 0. */
    public int port() {
        return http.getAddress().getPort();
    }

    /** Stops listening at once; requests in flight are cut off. */
    @Override
    public void close() {
        int port = port();
        http.stop(0);
        shutdownThreads();
        LOG.info("Ops endpoint on port {} stopped", port);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            route(exchange);
        } catch (RuntimeException e) {
            // A bug in a meter or a check: this request fails, the server stays up, the operator sees why.
            LOG.warn("Ops endpoint failed to answer {} {}", exchange.getRequestMethod(), exchange.getRequestURI(), e);
        }
    }

    private void route(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        if (!method.equals("GET") && !method.equals("HEAD")) {
            exchange.getResponseHeaders().set("Allow", "GET, HEAD");
            respond(exchange, 405, PLAIN_TEXT, method + " is not supported (expected: GET or HEAD)\n");
            return;
        }
        try {
            switch (path) {
                case "/metrics" -> serveMetrics(exchange);
                case "/health" -> serveHealth(exchange);
                default -> respond(exchange, 404, PLAIN_TEXT, path + " not found (expected: /metrics or /health)\n");
            }
        } catch (RuntimeException e) {
            if (exchange.getResponseCode() == -1) {
                respond(exchange, 500, PLAIN_TEXT, "internal error: " + e + "\n");
            }
            throw e;
        }
    }

    private void serveMetrics(HttpExchange exchange) throws IOException {
        String accept = exchange.getRequestHeaders().getFirst("Accept");
        String format = accept != null && accept.toLowerCase(Locale.ROOT).contains("application/openmetrics-text")
                ? OPENMETRICS_FORMAT
                : TEXT_FORMAT;
        respond(exchange, 200, format, registry.scrape(format));
    }

    private void serveHealth(HttpExchange exchange) throws IOException {
        HealthReport report = healthChecks.run(healthThreads, settings.healthCheckTimeout());
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        respond(exchange, report.healthy() ? 200 : 503, "application/json", report.toJson());
    }

    private static void respond(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        if (exchange.getRequestMethod().equals("HEAD")) {
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private void shutdownThreads() {
        requestThreads.shutdownNow();
        healthThreads.shutdownNow();
    }

    private static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}

package org.hotline.cti.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.hotline.cti.testsupport.LogCapture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Real HTTP requests against a real {@link OpsServer} on a free loopback port. */
class OpsServerTest {

    private static final OpsSettings ANY_FREE_PORT = OpsSettings.defaults().withPort(0);

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final HealthChecks health = new HealthChecks();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final CountDownLatch release = new CountDownLatch(1);
    private OpsServer server;

    @AfterEach
    void stop() {
        release.countDown();
        if (server != null) {
            server.close();
        }
        registry.close();
    }

    @Test
    void metricsShowARegisteredCounterInPrometheusText() throws Exception {
        registry.counter("hotline.calls.offered", "queue", "gas").increment(3);
        server = OpsServer.start(ANY_FREE_PORT, registry, health);

        HttpResponse<String> response = get("/metrics");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue(OpsServer.TEXT_FORMAT);
        assertThat(response.body()).contains("# TYPE hotline_calls_offered_total counter")
                .contains("hotline_calls_offered_total{queue=\"gas\"} 3.0");
    }

    @Test
    void metricsFollowTheCounterBetweenScrapes() throws Exception {
        var counter = registry.counter("hotline.calls.offered", "queue", "water");
        server = OpsServer.start(ANY_FREE_PORT, registry, health);
        counter.increment();
        assertThat(get("/metrics").body()).contains("hotline_calls_offered_total{queue=\"water\"} 1.0");

        counter.increment();

        assertThat(get("/metrics").body()).contains("hotline_calls_offered_total{queue=\"water\"} 2.0");
    }

    @Test
    void metricsSpeakOpenMetricsWhenAskedTo() throws Exception {
        registry.counter("hotline.calls.offered").increment();
        server = OpsServer.start(ANY_FREE_PORT, registry, health);

        HttpResponse<String> response = http.send(request("/metrics")
                .header("Accept", "application/openmetrics-text; version=1.0.0,text/plain;version=0.0.4;q=0.5")
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.headers().firstValue("Content-Type")).hasValue(OpsServer.OPENMETRICS_FORMAT);
        assertThat(response.body()).contains("hotline_calls_offered_total 1.0").endsWith("# EOF\n");
    }

    @Test
    void healthIsUpWhenEveryCheckPasses() throws Exception {
        health.register("database", () -> HealthCheck.Result.up("SELECT 1 in 2 ms"))
                .register("switch", HealthCheck.Result::up);
        server = OpsServer.start(ANY_FREE_PORT, registry, health);

        HttpResponse<String> response = get("/health");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(response.body()).isEqualTo("{\"status\":\"UP\",\"checks\":{"
                + "\"database\":{\"status\":\"UP\",\"detail\":\"SELECT 1 in 2 ms\"},"
                + "\"switch\":{\"status\":\"UP\"}}}");
    }

    @Test
    void healthFlipsTo503WhileACheckFailsAndBackWhenItRecovers() throws Exception {
        AtomicBoolean amiConnected = new AtomicBoolean(true);
        health.register("database", HealthCheck.Result::up)
                .register("switch", () -> amiConnected.get()
                        ? HealthCheck.Result.up("AMI connected")
                        : HealthCheck.Result.down("AMI connection to pbx1:5038 lost"));
        server = OpsServer.start(ANY_FREE_PORT, registry, health);
        assertThat(get("/health").statusCode()).isEqualTo(200);

        amiConnected.set(false);
        HttpResponse<String> down = get("/health");
        amiConnected.set(true);
        HttpResponse<String> recovered = get("/health");

        assertThat(down.statusCode()).isEqualTo(503);
        assertThat(down.body()).startsWith("{\"status\":\"DOWN\"")
                .contains("\"database\":{\"status\":\"UP\"}")
                .contains("\"switch\":{\"status\":\"DOWN\",\"detail\":\"AMI connection to pbx1:5038 lost\"}");
        assertThat(recovered.statusCode()).isEqualTo(200);
    }

    @Test
    void aCheckThatThrowsCountsAsDown() throws Exception {
        health.register("database", () -> {
            throw new IllegalStateException("pool exhausted");
        });
        server = OpsServer.start(ANY_FREE_PORT, registry, health);

        HttpResponse<String> response = get("/health");

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.body()).contains("\"detail\":\"IllegalStateException: pool exhausted\"");
    }

    @Test
    void aHungCheckCountsAsDownInsteadOfHangingTheProbe() throws Exception {
        health.register("database", () -> {
            awaitRelease();
            return HealthCheck.Result.up();
        }).register("switch", HealthCheck.Result::up);
        server = OpsServer.start(new OpsSettings("127.0.0.1", 0, Duration.ofMillis(200)), registry, health);

        HttpResponse<String> response = get("/health");

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.body()).contains("\"database\":{\"status\":\"DOWN\",\"detail\":\"no answer within 200 ms\"}")
                .contains("\"switch\":{\"status\":\"UP\"}");
    }

    @Test
    void answersWithoutWaitingForDelayedAcks() throws Exception {
        server = OpsServer.start(ANY_FREE_PORT, registry, health);
        get("/health"); // connect and warm up
        long[] nanos = new long[11];

        for (int i = 0; i < nanos.length; i++) {
            long start = System.nanoTime();
            get("/health");
            nanos[i] = System.nanoTime() - start;
        }

        // With Nagle on, every answer takes 40 ms or more; without it a few ms, even on a busy machine.
        Arrays.sort(nanos);
        assertThat(Duration.ofNanos(nanos[nanos.length / 2])).isLessThan(Duration.ofMillis(30));
    }

    @Test
    void healthWithoutChecksIsUp() throws Exception {
        server = OpsServer.start(ANY_FREE_PORT, registry, health);

        HttpResponse<String> response = get("/health");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"status\":\"UP\",\"checks\":{}}");
    }

    @Test
    void headAnswersWithTheStatusOnly() throws Exception {
        health.register("switch", () -> HealthCheck.Result.down("no AMI"));
        server = OpsServer.start(ANY_FREE_PORT, registry, health);

        HttpResponse<String> response = http.send(request("/health").method("HEAD", HttpRequest.BodyPublishers.noBody())
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.body()).isEmpty();
    }

    @Test
    void unknownPathsAreNotFound() throws Exception {
        server = OpsServer.start(ANY_FREE_PORT, registry, health);

        assertThat(get("/").statusCode()).isEqualTo(404);
        assertThat(get("/metricsx").statusCode()).isEqualTo(404);
        assertThat(get("/health/db").body()).contains("expected: /metrics or /health");
    }

    @Test
    void onlyReadingIsAllowed() throws Exception {
        server = OpsServer.start(ANY_FREE_PORT, registry, health);

        HttpResponse<String> response = http.send(request("/health")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.headers().firstValue("Allow")).hasValue("GET, HEAD");
    }

    @Test
    void listensOnLoopbackByDefault() throws Exception {
        server = OpsServer.start(ANY_FREE_PORT, registry, health);

        assertThat(server.address().getAddress().isLoopbackAddress()).isTrue();
        assertThat(server.port()).isPositive();
    }

    @Test
    void saysWhichPortIsTakenWhenItCannotListen() throws Exception {
        server = OpsServer.start(ANY_FREE_PORT, registry, health);
        OpsSettings samePort = ANY_FREE_PORT.withPort(server.port());

        assertThatThrownBy(() -> OpsServer.start(samePort, registry, health))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("127.0.0.1:" + server.port());
    }

    @Test
    void saysWhichAddressItCannotBindTo() {
        OpsSettings nowhere = ANY_FREE_PORT.withBindAddress("no-such-host.invalid");

        assertThatThrownBy(() -> OpsServer.start(nowhere, registry, health))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("no-such-host.invalid:0")
                .hasMessageContaining("expected: a free port on an address of this machine");
    }

    @Test
    void logsWhereItListensAndWhenHealthChanges() throws Exception {
        AtomicBoolean up = new AtomicBoolean(true);
        health.register("switch", () -> up.get() ? HealthCheck.Result.up() : HealthCheck.Result.down("no AMI"));
        try (LogCapture serverLog = LogCapture.of(OpsServer.class); LogCapture healthLog = LogCapture.of(HealthChecks.class)) {
            server = OpsServer.start(ANY_FREE_PORT, registry, health);
            get("/health");
            up.set(false);
            get("/health");
            get("/health");
            up.set(true);
            get("/health");

            assertThat(serverLog.lines()).containsExactly("INFO Ops endpoint listening on http://127.0.0.1:"
                    + server.port() + " (/metrics, /health with checks [switch])");
            assertThat(healthLog.lines()).containsExactly(
                    "WARN Health check 'switch' is DOWN: no AMI",
                    "INFO Health check 'switch' is UP again");
        }
    }

    private void awaitRelease() {
        try {
            release.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .timeout(Duration.ofSeconds(10));
    }
}

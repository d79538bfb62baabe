package org.hotline.cti.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HealthChecksTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final HealthChecks checks = new HealthChecks();
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void stop() {
        release.countDown();
        executor.shutdownNow();
    }

    @Test
    void reportsEveryCheckInRegistrationOrder() {
        checks.register("switch", HealthCheck.Result::up)
                .register("database", HealthCheck.Result::up)
                .register("event-loop", HealthCheck.Result::up);

        HealthReport report = checks.run(executor, TIMEOUT);

        assertThat(report.checks().keySet()).containsExactly("switch", "database", "event-loop");
        assertThat(report.healthy()).isTrue();
    }

    @Test
    void oneFailingCheckMakesTheWholeReportUnhealthy() {
        checks.register("switch", HealthCheck.Result::up).register("database", () -> HealthCheck.Result.down("refused"));

        HealthReport report = checks.run(executor, TIMEOUT);

        assertThat(report.healthy()).isFalse();
        assertThat(report.checks().get("database")).isEqualTo(HealthCheck.Result.down("refused"));
        assertThat(report.checks().get("switch").healthy()).isTrue();
    }

    @Test
    void runsChecksAtOnceSoSlowOnesDoNotAddUp() {
        CountDownLatch bothStarted = new CountDownLatch(2);
        HealthCheck waitsForTheOther = () -> {
            bothStarted.countDown();
            try {
                return bothStarted.await(5, TimeUnit.SECONDS)
                        ? HealthCheck.Result.up() : HealthCheck.Result.down("ran alone");
            } catch (InterruptedException e) {
                return HealthCheck.Result.down("interrupted");
            }
        };
        checks.register("a", waitsForTheOther).register("b", waitsForTheOther);

        assertThat(checks.run(executor, TIMEOUT).healthy()).isTrue();
    }

    @Test
    void aCheckWithoutAnswerInTimeIsDown() {
        checks.register("database", () -> {
            awaitRelease();
            return HealthCheck.Result.up();
        });

        HealthReport report = checks.run(executor, Duration.ofMillis(50));

        assertThat(report.checks().get("database")).isEqualTo(HealthCheck.Result.down("no answer within 50 ms"));
    }

    @Test
    void aHungCheckIsWaitedForAgainInsteadOfStartedOnEveryPoll() {
        AtomicInteger databaseRuns = new AtomicInteger();
        checks.register("database", () -> {
            databaseRuns.incrementAndGet();
            awaitRelease();
            return HealthCheck.Result.up();
        }).register("switch", HealthCheck.Result::up);
        ExecutorService twoThreads = Executors.newFixedThreadPool(2);
        try {
            for (int poll = 0; poll < 4; poll++) {
                HealthReport report = checks.run(twoThreads, Duration.ofMillis(50));

                assertThat(report.checks().get("database").healthy()).isFalse();
                assertThat(report.checks().get("switch")).as("poll %d", poll).isEqualTo(HealthCheck.Result.up());
            }
            assertThat(databaseRuns).hasValue(1);

            release.countDown();
            assertThat(checks.run(twoThreads, TIMEOUT).healthy()).isTrue();
        } finally {
            twoThreads.shutdownNow();
        }
    }

    @Test
    void aCheckThatCannotBeScheduledIsDown() {
        checks.register("database", HealthCheck.Result::up);

        HealthReport report = checks.run(task -> {
            throw new RejectedExecutionException("full");
        }, TIMEOUT);

        assertThat(report.healthy()).isFalse();
        assertThat(report.checks().get("database").detail()).contains("health thread");
    }

    @Test
    void aCheckReturningNothingIsDown() {
        checks.register("database", () -> null);

        assertThat(checks.run(executor, TIMEOUT).checks().get("database").healthy()).isFalse();
    }

    @Test
    void refusesDuplicateAndMalformedNames() {
        checks.register("database", HealthCheck.Result::up);

        assertThatThrownBy(() -> checks.register("database", HealthCheck.Result::up))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'database'")
                .hasMessageContaining("expected: a name not yet registered");
        assertThatThrownBy(() -> checks.register("Event Loop", HealthCheck.Result::up))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'Event Loop'")
                .hasMessageContaining("expected: lower case");
        assertThat(checks.names()).containsExactly("database");
    }

    @Test
    void refusesANonPositiveTimeout() {
        assertThatThrownBy(() -> checks.run(executor, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("timeout: PT0S (expected: > 0)");
    }

    private void awaitRelease() {
        try {
            release.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

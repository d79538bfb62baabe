package org.hotline.cti.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.hotline.cti.core.ThreadEventLoop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EventLoopHealthCheckTest {

    private final ThreadEventLoop loop = new ThreadEventLoop("test-loop", Clock.systemUTC());
    private final CountDownLatch unblock = new CountDownLatch(1);

    @AfterEach
    void stop() {
        unblock.countDown();
        loop.close();
    }

    @Test
    void upWhileTheLoopRunsQueuedTasks() {
        HealthCheck.Result result = new EventLoopHealthCheck(loop, Duration.ofSeconds(5)).check();

        assertThat(result.healthy()).isTrue();
        assertThat(result.detail()).startsWith("queued task ran after ");
    }

    @Test
    void downWhileATaskBlocksTheLoop() {
        loop.execute(() -> {
            try {
                unblock.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });

        HealthCheck.Result result = new EventLoopHealthCheck(loop, Duration.ofMillis(100)).check();

        assertThat(result.healthy()).isFalse();
        assertThat(result.detail()).isEqualTo("a queued task has not run within 100 ms: the loop is stuck or cannot keep up");
    }

    @Test
    void downOnceTheLoopHasStopped() {
        loop.close();

        assertThat(new EventLoopHealthCheck(loop, Duration.ofSeconds(5)).check())
                .isEqualTo(HealthCheck.Result.down("the event loop is not running"));
    }

    @Test
    void refusesANonPositiveDelay() {
        assertThatThrownBy(() -> new EventLoopHealthCheck(loop, Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxDelay: PT-0.001S (expected: > 0)");
    }
}

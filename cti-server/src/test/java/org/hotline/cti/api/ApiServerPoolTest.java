package org.hotline.cti.api;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/**
 * Regression: stopping the server under load printed one RejectedExecutionException stack trace
 * per open stream, because Netty reports the end of streams after the gRPC pool had stopped.
 */
class ApiServerPoolTest {

    @Test
    void workHandedInAfterTheStopIsDroppedWithoutAnException() throws InterruptedException {
        ExecutorService pool = ApiServer.pool(2, "test");
        pool.shutdown();
        assertThat(pool.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
        AtomicBoolean ran = new AtomicBoolean();

        assertThatCode(() -> pool.execute(() -> ran.set(true))).doesNotThrowAnyException();
        assertThat(ran).isFalse();
    }

    @Test
    void runsWorkWhileRunning() throws InterruptedException {
        ExecutorService pool = ApiServer.pool(2, "test");
        AtomicBoolean ran = new AtomicBoolean();
        pool.execute(() -> ran.set(true));
        pool.shutdown();
        assertThat(pool.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
        assertThat(ran).isTrue();
    }
}

package org.hotline.cti.ops;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.hotline.cti.core.EventLoop;

/**
 * "event-loop": queues an empty task on the {@link EventLoop} and waits for it to run. The loop owns
 * every call and agent; if it is stuck or too far behind, nothing else the server reports can be
 * trusted, so a probe should see it even when the process is alive and answering HTTP.
 */
public final class EventLoopHealthCheck implements HealthCheck {

    private final EventLoop loop;
    private final Duration maxDelay;

    /**
     * @param maxDelay how long a queued task may wait before the loop counts as down; keep it below
     *     the {@link OpsSettings#healthCheckTimeout()} so the detail says why
     */
    public EventLoopHealthCheck(EventLoop loop, Duration maxDelay) {
        this.loop = requireNonNull(loop, "loop");
        this.maxDelay = requireNonNull(maxDelay, "maxDelay");
        if (maxDelay.isNegative() || maxDelay.isZero()) {
            throw new IllegalArgumentException("maxDelay: " + maxDelay + " (expected: > 0)");
        }
    }

    @Override
    public Result check() {
        CountDownLatch ran = new CountDownLatch(1);
        long start = System.nanoTime();
        if (!loop.running()) {
            return Result.down("the event loop is not running");
        }
        loop.execute(ran::countDown);
        try {
            if (ran.await(maxDelay.toNanos(), TimeUnit.NANOSECONDS)) {
                return Result.up("queued task ran after " + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)
                        + " ms");
            }
            return Result.down("a queued task has not run within " + maxDelay.toMillis()
                    + " ms: the loop is stuck or cannot keep up");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Result.down("interrupted while waiting for the event loop");
        }
    }
}

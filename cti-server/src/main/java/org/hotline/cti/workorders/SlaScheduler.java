package org.hotline.cti.workorders;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static java.util.Objects.requireNonNull;

/**
 * Runs {@link WorkOrders#runDueTimers()} every {@code period} on the given executor. The timers
 * themselves are rows in the database (rescanned each pass), so nothing is lost when the server
 * stops; a pass that fails (database away) is logged in one line and retried on the next.
 */
public final class SlaScheduler implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SlaScheduler.class);

    private final ScheduledFuture<?> task;

    public SlaScheduler(WorkOrders workOrders, ScheduledExecutorService executor, Duration period) {
        requireNonNull(workOrders, "workOrders");
        requireNonNull(executor, "executor");
        if (period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("period: " + period + " (expected: > 0)");
        }
        this.task = executor.scheduleWithFixedDelay(() -> {
            try {
                workOrders.runDueTimers();
            } catch (RuntimeException e) {
                log.warn("SLA timer pass failed, retrying in {} s: {}", period.toSeconds(), e.getMessage());
            }
        }, 0, period.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        task.cancel(false);
    }
}

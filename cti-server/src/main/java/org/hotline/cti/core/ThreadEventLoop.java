package org.hotline.cti.core;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@link EventLoop} on one real thread with the system clock. */
public final class ThreadEventLoop implements EventLoop, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ThreadEventLoop.class);

    private final ScheduledThreadPoolExecutor executor;
    private final Clock clock;
    private volatile Thread thread;

    public ThreadEventLoop(String name, Clock clock) {
        this.clock = clock;
        this.executor = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            thread = t;
            return t;
        });
        executor.setRemoveOnCancelPolicy(true);
        // On close, pending timers (wrap-up, ring-no-answer) are dropped, not waited for.
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        executor.setContinueExistingPeriodicTasksAfterShutdownPolicy(false);
        executor.prestartCoreThread();
    }

    @Override
    public void execute(Runnable task) {
        if (executor.isShutdown()) {
            return; // stopping: late switch events and timers have nothing left to change
        }
        try {
            executor.execute(guarded(task));
        } catch (RejectedExecutionException e) {
            log.debug("event loop stopped; task dropped");
        }
    }

    @Override
    public Timer schedule(Duration delay, Runnable task) {
        if (executor.isShutdown()) {
            return () -> { };
        }
        try {
            ScheduledFuture<?> f = executor.schedule(guarded(task), Math.max(0, delay.toNanos()), TimeUnit.NANOSECONDS);
            return () -> f.cancel(false);
        } catch (RejectedExecutionException e) {
            return () -> { };
        }
    }

    @Override
    public Clock clock() {
        return clock;
    }

    @Override
    public boolean running() {
        return !executor.isShutdown();
    }

    @Override
    public boolean inLoop() {
        return Thread.currentThread() == thread;
    }

    /** Tasks queued and not yet run (a metric: a growing backlog means the loop cannot keep up). */
    public int backlog() {
        return executor.getQueue().size();
    }

    private static Runnable guarded(Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                // A bug in one task must not stop the loop that owns the whole live model.
                log.error("event loop task failed", e);
            }
        };
    }

    @Override
    public void close() {
        executor.shutdown();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

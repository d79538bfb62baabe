package org.hotline.cti.core;

import java.time.Clock;
import java.time.Duration;

/**
 * The single thread that owns the live state (calls, connections, agents, queues, router).
 * Switch events, client commands and timers are all tasks on it. Tasks never block.
 * Tests use {@link VirtualTimeLoop} to run a day of traffic in a second.
 */
public interface EventLoop {

    /** Runs {@code task} on the loop, after the tasks already queued. Callable from any thread. */
    void execute(Runnable task);

    /** Runs {@code task} on the loop after {@code delay}; the returned handle cancels it. */
    Timer schedule(Duration delay, Runnable task);

    /** The loop's clock: the system clock, or virtual time in tests. */
    Clock clock();

    /** False once the loop was closed: tasks given to it then are dropped. */
    default boolean running() {
        return true;
    }

    /** True when called on the loop's own thread. */
    boolean inLoop();

    /** A scheduled task that can still be cancelled. */
    interface Timer {
        void cancel();
    }
}

package org.hotline.cti.core;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.PriorityQueue;

/**
 * {@link EventLoop} in virtual time for tests and simulations: nothing runs until
 * {@link #runFor} or {@link #runUntilIdle}, which execute tasks in time order on the calling
 * thread and move the clock forward as they go.
 */
public final class VirtualTimeLoop implements EventLoop {
    private final PriorityQueue<Task> tasks = new PriorityQueue<>();
    private final MutableClock clock;
    private long sequence;
    private Thread owner;

    public VirtualTimeLoop(Instant start, ZoneId zone) {
        this.clock = new MutableClock(start, zone);
    }

    @Override
    public synchronized void execute(Runnable task) {
        tasks.add(new Task(clock.instant(), sequence++, task));
    }

    @Override
    public synchronized Timer schedule(Duration delay, Runnable task) {
        Task t = new Task(clock.instant().plus(delay.isNegative() ? Duration.ZERO : delay), sequence++, task);
        tasks.add(t);
        return () -> t.cancelled = true;
    }

    @Override
    public Clock clock() {
        return clock;
    }

    @Override
    public boolean inLoop() {
        return Thread.currentThread() == owner;
    }

    /** Runs every task due within {@code duration} from now, then leaves the clock at now + duration. */
    public void runFor(Duration duration) {
        Instant end = clock.instant().plus(duration);
        owner = Thread.currentThread();
        while (true) {
            Task next;
            synchronized (this) {
                next = tasks.peek();
                if (next == null || next.at.isAfter(end)) {
                    break;
                }
                tasks.poll();
            }
            if (next.cancelled) {
                continue;
            }
            if (next.at.isAfter(clock.instant())) {
                clock.set(next.at);
            }
            next.task.run();
        }
        clock.set(end);
    }

    /** Runs tasks due now (and the ones they queue for now) without moving the clock. */
    public void runUntilIdle() {
        runFor(Duration.ZERO);
    }

    private static final class Task implements Comparable<Task> {
        final Instant at;
        final long seq;
        final Runnable task;
        volatile boolean cancelled;

        Task(Instant at, long seq, Runnable task) {
            this.at = at;
            this.seq = seq;
            this.task = task;
        }

        @Override
        public int compareTo(Task o) {
            int c = at.compareTo(o.at);
            return c != 0 ? c : Long.compare(seq, o.seq);
        }
    }

    /** A clock that only moves when the loop moves it. */
    public static final class MutableClock extends Clock {
        private volatile Instant now;
        private final ZoneId zone;

        MutableClock(Instant now, ZoneId zone) {
            this.now = now;
            this.zone = zone;
        }

        void set(Instant t) {
            now = t;
        }

        @Override
        public ZoneId getZone() {
            return zone;
        }

        @Override
        public Clock withZone(ZoneId z) {
            return new MutableClock(now, z);
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}

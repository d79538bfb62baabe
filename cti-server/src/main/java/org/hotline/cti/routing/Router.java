package org.hotline.cti.routing;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.hotline.cti.ops.LatencyRecorder;

import static java.util.Objects.requireNonNull;

/**
 * The ACD's live part: calls waiting and agents free, kept on the event loop, handed to a pure
 * {@link RoutingStrategy} whenever either side changes. A call leaves the waiting set the moment
 * it is assigned, so it is never offered to two agents at once.
 */
public final class Router {
    private final RoutingStrategy strategy;
    private final Clock clock;
    private final LatencyRecorder decisions;
    /** The same decisions in this thread's CPU time: their cost without the time the thread was not running. */
    private final LatencyRecorder decisionsCpu = new LatencyRecorder();
    private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();
    private final Map<String, QueueDefinition> queues = new HashMap<>();
    private final Map<String, WaitingCall> waiting = new HashMap<>();
    /** The same calls in serving order, so a decision walks them without sorting a copy each time. */
    private final java.util.TreeSet<WaitingCall> order = new java.util.TreeSet<>();
    private final ReadyPool ready = new ReadyPool(queues);
    private long sequence;

    public Router(RoutingStrategy strategy, Clock clock, LatencyRecorder decisions) {
        this.strategy = requireNonNull(strategy, "strategy");
        this.clock = requireNonNull(clock, "clock");
        this.decisions = requireNonNull(decisions, "decisions");
    }

    /**
     * Adds or replaces a queue. Agents already free are indexed again, so a queue whose skills
     * changed is served by the agents now qualified for it from the next decision on.
     */
    public void defineQueue(QueueDefinition q) {
        queues.put(q.queueId(), q);
        ready.reindex();
    }

    /** Routing decisions timed in the event loop's CPU time (the wall-clock times go to the recorder given). */
    public LatencyRecorder decisionsCpu() {
        return decisionsCpu;
    }

    public Map<String, QueueDefinition> queues() {
        return queues;
    }

    public WaitingCall enqueue(String callId, String queueId, int priority, boolean headOfQueue) {
        return enqueue(callId, queueId, priority, headOfQueue, clock.instant());
    }

    /** A call that joined the queue at {@code enteredAt} (the warm-up's callers who have waited long). */
    WaitingCall enqueue(String callId, String queueId, int priority, boolean headOfQueue, Instant enteredAt) {
        QueueDefinition q = queues.get(queueId);
        if (q == null) {
            throw new IllegalArgumentException("queue: " + queueId + " (expected one of " + queues.keySet() + ")");
        }
        WaitingCall w = new WaitingCall(callId, queueId, priority, enteredAt, headOfQueue, sequence++);
        WaitingCall before = waiting.put(callId, w);
        if (before != null) {
            order.remove(before);
        }
        order.add(w);
        return w;
    }

    public WaitingCall remove(String callId) {
        WaitingCall w = waiting.remove(callId);
        if (w != null) {
            order.remove(w);
        }
        return w;
    }

    public boolean isWaiting(String callId) {
        return waiting.containsKey(callId);
    }

    /** The waiting calls in serving order (read-only). */
    public Collection<WaitingCall> waiting() {
        return java.util.Collections.unmodifiableSortedSet(order);
    }

    public List<WaitingCall> waitingIn(String queueId) {
        List<WaitingCall> out = new ArrayList<>();
        for (WaitingCall w : order) {
            if (w.queueId().equals(queueId)) {
                out.add(w);
            }
        }
        return out;
    }

    public void agentReady(ReadyAgent a) {
        ready.add(a);
    }

    public void agentNotReady(String agentId) {
        ready.remove(agentId);
    }

    public boolean isReady(String agentId) {
        return ready.contains(agentId);
    }

    /**
     * Decides now. Assigned calls and agents leave the waiting and ready sets before this
     * returns; the caller offers each call to its agent.
     */
    public List<Assignment> route() {
        if (waiting.isEmpty() || ready.isEmpty()) {
            return List.of();
        }
        // The CPU clock is read outside the wall-clock window: it is a system call, and a return from
        // the kernel is where a busy machine takes the CPU away, so inside it would lengthen what it measures.
        long c0 = THREADS.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        List<Assignment> out = strategy.assign(java.util.Collections.unmodifiableSortedSet(order), ready, queues,
                clock.instant());
        for (Assignment a : out) {
            remove(a.callId());
            agentNotReady(a.agentId());
        }
        long wall = System.nanoTime() - t0;
        decisionsCpu.recordNanos(THREADS.getCurrentThreadCpuTime() - c0);
        decisions.recordNanos(wall);
        return out;
    }
}

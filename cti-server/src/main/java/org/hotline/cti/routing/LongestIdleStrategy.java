package org.hotline.cti.routing;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Serves calls in priority order (then head of queue, then longest waiting) and gives each the
 * longest-idle agent that qualifies: every required skill at its minimum level, or, once the
 * call has waited past the queue's overflow time, every overflow skill. Greedy in that order,
 * which is what guarantees that no qualified agent idles while a call waits.
 */
public final class LongestIdleStrategy implements RoutingStrategy {

    @Override
    public List<Assignment> assign(Collection<WaitingCall> waiting, ReadyPool ready,
                                   Map<String, QueueDefinition> queues, Instant now) {
        if (waiting.isEmpty() || ready.isEmpty()) {
            return List.of();
        }
        Iterable<WaitingCall> order = servingOrder(waiting);
        Set<String> taken = new HashSet<>();
        // A queue found without a free qualified agent stays so for the rest of this decision (agents
        // are only taken, never added): its other calls are skipped instead of searched again.
        Set<String> exhausted = new HashSet<>();
        Set<String> exhaustedOverflowed = new HashSet<>();
        List<Assignment> out = new ArrayList<>();
        for (WaitingCall call : order) {
            if (taken.size() == ready.size()) {
                break;
            }
            QueueDefinition q = queues.get(call.queueId());
            if (q == null) {
                continue;
            }
            boolean overflowed = !q.overflowSkills().isEmpty()
                    && !Duration.between(call.enteredAt(), now).minus(q.overflowAfter()).isNegative();
            Set<String> none = overflowed ? exhaustedOverflowed : exhausted;
            if (none.contains(q.queueId())) {
                continue;
            }
            ReadyAgent agent = ready.longestIdle(q, overflowed, taken);
            if (agent != null) {
                taken.add(agent.agentId());
                out.add(new Assignment(call.callId(), agent.agentId()));
            } else {
                none.add(q.queueId());
            }
        }
        return out;
    }

    /** The calls in serving order: as given when already a naturally sorted set (the router's), else sorted here. */
    private static Iterable<WaitingCall> servingOrder(Collection<WaitingCall> waiting) {
        if (waiting instanceof java.util.SortedSet<WaitingCall> sorted && sorted.comparator() == null) {
            return sorted;
        }
        List<WaitingCall> copy = new ArrayList<>(waiting);
        copy.sort(null);
        return copy;
    }

    static boolean qualifies(ReadyAgent agent, QueueDefinition q, boolean overflowed) {
        return agent.hasAll(q.requiredSkills()) || (overflowed && agent.hasAll(q.overflowSkills()));
    }
}

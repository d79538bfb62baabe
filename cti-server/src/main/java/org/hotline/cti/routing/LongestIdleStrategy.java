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
        List<WaitingCall> order = new ArrayList<>(waiting);
        order.sort(null);
        Set<String> taken = new HashSet<>();
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
            ReadyAgent agent = ready.longestIdle(q, overflowed, taken);
            if (agent != null) {
                taken.add(agent.agentId());
                out.add(new Assignment(call.callId(), agent.agentId()));
            }
        }
        return out;
    }

    static boolean qualifies(ReadyAgent agent, QueueDefinition q, boolean overflowed) {
        return agent.hasAll(q.requiredSkills()) || (overflowed && agent.hasAll(q.overflowSkills()));
    }
}

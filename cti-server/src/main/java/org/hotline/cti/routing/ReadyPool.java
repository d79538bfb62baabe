package org.hotline.cti.routing;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Set;
import java.util.TreeSet;

/**
 * Agents free for a call, indexed by the queues they qualify for, longest idle first. The index
 * makes a routing decision cost a few set lookups however many agents idle without the skill a
 * call needs (without it, a billing call scanned past every idle general-only agent).
 */
public final class ReadyPool {
    private final Map<String, ReadyAgent> byId = new HashMap<>();
    private final Map<String, TreeSet<ReadyAgent>> required = new HashMap<>();
    private final Map<String, TreeSet<ReadyAgent>> overflow = new HashMap<>();
    private final Map<String, QueueDefinition> queues;

    /** @param queues the queue definitions by id; the map is read live, so define queues before agents. */
    public ReadyPool(Map<String, QueueDefinition> queues) {
        this.queues = queues;
    }

    public static ReadyPool of(Collection<ReadyAgent> agents, Map<String, QueueDefinition> queues) {
        ReadyPool p = new ReadyPool(queues);
        agents.forEach(p::add);
        return p;
    }

    public void add(ReadyAgent a) {
        remove(a.agentId());
        byId.put(a.agentId(), a);
        for (QueueDefinition q : queues.values()) {
            if (a.hasAll(q.requiredSkills())) {
                required.computeIfAbsent(q.queueId(), k -> new TreeSet<>()).add(a);
            }
            if (!q.overflowSkills().isEmpty() && a.hasAll(q.overflowSkills())) {
                overflow.computeIfAbsent(q.queueId(), k -> new TreeSet<>()).add(a);
            }
        }
    }

    /** Rebuilds the queue index of every ready agent (after a queue was defined or changed). */
    public void reindex() {
        if (byId.isEmpty()) {
            return;
        }
        required.clear();
        overflow.clear();
        for (ReadyAgent a : java.util.List.copyOf(byId.values())) {
            add(a);
        }
    }

    public ReadyAgent remove(String agentId) {
        ReadyAgent old = byId.remove(agentId);
        if (old != null) {
            required.values().forEach(s -> s.remove(old));
            overflow.values().forEach(s -> s.remove(old));
        }
        return old;
    }

    public boolean contains(String agentId) {
        return byId.containsKey(agentId);
    }

    public int size() {
        return byId.size();
    }

    public boolean isEmpty() {
        return byId.isEmpty();
    }

    /** Every ready agent (for tests and views). */
    public Collection<ReadyAgent> all() {
        return byId.values();
    }

    /**
     * The longest-idle agent not in {@code taken} that qualifies for {@code q}: by its required
     * skills, or, when {@code overflowed}, by its overflow skills too. Null when there is none.
     */
    public ReadyAgent longestIdle(QueueDefinition q, boolean overflowed, Set<String> taken) {
        ReadyAgent best = firstUntaken(required.get(q.queueId()), taken);
        if (overflowed) {
            ReadyAgent wider = firstUntaken(overflow.get(q.queueId()), taken);
            if (wider != null && (best == null || wider.compareTo(best) < 0)) {
                best = wider;
            }
        }
        return best;
    }

    private static ReadyAgent firstUntaken(NavigableSet<ReadyAgent> set, Set<String> taken) {
        if (set == null) {
            return null;
        }
        for (ReadyAgent a : set) {
            if (!taken.contains(a.agentId())) {
                return a;
            }
        }
        return null;
    }
}

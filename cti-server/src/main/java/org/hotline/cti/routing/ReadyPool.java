package org.hotline.cti.routing;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Agents free for a call, indexed by the queues they qualify for, longest idle first. The index
 * makes a routing decision cost a few lookups however many agents idle without the skill a call
 * needs (without it, a billing call scanned past every idle general-only agent).
 *
 * <p>Each queue's agents are a linked list in idle order, and each agent knows its places in them.
 * Agents become free in time order, so adding one is a step back from the tail, taking one off is
 * unlinking it, and the longest idle is the head: a decision touches a handful of objects. (Sorted
 * trees did the same in O(log n) but walked a dozen nodes per set, and an agent was looked for in
 * every queue's set; between two decisions the event loop has evicted all of them from the CPU's
 * caches, so each node cost a memory access: about 30 µs of a decision with 2,000 agents free.)
 */
public final class ReadyPool {
    private final Map<String, Member> byId = new HashMap<>();
    private final Map<String, IdleList> required = new HashMap<>();
    private final Map<String, IdleList> overflow = new HashMap<>();
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
        Member m = new Member(a);
        byId.put(a.agentId(), m);
        for (QueueDefinition q : queues.values()) {
            if (a.hasAll(q.requiredSkills())) {
                m.join(required.computeIfAbsent(q.queueId(), k -> new IdleList()));
            }
            if (!q.overflowSkills().isEmpty() && a.hasAll(q.overflowSkills())) {
                m.join(overflow.computeIfAbsent(q.queueId(), k -> new IdleList()));
            }
        }
    }

    /** Rebuilds the queue index of every ready agent (after a queue was defined or changed). */
    public void reindex() {
        if (byId.isEmpty()) {
            return;
        }
        List<ReadyAgent> agents = new ArrayList<>(all());
        byId.clear();
        required.clear();
        overflow.clear();
        agents.forEach(this::add);
    }

    public ReadyAgent remove(String agentId) {
        Member old = byId.remove(agentId);
        if (old == null) {
            return null;
        }
        old.leaveAll();
        return old.agent;
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
        List<ReadyAgent> out = new ArrayList<>(byId.size());
        byId.values().forEach(m -> out.add(m.agent));
        return Collections.unmodifiableList(out);
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

    private static ReadyAgent firstUntaken(IdleList list, Set<String> taken) {
        if (list == null) {
            return null;
        }
        for (Node n = list.head; n != null; n = n.next) {
            if (taken.isEmpty() || !taken.contains(n.member.agent.agentId())) {
                return n.member.agent;
            }
        }
        return null;
    }

    /** A ready agent and its places in the queues' idle lists. */
    private static final class Member {
        final ReadyAgent agent;
        /** Idle time as one number, so ordering reads no other object. */
        final long idleKey;
        final List<Node> places = new ArrayList<>(4);

        Member(ReadyAgent agent) {
            this.agent = agent;
            this.idleKey = agent.idleSince().getEpochSecond() * 1_000_000_000L + agent.idleSince().getNano();
        }

        void join(IdleList list) {
            Node n = new Node(this, list);
            list.insert(n);
            places.add(n);
        }

        void leaveAll() {
            for (Node n : places) {
                n.list.unlink(n);
            }
            places.clear();
        }

        /** {@link ReadyAgent#compareTo}'s order: idle since, then agent id. */
        int compareTo(Member o) {
            int c = Long.compare(idleKey, o.idleKey);
            return c != 0 ? c : agent.agentId().compareTo(o.agent.agentId());
        }
    }

    private static final class Node {
        final Member member;
        final IdleList list;
        Node prev;
        Node next;

        Node(Member member, IdleList list) {
            this.member = member;
            this.list = list;
        }
    }

    /** One queue's agents, longest idle at the head. */
    private static final class IdleList {
        Node head;
        Node tail;

        /** From the tail back to its place: one step when the agent is the latest to become free. */
        void insert(Node n) {
            Node after = tail;
            while (after != null && after.member.compareTo(n.member) > 0) {
                after = after.prev;
            }
            n.prev = after;
            n.next = after == null ? head : after.next;
            if (n.next == null) {
                tail = n;
            } else {
                n.next.prev = n;
            }
            if (after == null) {
                head = n;
            } else {
                after.next = n;
            }
        }

        void unlink(Node n) {
            if (n.prev == null) {
                head = n.next;
            } else {
                n.prev.next = n.next;
            }
            if (n.next == null) {
                tail = n.prev;
            } else {
                n.next.prev = n.prev;
            }
            n.prev = null;
            n.next = null;
        }
    }
}

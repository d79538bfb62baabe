package org.hotline.cti.routing;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import static org.assertj.core.api.Assertions.assertThat;

class LongestIdleStrategyProperties {
    private static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");
    private static final List<String> SKILLS = List.of("gas", "water", "billing", "cantonese");

    private final LongestIdleStrategy strategy = new LongestIdleStrategy();

    @Property(tries = 500)
    void neverOffersACallOrAnAgentTwice(@ForAll("queues") List<QueueDefinition> queues,
                                        @ForAll("agents") List<ReadyAgent> agents,
                                        @ForAll("calls") List<CallSeed> seeds) {
        Map<String, QueueDefinition> byId = byId(queues);
        List<Assignment> out = strategy.assign(calls(seeds, queues), ReadyPool.of(agents, byId), byId, NOW);
        Set<String> calls = new HashSet<>();
        Set<String> agentIds = new HashSet<>();
        for (Assignment a : out) {
            assertThat(calls.add(a.callId())).as("call %s offered twice", a.callId()).isTrue();
            assertThat(agentIds.add(a.agentId())).as("agent %s given two calls", a.agentId()).isTrue();
        }
    }

    @Property(tries = 500)
    void theRoutersSortedSetAndAnUnsortedListGiveTheSameDecision(@ForAll("queues") List<QueueDefinition> queues,
                                                                 @ForAll("agents") List<ReadyAgent> agents,
                                                                 @ForAll("calls") List<CallSeed> seeds) {
        Map<String, QueueDefinition> byId = byId(queues);
        List<WaitingCall> shuffled = new java.util.ArrayList<>(calls(seeds, queues));
        java.util.Collections.shuffle(shuffled, new java.util.Random(seeds.size()));
        assertThat(strategy.assign(new java.util.TreeSet<>(shuffled), ReadyPool.of(agents, byId), byId, NOW))
                .isEqualTo(strategy.assign(shuffled, ReadyPool.of(agents, byId), byId, NOW));
    }

    @Property(tries = 500)
    void noQualifiedReadyAgentIdlesWhileACallWaits(
            @ForAll("queues") List<QueueDefinition> queues,
            @ForAll("agents") List<ReadyAgent> agents,
            @ForAll("calls") List<CallSeed> seeds) {
        Map<String, QueueDefinition> byId = byId(queues);
        List<WaitingCall> waiting = calls(seeds, queues);
        List<Assignment> out = strategy.assign(waiting, ReadyPool.of(agents, byId), byId, NOW);
        Set<String> assignedCalls = new HashSet<>();
        Set<String> busyAgents = new HashSet<>();
        out.forEach(a -> {
            assignedCalls.add(a.callId());
            busyAgents.add(a.agentId());
        });
        for (WaitingCall w : waiting) {
            if (assignedCalls.contains(w.callId())) {
                continue;
            }
            QueueDefinition q = byId.get(w.queueId());
            for (ReadyAgent a : agents) {
                if (!busyAgents.contains(a.agentId())) {
                    assertThat(LongestIdleStrategy.qualifies(a, q, overflowed(w, q)))
                            .as("agent %s idles although it qualifies for waiting call %s", a.agentId(), w.callId())
                            .isFalse();
                }
            }
        }
    }

    @Property(tries = 500)
    void higherPriorityIsServedFirst(@ForAll("queues") List<QueueDefinition> queues,
                                     @ForAll("agents") List<ReadyAgent> agents,
                                     @ForAll("calls") List<CallSeed> seeds) {
        Map<String, QueueDefinition> byId = byId(queues);
        List<WaitingCall> waiting = calls(seeds, queues);
        List<Assignment> out = strategy.assign(waiting, ReadyPool.of(agents, byId), byId, NOW);
        Map<String, String> agentOf = new HashMap<>();
        out.forEach(a -> agentOf.put(a.callId(), a.agentId()));
        Map<String, ReadyAgent> agentsById = new HashMap<>();
        agents.forEach(a -> agentsById.put(a.agentId(), a));
        for (WaitingCall unserved : waiting) {
            if (agentOf.containsKey(unserved.callId())) {
                continue;
            }
            QueueDefinition q = byId.get(unserved.queueId());
            for (WaitingCall served : waiting) {
                String agent = agentOf.get(served.callId());
                if (agent != null && served.priority() < unserved.priority()) {
                    assertThat(LongestIdleStrategy.qualifies(agentsById.get(agent), q, overflowed(unserved, q)))
                            .as("lower-priority call %s took agent %s that higher-priority call %s could use",
                                    served.callId(), agent, unserved.callId())
                            .isFalse();
                }
            }
        }
    }

    @Property(tries = 300)
    void givesTheLongestIdleQualifiedAgent(@ForAll("someAgents") List<ReadyAgent> agents) {
        QueueDefinition q = queue("any", 1, Map.of(), Map.of());
        WaitingCall w = new WaitingCall("c1", "any", 1, NOW, false, 0);
        TreeSet<ReadyAgent> ready = new TreeSet<>(agents);
        List<Assignment> out = strategy.assign(List.of(w), ReadyPool.of(agents, Map.of("any", q)), Map.of("any", q), NOW);
        assertThat(out).containsExactly(new Assignment("c1", ready.first().agentId()));
    }

    private static boolean overflowed(WaitingCall w, QueueDefinition q) {
        return !q.overflowSkills().isEmpty()
                && !Duration.between(w.enteredAt(), NOW).minus(q.overflowAfter()).isNegative();
    }

    record CallSeed(int queueIndex, int priority, int waitedSeconds, boolean head) {}

    private static List<WaitingCall> calls(List<CallSeed> seeds, List<QueueDefinition> queues) {
        List<WaitingCall> out = new ArrayList<>();
        for (int i = 0; i < seeds.size(); i++) {
            CallSeed s = seeds.get(i);
            QueueDefinition q = queues.get(s.queueIndex() % queues.size());
            out.add(new WaitingCall("c" + i, q.queueId(), s.priority(), NOW.minusSeconds(s.waitedSeconds()), s.head(), i));
        }
        return out;
    }

    private static Map<String, QueueDefinition> byId(List<QueueDefinition> queues) {
        Map<String, QueueDefinition> m = new HashMap<>();
        queues.forEach(q -> m.put(q.queueId(), q));
        return m;
    }

    @Provide
    Arbitrary<List<QueueDefinition>> queues() {
        Arbitrary<Map<String, Integer>> skills = Arbitraries.maps(Arbitraries.of(SKILLS), Arbitraries.integers().between(1, 10))
                .ofMaxSize(2);
        return Combinators.combine(Arbitraries.integers().between(0, 5), skills, skills)
                .as((prio, req, over) -> new Object[] {prio, req, over})
                .list().ofMinSize(1).ofMaxSize(4)
                .map(list -> {
                    List<QueueDefinition> out = new ArrayList<>();
                    for (int i = 0; i < list.size(); i++) {
                        Object[] o = list.get(i);
                        @SuppressWarnings("unchecked") Map<String, Integer> req = (Map<String, Integer>) o[1];
                        @SuppressWarnings("unchecked") Map<String, Integer> over = (Map<String, Integer>) o[2];
                        out.add(queue("q" + i, (Integer) o[0], req, over));
                    }
                    return out;
                });
    }

    @Provide
    Arbitrary<List<ReadyAgent>> agents() {
        Arbitrary<Map<String, Integer>> skills = Arbitraries.maps(Arbitraries.of(SKILLS), Arbitraries.integers().between(1, 10))
                .ofMaxSize(4);
        return Combinators.combine(Arbitraries.integers().between(0, 3600), skills)
                .as((idle, s) -> new Object[] {idle, s})
                .list().ofMaxSize(30)
                .map(list -> {
                    List<ReadyAgent> out = new ArrayList<>();
                    for (int i = 0; i < list.size(); i++) {
                        @SuppressWarnings("unchecked") Map<String, Integer> s = (Map<String, Integer>) list.get(i)[1];
                        out.add(new ReadyAgent("a" + i, NOW.minusSeconds((Integer) list.get(i)[0]), s));
                    }
                    return out;
                });
    }

    @Provide
    Arbitrary<List<ReadyAgent>> someAgents() {
        return agents().filter(list -> !list.isEmpty());
    }

    @Provide
    Arbitrary<List<CallSeed>> calls() {
        return Combinators.combine(Arbitraries.integers().between(0, 3), Arbitraries.integers().between(0, 5),
                        Arbitraries.integers().between(0, 300), Arbitraries.of(true, false))
                .as(CallSeed::new).list().ofMaxSize(40);
    }

    static QueueDefinition queue(String id, int priority, Map<String, Integer> req, Map<String, Integer> overflow) {
        return new QueueDefinition(id, id, priority, req, Duration.ofSeconds(60), overflow, Duration.ofSeconds(20),
                BusinessHours.always(ZoneOffset.UTC), List.of(), "main");
    }
}

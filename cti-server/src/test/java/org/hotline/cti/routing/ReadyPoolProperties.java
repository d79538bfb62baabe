package org.hotline.cti.routing;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
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

/**
 * The pool's idle lists against the obvious model (every ready agent in a sorted set, filtered by
 * skill): after any sequence of agents becoming free (in time order or not, again while already
 * free) and taken, it gives the same longest-idle agent for every queue, with and without overflow
 * and with some agents already taken in the decision.
 */
class ReadyPoolProperties {
    private static final Instant T0 = Instant.parse("2026-11-21T10:00:00Z");
    private static final List<Map<String, Integer>> SKILLS = List.of(Map.of("gas", 1), Map.of("gas", 2, "water", 1),
            Map.of("water", 2), Map.of("billing", 1, "gas", 1), Map.of());
    private static final Map<String, QueueDefinition> QUEUES = queues();

    record Op(boolean free, int agent, int idleSecond, int skills) {}

    @Property(tries = 400)
    void givesWhatASortedSetOfAllReadyAgentsGives(@ForAll("ops") List<Op> ops, @ForAll("taken") Set<Integer> takenIds) {
        ReadyPool pool = new ReadyPool(QUEUES);
        Map<String, ReadyAgent> model = new HashMap<>();
        for (Op op : ops) {
            String id = "a" + op.agent();
            if (op.free()) {
                ReadyAgent a = new ReadyAgent(id, T0.plusSeconds(op.idleSecond()), SKILLS.get(op.skills()));
                pool.add(a);
                model.put(id, a);
            } else {
                assertThat(pool.remove(id)).isEqualTo(model.remove(id));
            }
        }
        assertThat(pool.size()).isEqualTo(model.size());
        assertThat(new HashSet<>(pool.all())).isEqualTo(new HashSet<>(model.values()));
        Set<String> taken = new HashSet<>();
        takenIds.forEach(i -> taken.add("a" + i));
        for (QueueDefinition q : QUEUES.values()) {
            // A queue without overflow skills never overflows (the strategy's rule).
            for (boolean overflowed : q.overflowSkills().isEmpty() ? new boolean[] {false} : new boolean[] {false, true}) {
                assertThat(pool.longestIdle(q, overflowed, taken))
                        .as("queue %s overflowed %s", q.queueId(), overflowed)
                        .isEqualTo(expected(model, q, overflowed, taken));
            }
        }
    }

    private static ReadyAgent expected(Map<String, ReadyAgent> model, QueueDefinition q, boolean overflowed,
                                       Set<String> taken) {
        TreeSet<ReadyAgent> sorted = new TreeSet<>(model.values());
        for (ReadyAgent a : sorted) {
            if (!taken.contains(a.agentId()) && LongestIdleStrategy.qualifies(a, q, overflowed)) {
                return a;
            }
        }
        return null;
    }

    @Provide
    Arbitrary<List<Op>> ops() {
        Arbitrary<Op> op = Combinators.combine(Arbitraries.of(true, true, false), Arbitraries.integers().between(0, 12),
                Arbitraries.integers().between(0, 40), Arbitraries.integers().between(0, SKILLS.size() - 1)).as(Op::new);
        return op.list().ofMaxSize(80);
    }

    @Provide
    Arbitrary<Set<Integer>> taken() {
        return Arbitraries.integers().between(0, 12).set().ofMaxSize(4);
    }

    private static Map<String, QueueDefinition> queues() {
        BusinessHours always = BusinessHours.always(ZoneOffset.UTC);
        Map<String, QueueDefinition> m = new HashMap<>();
        for (QueueDefinition q : List.of(
                new QueueDefinition("gas", "Gas", 1, Map.of("gas", 1), Duration.ofSeconds(30), Map.of("water", 1),
                        Duration.ofSeconds(20), always, List.of(), "main"),
                new QueueDefinition("water", "Water", 1, Map.of("water", 2), Duration.ofSeconds(30), Map.of(),
                        Duration.ofSeconds(20), always, List.of(), "main"),
                new QueueDefinition("any", "Any", 1, Map.of(), Duration.ofSeconds(30), Map.of(),
                        Duration.ofSeconds(20), always, List.of(), "main"))) {
            m.put(q.queueId(), q);
        }
        return m;
    }
}

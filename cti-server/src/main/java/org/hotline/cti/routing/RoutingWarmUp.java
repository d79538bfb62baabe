package org.hotline.cti.routing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import org.hotline.cti.ops.LatencyRecorder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes the routing decision compiled code before the first caller needs it. A hotline routes about
 * 20 calls a second, so the JIT would take many minutes of real traffic to compile the decision
 * (C2 wants thousands of invocations); until then every decision ran interpreted or in profiling
 * code, about 40 µs of CPU instead of 2 (bench cti). This runs a private router through a
 * synthetic day (queues with and without overflow, scarce skills, calls that wait, agents that come
 * back) so every branch of the decision is compiled and profiled, then throws it away: nothing of
 * the live model or its metrics is touched.
 */
public final class RoutingWarmUp {
    private static final Logger log = LoggerFactory.getLogger(RoutingWarmUp.class);
    private static final AtomicBoolean STARTED = new AtomicBoolean();
    /** Enough for C2 to compile the decision and what it calls (its thresholds are in the thousands). */
    static final int DECISIONS = 30_000;

    /** What one warm-up did, so a test can see that every branch of the decision was taken. */
    public record Result(int decisions, int assigned, int overflowAssigned, int leftWaiting) {
    }

    private RoutingWarmUp() {
    }

    /**
     * Starts the warm-up once per JVM on a low-priority daemon thread; later calls do nothing.
     * {@code clock} is the live router's: the compiled decision is specialised to the classes it
     * met, and a warm-up on another kind of clock would be thrown away at the first real call.
     */
    public static void inBackground(Clock clock) {
        if (!STARTED.compareAndSet(false, true)) {
            return;
        }
        Thread t = new Thread(() -> {
            long t0 = System.nanoTime();
            Result r = run(DECISIONS, clock);
            log.info("routing decision warmed up: {} decisions, {} assigned ({} by overflow) in {} ms",
                    r.decisions(), r.assigned(), r.overflowAssigned(), (System.nanoTime() - t0) / 1_000_000);
        }, "routing-warm-up");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
    }

    /** Runs {@code decisions} routing decisions on a private router and says what they did. */
    public static Result run(int decisions, Clock clock) {
        Router router = new Router(new LongestIdleStrategy(), clock, new LatencyRecorder());
        BusinessHours always = BusinessHours.always(ZoneOffset.UTC);
        Duration sl = Duration.ofSeconds(20);
        router.defineQueue(new QueueDefinition("general", "General", 5, Map.of("general", 1), Duration.ofSeconds(60),
                Map.of(), sl, always, List.of(), "warm-up"));
        router.defineQueue(new QueueDefinition("billing", "Billing", 3, Map.of("billing", 1), Duration.ofSeconds(30),
                Map.of("general", 1), sl, always, List.of(), "warm-up"));
        router.defineQueue(new QueueDefinition("repair", "Repair", 10, Map.of("repair", 2), Duration.ofSeconds(30),
                Map.of("general", 1), sl, always, List.of(), "warm-up"));
        List<Map<String, Integer>> skills = List.of(Map.of("general", 3), Map.of("general", 3, "billing", 2),
                Map.of("general", 1, "repair", 3), Map.of("general", 2), Map.of("billing", 1));
        int agents = 60;
        for (int i = 0; i < agents; i++) {
            router.agentReady(new ReadyAgent("w" + i, clock.instant(), skills.get(i % skills.size())));
        }
        String[] queues = {"general", "repair", "billing", "general", "repair"};
        // Agents on a call, with the step at which each comes back: talk times long enough that calls
        // queue up, so decisions also walk waiting calls, skip exhausted queues and overflow.
        Deque<long[]> busy = new ArrayDeque<>();
        Map<String, String> queueOfCall = new HashMap<>();
        int assigned = 0;
        int overflow = 0;
        long callNo = 0;
        for (int step = 0; step < decisions; step++) {
            while (!busy.isEmpty() && busy.peekFirst()[1] <= step) {
                int i = (int) busy.pollFirst()[0];
                router.agentReady(new ReadyAgent("w" + i, clock.instant(), skills.get(i % skills.size())));
            }
            int arrivals = step % 7 == 0 ? 3 : 1;
            for (int k = 0; k < arrivals; k++, callNo++) {
                String queue = queues[(int) (callNo % queues.length)];
                // A third of the callers have waited past every overflow time already.
                Instant entered = callNo % 3 == 0 ? clock.instant().minusSeconds(90) : clock.instant();
                router.enqueue("c" + callNo, queue, callNo % 11 == 0 ? 1 : 0, callNo % 13 == 0, entered);
                queueOfCall.put("c" + callNo, queue);
            }
            for (Assignment a : router.route()) {
                assigned++;
                int i = Integer.parseInt(a.agentId().substring(1));
                String queue = queueOfCall.remove(a.callId());
                if (!ReadyAgent.hasAll(skills.get(i % skills.size()), router.queues().get(queue).requiredSkills())) {
                    overflow++;
                }
                busy.addLast(new long[] {i, step + 40 + (i % 17)});
            }
            if (router.waiting().size() > 200) {
                // A caller who gave up: keeps the waiting set the size a busy hotline has.
                queueOfCall.remove(router.remove(router.waiting().iterator().next().callId()).callId());
            }
        }
        return new Result(decisions, assigned, overflow, router.waiting().size());
    }
}

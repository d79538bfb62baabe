package org.hotline.cti.server;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import org.hotline.cti.agents.AgentState;
import org.hotline.cti.agents.AgentView;
import org.hotline.cti.core.ModelListener;
import org.hotline.cti.core.QueueView;

/** Turns the live model's changes into Prometheus figures (on the event loop: only counters move here). */
final class MetricsListener implements ModelListener {
    private final MeterRegistry registry;
    private final Map<String, AgentState> states = new ConcurrentHashMap<>();
    private final Map<AgentState, AtomicInteger> byState = new EnumMap<>(AgentState.class);
    private final Map<String, AtomicLong[]> queues = new ConcurrentHashMap<>();
    private final Timer eventLatency;

    MetricsListener(MeterRegistry registry) {
        this.registry = registry;
        for (AgentState s : AgentState.values()) {
            AtomicInteger n = new AtomicInteger();
            byState.put(s, n);
            Gauge.builder("hotline_agents", n, AtomicInteger::get).tags(Tags.of("state", s.name().toLowerCase()))
                    .description("agents by state").register(registry);
        }
        eventLatency = Timer.builder("hotline_event_latency").description("switch event to published change")
                .publishPercentiles(0.5, 0.99, 0.999).register(registry);
    }

    @Override
    public void agentChanged(AgentView agent, Instant origin) {
        AgentState old = states.put(agent.agentId(), agent.state());
        if (old != null) {
            byState.get(old).decrementAndGet();
        }
        byState.get(agent.state()).incrementAndGet();
        eventLatency.record(java.time.Duration.between(origin, Instant.now()));
    }

    @Override
    public void queueChanged(QueueView q, Instant origin) {
        AtomicLong[] v = queues.computeIfAbsent(q.definition().queueId(), id -> {
            AtomicLong[] a = {new AtomicLong(), new AtomicLong(), new AtomicLong(), new AtomicLong()};
            Tags t = Tags.of("queue", id);
            Gauge.builder("hotline_queue_waiting", a[0], AtomicLong::get).tags(t).register(registry);
            Gauge.builder("hotline_calls_offered_today", a[1], AtomicLong::get).tags(t).register(registry);
            Gauge.builder("hotline_calls_answered_today", a[2], AtomicLong::get).tags(t).register(registry);
            Gauge.builder("hotline_calls_abandoned_today", a[3], AtomicLong::get).tags(t).register(registry);
            return a;
        });
        v[0].set(q.waiting().size());
        v[1].set(q.today().offered());
        v[2].set(q.today().answered());
        v[3].set(q.today().abandoned());
    }
}

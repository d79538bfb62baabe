package org.hotline.cti.api;

import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;

import com.google.protobuf.Timestamp;
import io.grpc.Status;
import io.grpc.stub.ServerCallStreamObserver;
import org.hotline.api.v1.CallRecorded;
import org.hotline.api.v1.CallUpdate;
import org.hotline.api.v1.DeskEvent;
import org.hotline.api.v1.DeskSnapshot;
import org.hotline.api.v1.Notice;
import org.hotline.api.v1.SupervisionEvent;
import org.hotline.api.v1.SupervisionSnapshot;
import org.hotline.api.v1.WallboardStats;
import org.hotline.cti.agents.AgentState;
import org.hotline.cti.agents.AgentView;
import org.hotline.cti.calls.CallView;
import org.hotline.cti.core.ModelListener;
import org.hotline.cti.core.ModelReader;
import org.hotline.cti.core.QueueStatistics;
import org.hotline.cti.core.QueueView;
import org.hotline.cti.knowledge.Bulletin;
import org.hotline.cti.customers.ScreenPopSink;

import static org.hotline.cti.api.ProtoMapper.ts;

/**
 * Fans the live model's changes out to the connected desks, supervisors and wallboards. Called
 * on the event loop: each change is turned into a message once and offered to each interested
 * client's {@link Outbound}, which never blocks. Registration also happens on the loop, right
 * after the snapshot is built, so a client sees every change after its snapshot exactly once.
 */
public final class StreamHub implements ModelListener {
    private final Executor drainer;
    private final Limits limits;
    private final Map<String, List<Outbound<DeskEvent>>> desks = new ConcurrentHashMap<>();
    private final List<Outbound<SupervisionEvent>> supervisors = new CopyOnWriteArrayList<>();
    private final List<Outbound<WallboardStats>> wallboards = new CopyOnWriteArrayList<>();
    private final AtomicLong sequence = new AtomicLong();
    // Loop-owned aggregates for the wallboard.
    private final Map<String, AgentState> agentStates = new HashMap<>();
    private final Map<String, String> extensions = new HashMap<>();
    private final Map<String, QueueView> queues = new LinkedHashMap<>();
    // Loop-owned: each desk's team, the bulletins not yet expired (by id) and those already announced.
    private final Map<String, String> teams = new HashMap<>();
    private final Map<Long, Bulletin> bulletins = new TreeMap<>();
    private final Set<Long> announced = new HashSet<>();

    /** Buffer sizes and how long a client may stall before it is cut off. */
    public record Limits(int deskBuffer, int supervisorBuffer, long stallMillis) {
        public static final Limits DEFAULT = new Limits(10_000, 50_000, 30_000);
    }

    public StreamHub(Executor drainer, Limits limits) {
        this.drainer = drainer;
        this.limits = limits;
    }

    // ----- subscriptions (on the loop) -----

    /**
     * The buffer of a new desk stream. Made on the gRPC thread of the call, because flow-control
     * handlers can only be set there; {@link #attachDesk} then registers it on the loop.
     */
    Outbound<DeskEvent> deskOutbound(String agentId, ServerCallStreamObserver<DeskEvent> obs) {
        Outbound<DeskEvent>[] holder = newHolder();
        holder[0] = new Outbound<>("desk " + agentId, obs, drainer, limits.deskBuffer(), limits.stallMillis(),
                () -> removeDesk(agentId, holder[0]));
        return holder[0];
    }

    /** On the loop: the snapshot first, then every change after it. */
    void attachDesk(String agentId, Outbound<DeskEvent> out, ModelReader r) {
        AgentView a = r.agent(agentId);
        DeskSnapshot.Builder snap = DeskSnapshot.newBuilder().setAgent(ProtoMapper.agent(a));
        for (CallView c : r.callsOf(agentId)) {
            snap.addCalls(ProtoMapper.call(c, a.extension()));
        }
        r.reasonCodes().forEach(rc -> snap.addReasonCodes(ProtoMapper.reason(rc)));
        if (a.pendingState() != null) {
            snap.setPendingState(ProtoMapper.state(a.pendingState())).setPendingReasonCode(a.pendingReason());
        }
        teams.put(agentId, a.profile().team());
        Instant now = Instant.now();
        bulletins.values().stream().filter(b -> b.validAt(now) && b.reachesDeskOf(a.profile().team()))
                .forEach(b -> snap.addBulletins(KnowledgeMapper.bulletin(b)));
        out.offer(DeskEvent.newBuilder().setSequence(sequence.incrementAndGet()).setOriginTime(ts(Instant.now()))
                .setSnapshot(snap).build());
        List<Outbound<DeskEvent>> list = desks.computeIfAbsent(agentId, k -> new CopyOnWriteArrayList<>());
        list.add(out);
        if (out.isClosed()) {
            list.remove(out);
        }
    }

    Outbound<SupervisionEvent> supervisorOutbound(String who, ServerCallStreamObserver<SupervisionEvent> obs) {
        Outbound<SupervisionEvent>[] holder = newHolder();
        holder[0] = new Outbound<>("supervisor " + who, obs, drainer, limits.supervisorBuffer(), limits.stallMillis(),
                () -> supervisors.remove(holder[0]));
        return holder[0];
    }

    void attachSupervisor(Outbound<SupervisionEvent> out, ModelReader r) {
        SupervisionSnapshot.Builder snap = SupervisionSnapshot.newBuilder();
        r.agents().forEach(a -> snap.addAgents(ProtoMapper.agent(a)));
        r.queues().forEach(q -> snap.addQueues(ProtoMapper.queue(q, true)));
        out.offer(SupervisionEvent.newBuilder().setSequence(sequence.incrementAndGet())
                .setOriginTime(ts(Instant.now())).setSnapshot(snap).build());
        supervisors.add(out);
        if (out.isClosed()) {
            supervisors.remove(out);
        }
    }

    Outbound<WallboardStats> wallboardOutbound(String who, ServerCallStreamObserver<WallboardStats> obs) {
        Outbound<WallboardStats>[] holder = newHolder();
        holder[0] = new Outbound<>("wallboard " + who, obs, drainer, 16, limits.stallMillis(),
                () -> wallboards.remove(holder[0]));
        return holder[0];
    }

    void attachWallboard(Outbound<WallboardStats> out, ModelReader r) {
        for (AgentView a : r.agents()) {
            agentStates.put(a.agentId(), a.state());
        }
        r.queues().forEach(q -> queues.put(q.definition().queueId(), q));
        out.offerLatest("stats", wallboardStats(Instant.now()));
        wallboards.add(out);
        if (out.isClosed()) {
            wallboards.remove(out);
        }
    }

    /** Ends the desk streams of an agent (its session ended or was taken over). */
    void closeDesks(String agentId, Status status) {
        List<Outbound<DeskEvent>> list = desks.get(agentId);
        if (list != null) {
            list.forEach(o -> o.close(status));
        }
    }

    private void removeDesk(String agentId, Outbound<DeskEvent> o) {
        List<Outbound<DeskEvent>> list = desks.get(agentId);
        if (list != null) {
            list.remove(o);
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> Outbound<T>[] newHolder() {
        return new Outbound[1];
    }

    // ----- changes (on the loop) -----

    @Override
    public void agentChanged(AgentView agent, Instant origin) {
        agentStates.put(agent.agentId(), agent.state());
        extensions.put(agent.agentId(), agent.extension());
        teams.put(agent.agentId(), agent.profile().team());
        Timestamp t = ts(origin);
        var status = ProtoMapper.agent(agent);
        List<Outbound<DeskEvent>> own = desks.get(agent.agentId());
        if (own != null && !own.isEmpty()) {
            DeskEvent e = DeskEvent.newBuilder().setSequence(sequence.incrementAndGet()).setOriginTime(t)
                    .setAgent(status).build();
            own.forEach(o -> o.offer(e));
        }
        if (!supervisors.isEmpty()) {
            SupervisionEvent e = SupervisionEvent.newBuilder().setSequence(sequence.incrementAndGet())
                    .setOriginTime(t).setAgent(status).build();
            String key = "a:" + agent.agentId();
            supervisors.forEach(o -> o.offerLatest(key, e));
        }
    }

    @Override
    public void callChanged(String agentId, CallChange change, CallView call, String cause, Instant origin) {
        List<Outbound<DeskEvent>> own = desks.get(agentId);
        if (own == null || own.isEmpty()) {
            return;
        }
        DeskEvent e = DeskEvent.newBuilder().setSequence(sequence.incrementAndGet()).setOriginTime(ts(origin))
                .setCall(CallUpdate.newBuilder().setKind(ProtoMapper.kind(change))
                        .setCall(ProtoMapper.call(call, extensions.get(agentId))).setCause(cause))
                .build();
        own.forEach(o -> o.offer(e));
    }

    @Override
    public void queueChanged(QueueView queue, Instant origin) {
        queues.put(queue.definition().queueId(), queue);
        if (supervisors.isEmpty()) {
            return;
        }
        SupervisionEvent e = SupervisionEvent.newBuilder().setSequence(sequence.incrementAndGet())
                .setOriginTime(ts(origin)).setQueue(ProtoMapper.queue(queue, true)).build();
        String key = "q:" + queue.definition().queueId();
        supervisors.forEach(o -> o.offerLatest(key, e));
    }

    @Override
    public void callRecorded(String agentId, String callId, String recordId) {
        List<Outbound<DeskEvent>> own = desks.get(agentId);
        if (own == null || own.isEmpty()) {
            return;
        }
        DeskEvent e = DeskEvent.newBuilder().setSequence(sequence.incrementAndGet()).setOriginTime(ts(Instant.now()))
                .setRecorded(CallRecorded.newBuilder().setCallId(callId).setRecordId(recordId)).build();
        own.forEach(o -> o.offer(e));
    }

    @Override
    public void notice(String agentId, String code, String text, String from) {
        List<Outbound<DeskEvent>> own = desks.get(agentId);
        if (own == null || own.isEmpty()) {
            return;
        }
        DeskEvent e = DeskEvent.newBuilder().setSequence(sequence.incrementAndGet()).setOriginTime(ts(Instant.now()))
                .setNotice(Notice.newBuilder().setCode(code).setText(text).setFrom(from)).build();
        own.forEach(o -> o.offer(e));
    }

    /**
     * On the loop: a bulletin was published (or loaded at start). Desks of its audience get it
     * now if it is valid now, else when its start comes ({@link #tick}); new desks get it in
     * their snapshot while it is valid; the wallboard shows it in its statistics.
     */
    void bulletin(Bulletin b, Instant now) {
        if (!b.validUntil().isAfter(now)) {
            return;
        }
        bulletins.put(b.id(), b);
        announceIfDue(b, now);
    }

    private void announceIfDue(Bulletin b, Instant now) {
        if (!b.validAt(now) || !announced.add(b.id())) {
            return;
        }
        DeskEvent e = DeskEvent.newBuilder().setSequence(sequence.incrementAndGet()).setOriginTime(ts(now))
                .setBulletin(KnowledgeMapper.bulletin(b)).build();
        desks.forEach((agentId, list) -> {
            if (b.reachesDeskOf(teams.getOrDefault(agentId, ""))) {
                list.forEach(o -> o.offer(e));
            }
        });
        if (b.reachesWallboard() && !wallboards.isEmpty()) {
            WallboardStats stats = wallboardStats(now);
            wallboards.forEach(o -> o.offerLatest("stats", stats));
        }
    }

    /** Where the customers feature delivers screen pops (called on the loop). */
    public ScreenPopSink screenPops() {
        return (agentId, pop) -> toDesk(agentId, DeskEvent.newBuilder().setPop(CustomerMapper.pop(pop)));
    }

    /** On the loop: one event for every desk stream of an agent. */
    void toDesk(String agentId, DeskEvent.Builder e) {
        List<Outbound<DeskEvent>> own = desks.get(agentId);
        if (own == null || own.isEmpty()) {
            return;
        }
        DeskEvent built = e.setSequence(sequence.incrementAndGet()).setOriginTime(ts(Instant.now())).build();
        own.forEach(o -> o.offer(built));
    }

    @Override
    public void tick(Instant now) {
        bulletins.values().removeIf(b -> {
            boolean expired = !b.validUntil().isAfter(now);
            if (expired) {
                announced.remove(b.id());
            }
            return expired;
        });
        bulletins.values().forEach(b -> announceIfDue(b, now));
        if (!wallboards.isEmpty()) {
            WallboardStats stats = wallboardStats(now);
            wallboards.forEach(o -> o.offerLatest("stats", stats));
        }
        desks.values().forEach(l -> l.forEach(Outbound::checkStalled));
        supervisors.forEach(Outbound::checkStalled);
        wallboards.forEach(Outbound::checkStalled);
    }

    private WallboardStats wallboardStats(Instant now) {
        WallboardStats.Builder b = WallboardStats.newBuilder().setAt(ts(now));
        QueueStatistics.Figures total = QueueStatistics.Figures.ZERO;
        int waiting = 0;
        long longest = 0;
        for (QueueView q : queues.values()) {
            total = total.plus(q.today());
            waiting += q.waiting().size();
            longest = Math.max(longest, q.longestWaitSeconds());
            b.addQueues(ProtoMapper.queue(q, false));
        }
        Map<AgentState, Integer> byState = new EnumMap<>(AgentState.class);
        agentStates.values().forEach(s -> byState.merge(s, 1, Integer::sum));
        byState.remove(AgentState.LOGGED_OUT);
        byState.forEach((s, n) -> b.putAgentsByState(s.name(), n));
        bulletins.values().stream().filter(x -> x.validAt(now) && x.reachesWallboard())
                .forEach(x -> b.addBulletins(KnowledgeMapper.bulletin(x)));
        return b.setCallsWaiting(waiting).setLongestWaitSeconds(longest)
                .setOfferedToday(total.offered()).setAnsweredToday(total.answered())
                .setAbandonedToday(total.abandoned()).setServiceLevelPercent(total.serviceLevelPercent())
                .setAverageSpeedOfAnswerSeconds(total.averageSpeedOfAnswerSeconds()).build();
    }

    // ----- metrics -----

    /** Messages waiting in all client buffers. */
    public long bufferedMessages() {
        long n = 0;
        for (List<Outbound<DeskEvent>> l : desks.values()) {
            for (Outbound<DeskEvent> o : l) {
                n += o.pending();
            }
        }
        for (Outbound<SupervisionEvent> o : supervisors) {
            n += o.pending();
        }
        return n;
    }

    public int connectedClients() {
        int n = supervisors.size() + wallboards.size();
        for (List<Outbound<DeskEvent>> l : desks.values()) {
            n += l.size();
        }
        return n;
    }
}

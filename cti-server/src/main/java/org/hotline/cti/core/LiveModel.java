package org.hotline.cti.core;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionStage;

import org.hotline.cti.agents.Agent;
import org.hotline.cti.agents.AgentState;
import org.hotline.cti.agents.AgentStateChange;
import org.hotline.cti.agents.AgentStateMachine;
import org.hotline.cti.agents.AgentView;
import org.hotline.cti.agents.ReasonCode;
import org.hotline.cti.calls.CallDetailRecord;
import org.hotline.cti.calls.CallSegment;
import org.hotline.cti.calls.CallView;
import org.hotline.cti.calls.CdrWriter;
import org.hotline.cti.calls.IvrVisit;
import org.hotline.cti.calls.ConnectionState;
import org.hotline.cti.calls.LiveCall;
import org.hotline.cti.calls.SegmentKind;
import org.hotline.cti.core.ModelListener.CallChange;
import org.hotline.cti.routing.Assignment;
import org.hotline.cti.routing.QueueDefinition;
import org.hotline.cti.routing.ReadyAgent;
import org.hotline.cti.routing.Router;
import org.hotline.cti.routing.WaitingCall;
import org.hotline.cti.switching.CallId;
import org.hotline.cti.switching.ConnectionId;
import org.hotline.cti.switching.Switch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live state of calls, agents and queues and the operations shared by switch events and
 * commands: agent state changes (logged, mirrored into the router, published), offering calls,
 * and writing call records. Owned by the event loop; nothing here blocks.
 */
final class LiveModel {
    private static final Logger log = LoggerFactory.getLogger(LiveModel.class);

    final EventLoop loop;
    final Switch sw;
    final CdrWriter cdr;
    final CallCenterConfig config;
    final Router router;
    final List<ModelListener> listeners;
    /** Set before start; read on the loop only. */
    volatile CallScreen screen = CallScreen.NONE;

    final Map<String, Agent> agents = new LinkedHashMap<>();
    final Map<String, String> agentByDevice = new HashMap<>();
    final Map<String, LiveCall> calls = new HashMap<>();
    final Map<String, QueueStatistics> stats = new LinkedHashMap<>();
    final Map<String, ReasonCode> reasons = new LinkedHashMap<>();
    /** Call id -> agent id of calls offered by the router and not yet answered. */
    final Map<String, String> offers = new HashMap<>();
    /** Consultation call id -> the call it consults about, when the consultation's events came first. */
    final Map<String, String> pendingConsults = new HashMap<>();
    /** Call id -> the IVR visit that ended with a hand-over, until the call's RouteRequested settles it. */
    final Map<String, IvrVisit> ivrVisits = new HashMap<>();
    private final Map<String, EventLoop.Timer> acwTimers = new HashMap<>();
    private final Map<String, EventLoop.Timer> ringTimers = new HashMap<>();
    private final Set<String> missed = new HashSet<>();
    private final Map<String, int[]> queueAgentCounts = new HashMap<>();
    private boolean routeScheduled;
    private LocalDate statsDay;

    /** When the event or command being handled happened. */
    Instant origin;

    LiveModel(EventLoop loop, Switch sw, CdrWriter cdr, CallCenterConfig config, Router router,
              List<ModelListener> listeners) {
        this.loop = loop;
        this.sw = sw;
        this.cdr = cdr;
        this.config = config;
        this.router = router;
        this.listeners = listeners;
        this.origin = loop.clock().instant();
        this.statsDay = LocalDate.ofInstant(origin, config.zone());
    }

    Instant now() {
        return loop.clock().instant();
    }

    Agent agentOfDevice(String device) {
        String id = agentByDevice.get(device);
        return id == null ? null : agents.get(id);
    }

    // ----- agent state -----

    /** Moves an agent, logs the change, keeps the router in step and tells listeners. */
    void setState(Agent a, AgentState to, String reason) {
        AgentState from = a.state();
        AgentStateChange change = a.moveTo(to, reason, now(), Ids.next());
        if (change == null) {
            return;
        }
        cdr.agentStateChanged(change);
        if (from == AgentState.AFTER_CALL_WORK) {
            cancel(acwTimers.remove(a.id()));
        }
        if (to == AgentState.READY) {
            router.agentReady(new ReadyAgent(a.id(), a.idleSince(), a.profile().skills()));
            requestRoute();
        } else {
            router.agentNotReady(a.id());
        }
        if (to == AgentState.AFTER_CALL_WORK) {
            startAfterCallWork(a);
        }
        if (to == AgentState.LOGGED_OUT) {
            agentByDevice.remove(a.extension());
            a.pending(null, "");
            a.pendingLogout(false);
        }
        publishAgent(a);
    }

    void startAfterCallWork(Agent a) {
        cancel(acwTimers.remove(a.id()));
        acwTimers.put(a.id(), loop.schedule(config.afterCallWork(), () -> {
            acwTimers.remove(a.id());
            if (a.state() == AgentState.AFTER_CALL_WORK) {
                origin = now();
                leaveCallWork(a);
            }
        }));
    }

    /** After-call work is over: go where the agent asked to go during the call, else Ready. */
    void leaveCallWork(Agent a) {
        if (a.pendingLogout()) {
            setState(a, AgentState.LOGGED_OUT, "");
            return;
        }
        AgentState next = a.pendingState() == null ? AgentState.READY : a.pendingState();
        String reason = a.pendingReason();
        a.pending(null, "");
        setState(a, next, reason);
    }

    /** Re-derives a busy agent's state from its connections (ringing, talking, holding). */
    void followCalls(Agent a) {
        boolean connected = false;
        boolean held = false;
        boolean alerting = false;
        for (String callId : a.calls()) {
            LiveCall c = calls.get(callId);
            LiveCall.Party p = c == null ? null : c.party(a.extension());
            if (p == null) {
                continue;
            }
            switch (p.state()) {
                case CONNECTED, INITIATED -> connected = true;
                case HELD -> held = true;
                case ALERTING -> alerting = true;
                default -> { }
            }
        }
        AgentState target = connected ? AgentState.ON_CALL : held ? AgentState.HELD
                : alerting ? AgentState.RESERVED : null;
        if (target == null || target == a.state()) {
            return;
        }
        if (target == AgentState.RESERVED && a.state() == AgentState.NOT_READY) {
            // A colleague ringing a NotReady agent does not make it available; the call just shows.
            return;
        }
        if (!AgentStateMachine.canFollowCall(a.state(), target)) {
            log.warn("agent {}: call moved it from {} to {}, which the state machine does not expect",
                    a.id(), a.state(), target);
        }
        if (a.state() == AgentState.NOT_READY && a.pendingState() == null) {
            a.pending(AgentState.NOT_READY, a.reason());
        }
        if (target == AgentState.ON_CALL || target == AgentState.HELD) {
            a.startTalking(now());
        }
        setState(a, target, "");
    }

    /** The agent's part in a call ended: after-call work if it talked, else back to where it was. */
    void agentLeftCall(Agent a, String callId) {
        a.calls().remove(callId);
        cancel(ringTimers.remove(callId + "|" + a.id()));
        if (offers.get(callId) != null && offers.get(callId).equals(a.id())) {
            offers.remove(callId);
        }
        if (!a.calls().isEmpty()) {
            followCalls(a);
            return;
        }
        if (a.state() == AgentState.LOGGED_OUT) {
            return;
        }
        boolean wasMissed = missed.remove(callId + "|" + a.id());
        if (a.talked()) {
            a.stopTalking(now());
            setState(a, AgentState.AFTER_CALL_WORK, "");
        } else if (wasMissed) {
            a.pending(null, "");
            setState(a, AgentState.NOT_READY, ReasonCode.MISSED);
            notice(a.id(), "notice.missed_call", "", "");
        } else if (AgentStateMachine.isBusy(a.state())) {
            leaveCallWork(a);
        }
    }

    // ----- routing -----

    /** Routes once after the current task, however many changes it makes. */
    void requestRoute() {
        if (routeScheduled) {
            return;
        }
        routeScheduled = true;
        loop.execute(() -> {
            routeScheduled = false;
            for (Assignment a : router.route()) {
                offer(a);
            }
        });
    }

    private void offer(Assignment assignment) {
        LiveCall call = calls.get(assignment.callId());
        Agent agent = agents.get(assignment.agentId());
        if (call == null || agent == null || agent.state() != AgentState.READY) {
            log.warn("routing: offer of call {} to agent {} no longer valid; routing again",
                    assignment.callId(), assignment.agentId());
            if (call != null) {
                requeue(call, false);
            }
            return;
        }
        offers.put(call.id(), agent.id());
        agent.calls().add(call.id());
        setState(agent, AgentState.RESERVED, "");
        String key = call.id() + "|" + agent.id();
        ringTimers.put(key, loop.schedule(config.ringNoAnswer(), () -> {
            ringTimers.remove(key);
            origin = now();
            ringNoAnswer(call.id(), agent.id());
        }));
        String callId = call.id();
        sw.routeSelect(new CallId(callId), agent.extension()).whenComplete((ok, e) -> {
            if (e != null) {
                loop.execute(() -> {
                    origin = now();
                    offerFailed(callId, agent.id(), e);
                });
            }
        });
    }

    private void ringNoAnswer(String callId, String agentId) {
        LiveCall call = calls.get(callId);
        Agent agent = agents.get(agentId);
        if (call == null || agent == null || !agentId.equals(offers.get(callId))) {
            return;
        }
        LiveCall.Party p = call.party(agent.extension());
        if (p != null && p.state() != ConnectionState.ALERTING) {
            return;
        }
        log.info("call {} rang {} s at agent {} without answer: back to the head of its queue",
                callId, config.ringNoAnswer().toSeconds(), agentId);
        missed.add(callId + "|" + agentId);
        if (p == null) {
            // The switch never reported the ringing: take the offer back ourselves.
            agentLeftCall(agent, callId);
            requeue(call, true);
            return;
        }
        sw.clearConnection(new ConnectionId(new CallId(callId), agent.extension()));
    }

    void markMissed(String callId, String agentId) {
        missed.add(callId + "|" + agentId);
    }

    private void offerFailed(String callId, String agentId, Throwable e) {
        Agent agent = agents.get(agentId);
        LiveCall call = calls.get(callId);
        if (agent == null || call == null || !agentId.equals(offers.get(callId))) {
            return;
        }
        log.warn("call {} could not be delivered to agent {}: {}", callId, agentId, rootMessage(e));
        missed.add(callId + "|" + agentId);
        agentLeftCall(agent, callId);
        requeue(call, true);
    }

    /** Back into its queue; {@code head}: ahead of the calls of its priority. */
    void requeue(LiveCall call, boolean head) {
        String queueId = call.data().queueId();
        QueueDefinition q = router.queues().get(queueId);
        if (q == null || router.isWaiting(call.id())) {
            return;
        }
        call.enterQueue(now());
        call.openSegment(SegmentKind.QUEUE, "", "", queueId, now());
        router.enqueue(call.id(), queueId, q.priority(), head);
        scheduleOverflow(call.id(), q);
        publishQueue(queueId);
        requestRoute();
    }

    void scheduleOverflow(String callId, QueueDefinition q) {
        if (!q.overflowSkills().isEmpty()) {
            loop.schedule(q.overflowAfter(), () -> {
                if (router.isWaiting(callId)) {
                    requestRoute();
                }
            });
        }
    }

    // ----- call records -----

    void closeSegments(LiveCall call, SegmentKind kind, String device, String outcome) {
        for (CallSegment s : call.closeSegments(kind, device, now(), outcome, Ids::next)) {
            cdr.segmentEnded(s);
        }
    }

    /** The call is over: close its legs, write its record, forget it. */
    void finish(LiveCall call, String outcome) {
        if (calls.remove(call.id()) == null) {
            return;
        }
        router.remove(call.id());
        offers.remove(call.id());
        call.leaveQueue(now());
        closeSegments(call, null, null, "ended");
        String finalOutcome = call.outcome().isEmpty() ? outcome : call.outcome();
        String recordId = Ids.next();
        CallDetailRecord r = new CallDetailRecord(recordId, call.siteId(), call.id(), call.direction(),
                call.data().callerNumber(), call.data().dialledNumber(), call.data().queueId(), call.lastAgentId(),
                call.startedAt(), call.answeredAt(), now(), call.queueWaitMillis(), finalOutcome,
                call.recordingPath(), call.data().values());
        Set<String> involved = Set.copyOf(call.involvedAgents());
        String callId = call.id();
        cdr.callEnded(r, () -> loop.execute(() -> {
            for (ModelListener l : listeners) {
                for (String agentId : involved) {
                    l.callRecorded(agentId, callId, recordId);
                }
            }
        }));
    }

    QueueStatistics statsOf(String queueId) {
        return stats.computeIfAbsent(queueId, k -> new QueueStatistics());
    }

    void rollDayIfNeeded() {
        LocalDate today = LocalDate.ofInstant(now(), config.zone());
        if (!today.equals(statsDay)) {
            statsDay = today;
            stats.values().forEach(QueueStatistics::reset);
            agents.values().forEach(Agent::resetDay);
            log.info("new day {}: today's queue and agent figures start from zero", today);
        }
    }

    // ----- publishing -----

    AgentView viewOf(Agent a) {
        for (String id : a.calls()) {
            LiveCall c = calls.get(id);
            if (c != null) {
                return a.view(id, c.data().callerNumber(), c.data().queueId());
            }
        }
        return a.view("", "", "");
    }

    void publishAgent(Agent a) {
        var v = viewOf(a);
        for (ModelListener l : listeners) {
            l.agentChanged(v, origin);
        }
    }

    void publishCall(LiveCall call, CallChange change, String cause) {
        CallView v = call.view();
        for (LiveCall.Party p : call.parties().values()) {
            if (!p.agentId().isEmpty()) {
                for (ModelListener l : listeners) {
                    l.callChanged(p.agentId(), change, v, cause, origin);
                }
            }
        }
    }

    void publishCallTo(String agentId, LiveCall call, CallChange change, String cause) {
        CallView v = call.view();
        for (ModelListener l : listeners) {
            l.callChanged(agentId, change, v, cause, origin);
        }
    }

    void publishQueue(String queueId) {
        QueueView v = queueView(queueId);
        if (v == null) {
            return;
        }
        for (ModelListener l : listeners) {
            l.queueChanged(v, origin);
        }
    }

    void notice(String agentId, String code, String text, String from) {
        for (ModelListener l : listeners) {
            l.notice(agentId, code, text, from);
        }
    }

    QueueView queueView(String queueId) {
        QueueDefinition q = router.queues().get(queueId);
        if (q == null) {
            return null;
        }
        List<QueueView.Waiting> waiting = new ArrayList<>();
        long longest = 0;
        Instant now = now();
        for (WaitingCall w : router.waitingIn(queueId)) {
            LiveCall c = calls.get(w.callId());
            waiting.add(new QueueView.Waiting(w, c == null ? "" : c.data().callerNumber()));
            Instant since = c != null && c.queuedAt() != null ? c.queuedAt() : w.enteredAt();
            longest = Math.max(longest, now.getEpochSecond() - since.getEpochSecond());
        }
        int[] counts = queueAgentCounts.getOrDefault(queueId, new int[3]);
        return new QueueView(q, waiting, longest, statsOf(queueId).figures(), counts[0], counts[1], counts[2]);
    }

    /** Agents who qualify for each queue, by Ready / busy / NotReady; refreshed once a second. */
    void countQueueAgents() {
        for (QueueDefinition q : router.queues().values()) {
            int[] c = new int[3];
            for (Agent a : agents.values()) {
                AgentState s = a.state();
                if (s == AgentState.LOGGED_OUT || !ReadyAgent.hasAll(a.profile().skills(), q.requiredSkills())) {
                    continue;
                }
                if (s == AgentState.READY) {
                    c[0]++;
                } else if (s == AgentState.NOT_READY) {
                    c[2]++;
                } else {
                    c[1]++;
                }
            }
            queueAgentCounts.put(q.queueId(), c);
        }
    }

    static void cancel(EventLoop.Timer t) {
        if (t != null) {
            t.cancel();
        }
    }

    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t != t.getCause()) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    /** Runs a switch service and, if it fails, reports the failure to the agent's desk. */
    <T> CompletionStage<T> tell(Agent a, CompletionStage<T> stage, String what) {
        return stage.whenComplete((v, e) -> {
            if (e != null) {
                loop.execute(() -> notice(a.id(), "notice.switch_refused", what + ": " + rootMessage(e), ""));
            }
        });
    }
}

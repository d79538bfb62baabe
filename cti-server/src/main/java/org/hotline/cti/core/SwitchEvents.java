package org.hotline.cti.core;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.hotline.cti.agents.Agent;
import org.hotline.cti.agents.AgentState;
import org.hotline.cti.calls.CallData;
import org.hotline.cti.calls.CallDetailRecord.Direction;
import org.hotline.cti.calls.ConnectionState;
import org.hotline.cti.calls.IvrVisit;
import org.hotline.cti.calls.LiveCall;
import org.hotline.cti.calls.SegmentKind;
import org.hotline.cti.core.ModelListener.CallChange;
import org.hotline.cti.routing.QueueDefinition;
import org.hotline.cti.switching.Announcement;
import org.hotline.cti.switching.CallId;
import org.hotline.cti.switching.Cause;
import org.hotline.cti.switching.Devices;
import org.hotline.cti.switching.IvrOutcome;
import org.hotline.cti.switching.SwitchEvent;
import org.hotline.cti.switching.SwitchEvent.CallView;
import org.hotline.cti.switching.SwitchEvent.ConnectionView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Applies the switch's CSTA events to the live model, on the event loop. */
final class SwitchEvents {
    private static final Logger log = LoggerFactory.getLogger(SwitchEvents.class);

    private final LiveModel m;
    private boolean linkUp = true;

    SwitchEvents(LiveModel m) {
        this.m = m;
    }

    boolean linkUp() {
        return linkUp;
    }

    void apply(SwitchEvent e) {
        m.origin = e.at();
        if (e instanceof SwitchEvent.RouteRequested r) {
            routeRequested(r);
        } else if (e instanceof SwitchEvent.IvrFinished f) {
            ivrFinished(f);
        } else if (e instanceof SwitchEvent.ServiceInitiated s) {
            serviceInitiated(s);
        } else if (e instanceof SwitchEvent.Delivered d) {
            delivered(d);
        } else if (e instanceof SwitchEvent.Established s) {
            established(s);
        } else if (e instanceof SwitchEvent.Held h) {
            held(h.call().value(), h.holdingDevice(), true);
        } else if (e instanceof SwitchEvent.Retrieved r) {
            held(r.call().value(), r.retrievingDevice(), false);
        } else if (e instanceof SwitchEvent.ConnectionCleared c) {
            connectionCleared(c.call().value(), c.releasingDevice(), c.cause());
        } else if (e instanceof SwitchEvent.CallCleared c) {
            callCleared(c.call().value(), c.cause());
        } else if (e instanceof SwitchEvent.Transferred t) {
            merge(t.primaryCall().value(), t.secondaryCall().value(), t.transferringDevice(), true);
        } else if (e instanceof SwitchEvent.Conferenced c) {
            merge(c.primaryCall().value(), c.secondaryCall().value(), c.conferencingDevice(), false);
        } else if (e instanceof SwitchEvent.Diverted d) {
            connectionCleared(d.call().value(), d.fromDevice(), Cause.NORMAL_CLEARING);
        } else if (e instanceof SwitchEvent.Failed f) {
            failed(f);
        } else if (e instanceof SwitchEvent.RecordingStarted r) {
            LiveCall c = m.calls.get(r.call().value());
            if (c != null) {
                c.recordingPath(r.path());
                m.publishCall(c, CallChange.DATA, "");
            }
        } else if (e instanceof SwitchEvent.MonitorStarted ms) {
            monitorStarted(ms);
        } else if (e instanceof SwitchEvent.MonitorStopped ms) {
            connectionCleared(ms.call().value(), ms.supervisorDevice(), Cause.NORMAL_CLEARING);
        } else if (e instanceof SwitchEvent.DigitsReceived d) {
            log.debug("call {}: digits {} from {}", d.call(), d.digits(), d.device());
        } else if (e instanceof SwitchEvent.AgentPresenceReported p) {
            presenceReported(p);
        } else if (e instanceof SwitchEvent.LinkLost l) {
            linkUp = false;
            log.warn("switch link lost: {}", l.why());
        } else if (e instanceof SwitchEvent.LinkRestored r) {
            linkUp = true;
            reconcile(r.snapshot());
        }
    }

    /**
     * A caller who hung up in the IVR is written at once; one handed over waits for the call's
     * RouteRequested, which tells the queue it resolves to or the announcement that ends it.
     */
    private void ivrFinished(SwitchEvent.IvrFinished f) {
        boolean handedOver = f.outcome() == IvrOutcome.ROUTED || f.outcome() == IvrOutcome.NO_INPUT;
        IvrVisit visit = new IvrVisit(null, m.config.siteId(), f.call().value(), f.callingNumber(), f.calledNumber(),
                f.startedAt(), f.at(), IvrVisit.path(f.choices()), handedOver ? f.queueHint() : "", f.outcome());
        if (handedOver) {
            m.ivrVisits.put(f.call().value(), visit);
        } else {
            log.debug("call {} from {}: IVR {} after {} ms at '{}'", f.call(), f.callingNumber(), f.outcome(),
                    visit.millis(), visit.menuPath());
            m.cdr.ivrVisited(visit);
        }
    }

    private void settleIvr(String callId, String queueId, IvrOutcome override) {
        IvrVisit visit = m.ivrVisits.remove(callId);
        if (visit != null) {
            m.cdr.ivrVisited(visit.settled(queueId, override == null ? visit.outcome() : override));
        }
    }

    private void routeRequested(SwitchEvent.RouteRequested r) {
        String callId = r.call().value();
        LiveCall call = m.calls.get(callId);
        String queueId = resolveQueue(r.queueHint(), r.calledNumber());
        if (call == null) {
            String path = r.data().getOrDefault("ivr_path", "");
            Map<String, String> values = new HashMap<>(r.data());
            values.remove("ivr_path");
            String account = values.remove("entered_account");
            CallData data = new CallData(r.callingNumber(), r.calledNumber(), queueId,
                    path.isEmpty() ? List.of() : Arrays.asList(path.split(">")), account, "", values);
            call = new LiveCall(callId, m.config.siteId(), Direction.INBOUND, r.at(), data);
            call.putParty(Devices.external(r.callingNumber()), "", ConnectionState.QUEUED);
            m.calls.put(callId, call);
        } else {
            // Transferred back into a queue: same call, same data, a new queue.
            call.data(call.data().withQueue(queueId));
        }
        if (m.screen.blocks(r.callingNumber())) {
            // Blacklisted: the caller hears why and never reaches a queue or its statistics.
            call.outcome("blocked");
            settleIvr(callId, queueId, IvrOutcome.BLOCKED);
            log.info("call {} from blacklisted {}: BLOCKED announcement", callId, r.callingNumber());
            m.sw.playAnnouncement(r.call(), Announcement.BLOCKED);
            return;
        }
        QueueDefinition q = m.router.queues().get(queueId);
        if (!q.hours().isOpen(r.at())) {
            call.outcome("closed");
            settleIvr(callId, queueId, IvrOutcome.CLOSED);
            m.sw.playAnnouncement(r.call(), Announcement.CLOSED);
            return;
        }
        settleIvr(callId, queueId, null);
        m.statsOf(queueId).offered();
        m.requeue(call, false);
    }

    /** A known queue id or dialled number wins; anything else goes to the default queue. */
    private String resolveQueue(String hint, String dialled) {
        Map<String, QueueDefinition> queues = m.router.queues();
        if (hint != null && queues.containsKey(hint)) {
            return hint;
        }
        for (QueueDefinition q : queues.values()) {
            if (q.dialledNumbers().contains(hint)) {
                return q.queueId();
            }
        }
        for (QueueDefinition q : queues.values()) {
            if (q.dialledNumbers().contains(dialled)) {
                return q.queueId();
            }
        }
        return m.config.defaultQueueId();
    }

    private LiveCall callFor(String callId, String callingDevice, String calledNumber) {
        LiveCall call = m.calls.get(callId);
        if (call != null) {
            return call;
        }
        boolean fromAgent = m.agentOfDevice(callingDevice) != null;
        boolean toAgent = m.agentByDevice.containsKey(calledNumber);
        Direction dir = fromAgent ? (toAgent ? Direction.INTERNAL : Direction.OUTBOUND) : Direction.INBOUND;
        CallData data = new CallData(Devices.number(callingDevice), calledNumber, "", List.of(), "", "", Map.of());
        call = new LiveCall(callId, m.config.siteId(), dir, m.now(), data);
        m.calls.put(callId, call);
        String consultOf = m.pendingConsults.remove(callId);
        if (consultOf != null) {
            linkConsultation(call, consultOf);
        }
        return call;
    }

    /** The consultation call carries the data of the call it is about: the screen follows. */
    void linkConsultation(LiveCall consult, String primaryId) {
        LiveCall primary = m.calls.get(primaryId);
        consult.consultedFromCallId(primaryId);
        if (primary != null) {
            CallData p = primary.data();
            consult.data(new CallData(p.callerNumber(), p.dialledNumber(), p.queueId(), p.ivrPath(),
                    p.enteredAccount(), p.customerId(), p.values()));
        }
    }

    private void serviceInitiated(SwitchEvent.ServiceInitiated s) {
        LiveCall call = callFor(s.call().value(), s.device(), s.calledNumber());
        Agent a = m.agentOfDevice(s.device());
        call.putParty(s.device(), a == null ? "" : a.id(), ConnectionState.INITIATED);
        if (a != null) {
            a.calls().add(call.id());
            call.lastAgentId(a.id());
            call.openSegment(SegmentKind.DIALING, a.id(), s.device(), "", m.now());
            m.publishCallTo(a.id(), call, CallChange.DIALING, "");
            m.followCalls(a);
        }
    }

    private void delivered(SwitchEvent.Delivered d) {
        LiveCall call = callFor(d.call().value(), d.callingDevice(), d.calledNumber());
        if (call.party(d.callingDevice()) == null) {
            Agent caller = m.agentOfDevice(d.callingDevice());
            call.putParty(d.callingDevice(), caller == null ? "" : caller.id(),
                    caller == null ? ConnectionState.CONNECTED : ConnectionState.INITIATED);
        }
        Agent a = m.agentOfDevice(d.alertingDevice());
        call.putParty(d.alertingDevice(), a == null ? "" : a.id(), ConnectionState.ALERTING);
        if (call.queued()) {
            call.leaveQueue(m.now());
            m.router.remove(call.id());
            m.closeSegments(call, SegmentKind.QUEUE, null, "delivered");
            m.publishQueue(call.data().queueId());
        }
        if (a == null) {
            return;
        }
        a.calls().add(call.id());
        call.openSegment(SegmentKind.RING, a.id(), d.alertingDevice(), call.data().queueId(), m.now());
        m.publishCallTo(a.id(), call, CallChange.RINGING, "");
        m.followCalls(a);
    }

    private void established(SwitchEvent.Established s) {
        LiveCall call = m.calls.get(s.call().value());
        if (call == null) {
            call = callFor(s.call().value(), s.callingDevice(), Devices.number(s.answeringDevice()));
        }
        Agent a = m.agentOfDevice(s.answeringDevice());
        call.putParty(s.answeringDevice(), a == null ? "" : a.id(), ConnectionState.CONNECTED);
        LiveCall.Party calling = call.party(s.callingDevice());
        if (calling != null && calling.state() != ConnectionState.HELD) {
            call.putParty(s.callingDevice(), calling.agentId(), ConnectionState.CONNECTED);
        }
        boolean firstAnswer = call.answeredAt() == null;
        call.answeredAt(m.now());
        if (a != null) {
            m.offers.remove(call.id());
            m.closeSegments(call, SegmentKind.RING, s.answeringDevice(), "answered");
            call.openSegment(SegmentKind.TALK, a.id(), s.answeringDevice(), call.data().queueId(), m.now());
            call.lastAgentId(a.id());
            if (firstAnswer && call.direction() == Direction.INBOUND && !call.data().queueId().isEmpty()) {
                QueueDefinition q = m.router.queues().get(call.data().queueId());
                long threshold = q == null ? 0 : q.serviceLevelThreshold().toMillis();
                // Speed of answer runs from joining the queue to the answer, ringing included.
                long wait = call.firstQueuedAt() == null ? 0 : m.now().toEpochMilli() - call.firstQueuedAt().toEpochMilli();
                m.statsOf(call.data().queueId()).answered(wait, threshold);
                m.publishQueue(call.data().queueId());
            }
            m.followCalls(a);
        }
        Agent caller = m.agentOfDevice(s.callingDevice());
        if (caller != null && a == null) {
            // An outbound call answered by the far end: the dialling agent now talks.
            m.closeSegments(call, SegmentKind.DIALING, s.callingDevice(), "answered");
            call.openSegment(SegmentKind.TALK, caller.id(), s.callingDevice(), "", m.now());
            m.followCalls(caller);
        } else if (caller != null) {
            m.closeSegments(call, SegmentKind.DIALING, s.callingDevice(), "answered");
            m.followCalls(caller);
        }
        m.publishCall(call, CallChange.CONNECTED, "");
    }

    private void held(String callId, String device, boolean hold) {
        LiveCall call = m.calls.get(callId);
        if (call == null || call.party(device) == null) {
            return;
        }
        LiveCall.Party p = call.party(device);
        call.putParty(device, p.agentId(), hold ? ConnectionState.HELD : ConnectionState.CONNECTED);
        Agent a = m.agentOfDevice(device);
        if (hold) {
            call.openSegment(SegmentKind.HOLD, a == null ? "" : a.id(), device, call.data().queueId(), m.now());
        } else {
            m.closeSegments(call, SegmentKind.HOLD, device, "retrieved");
        }
        if (a != null) {
            m.followCalls(a);
        }
        m.publishCall(call, hold ? CallChange.HELD : CallChange.RETRIEVED, "");
    }

    private void connectionCleared(String callId, String device, Cause cause) {
        LiveCall call = m.calls.get(callId);
        if (call == null) {
            return;
        }
        LiveCall.Party p = call.party(device);
        if (p == null) {
            return;
        }
        Agent a = m.agentOfDevice(device);
        boolean external = a == null;
        if (external && call.answeredAt() == null && call.direction() == Direction.INBOUND) {
            abandoned(call);
        }
        String outcome = cause == Cause.TRANSFER ? "transferred"
                : p.state() == ConnectionState.ALERTING ? (external ? "abandoned" : "no_answer") : "ended";
        m.closeSegments(call, null, device, outcome);
        m.publishCall(call, CallChange.ENDED, cause.name());
        call.removeParty(device);
        if (a != null) {
            boolean wasOffered = a.id().equals(m.offers.get(callId));
            m.agentLeftCall(a, callId);
            if (wasOffered && m.calls.containsKey(callId) && call.answeredAt() == null
                    && hasExternalParty(call)) {
                // Rang out (or the phone refused): the caller is still there, back to the head of the queue.
                m.requeue(call, true);
            }
        }
    }

    private static boolean hasExternalParty(LiveCall call) {
        for (String d : call.parties().keySet()) {
            if (Devices.isExternal(d)) {
                return true;
            }
        }
        return false;
    }

    private void abandoned(LiveCall call) {
        if (!call.outcome().isEmpty()) {
            return;
        }
        call.outcome("abandoned");
        String q = call.data().queueId();
        if (!q.isEmpty() && m.router.queues().containsKey(q)) {
            call.leaveQueue(m.now());
            m.router.remove(call.id());
            m.statsOf(q).abandoned();
            m.publishQueue(q);
        }
    }

    private void callCleared(String callId, Cause cause) {
        // A hand-over whose RouteRequested never came (the link broke in between): keep the visit as the switch said.
        IvrVisit unsettled = m.ivrVisits.remove(callId);
        if (unsettled != null) {
            m.cdr.ivrVisited(unsettled);
        }
        LiveCall call = m.calls.get(callId);
        if (call == null) {
            return;
        }
        if (call.answeredAt() == null && call.direction() == Direction.INBOUND && cause != Cause.BLOCKED) {
            abandoned(call);
        }
        for (String device : new ArrayList<>(call.parties().keySet())) {
            connectionCleared(callId, device, cause);
        }
        String outcome = cause == Cause.BLOCKED ? "blocked" : call.answeredAt() != null ? "answered" : "failed";
        m.finish(call, outcome);
    }

    /** Transfer or conference: the secondary call's parties join the primary call. */
    private void merge(String primaryId, String secondaryId, String actingDevice, boolean transfer) {
        LiveCall primary = m.calls.get(primaryId);
        LiveCall secondary = m.calls.get(secondaryId);
        if (primary == null) {
            log.warn("{} into unknown call {}; ignored", transfer ? "transfer" : "conference", primaryId);
            return;
        }
        Agent acting = m.agentOfDevice(actingDevice);
        Set<String> joined = new HashSet<>();
        if (secondary != null && secondary != primary) {
            for (LiveCall.Party p : new ArrayList<>(secondary.parties().values())) {
                if (p.device().equals(actingDevice)) {
                    continue;
                }
                primary.putParty(p.device(), p.agentId(), ConnectionState.CONNECTED);
                Agent a = m.agentOfDevice(p.device());
                if (a != null) {
                    joined.add(a.id());
                    a.calls().remove(secondaryId);
                    a.calls().add(primaryId);
                    primary.openSegment(SegmentKind.TALK, a.id(), p.device(), primary.data().queueId(), m.now());
                    primary.lastAgentId(a.id());
                }
            }
            secondary.outcome(transfer ? "transferred" : "conferenced");
            // Every desk that showed the consultation is told it ended: its parties live on in the primary call.
            Set<String> consultDesks = new HashSet<>();
            for (LiveCall.Party p : secondary.parties().values()) {
                if (!p.agentId().isEmpty()) {
                    consultDesks.add(p.agentId());
                }
            }
            for (String agentId : consultDesks) {
                m.publishCallTo(agentId, secondary, CallChange.ENDED,
                        (transfer ? Cause.TRANSFER : Cause.NORMAL_CLEARING).name());
            }
            for (String d : new ArrayList<>(secondary.parties().keySet())) {
                m.closeSegments(secondary, null, d, secondary.outcome());
                secondary.removeParty(d);
            }
            if (acting != null) {
                acting.calls().remove(secondaryId);
            }
            m.finish(secondary, secondary.outcome());
        }
        if (transfer) {
            m.closeSegments(primary, null, actingDevice, "transferred");
            primary.removeParty(actingDevice);
            if (acting != null) {
                m.publishCallTo(acting.id(), primary, CallChange.ENDED, Cause.TRANSFER.name());
                m.agentLeftCall(acting, primaryId);
            }
        } else if (primary.party(actingDevice) != null) {
            LiveCall.Party p = primary.party(actingDevice);
            m.closeSegments(primary, SegmentKind.HOLD, actingDevice, "conferenced");
            primary.putParty(actingDevice, p.agentId(), ConnectionState.CONNECTED);
            if (acting != null) {
                m.followCalls(acting);
            }
        }
        for (LiveCall.Party p : primary.parties().values()) {
            if (p.state() == ConnectionState.HELD && transfer) {
                primary.putParty(p.device(), p.agentId(), ConnectionState.CONNECTED);
                m.closeSegments(primary, SegmentKind.HOLD, p.device(), "transferred");
            }
        }
        for (String agentId : joined) {
            m.publishCallTo(agentId, primary, transfer ? CallChange.TRANSFERRED : CallChange.CONFERENCED, "");
            m.followCalls(m.agents.get(agentId));
        }
        m.publishCall(primary, transfer ? CallChange.DATA : CallChange.CONFERENCED, "");
    }

    private void failed(SwitchEvent.Failed f) {
        LiveCall call = m.calls.get(f.call().value());
        if (call == null) {
            return;
        }
        log.info("call {} failed at {}: {}", f.call(), f.device(), f.cause());
        if (call.party(f.device()) != null) {
            connectionCleared(call.id(), f.device(), f.cause());
        }
    }

    private void monitorStarted(SwitchEvent.MonitorStarted ms) {
        LiveCall call = m.calls.get(ms.call().value());
        Agent sup = m.agentOfDevice(ms.supervisorDevice());
        if (call == null) {
            return;
        }
        call.putParty(ms.supervisorDevice(), sup == null ? "" : sup.id(), ConnectionState.CONNECTED);
        call.openSegment(SegmentKind.MONITOR, sup == null ? "" : sup.id(), ms.supervisorDevice(),
                ms.mode().name(), m.now());
        if (sup != null) {
            sup.calls().add(call.id());
            m.publishCallTo(sup.id(), call, CallChange.MONITORING, ms.mode().name());
            m.followCalls(sup);
        }
    }

    private void presenceReported(SwitchEvent.AgentPresenceReported p) {
        Agent a = m.agentOfDevice(p.presence().device());
        if (a == null) {
            return;
        }
        switch (p.presence().mode()) {
            case READY -> {
                if (a.state() == AgentState.NOT_READY) {
                    m.setState(a, AgentState.READY, "");
                }
            }
            case NOT_READY -> {
                if (a.state() == AgentState.READY) {
                    m.setState(a, AgentState.NOT_READY, p.presence().reason());
                }
            }
            case LOGGED_OFF -> log.info("switch reports agent {} off its queues; CTI state kept", a.id());
        }
    }

    /**
     * After the link came back: calls the switch no longer has are over (ended now, the best
     * bound we have); calls it has and we do not are adopted; agents keep their states.
     */
    private void reconcile(SwitchEvent.SwitchSnapshot snapshot) {
        Map<String, CallView> present = new HashMap<>();
        for (CallView v : snapshot.calls()) {
            present.put(v.call().value(), v);
        }
        int ended = 0;
        int adopted = 0;
        for (String callId : new ArrayList<>(m.calls.keySet())) {
            if (!present.containsKey(callId)) {
                callCleared(callId, Cause.UNKNOWN);
                ended++;
            }
        }
        for (CallView v : snapshot.calls()) {
            LiveCall call = m.calls.get(v.call().value());
            boolean isNew = call == null;
            if (isNew) {
                String caller = "";
                for (ConnectionView c : v.connections()) {
                    if (Devices.isExternal(c.device())) {
                        caller = Devices.number(c.device());
                    }
                }
                call = new LiveCall(v.call().value(), m.config.siteId(), Direction.INBOUND, v.startedAt(),
                        new CallData(caller, "", v.data().getOrDefault("queue", ""), List.of(), "", "", v.data()));
                m.calls.put(call.id(), call);
                adopted++;
            }
            for (ConnectionView c : v.connections()) {
                ConnectionState s = switch (c.state()) {
                    case "ALERTING" -> ConnectionState.ALERTING;
                    case "HELD" -> ConnectionState.HELD;
                    case "QUEUED" -> ConnectionState.QUEUED;
                    default -> ConnectionState.CONNECTED;
                };
                Agent a = m.agentOfDevice(c.device());
                call.putParty(c.device(), a == null ? "" : a.id(), s);
                if (a != null) {
                    a.calls().add(call.id());
                    boolean talking = s == ConnectionState.CONNECTED || s == ConnectionState.HELD;
                    if (talking) {
                        call.answeredAt(v.startedAt());
                    }
                    if (isNew && talking) {
                        // The answer happened while we were not listening: the call's start is the best bound we
                        // have, and the record must still name the agent and carry the talk leg.
                        call.openSegment(SegmentKind.TALK, a.id(), c.device(), call.data().queueId(), v.startedAt());
                        call.lastAgentId(a.id());
                    }
                    m.followCalls(a);
                    if (isNew) {
                        // A desk that stayed connected through the outage must show the call its agent is on.
                        m.publishCallTo(a.id(), call, talking ? CallChange.CONNECTED : CallChange.RINGING, "");
                    }
                }
            }
        }
        log.info("switch link restored: {} calls on the switch, {} ended while disconnected, {} adopted",
                snapshot.calls().size(), ended, adopted);
    }

    CallId id(String s) {
        return new CallId(s);
    }
}

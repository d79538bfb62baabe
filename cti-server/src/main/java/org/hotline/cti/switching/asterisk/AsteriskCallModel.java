package org.hotline.cti.switching.asterisk;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

import org.hotline.cti.switching.AgentPresence;
import org.hotline.cti.switching.CallId;
import org.hotline.cti.switching.Cause;
import org.hotline.cti.switching.Devices;
import org.hotline.cti.switching.MonitorMode;
import org.hotline.cti.switching.SwitchEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static java.util.Objects.requireNonNull;

/**
 * The adapter's live model of Asterisk: channels, bridges, calls and queue members, fed frame by
 * frame on the adapter's own thread and translating what changed into port events.
 *
 * <p>Calls are named by the adapter ({@code call-1}, {@code call-2} ...) in the order they appear,
 * not by Asterisk's Uniqueid or Linkedid: the names are stable between two recordings of the same
 * scenario, and one name survives queue legs, Local channel pairs and their optimisation,
 * transfers and conferences (the channels move, the call stays).
 *
 * <p>How channels join a call: the inbound trunk channel opens a call; a dialled leg
 * ({@code DialBegin} with a {@code Channel}) joins its dialler's call; the second half of a Local
 * pair joins the first; an Originate leg ({@code DialBegin} without {@code Channel}) opens a call
 * of its own that the port only hears about when it does something (dials out, joins a
 * conference, starts ChanSpy). A Local pair created by Atxfer opens the consultation call; the
 * transferring agent gets a connection in it without its channel moving.
 *
 * <p>Not thread-safe: one thread owns it (see {@link AsteriskSwitch}).
 */
final class AsteriskCallModel {
    private static final Logger log = LoggerFactory.getLogger(AsteriskCallModel.class);

    static final String ALERTING = "ALERTING";
    static final String CONNECTED = "CONNECTED";
    static final String HELD = "HELD";
    static final String QUEUED = "QUEUED";

    private final AsteriskSettings settings;
    private final Consumer<SwitchEvent> out;
    private final AmiMetrics metrics;
    private final Clock clock;

    private final Map<String, Chan> chans = new LinkedHashMap<>();
    private final Map<String, Chan> byName = new HashMap<>();
    private final Map<String, Set<Chan>> bridges = new HashMap<>();
    private final Map<CallId, Call> calls = new LinkedHashMap<>();
    private final Map<String, Call> rooms = new HashMap<>();
    private final Map<String, Call> pendingByChannelId = new HashMap<>();
    private final Map<String, Call> pendingByActionId = new HashMap<>();
    private final Map<String, Call> pendingConsultations = new HashMap<>();
    private final Map<String, Agent> agents = new TreeMap<>();
    private final Map<String, AgentPresence.Mode> expectedPresence = new HashMap<>();
    private final Set<String> warnedUnknown = new LinkedHashSet<>();
    private int callSeq;
    private Instant lastSwitchTime;
    private Resync resync;

    AsteriskCallModel(AsteriskSettings settings, Consumer<SwitchEvent> out, AmiMetrics metrics, Clock clock) {
        this.settings = requireNonNull(settings, "settings");
        this.out = requireNonNull(out, "out");
        this.metrics = requireNonNull(metrics, "metrics");
        this.clock = requireNonNull(clock, "clock");
    }

    // ---------------------------------------------------------------- frames

    /** Applies one frame; counts it in exactly one bucket of {@link AmiMetrics}. */
    void apply(AmiFrame frame) {
        int malformed = frame.malformedLines();
        if (malformed > 0) {
            metrics.malformedLines.add(malformed);
            log.warn("AMI frame with {} malformed header lines (expected 'Name: value'): {}", malformed, frame);
        }
        String event = frame.event();
        if (event == null) {
            metrics.nonEventFrames.increment();
            return;
        }
        if (frame.truncated()) {
            metrics.truncatedFrames.increment();
            log.warn("AMI event {} cut off by the end of the stream; not applied", event);
            return;
        }
        Instant ts = frame.timestamp();
        if (ts != null && (lastSwitchTime == null || ts.isAfter(lastSwitchTime))) {
            lastSwitchTime = ts;
        }
        Instant at = ts != null ? ts : now();
        Boolean applied;
        try {
            applied = dispatch(event, frame, at);
        } catch (RuntimeException e) {
            // A frame we cannot make sense of must not stop the model; it is counted and shown once.
            metrics.unknownEvents.increment();
            log.warn("AMI event {} could not be applied ({}): {}", event, e.toString(), frame);
            return;
        }
        if (applied == null) {
            metrics.unknownEvents.increment();
            if (warnedUnknown.add(event) && warnedUnknown.size() < 1000) {
                log.warn("AMI event {} is unknown to the adapter; counted and ignored (first of its kind)", event);
            }
        } else if (applied) {
            metrics.eventsApplied.increment();
        } else {
            metrics.eventsIgnored.increment();
        }
    }

    /** True = applied, false = known and not needed, null = unknown. */
    private Boolean dispatch(String event, AmiFrame f, Instant at) {
        switch (event) {
            case "Newchannel": return onNewChannel(f, at);
            case "Newstate": return onNewState(f, at);
            case "DialBegin": return onDialBegin(f, at);
            case "DialEnd": return onDialEnd(f, at);
            case "Hangup": return onHangup(f, at);
            case "BridgeEnter": return onBridgeEnter(f);
            case "BridgeLeave": return onBridgeLeave(f);
            case "Hold": return onHold(f, at, true);
            case "Unhold": return onHold(f, at, false);
            case "VarSet": return onVarSet(f, at);
            case "Newexten": return onNewexten(f);
            case "DTMFEnd": return onDtmf(f, at);
            case "QueueCallerJoin": return onQueueJoin(f, true);
            case "QueueCallerLeave": return onQueueJoin(f, false);
            case "QueueCallerAbandon": return flag(f, "Uniqueid", c -> c.abandoned = true);
            case "AgentRingNoAnswer": return flag(f, "DestUniqueid", c -> c.noAnswer = true);
            case "AttendedTransfer": return onAttendedTransfer(f, at);
            case "BlindTransfer": return onBlindTransfer(f, at);
            case "ConfbridgeJoin": return onConfbridgeJoin(f, at);
            case "ConfbridgeEnd": rooms.remove(f.get("Conference")); return true;
            case "ChanSpyStart": return onChanSpy(f, at, true);
            case "ChanSpyStop": return onChanSpy(f, at, false);
            case "OriginateResponse": return onOriginateResponse(f, at);
            case "QueueMemberStatus":
            case "QueueMemberPenalty":
            case "QueueMember":
                return onQueueMember(f, at, false);
            case "QueueMemberAdded":
            case "QueueMemberPause":
            case "QueueMemberPaused":
                return onQueueMember(f, at, true);
            case "QueueMemberRemoved": return onQueueMemberRemoved(f, at);
            case "CoreShowChannel": return onResyncItem(f);
            case "QueueEntry": return onResyncItem(f);
            case "CoreShowChannelsComplete":
            case "QueueStatusComplete":
                return onResyncListComplete(event, at);
            default:
                return KnownIgnored.NAMES.contains(event) ? Boolean.FALSE : null;
        }
    }

    private Boolean onNewChannel(AmiFrame f, Instant at) {
        String uid = f.get("Uniqueid");
        String name = f.get("Channel");
        if (uid == null || name == null) {
            return false;
        }
        if (chans.containsKey(uid)) {
            return true; // already adopted from its FastAGI session, which can beat AMI to us
        }
        Chan c = new Chan(uid, name, f.get("Linkedid", uid));
        c.callerNum = f.get("CallerIDNum", "");
        c.exten = f.get("Exten", "");
        c.context = f.get("Context", "");
        c.createdAt = at;
        classify(c);
        chans.put(uid, c);
        byName.put(name, c);
        if (c.local && c.localSide == 2) {
            Chan one = byName.get(c.localBase + ";1");
            if (one != null) {
                c.peer = one;
                one.peer = c;
                if (one.call != null) {
                    join(c, one.call);
                }
            }
        }
        Call pending = pendingByChannelId.remove(uid);
        if (pending != null) {
            c.origin = true;
            join(c, pending);
        } else if (c.trunk && uid.equals(c.linkedid)) {
            Call call = newCall(at);
            call.callingDevice = c.device;
            call.calledNumber = c.exten;
            join(c, call);
            call.connections.put(c.device, CONNECTED);
        }
        return true;
    }

    private Boolean onNewState(AmiFrame f, Instant at) {
        Chan c = chans.get(f.get("Uniqueid", ""));
        if (c == null) {
            return false;
        }
        String desc = f.get("ChannelStateDesc", "");
        Call call = c.call;
        if ("Ringing".equals(desc)) {
            c.ringing = true;
            if (call != null && c.device != null && c.dialled && !c.delivered) {
                c.delivered = true;
                call.connections.put(c.device, ALERTING);
                emit(call, new SwitchEvent.Delivered(at, call.id, c.device, call.callingDevice, call.calledNumber));
            }
        } else if ("Up".equals(desc)) {
            c.up = true;
            if (call != null && c.device != null && c.dialled && !c.established) {
                if (!c.delivered) {
                    // Auto-answer phones go straight to Up; the port still wants the ring first.
                    c.delivered = true;
                    emit(call, new SwitchEvent.Delivered(at, call.id, c.device, call.callingDevice, call.calledNumber));
                }
                c.established = true;
                call.connections.put(c.device, CONNECTED);
                emit(call, new SwitchEvent.Established(at, call.id, c.device, call.callingDevice));
            }
        }
        return true;
    }

    private Boolean onDialBegin(AmiFrame f, Instant at) {
        Chan dest = chans.get(f.get("DestUniqueid", ""));
        if (dest == null) {
            return false;
        }
        Chan src = f.get("Channel") == null ? null : chans.get(f.get("Uniqueid", ""));
        String number = dialledNumber(dest, f.get("DialString", ""));
        if (dest.trunk) {
            dest.device = Devices.external(number);
        }
        if (src == null) {
            // Originate leg: no dialler. It opens a call that the port hears of once it does something.
            if (dest.call == null) {
                Call call = newCall(at);
                call.callingDevice = dest.device == null ? "" : dest.device;
                join(dest, call);
            }
            dest.origin = true;
            return true;
        }
        Call call = src.call;
        if (call == null || (src.origin && !call.announced)) {
            if (call == null) {
                Chan consulting = consultingChannelOf(src);
                Call reserved = consulting == null ? null : pendingConsultations.remove(consulting.uid);
                call = reserved != null ? reserved : newCall(at);
                call.startedAt = at;
                join(src, call);
            }
            String initiator = initiatorOf(src);
            call.callingDevice = initiator;
            call.calledNumber = number;
            if (initiator != null && !initiator.isEmpty()) {
                call.connections.put(initiator, CONNECTED);
                emit(call, new SwitchEvent.ServiceInitiated(at, call.id, initiator, number));
            }
        }
        if (call.calledNumber == null || call.calledNumber.isEmpty()) {
            call.calledNumber = number;
        }
        dest.dialled = true;
        join(dest, call);
        return true;
    }

    private Boolean onDialEnd(AmiFrame f, Instant at) {
        Chan dest = chans.get(f.get("DestUniqueid", ""));
        String status = f.get("DialStatus", "");
        if (dest == null || "ANSWER".equals(status) || dest.call == null) {
            return dest != null;
        }
        if (dest.device != null && dest.delivered && !dest.established && !dest.cleared) {
            Cause cause = switch (status) {
                case "NOANSWER" -> Cause.NO_ANSWER;
                case "BUSY" -> Cause.BUSY;
                case "CHANUNAVAIL" -> Cause.DEST_NOT_OBTAINABLE;
                case "CONGESTION" -> Cause.NETWORK_CONGESTION;
                default -> dest.noAnswer ? Cause.NO_ANSWER : Cause.NORMAL_CLEARING;
            };
            dest.cleared = true;
            Call call = dest.call;
            if (call.connections.remove(dest.device) != null) {
                emit(call, new SwitchEvent.ConnectionCleared(at, call.id, dest.device, cause));
            }
        }
        return true;
    }

    private Boolean onHangup(AmiFrame f, Instant at) {
        String uid = f.get("Uniqueid", "");
        if (resync != null) {
            resync.hungUp.add(uid);
        }
        Chan c = chans.remove(uid);
        if (c == null) {
            return false;
        }
        byName.remove(c.name);
        leaveBridge(c);
        Call call = c.call;
        if (call != null) {
            Cause cause = hangupCause(c, f.get("Cause", "0"));
            leave(c, call, at, cause);
        }
        return true;
    }

    private Boolean onBridgeEnter(AmiFrame f) {
        Chan c = chans.get(f.get("Uniqueid", ""));
        String bridge = f.get("BridgeUniqueid");
        if (c == null || bridge == null) {
            return false;
        }
        leaveBridge(c);
        c.bridge = bridge;
        bridges.computeIfAbsent(bridge, b -> new LinkedHashSet<>()).add(c);
        return true;
    }

    private Boolean onBridgeLeave(AmiFrame f) {
        Chan c = chans.get(f.get("Uniqueid", ""));
        if (c == null) {
            return false;
        }
        leaveBridge(c);
        return true;
    }

    private Boolean onHold(AmiFrame f, Instant at, boolean hold) {
        Chan c = chans.get(f.get("Uniqueid", ""));
        if (c == null || c.call == null || c.device == null || c.held == hold) {
            return c != null;
        }
        c.held = hold;
        Call call = c.call;
        if (call.connections.containsKey(c.device)) {
            call.connections.put(c.device, hold ? HELD : CONNECTED);
            emit(call, hold ? new SwitchEvent.Held(at, call.id, c.device) : new SwitchEvent.Retrieved(at, call.id, c.device));
        }
        return true;
    }

    private Boolean onVarSet(AmiFrame f, Instant at) {
        // Over half of all AMI traffic is VarSet; most of it is decided without parsing the frame.
        String variable = f.scan("Variable");
        if (variable == null || !(variable.startsWith("IVR_") || "MIXMONITOR_FILENAME".equals(variable) || "SPY_MODE".equals(variable))) {
            return false;
        }
        Chan c = chans.get(f.get("Uniqueid", ""));
        if (c == null) {
            return false;
        }
        String value = f.get("Value", "");
        if ("MIXMONITOR_FILENAME".equals(variable) && c.call != null) {
            Call call = c.call;
            if (!value.equals(call.recording)) {
                call.recording = value;
                emit(call, new SwitchEvent.RecordingStarted(at, call.id, value));
            }
            return true;
        }
        if ("SPY_MODE".equals(variable)) {
            c.spyMode = value;
            return true;
        }
        if (variable.startsWith("IVR_") && c.call != null) {
            // What the caller chose in the IVR is the call's attached data; it follows the call.
            c.call.data.put(variable.toLowerCase(java.util.Locale.ROOT), value);
            return true;
        }
        return false;
    }

    private Boolean onNewexten(AmiFrame f) {
        if (!"ChanSpy".equals(f.scan("Application"))) {
            return false;
        }
        Chan c = chans.get(f.get("Uniqueid", ""));
        if (c == null) {
            return false;
        }
        // ChanSpy options: B = barge (everyone hears), w = whisper (only the agent hears), else listen.
        String data = f.get("AppData", "");
        String options = data.indexOf(',') >= 0 ? data.substring(data.indexOf(',') + 1) : "";
        c.spyMode = options.contains("B") ? "barge" : options.contains("w") ? "whisper" : "listen";
        return true;
    }

    private Boolean onDtmf(AmiFrame f, Instant at) {
        Chan c = chans.get(f.get("Uniqueid", ""));
        if (c == null || c.call == null || c.device == null || !"Received".equals(f.get("Direction"))) {
            return false;
        }
        Call call = c.call;
        if (!call.connections.containsKey(c.device)) {
            return false;
        }
        emit(call, new SwitchEvent.DigitsReceived(at, call.id, c.device, f.get("Digit", "")));
        return true;
    }

    private Boolean onQueueJoin(AmiFrame f, boolean join) {
        Chan c = chans.get(f.get("Uniqueid", ""));
        if (c == null) {
            return false;
        }
        c.queue = join ? f.get("Queue") : null;
        if (c.call != null && c.device != null && c.call.connections.containsKey(c.device)) {
            c.call.connections.put(c.device, join ? QUEUED : (c.held ? HELD : CONNECTED));
        }
        return true;
    }

    private Boolean flag(AmiFrame f, String uidHeader, Consumer<Chan> action) {
        Chan c = chans.get(f.get(uidHeader, ""));
        if (c == null) {
            return false;
        }
        action.accept(c);
        return true;
    }

    private Boolean onAttendedTransfer(AmiFrame f, Instant at) {
        if (!"Success".equals(f.get("Result"))) {
            return false;
        }
        Chan transferee = byName.get(f.get("TransfereeChannel", ""));
        Chan target = byName.get(f.get("TransferTargetChannel", ""));
        Chan transferer = byName.get(f.get("OrigTransfererChannel", ""));
        if (transferee == null || target == null || transferee.call == null || target.call == null
                || transferee.call == target.call) {
            return false;
        }
        Call primary = transferee.call;
        Call secondary = target.call;
        String by = transferer == null || transferer.device == null ? "" : transferer.device;
        String to = "";
        for (String device : secondary.connections.keySet()) {
            if (!device.equals(by)) {
                to = device;
                break;
            }
        }
        emit(primary, new SwitchEvent.Transferred(at, primary.id, secondary.id, by, to));
        primary.connections.remove(by);
        secondary.connections.remove(by);
        if (transferer != null) {
            transferer.call.chans.remove(transferer);
            transferer.call = null;
        }
        merge(secondary, primary);
        return true;
    }

    private Boolean onBlindTransfer(AmiFrame f, Instant at) {
        if (!"Success".equals(f.get("Result"))) {
            return false;
        }
        Chan transferer = byName.get(f.get("TransfererChannel", ""));
        if (transferer == null || transferer.call == null || transferer.device == null) {
            return false;
        }
        Call call = transferer.call;
        transferer.cleared = true;
        if (call.connections.remove(transferer.device) != null) {
            emit(call, new SwitchEvent.ConnectionCleared(at, call.id, transferer.device, Cause.TRANSFER));
        }
        call.chans.remove(transferer);
        transferer.call = null;
        return true;
    }

    private Boolean onConfbridgeJoin(AmiFrame f, Instant at) {
        Chan c = chans.get(f.get("Uniqueid", ""));
        String room = f.get("Conference");
        if (c == null || room == null || c.call == null) {
            return false;
        }
        Call roomCall = rooms.get(room);
        if (roomCall == null || roomCall.ended) {
            rooms.put(room, c.call);
            return true;
        }
        if (roomCall != c.call) {
            Call added = c.call;
            String by = "";
            for (String device : roomCall.connections.keySet()) {
                if (!Devices.isExternal(device)) {
                    by = device;
                    break;
                }
            }
            if (c.device != null) {
                added.connections.put(c.device, CONNECTED);
            }
            emit(roomCall, new SwitchEvent.Conferenced(at, roomCall.id, added.id, by, c.device == null ? "" : c.device));
            merge(added, roomCall);
        }
        return true;
    }

    private Boolean onChanSpy(AmiFrame f, Instant at, boolean start) {
        Chan spyer = byName.get(f.get("SpyerChannel", ""));
        Chan spyee = byName.get(f.get("SpyeeChannel", ""));
        if (spyer == null) {
            return false;
        }
        if (start) {
            spyer.spy = true;
            if (spyer.call != null && !spyer.call.announced) {
                // The supervisor's originate leg is not a call of its own for the port.
                Call own = spyer.call;
                own.chans.remove(spyer);
                calls.remove(own.id);
                spyer.call = null;
            }
            if (spyee == null || spyee.call == null || spyee.device == null) {
                return false;
            }
            spyer.spiedCall = spyee.call;
            emit(spyee.call, new SwitchEvent.MonitorStarted(at, spyee.call.id, spyer.device, spyee.device,
                    spyMode(spyer.spyMode)));
        } else if (spyer.spiedCall != null) {
            Call spied = spyer.spiedCall;
            spyer.spiedCall = null;
            emit(spied, new SwitchEvent.MonitorStopped(at, spied.id, spyer.device));
        }
        return true;
    }

    private static MonitorMode spyMode(String mode) {
        if (mode == null) {
            return MonitorMode.LISTEN;
        }
        return switch (mode) {
            case "whisper" -> MonitorMode.WHISPER;
            case "barge" -> MonitorMode.BARGE;
            default -> MonitorMode.LISTEN;
        };
    }

    private Boolean onOriginateResponse(AmiFrame f, Instant at) {
        String actionId = f.get("ActionID", "");
        String own = actionId.substring(actionId.indexOf('#') + 1);
        Call call = pendingByActionId.remove(own);
        if (call == null) {
            return false;
        }
        if ("Success".equals(f.get("Response"))) {
            return true;
        }
        Cause cause = switch (f.get("Reason", "0")) {
            case "1", "3" -> Cause.NO_ANSWER;
            case "5" -> Cause.BUSY;
            case "8" -> Cause.NETWORK_CONGESTION;
            default -> Cause.DEST_NOT_OBTAINABLE;
        };
        pendingByChannelId.values().remove(call);
        call.announced = true;
        emit(call, new SwitchEvent.Failed(at, call.id, call.callingDevice, cause));
        endCall(call, at, cause);
        return true;
    }

    // ---------------------------------------------------------------- queue members (agents)

    private Boolean onQueueMember(AmiFrame f, Instant at, boolean report) {
        String iface = f.get("Interface", f.get("Location", f.get("StateInterface")));
        String queue = f.get("Queue");
        if (iface == null || queue == null) {
            return false;
        }
        String device = deviceOfInterface(iface);
        Agent agent = agents.computeIfAbsent(device, d -> new Agent(d));
        String name = f.get("MemberName", f.get("Name"));
        if (name != null) {
            agent.name = name;
        }
        Member m = agent.queues.computeIfAbsent(queue, q -> new Member());
        String paused = f.get("Paused");
        if (paused != null) {
            m.paused = "1".equals(paused) || "true".equalsIgnoreCase(paused);
        }
        String reason = f.get("PausedReason", f.get("Pausedreason"));
        if (reason != null) {
            m.reason = m.paused ? reason : "";
        }
        String status = f.get("Status");
        if (status != null) {
            agent.deviceStatus = status;
        }
        if (report) {
            reportPresence(agent, at);
        }
        return true;
    }

    private Boolean onQueueMemberRemoved(AmiFrame f, Instant at) {
        String iface = f.get("Interface", f.get("Location"));
        String queue = f.get("Queue");
        if (iface == null || queue == null) {
            return false;
        }
        Agent agent = agents.get(deviceOfInterface(iface));
        if (agent == null) {
            return false;
        }
        agent.queues.remove(queue);
        reportPresence(agent, at);
        if (agent.queues.isEmpty()) {
            agents.remove(agent.device);
        }
        return true;
    }

    private void reportPresence(Agent agent, Instant at) {
        AgentPresence.Mode mode = agent.queues.isEmpty() ? AgentPresence.Mode.LOGGED_OFF
                : agent.queues.values().stream().allMatch(m -> m.paused) ? AgentPresence.Mode.NOT_READY
                : AgentPresence.Mode.READY;
        String reason = agent.queues.values().stream().filter(m -> m.paused).map(m -> m.reason).findFirst().orElse("");
        AgentPresence.Mode expected = expectedPresence.get(agent.device);
        if (expected == mode) {
            // We asked for this ourselves (setAgentPresence): the core knows already.
            expectedPresence.remove(agent.device);
            return;
        }
        AgentPresence presence = new AgentPresence(agent.device, agent.device, mode, reason,
                new ArrayList<>(agent.queues.keySet()));
        metrics.portEvents.increment();
        out.accept(new SwitchEvent.AgentPresenceReported(at, presence));
    }

    void expectPresence(String device, AgentPresence.Mode mode) {
        expectedPresence.put(device, mode);
    }

    // ---------------------------------------------------------------- resync

    /** The link came back: collect what Asterisk has now; calls not in it ended at {@code lostAt}. */
    void beginResync(Instant lostAt) {
        resync = new Resync(lostAt, chans.keySet());
    }

    boolean resyncing() {
        return resync != null;
    }

    private Boolean onResyncItem(AmiFrame f) {
        if (resync == null) {
            return false;
        }
        if ("QueueEntry".equals(f.event())) {
            resync.queued.put(f.get("Uniqueid", ""), f.get("Queue", ""));
        } else {
            resync.channels.add(f);
        }
        return true;
    }

    private Boolean onResyncListComplete(String event, Instant at) {
        if (resync == null) {
            return false;
        }
        resync.complete.add(event);
        if (resync.complete.contains("CoreShowChannelsComplete") && resync.complete.contains("QueueStatusComplete")) {
            Resync r = resync;
            resync = null;
            finishResync(r);
        }
        return true;
    }

    private void finishResync(Resync r) {
        Instant now = now();
        Map<String, AmiFrame> present = new LinkedHashMap<>();
        for (AmiFrame item : r.channels) {
            present.put(item.get("Uniqueid", ""), item);
        }
        // Calls that ended while we could not see them: closed at the moment the link was lost.
        for (Chan c : new ArrayList<>(chans.values())) {
            // Only channels we knew before asking: newer ones were born after the list was taken.
            if (r.knownAtStart.contains(c.uid) && !present.containsKey(c.uid)) {
                chans.remove(c.uid);
                byName.remove(c.name);
                leaveBridge(c);
                if (c.call != null) {
                    leave(c, c.call, r.lostAt, Cause.UNKNOWN);
                }
            }
        }
        int adopted = 0;
        for (AmiFrame item : present.values()) {
            String uid = item.get("Uniqueid", "");
            if (r.hungUp.contains(uid)) {
                continue; // listed, then hung up before the list was complete
            }
            Chan c = chans.get(uid);
            if (c == null) {
                c = adopt(item, now, r);
                adopted++;
            }
            String bridge = item.get("BridgeId", "");
            if (!bridge.isEmpty() && !bridge.equals(c.bridge)) {
                leaveBridge(c);
                c.bridge = bridge;
                bridges.computeIfAbsent(bridge, b -> new LinkedHashSet<>()).add(c);
            }
        }
        log.info("AMI resync: {} channels on the switch, {} adopted, {} calls now", present.size(), adopted, calls.size());
        metrics.portEvents.increment();
        out.accept(new SwitchEvent.LinkRestored(now, snapshot()));
    }

    private Chan adopt(AmiFrame item, Instant now, Resync r) {
        Chan c = new Chan(item.get("Uniqueid", ""), item.get("Channel", ""), item.get("Linkedid", item.get("Uniqueid", "")));
        c.callerNum = item.get("CallerIDNum", "");
        c.exten = item.get("Exten", "");
        c.context = item.get("Context", "");
        classify(c);
        String state = item.get("ChannelStateDesc", "");
        c.up = "Up".equals(state);
        c.ringing = "Ringing".equals(state);
        c.dialled = !c.trunk;
        c.delivered = c.dialled;
        c.established = c.dialled && c.up;
        c.queue = r.queued.get(c.uid);
        c.createdAt = now.minus(parseDuration(item.get("Duration", "")));
        chans.put(c.uid, c);
        byName.put(c.name, c);
        if (c.local) {
            Chan other = byName.get(c.localBase + (c.localSide == 1 ? ";2" : ";1"));
            if (other != null) {
                c.peer = other;
                other.peer = c;
            }
        }
        // After a gap we have no dial history, so Asterisk's Linkedid groups the channels of a call.
        Call call = null;
        for (Chan other : chans.values()) {
            if (other != c && other.linkedid.equals(c.linkedid) && other.call != null) {
                call = other.call;
                break;
            }
        }
        if (call == null) {
            call = newCall(c.createdAt);
            call.announced = true;
        }
        if (c.createdAt.isBefore(call.startedAt)) {
            call.startedAt = c.createdAt;
        }
        if (c.trunk && c.uid.equals(c.linkedid)) {
            call.callingDevice = c.device;
            call.calledNumber = c.exten;
        }
        join(c, call);
        if (c.device != null) {
            call.connections.put(c.device, c.queue != null ? QUEUED : c.up ? CONNECTED : ALERTING);
        }
        return c;
    }

    private static Duration parseDuration(String hhmmss) {
        String[] p = hhmmss.split(":");
        if (p.length != 3) {
            return Duration.ZERO;
        }
        try {
            return Duration.ofHours(Long.parseLong(p[0])).plusMinutes(Long.parseLong(p[1])).plusSeconds(Long.parseLong(p[2]));
        } catch (NumberFormatException e) {
            return Duration.ZERO;
        }
    }

    // ---------------------------------------------------------------- services support

    /** A call opened by MakeCall: the Originate leg will carry {@code channelId} as its Uniqueid. */
    Call registerOriginate(String channelId, String actionId, String fromDevice, String calledNumber, Map<String, String> data) {
        Call call = newCall(now());
        call.callingDevice = fromDevice;
        call.calledNumber = calledNumber;
        call.data.putAll(data);
        pendingByChannelId.put(channelId, call);
        pendingByActionId.put(actionId, call);
        return call;
    }

    /**
     * Reserves the id of the consultation call an Atxfer from {@code active} is about to create, so
     * that ConsultationCall can answer with it before Asterisk has created the Local pair.
     */
    CallId reserveConsultation(Chan agent) {
        Call call = newCall(now());
        pendingConsultations.put(agent.uid, call);
        return call.id;
    }

    void dropConsultation(Chan agent) {
        Call call = pendingConsultations.remove(agent.uid);
        if (call != null) {
            calls.remove(call.id);
        }
    }

    Call callOfChannel(String uniqueId) {
        Chan c = chans.get(uniqueId);
        return c == null ? null : c.call;
    }

    /** A FastAGI caller whose channel we have not seen on AMI yet (the AGI socket can be faster). */
    Call adoptAgiCall(String uniqueId, String channel, String callerId, String dnid) {
        Chan c = new Chan(uniqueId, channel, uniqueId);
        c.callerNum = callerId == null ? "" : callerId;
        c.exten = dnid;
        classify(c);
        chans.put(uniqueId, c);
        byName.put(channel, c);
        Call call = newCall(now());
        call.callingDevice = c.device == null ? Devices.external(c.callerNum) : c.device;
        call.calledNumber = dnid;
        join(c, call);
        if (c.device != null) {
            call.connections.put(c.device, CONNECTED);
        }
        return call;
    }

    void routeRequested(Call call, String callingNumber, String calledNumber, String queueHint, Map<String, String> data) {
        if (call.callingDevice != null && !call.callingDevice.isEmpty()) {
            call.connections.put(call.callingDevice, QUEUED);
        }
        emit(call, new SwitchEvent.RouteRequested(now(), call.id, callingNumber, calledNumber, queueHint, data));
    }

    /**
     * Reports a caller's IVR visit under the caller's call; a caller who hung up in the IVR after
     * AMI already cleared the channel gets a call id of its own (the core never knew the call).
     */
    void ivrFinished(FastAgiServer.Visit v) {
        Chan c = chans.get(v.uniqueId());
        CallId id = c != null && c.call != null ? c.call.id : new CallId("call-" + (++callSeq));
        Instant started = v.startedAt().isAfter(v.endedAt()) ? v.endedAt() : v.startedAt();
        metrics.portEvents.increment();
        out.accept(new SwitchEvent.IvrFinished(v.endedAt(), id, v.callerId(), v.dnid(), started,
                v.choice().isEmpty() ? List.of() : List.of(v.choice()), v.queue(), v.outcome()));
    }

    void agiEnded(FastAgiServer.Session session) {
        for (Call call : calls.values()) {
            if (call.agiSession == session) {
                call.agiSession = null;
            }
        }
    }

    /** Any agent (non-outside, non-spy) channel of the call: MixMonitor on it records both sides. */
    Chan anyAgentChannel(CallId id) {
        Call call = calls.get(id);
        if (call == null) {
            return null;
        }
        for (Chan c : call.chans) {
            if (c.device != null && !c.trunk && !c.spy && !Devices.isExternal(c.device)) {
                return c;
            }
        }
        return null;
    }

    Call call(CallId id) {
        return calls.get(id);
    }

    /** The channel of {@code device} in {@code call}, or null. */
    Chan channelOf(CallId id, String device) {
        Call call = calls.get(id);
        if (call == null) {
            return null;
        }
        for (Chan c : call.chans) {
            if (device.equals(c.device)) {
                return c;
            }
        }
        if (call.consultingChan != null && device.equals(call.consultingChan.device)) {
            return call.consultingChan;
        }
        return null;
    }

    /** The channel of the other party of {@code device} in {@code call} (the one a transfer moves). */
    Chan otherParty(CallId id, String device) {
        Call call = calls.get(id);
        if (call == null) {
            return null;
        }
        for (Chan c : call.chans) {
            if (c.device != null && !device.equals(c.device) && !c.spy) {
                return c;
            }
        }
        return null;
    }

    Instant now() {
        return lastSwitchTime != null ? lastSwitchTime : clock.instant();
    }

    Instant lastSwitchTime() {
        return lastSwitchTime;
    }

    // ---------------------------------------------------------------- views

    SwitchEvent.SwitchSnapshot snapshot() {
        List<SwitchEvent.CallView> views = new ArrayList<>();
        for (Call call : calls.values()) {
            if (!call.announced && call.connections.isEmpty()) {
                continue;
            }
            List<SwitchEvent.ConnectionView> conns = new ArrayList<>();
            call.connections.forEach((device, state) -> conns.add(new SwitchEvent.ConnectionView(device, state)));
            views.add(new SwitchEvent.CallView(call.id, call.startedAt, conns, call.data));
        }
        return new SwitchEvent.SwitchSnapshot(views);
    }

    /** Channels by name with their call and state, for the replay tool's last line and tests. */
    Map<String, String> channelView() {
        Map<String, String> view = new TreeMap<>();
        for (Chan c : chans.values()) {
            view.put(c.name, (c.call == null ? "-" : c.call.id.value()) + " " + (c.held ? "held" : c.up ? "up" : c.ringing ? "ringing" : "down")
                    + (c.bridge == null ? "" : " bridged"));
        }
        return view;
    }

    /** Queue members by device: name, device status and per queue paused/reason. */
    Map<String, Agent> agents() {
        return agents;
    }

    int bridgeCount() {
        return bridges.size();
    }

    // ---------------------------------------------------------------- helpers

    private Call newCall(Instant at) {
        Call call = new Call(new CallId("call-" + (++callSeq)), at);
        calls.put(call.id, call);
        return call;
    }

    private void join(Chan c, Call call) {
        if (c.call == call) {
            return;
        }
        if (c.call != null) {
            c.call.chans.remove(c);
        }
        c.call = call;
        call.chans.add(c);
        if (c.local && c.peer != null && c.peer.call != call) {
            join(c.peer, call);
        }
    }

    private void leave(Chan c, Call call, Instant at, Cause cause) {
        call.chans.remove(c);
        c.call = null;
        if (call.consultingChan == c) {
            call.consultingChan = null;
        }
        if (c.device != null && !c.spy && !c.cleared && !deviceStillIn(call, c.device)
                && call.connections.remove(c.device) != null) {
            emit(call, new SwitchEvent.ConnectionCleared(at, call.id, c.device, cause));
        }
        call.lastCause = cause;
        if (call.chans.isEmpty() && !call.ended) {
            endCall(call, at, cause);
        }
        if (c.spiedCall != null) {
            Call spied = c.spiedCall;
            c.spiedCall = null;
            emit(spied, new SwitchEvent.MonitorStopped(at, spied.id, c.device));
        }
    }

    private boolean deviceStillIn(Call call, String device) {
        for (Chan other : call.chans) {
            if (device.equals(other.device)) {
                return true;
            }
        }
        return false;
    }

    private void endCall(Call call, Instant at, Cause cause) {
        call.ended = true;
        calls.remove(call.id);
        rooms.values().remove(call);
        if (!call.announced) {
            return;
        }
        for (String device : new ArrayList<>(call.connections.keySet())) {
            call.connections.remove(device);
            emit(call, new SwitchEvent.ConnectionCleared(at, call.id, device, cause));
        }
        emit(call, new SwitchEvent.CallCleared(at, call.id, cause));
    }

    private void merge(Call from, Call into) {
        for (Chan c : new ArrayList<>(from.chans)) {
            join(c, into);
        }
        from.connections.forEach(into.connections::putIfAbsent);
        from.connections.clear();
        from.data.forEach(into.data::putIfAbsent);
        from.ended = true;
        calls.remove(from.id);
        rooms.replaceAll((room, call) -> call == from ? into : call);
    }

    private void leaveBridge(Chan c) {
        if (c.bridge == null) {
            return;
        }
        Set<Chan> members = bridges.get(c.bridge);
        if (members != null) {
            members.remove(c);
            if (members.isEmpty()) {
                bridges.remove(c.bridge);
            }
        }
        c.bridge = null;
    }

    private Cause hangupCause(Chan c, String code) {
        if (c.abandoned || (c.queue != null && !c.established)) {
            return Cause.ABANDONED;
        }
        switch (code) {
            case "16": return Cause.NORMAL_CLEARING;
            case "17": return Cause.BUSY;
            case "18": case "19": case "21": return Cause.NO_ANSWER;
            case "1": case "3": case "28": return Cause.DEST_NOT_OBTAINABLE;
            case "34": case "38": case "42": return Cause.NETWORK_CONGESTION;
            default:
                // Asterisk says 0 for the queue leg that did not answer and for ChanSpy legs.
                if (c.noAnswer || (c.delivered && !c.established)) {
                    return Cause.NO_ANSWER;
                }
                return Cause.UNKNOWN;
        }
    }

    private Chan consultingChannelOf(Chan src) {
        if (src.local && src.peer != null && src.peer.bridge != null) {
            for (Chan other : bridges.getOrDefault(src.peer.bridge, Set.of())) {
                if (other != src.peer && other.device != null) {
                    return other;
                }
            }
        }
        return null;
    }

    /** Who starts a call when {@code src} dials: its device, or for a Local half the device bridged with its pair. */
    private String initiatorOf(Chan src) {
        if (src.device != null) {
            return src.device;
        }
        if (src.local && src.peer != null && src.peer.bridge != null) {
            for (Chan other : bridges.getOrDefault(src.peer.bridge, Set.of())) {
                if (other != src.peer && other.device != null) {
                    if (src.call != null) {
                        src.call.consultingChan = other;
                    }
                    return other.device;
                }
            }
        }
        return "";
    }

    private String dialledNumber(Chan dest, String dialString) {
        if (dest.local) {
            return dest.localExten;
        }
        if (dest.trunk) {
            int slash = dialString.lastIndexOf('/');
            String n = slash >= 0 ? dialString.substring(slash + 1) : dialString;
            int at = n.indexOf('@');
            return at >= 0 ? n.substring(0, at) : n;
        }
        return dest.device == null ? "" : dest.device;
    }

    /** Works out device, trunk and Local pair facts from the channel name. */
    private void classify(Chan c) {
        String name = c.name;
        if (name.startsWith("Local/")) {
            c.local = true;
            int semi = name.lastIndexOf(';');
            c.localBase = semi > 0 ? name.substring(0, semi) : name;
            c.localSide = semi > 0 && name.endsWith("2") ? 2 : 1;
            int atSign = name.indexOf('@');
            c.localExten = atSign > 6 ? name.substring(6, atSign) : "";
            int dash = name.lastIndexOf('-');
            String ctx = atSign > 0 && dash > atSign ? name.substring(atSign + 1, dash) : "";
            if (c.localSide == 1 && settings.externalContexts().contains(ctx)) {
                c.device = Devices.external(c.localExten);
            }
            return;
        }
        int slash = name.indexOf('/');
        int dash = name.lastIndexOf('-');
        String resource = slash >= 0 && dash > slash ? name.substring(slash + 1, dash) : name.substring(slash + 1);
        if (settings.trunks().contains(resource)) {
            c.trunk = true;
            c.device = Devices.external(c.callerNum);
        } else {
            c.device = resource;
        }
    }

    private String deviceOfInterface(String iface) {
        int slash = iface.indexOf('/');
        return slash >= 0 ? iface.substring(slash + 1) : iface;
    }

    private void emit(Call call, SwitchEvent event) {
        call.announced = true;
        metrics.portEvents.increment();
        out.accept(event);
    }

    // ---------------------------------------------------------------- state

    static final class Chan {
        final String uid;
        final String name;
        final String linkedid;
        String callerNum = "";
        String exten = "";
        String context = "";
        String device;
        boolean local;
        boolean trunk;
        String localBase;
        String localExten = "";
        int localSide;
        Chan peer;
        Call call;
        String bridge;
        String queue;
        String spyMode;
        Call spiedCall;
        Instant createdAt;
        boolean ringing, up, held, dialled, delivered, established, cleared, abandoned, noAnswer, origin, spy;

        Chan(String uid, String name, String linkedid) {
            this.uid = uid;
            this.name = name;
            this.linkedid = linkedid;
        }
    }

    static final class Call {
        final CallId id;
        Instant startedAt;
        String callingDevice = "";
        String calledNumber = "";
        final Map<String, String> data = new LinkedHashMap<>();
        final Map<String, String> connections = new LinkedHashMap<>();
        final Set<Chan> chans = new LinkedHashSet<>();
        Chan consultingChan;
        FastAgiServer.Session agiSession;
        String recording;
        Cause lastCause;
        boolean announced, ended;

        Call(CallId id, Instant startedAt) {
            this.id = id;
            this.startedAt = startedAt;
        }
    }

    /** A queue member as app_queue sees it. */
    static final class Agent {
        final String device;
        String name = "";
        String deviceStatus = "";
        final Map<String, Member> queues = new TreeMap<>();

        Agent(String device) {
            this.device = device;
        }
    }

    static final class Member {
        boolean paused;
        String reason = "";
    }

    private static final class Resync {
        final Instant lostAt;
        final List<AmiFrame> channels = new ArrayList<>();
        final Map<String, String> queued = new HashMap<>();
        final Set<String> complete = new LinkedHashSet<>();
        final Set<String> knownAtStart;
        final Set<String> hungUp = new java.util.HashSet<>();

        Resync(Instant lostAt, Set<String> known) {
            this.lostAt = lostAt;
            this.knownAtStart = Set.copyOf(known);
        }
    }
}

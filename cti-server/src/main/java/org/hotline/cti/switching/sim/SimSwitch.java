package org.hotline.cti.switching.sim;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import org.hotline.cti.core.EventLoop;
import org.hotline.cti.core.ThreadEventLoop;
import org.hotline.cti.switching.AgentPresence;
import org.hotline.cti.switching.Announcement;
import org.hotline.cti.switching.CallId;
import org.hotline.cti.switching.Cause;
import org.hotline.cti.switching.ConnectionId;
import org.hotline.cti.switching.Destination;
import org.hotline.cti.switching.Devices;
import org.hotline.cti.switching.IvrOutcome;
import org.hotline.cti.switching.MonitorMode;
import org.hotline.cti.switching.Switch;
import org.hotline.cti.switching.SwitchEvent;
import org.hotline.cti.switching.SwitchEvent.CallView;
import org.hotline.cti.switching.SwitchEvent.ConnectionView;
import org.hotline.cti.switching.SwitchEvent.SwitchSnapshot;
import org.hotline.cti.switching.SwitchException;
import org.hotline.cti.switching.SwitchException.Reason;
import org.hotline.cti.switching.SwitchListener;
import org.hotline.cti.switching.sim.SimConnection.State;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static java.util.Objects.requireNonNull;

/**
 * The simulated PBX: an in-process {@link Switch} that behaves as a real one would, for the
 * embedded default, the demo, load runs and routing tests.
 *
 * <p>All state is owned by one {@link EventLoop}. Every service posts onto it and completes its
 * stage there, failed with a {@link SwitchException} that names the bad call, connection or
 * device and what was expected. Events are delivered on that loop, stamped with its clock; with a
 * {@link org.hotline.cti.core.VirtualTimeLoop} shared with the core a day of traffic runs in a
 * second.
 *
 * <p>Besides the port, the outside world is driven through {@link #inboundCall} (a caller dials in
 * through the IVR) and {@link #hangUp} (a party puts the phone down), which is what
 * {@link CallerTraffic} uses. What it models:
 * <ul>
 *   <li>Trunks: every outside party ({@code tel:...}) holds one; when none is free an inbound call
 *       is refused (counted in {@link #stats()}) and an outside destination is BUSY.</li>
 *   <li>Phones: an extension has at most one alerting, connected or waiting call plus any number of
 *       held ones; delivering another call to it fails with {@link Reason#BUSY}.</li>
 *   <li>An inbound call is invisible to the CTI server while in the IVR; when the caller leaves it
 *       the switch reports the visit ({@code IvrFinished}: routed, no input when the menus chose no
 *       queue, or hung up, after which nothing else is emitted), then {@code RouteRequested} offers
 *       the call and the caller hears music until answered.</li>
 *   <li>Extensions wait for {@link #answerCall}; a supervisor's phone answers by itself; an outside
 *       number answers after a delay, is busy ({@code Failed}) or never answers, as {@link FakePstn} says.</li>
 *   <li>A call with fewer than two parties ends, unless the one left is waiting for a route.</li>
 *   <li>A WAV file per answered call, written on the file executor, never on the loop.</li>
 * </ul>
 */
public final class SimSwitch implements Switch {
    /** What {@link #heardAt} reports for a party that hears music on hold. */
    public static final String MUSIC = "music";
    /** What {@link #heardAt} reports for a party that hears a recorded announcement. */
    public static final String ANNOUNCEMENT = "announcement";
    /** What {@link #heardAt} reports for a caller in the IVR menus. */
    public static final String IVR = "ivr";

    private static final Logger log = LoggerFactory.getLogger(SimSwitch.class);
    private static final Pattern DTMF = Pattern.compile("[0-9*#A-D]+");
    private static final byte[] RECORDING = WavTone.of(1000, 425);

    private final EventLoop loop;
    private final SimSwitchConfig config;
    private final Executor fileExecutor;
    private final List<AutoCloseable> owned;
    /** Call ids stay unique across restarts because CDRs and recordings are keyed by them. */
    private final String callIdPrefix;
    private final List<SwitchListener> taps = new CopyOnWriteArrayList<>();

    /** In the order the calls started, so snapshots are too. */
    private final Map<CallId, SimCall> calls = new LinkedHashMap<>();
    private final Map<String, List<SimConnection>> phones = new HashMap<>();
    private final Map<String, AgentPresence> presences = new HashMap<>();
    private long callSequence;
    private boolean congested;
    private long refusedInCongestion;

    private volatile SwitchListener listener;
    private volatile boolean closed;
    /** A simulated outage of the link to the CTI server: events are lost and services refused. */
    private boolean linkDown;
    private volatile int trunksInUse;
    private volatile int callsInProgress;
    private volatile long blockedByTrunks;
    private volatile long abandonedInIvr;

    /**
     * @param loop         the loop that owns the switch's state and delivers its events
     * @param config       dimensions and timings
     * @param fileExecutor where recordings are written (file I/O never runs on the loop)
     */
    public SimSwitch(EventLoop loop, SimSwitchConfig config, Executor fileExecutor) {
        this(loop, config, fileExecutor, List.of());
    }

    private SimSwitch(EventLoop loop, SimSwitchConfig config, Executor fileExecutor, List<AutoCloseable> owned) {
        this.loop = requireNonNull(loop, "loop");
        this.config = requireNonNull(config, "config");
        this.fileExecutor = requireNonNull(fileExecutor, "fileExecutor");
        this.owned = owned;
        this.callIdPrefix = "sim-" + Long.toString(loop.clock().millis(), 36) + "-";
    }

    /**
     * The production setup: its own "sim-pbx" loop and one file-writer thread. {@link #close()} stops
     * the loop first, then lets the writer finish the recordings already started.
     */
    public static SimSwitch standalone(SimSwitchConfig config, Clock clock) {
        ThreadEventLoop loop = new ThreadEventLoop("sim-pbx", clock);
        ExecutorService files = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "sim-recordings");
            t.setDaemon(true);
            return t;
        });
        AutoCloseable finishRecordings = () -> {
            files.shutdown();
            if (!files.awaitTermination(10, TimeUnit.SECONDS)) {
                log.warn("recordings still being written after 10 s; not waiting longer");
            }
        };
        return new SimSwitch(loop, config, files, List.of(loop, finishRecordings));
    }

    @Override
    public String name() {
        return "sim";
    }

    /** Events before this call are not delivered to anyone but {@link CallerTraffic}: start the switch first. */
    @Override
    public void start(SwitchListener listener) {
        this.listener = requireNonNull(listener, "listener");
        log.info("simulated PBX started: {} trunks, extensions {}, recordings in {}", config.trunks(),
                config.extensions(), config.recordingFolder());
    }

    /** The loop the switch runs on; {@link CallerTraffic} drives it from there. */
    EventLoop loop() {
        return loop;
    }

    /** Sees every event right after the listener, on the loop; it may only schedule, never call back in directly. */
    void addTap(SwitchListener tap) {
        taps.add(requireNonNull(tap, "tap"));
    }

    /** Counters readable from any thread. */
    public SimSwitchStats stats() {
        return new SimSwitchStats(config.trunks(), trunksInUse, callsInProgress, blockedByTrunks, abandonedInIvr);
    }

    // ---- the outside world ------------------------------------------------------------------

    /**
     * A caller dials {@code dialledNumber}: the IVR answers and plays {@code ivr}, then the call is
     * offered with {@code RouteRequested}. Fails with {@link Reason#BUSY} when every trunk is busy.
     */
    public CompletionStage<CallId> inboundCall(String callerNumber, String dialledNumber, IvrScript ivr) {
        requireNonNull(callerNumber, "callerNumber");
        requireNonNull(dialledNumber, "dialledNumber");
        requireNonNull(ivr, "ivr");
        return onLoop(() -> {
            if (trunksInUse >= config.trunks()) {
                refuseForCongestion();
                throw new SwitchException(Reason.BUSY, "inbound call from " + callerNumber + " to " + dialledNumber
                        + ": all " + config.trunks() + " trunks busy (expected: a free trunk)");
            }
            Map<String, String> data = new HashMap<>();
            if (!ivr.digits().isEmpty()) {
                data.put("ivr_path", ivr.path());
            }
            if (ivr.enteredAccount() != null) {
                data.put("entered_account", ivr.enteredAccount());
            }
            SimCall call = newCall(dialledNumber, data);
            SimConnection caller = join(call, Devices.external(callerNumber), State.QUEUED);
            if (ivr.visitsIvr()) {
                call.ivr = ivr;
                call.ivrCaller = callerNumber;
            }
            call.ivrTimer = loop.schedule(ivr.duration(), () -> {
                call.ivrTimer = null;
                call.offered = true;
                if (call.ivr != null) {
                    emitIvrFinished(call, ivr.queueHint().isEmpty() ? IvrOutcome.NO_INPUT : IvrOutcome.ROUTED);
                }
                emit(new SwitchEvent.RouteRequested(now(), call.id, callerNumber, dialledNumber, ivr.queueHint(),
                        call.data));
            });
            log.debug("{} from {} enters the IVR", call.id, caller.device);
            return call.id;
        });
    }

    /**
     * A party puts the phone down (a caller, an outside party, or a phone's own hang-up key).
     * Cause ABANDONED while nobody has answered the call yet, NORMAL_CLEARING after.
     */
    public CompletionStage<Void> hangUp(ConnectionId connection) {
        requireNonNull(connection, "connection");
        return onLoop(() -> {
            SimConnection c = connection("hangUp", connection);
            if (!c.call.offered) {
                abandonedInIvr++;
            }
            leave(c, c.call.answered ? Cause.NORMAL_CLEARING : Cause.ABANDONED);
            return null;
        });
    }

    /**
     * What the party of {@code connection} hears: the devices whose voice reaches it, or
     * {@link #MUSIC}, {@link #ANNOUNCEMENT}, {@link #IVR}; empty while ringing or holding.
     */
    public CompletionStage<Set<String>> heardAt(ConnectionId connection) {
        requireNonNull(connection, "connection");
        return onLoop(() -> hears(connection("heardAt", connection)));
    }

    /** The calls that exist now (calls still in the IVR are not offered yet and are left out). */
    public CompletionStage<SwitchSnapshot> snapshot() {
        return onLoop(this::currentSnapshot);
    }

    /** The presence last mirrored for {@code device}. */
    public CompletionStage<Optional<AgentPresence>> presence(String device) {
        requireNonNull(device, "device");
        return onLoop(() -> Optional.ofNullable(presences.get(device)));
    }

    /**
     * Simulates losing the link to the PBX (the AMI connection) for {@code outage}: the listener gets
     * {@code LinkLost}, then no events while calls go on, and port services fail with
     * {@link Reason#UNAVAILABLE}; then {@code LinkRestored} with the switch's present calls to
     * reconcile against. Callers and {@link CallerTraffic} are not affected.
     */
    public CompletionStage<Void> dropLink(Duration outage) {
        requireNonNull(outage, "outage");
        return onLoop(() -> {
            if (linkDown) {
                throw new SwitchException(Reason.INVALID_STATE, "dropLink: the link is already down "
                        + "(expected: wait for LinkRestored)");
            }
            emit(new SwitchEvent.LinkLost(now(), "simulated link outage of " + outage));
            linkDown = true;
            log.warn("link to the CTI server dropped for {} (simulated)", outage);
            loop.schedule(outage, () -> {
                linkDown = false;
                log.info("link to the CTI server restored (simulated)");
                emit(new SwitchEvent.LinkRestored(now(), currentSnapshot()));
            });
            return null;
        });
    }

    // ---- the port ---------------------------------------------------------------------------

    @Override
    public CompletionStage<CallId> makeCall(String fromDevice, Destination destination, Map<String, String> data) {
        requireNonNull(fromDevice, "fromDevice");
        requireNonNull(destination, "destination");
        Map<String, String> callData = data == null ? Map.of() : Map.copyOf(data);
        return service(() -> {
            requireIdle("makeCall", phone(fromDevice));
            requireReachable("makeCall", destination, fromDevice, null);
            return originate(fromDevice, destination, callData);
        });
    }

    @Override
    public CompletionStage<Void> answerCall(ConnectionId connection) {
        requireNonNull(connection, "connection");
        return service(() -> {
            SimConnection c = party("answerCall", connection);
            requireState("answerCall", c, State.ALERTING);
            if (c.isExternal()) {
                throw new SwitchException(Reason.INVALID_STATE, "answerCall " + connection
                        + ": an outside party answers by itself (expected: an extension's connection)");
            }
            SimConnection other = activeOtherThan(c);
            if (other != null) {
                throw new SwitchException(Reason.INVALID_STATE, "answerCall " + connection + ": " + c.device
                        + " is busy in " + other.call.id + " (expected: hold or clear that call first)");
            }
            connect(c);
            return null;
        });
    }

    @Override
    public CompletionStage<Void> clearConnection(ConnectionId connection) {
        requireNonNull(connection, "connection");
        return service(() -> {
            leave(connection("clearConnection", connection), Cause.NORMAL_CLEARING);
            return null;
        });
    }

    @Override
    public CompletionStage<Void> holdCall(ConnectionId connection) {
        requireNonNull(connection, "connection");
        return service(() -> {
            SimConnection c = party("holdCall", connection);
            requireExtension("holdCall", c);
            requireState("holdCall", c, State.CONNECTED);
            hold(c);
            return null;
        });
    }

    @Override
    public CompletionStage<Void> retrieveCall(ConnectionId connection) {
        requireNonNull(connection, "connection");
        return service(() -> {
            SimConnection c = party("retrieveCall", connection);
            requireExtension("retrieveCall", c);
            requireState("retrieveCall", c, State.HELD);
            SimConnection other = activeOtherThan(c);
            if (other != null) {
                throw new SwitchException(Reason.INVALID_STATE, "retrieveCall " + connection + ": " + c.device
                        + " is busy in " + other.call.id + " (expected: hold or clear that call first)");
            }
            c.state = State.CONNECTED;
            emit(new SwitchEvent.Retrieved(now(), c.call.id, c.device));
            return null;
        });
    }

    @Override
    public CompletionStage<CallId> consultationCall(ConnectionId active, Destination destination) {
        requireNonNull(active, "active");
        requireNonNull(destination, "destination");
        return service(() -> {
            SimConnection c = party("consultationCall", active);
            requireState("consultationCall", c, State.CONNECTED);
            requireExtension("consultationCall", c);
            requireReachable("consultationCall", destination, c.device, c.call);
            hold(c);
            // The consultation carries the primary call's data so the consulted screen can follow the voice.
            return originate(c.device, destination, c.call.data);
        });
    }

    @Override
    public CompletionStage<Void> transferCall(ConnectionId held, ConnectionId consultation) {
        requireNonNull(held, "held");
        requireNonNull(consultation, "consultation");
        return service(() -> {
            SimConnection h = party("transferCall", held);
            SimConnection c = party("transferCall", consultation);
            SimConnection target = consultedParty("transferCall", h, c);
            SimCall primary = h.call;
            SimCall secondary = c.call;
            moveInto(primary, secondary, c);
            remove(h);
            stopMonitorsOf(primary, h.device);
            if (target.state == State.ALERTING) {
                // Transfer on ring: whoever was on hold now waits for the target to answer.
                for (SimConnection p : primary.parties()) {
                    if (p != target) {
                        p.state = State.QUEUED;
                    }
                }
            }
            emit(new SwitchEvent.Transferred(now(), primary.id, secondary.id, h.device, target.device));
            log.debug("{} transferred by {} to {}", primary.id, h.device, target.device);
            return null;
        });
    }

    @Override
    public CompletionStage<Void> conferenceCall(ConnectionId held, ConnectionId consultation) {
        requireNonNull(held, "held");
        requireNonNull(consultation, "consultation");
        return service(() -> {
            SimConnection h = party("conferenceCall", held);
            SimConnection c = party("conferenceCall", consultation);
            SimConnection target = consultedParty("conferenceCall", h, c);
            if (target.state != State.CONNECTED) {
                throw new SwitchException(Reason.INVALID_STATE, "conferenceCall " + consultation + ": " + target.device
                        + " is " + target.state + " (expected: CONNECTED, the consulted party must have answered)");
            }
            SimCall primary = h.call;
            SimCall secondary = c.call;
            moveInto(primary, secondary, c);
            h.state = State.CONNECTED;
            emit(new SwitchEvent.Conferenced(now(), primary.id, secondary.id, h.device, target.device));
            return null;
        });
    }

    @Override
    public CompletionStage<Void> singleStepTransfer(ConnectionId connection, Destination destination) {
        requireNonNull(connection, "connection");
        requireNonNull(destination, "destination");
        return service(() -> {
            SimConnection c = party("singleStepTransfer", connection);
            requireState("singleStepTransfer", c, State.CONNECTED, State.HELD);
            requireExtension("singleStepTransfer", c);
            SimCall call = c.call;
            List<SimConnection> others = call.parties();
            others.remove(c);
            if (others.size() != 1 || others.get(0).state != State.CONNECTED) {
                throw new SwitchException(Reason.INVALID_STATE, "singleStepTransfer " + connection + ": the call has "
                        + others + " (expected: exactly one other party, connected)");
            }
            requireReachable("singleStepTransfer", destination, c.device, call);
            SimConnection other = others.get(0);
            other.state = State.QUEUED;
            remove(c);
            emit(new SwitchEvent.ConnectionCleared(now(), call.id, c.device, Cause.TRANSFER));
            stopMonitorsOf(call, c.device);
            deliver(call, destination, other.device,
                    destination instanceof Destination.Queue ? call.calledNumber : calledNumber(destination));
            return null;
        });
    }

    @Override
    public CompletionStage<Void> singleStepConference(CallId call, String agentDevice, String supervisorDevice,
                                                      MonitorMode mode) {
        requireNonNull(call, "call");
        requireNonNull(agentDevice, "agentDevice");
        requireNonNull(supervisorDevice, "supervisorDevice");
        requireNonNull(mode, "mode");
        return service(() -> {
            SimCall c = call("singleStepConference", call);
            SimConnection agent = party("singleStepConference", new ConnectionId(call, agentDevice));
            requireState("singleStepConference", agent, State.CONNECTED);
            SimConnection present = c.connections.get(supervisorDevice);
            if (present != null && !present.isMonitor()) {
                throw new SwitchException(Reason.INVALID_STATE, "singleStepConference " + call + ": "
                        + supervisorDevice + " is already a party of the call (expected: a device outside it)");
            }
            SimConnection supervisor = present;
            if (supervisor == null) {
                // The supervisor's phone answers by itself (auto-answer), as a spy line is set up to.
                requireIdle("singleStepConference", phone(supervisorDevice));
                supervisor = join(c, supervisorDevice, State.CONNECTED);
            }
            supervisor.monitor = mode;
            supervisor.monitoredAgent = agentDevice;
            emit(new SwitchEvent.MonitorStarted(now(), call, supervisorDevice, agentDevice, mode));
            return null;
        });
    }

    @Override
    public CompletionStage<Void> generateDigits(ConnectionId connection, String digits) {
        requireNonNull(connection, "connection");
        requireNonNull(digits, "digits");
        return service(() -> {
            SimConnection c = party("generateDigits", connection);
            requireState("generateDigits", c, State.CONNECTED);
            if (!DTMF.matcher(digits).matches()) {
                throw new SwitchException(Reason.REFUSED, "generateDigits " + connection + ": digits '" + digits
                        + "' (expected: one or more of 0-9 * # A-D)");
            }
            emit(new SwitchEvent.DigitsReceived(now(), c.call.id, c.device, digits));
            return null;
        });
    }

    @Override
    public CompletionStage<String> startRecording(CallId call) {
        requireNonNull(call, "call");
        return service(() -> {
            SimCall c = call("startRecording", call);
            if (!c.answered) {
                throw new SwitchException(Reason.INVALID_STATE, "startRecording " + call
                        + ": nobody has answered yet (expected: an answered call)");
            }
            // One file holds the whole call: asking again returns the same file.
            return c.recordingPath != null ? c.recordingPath : record(c);
        });
    }

    @Override
    public CompletionStage<Void> setMute(ConnectionId connection, boolean muted) {
        requireNonNull(connection, "connection");
        return service(() -> {
            SimConnection c = party("setMute", connection);
            requireState("setMute", c, State.CONNECTED, State.HELD);
            c.muted = muted;
            return null;
        });
    }

    @Override
    public CompletionStage<Void> routeSelect(CallId call, String device) {
        requireNonNull(call, "call");
        requireNonNull(device, "device");
        return service(() -> {
            SimCall c = call("routeSelect", call);
            SimConnection waiting = requireWaiting("routeSelect", c);
            requireReachable("routeSelect", new Destination.Extension(device), waiting.device, c);
            stopAnnouncement(c);
            deliver(c, new Destination.Extension(device), waiting.device, c.calledNumber);
            return null;
        });
    }

    @Override
    public CompletionStage<Void> playAnnouncement(CallId call, Announcement announcement) {
        requireNonNull(call, "call");
        requireNonNull(announcement, "announcement");
        return service(() -> {
            SimCall c = call("playAnnouncement", call);
            SimConnection waiting = requireWaiting("playAnnouncement", c);
            stopAnnouncement(c);
            c.announcement = announcement;
            c.announcementTimer = loop.schedule(config.announcementDuration(), () -> {
                c.announcementTimer = null;
                boolean closing = c.closing();
                c.announcement = null;
                if (closing) {
                    leave(waiting, Cause.BLOCKED);
                }
            });
            return null;
        });
    }

    @Override
    public CompletionStage<Void> setAgentPresence(AgentPresence presence) {
        requireNonNull(presence, "presence");
        return service(() -> {
            phone(presence.device());
            presences.put(presence.device(), presence);
            return null;
        });
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        log.info("simulated PBX closed with {} calls in progress, {} inbound calls refused for lack of trunks",
                callsInProgress, blockedByTrunks);
        for (AutoCloseable resource : owned) {
            try {
                resource.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Exception e) {
                log.warn("closing {} failed: {}", resource, e.toString());
            }
        }
    }

    // ---- call mechanics (all on the loop) ---------------------------------------------------

    private SimCall newCall(String calledNumber, Map<String, String> data) {
        SimCall call = new SimCall(new CallId(callIdPrefix + (++callSequence)), now(), calledNumber, data);
        calls.put(call.id, call);
        callsInProgress = calls.size();
        return call;
    }

    private CallId originate(String fromDevice, Destination destination, Map<String, String> data) {
        String calledNumber = calledNumber(destination);
        SimCall call = newCall(calledNumber, data);
        call.offered = true;
        SimConnection from = join(call, fromDevice, State.CONNECTED);
        emit(new SwitchEvent.ServiceInitiated(now(), call.id, fromDevice, calledNumber));
        if (destination instanceof Destination.Queue) {
            from.state = State.QUEUED;
        }
        deliver(call, destination, fromDevice, calledNumber);
        return call.id;
    }

    /** Rings the destination in {@code call}, or offers the call to the router for a queue. */
    private void deliver(SimCall call, Destination destination, String callingDevice, String calledNumber) {
        if (destination instanceof Destination.Queue q) {
            emit(new SwitchEvent.RouteRequested(now(), call.id, Devices.number(callingDevice), calledNumber,
                    q.queueId(), call.data));
            return;
        }
        String device = device(destination);
        // Extensions wait for answerCall; outside numbers do what the fake network says.
        FakePstn.Outcome outcome = Devices.isExternal(device) ? config.pstn().dial(Devices.number(device)) : null;
        if (outcome == FakePstn.Outcome.BUSY) {
            emit(new SwitchEvent.Failed(now(), call.id, device, Cause.BUSY));
            settle(call, Cause.BUSY);
            return;
        }
        SimConnection ringing = join(call, device, State.ALERTING);
        emit(new SwitchEvent.Delivered(now(), call.id, device, callingDevice, calledNumber));
        if (outcome == FakePstn.Outcome.ANSWER) {
            ringing.answerTimer = loop.schedule(config.pstnAnswerDelay(), () -> {
                ringing.answerTimer = null;
                connect(ringing);
            });
        }
    }

    private void connect(SimConnection answering) {
        SimCall call = answering.call;
        answering.state = State.CONNECTED;
        for (SimConnection c : call.connections.values()) {
            if (c.state == State.QUEUED) {
                c.state = State.CONNECTED;
            }
        }
        stopAnnouncement(call);
        emit(new SwitchEvent.Established(now(), call.id, answering.device, callingDevice(call, answering)));
        if (!call.answered) {
            call.answered = true;
            if (config.recordEveryCall()) {
                record(call);
            }
        }
    }

    private void hold(SimConnection c) {
        c.state = State.HELD;
        emit(new SwitchEvent.Held(now(), c.call.id, c.device));
    }

    /** A party or monitor leaves. */
    private void leave(SimConnection c, Cause cause) {
        SimCall call = c.call;
        remove(c);
        if (c.isMonitor()) {
            emit(new SwitchEvent.MonitorStopped(now(), call.id, c.device));
            return;
        }
        if (call.offered) {
            emit(new SwitchEvent.ConnectionCleared(now(), call.id, c.device, cause));
        }
        stopMonitorsOf(call, c.device);
        settle(call, cause);
    }

    /** Ends the call when fewer than two parties are left, unless the one left waits for a route. */
    private void settle(SimCall call, Cause cause) {
        List<SimConnection> parties = call.parties();
        if (parties.size() >= 2 || (parties.size() == 1 && parties.get(0).state == State.QUEUED && call.offered)) {
            return;
        }
        end(call, cause);
    }

    private void emitIvrFinished(SimCall call, IvrOutcome outcome) {
        emit(new SwitchEvent.IvrFinished(now(), call.id, call.ivrCaller, call.calledNumber, call.startedAt,
                call.ivr.choices(), outcome == IvrOutcome.HUNG_UP ? "" : call.ivr.queueHint(), outcome));
    }

    private void end(SimCall call, Cause cause) {
        if (!call.offered && call.ivr != null) {
            emitIvrFinished(call, IvrOutcome.HUNG_UP);
        }
        for (SimConnection c : new ArrayList<>(call.connections.values())) {
            remove(c);
            if (!call.offered) {
                continue;
            }
            emit(c.isMonitor() ? new SwitchEvent.MonitorStopped(now(), call.id, c.device)
                    : new SwitchEvent.ConnectionCleared(now(), call.id, c.device, cause));
        }
        cancel(call.ivrTimer);
        cancel(call.announcementTimer);
        calls.remove(call.id);
        callsInProgress = calls.size();
        if (call.offered) {
            emit(new SwitchEvent.CallCleared(now(), call.id, cause));
        }
        log.debug("{} ended: {}", call.id, cause);
    }

    /** The parties of {@code secondary} other than {@code consulting} join {@code primary}; the secondary call is gone. */
    private void moveInto(SimCall primary, SimCall secondary, SimConnection consulting) {
        remove(consulting);
        for (SimConnection c : new ArrayList<>(secondary.connections.values())) {
            if (c.isMonitor()) {
                remove(c);
                emit(new SwitchEvent.MonitorStopped(now(), secondary.id, c.device));
                continue;
            }
            secondary.connections.remove(c.device);
            c.call = primary;
            primary.connections.put(c.device, c);
        }
        cancel(secondary.announcementTimer);
        calls.remove(secondary.id);
        callsInProgress = calls.size();
    }

    private SimConnection join(SimCall call, String device, State state) {
        SimConnection c = new SimConnection(device, call, state);
        call.connections.put(device, c);
        if (c.isExternal()) {
            trunksInUse++;
        } else {
            phones.computeIfAbsent(device, d -> new ArrayList<>(2)).add(c);
        }
        return c;
    }

    private void remove(SimConnection c) {
        c.call.connections.remove(c.device);
        cancel(c.answerTimer);
        if (c.isExternal()) {
            trunksInUse--;
            // A tenth of the trunks free (at least one) ends the congestion, so overload does not flap the log.
            if (congested && trunksInUse <= config.trunks() - Math.max(1, config.trunks() / 10)) {
                congested = false;
                log.info("trunks free again after {} refused inbound calls", refusedInCongestion);
            }
        } else {
            phones.get(c.device).remove(c);
        }
    }

    private void stopMonitorsOf(SimCall call, String agentDevice) {
        for (SimConnection c : new ArrayList<>(call.connections.values())) {
            if (c.isMonitor() && c.monitoredAgent.equals(agentDevice)) {
                remove(c);
                emit(new SwitchEvent.MonitorStopped(now(), call.id, c.device));
            }
        }
    }

    private void stopAnnouncement(SimCall call) {
        cancel(call.announcementTimer);
        call.announcementTimer = null;
        call.announcement = null;
    }

    private String record(SimCall call) {
        Path file = config.recordingFolder().resolve(call.id.value() + ".wav");
        call.recordingPath = file.toString();
        try {
            fileExecutor.execute(() -> writeRecording(file));
        } catch (RejectedExecutionException e) {
            log.warn("recording {} not written: the file writer is shut down", file);
        }
        emit(new SwitchEvent.RecordingStarted(now(), call.id, call.recordingPath));
        return call.recordingPath;
    }

    private static void writeRecording(Path file) {
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, RECORDING);
        } catch (IOException e) {
            log.warn("recording {} not written: {}", file, e.toString());
        }
    }

    private void refuseForCongestion() {
        blockedByTrunks++;
        refusedInCongestion = congested ? refusedInCongestion + 1 : 1;
        if (!congested) {
            congested = true;
            log.warn("all {} trunks busy: new inbound calls are refused", config.trunks());
        }
    }

    private Set<String> hears(SimConnection listener) {
        SimCall call = listener.call;
        if (!call.offered) {
            return Set.of(IVR);
        }
        if (listener.state == State.QUEUED) {
            return Set.of(call.announcement != null ? ANNOUNCEMENT : MUSIC);
        }
        if (listener.state != State.CONNECTED) {
            return Set.of();
        }
        Set<String> heard = new LinkedHashSet<>();
        boolean someoneHeld = false;
        for (SimConnection speaker : call.connections.values()) {
            if (speaker == listener) {
                continue;
            }
            someoneHeld |= speaker.state == State.HELD;
            if (speaker.state != State.CONNECTED || speaker.muted) {
                continue;
            }
            if (listener.isMonitor() && !speaker.isMonitor()) {
                heard.add(speaker.device);
            } else if (!listener.isMonitor() && reaches(speaker, listener)) {
                heard.add(speaker.device);
            }
        }
        if (heard.isEmpty() && someoneHeld) {
            return Set.of(MUSIC);
        }
        return Set.copyOf(heard);
    }

    /** Whether a speaker reaches a party: a listening supervisor reaches nobody, a whispering one only its agent. */
    private static boolean reaches(SimConnection speaker, SimConnection party) {
        if (!speaker.isMonitor()) {
            return true;
        }
        return switch (speaker.monitor) {
            case LISTEN -> false;
            case WHISPER -> speaker.monitoredAgent.equals(party.device);
            case BARGE -> true;
        };
    }

    private SwitchSnapshot currentSnapshot() {
        List<CallView> views = new ArrayList<>(calls.size());
        for (SimCall call : calls.values()) {
            if (!call.offered) {
                continue;
            }
            List<ConnectionView> connections = new ArrayList<>(call.connections.size());
            for (SimConnection c : call.connections.values()) {
                connections.add(new ConnectionView(c.device, c.state.name()));
            }
            views.add(new CallView(call.id, call.startedAt, connections, call.data));
        }
        return new SwitchSnapshot(views);
    }

    // ---- validation -------------------------------------------------------------------------

    private SimCall call(String service, CallId id) {
        SimCall call = calls.get(id);
        if (call == null || !call.offered) {
            throw new SwitchException(Reason.UNKNOWN_CALL, service + " " + id
                    + ": no such call on this switch (expected: a call in progress; it may have ended)");
        }
        return call;
    }

    private SimConnection connection(String service, ConnectionId id) {
        SimCall call = calls.get(id.call());
        SimConnection c = call == null ? null : call.connections.get(id.device());
        if (c == null) {
            throw new SwitchException(Reason.UNKNOWN_CALL, service + " " + id
                    + ": no such connection on this switch (expected: a device in a call in progress)");
        }
        return c;
    }

    /** A connection of a person in the call (a supervisor's monitoring connection only clears). */
    private SimConnection party(String service, ConnectionId id) {
        SimConnection c = connection(service, id);
        if (c.isMonitor()) {
            throw new SwitchException(Reason.INVALID_STATE, service + " " + id + ": " + c.device + " is monitoring "
                    + c.monitoredAgent + " (expected: a party of the call; a monitor can only be cleared)");
        }
        if (!c.call.offered) {
            throw new SwitchException(Reason.INVALID_STATE, service + " " + id
                    + ": the caller is still in the IVR (expected: a call offered with RouteRequested)");
        }
        return c;
    }

    private static void requireState(String service, SimConnection c, State... expected) {
        for (State s : expected) {
            if (c.state == s) {
                return;
            }
        }
        throw new SwitchException(Reason.INVALID_STATE, service + " " + c.id() + ": connection is " + c.state
                + " (expected: " + (expected.length == 1 ? expected[0] : List.of(expected)) + ")");
    }

    private static void requireExtension(String service, SimConnection c) {
        if (c.isExternal()) {
            throw new SwitchException(Reason.INVALID_STATE, service + " " + c.id()
                    + ": an outside party cannot do that (expected: an extension's connection)");
        }
    }

    private static SimConnection requireWaiting(String service, SimCall call) {
        SimConnection waiting = call.waitingParty();
        if (waiting == null) {
            throw new SwitchException(Reason.INVALID_STATE, service + " " + call.id + ": the call has "
                    + call.connections.values() + " (expected: one party waiting for a route)");
        }
        if (call.closing()) {
            throw new SwitchException(Reason.INVALID_STATE, service + " " + call.id + ": the " + call.announcement
                    + " announcement is ending the call (expected: a call still waiting)");
        }
        return waiting;
    }

    /** The phone of a known extension: its current connections. */
    private List<SimConnection> phone(String device) {
        List<SimConnection> phone = phones.get(device);
        if (phone != null) {
            return phone;
        }
        if (!config.isExtension(device)) {
            throw new SwitchException(Reason.INVALID_DESTINATION, "device '" + device
                    + "': not an extension of this switch (expected: matching " + config.extensions() + ")");
        }
        phone = new ArrayList<>(2);
        phones.put(device, phone);
        return phone;
    }

    private static void requireIdle(String service, List<SimConnection> phone) {
        for (SimConnection c : phone) {
            if (c.occupiesPhone()) {
                throw new SwitchException(Reason.BUSY, service + ": " + c.device + " is busy in " + c.call.id
                        + " (" + (c.isMonitor() ? "monitoring" : c.state) + ") (expected: an idle phone)");
            }
        }
    }

    private SimConnection activeOtherThan(SimConnection c) {
        for (SimConnection other : phone(c.device)) {
            if (other != c && other.occupiesPhone()) {
                return other;
            }
        }
        return null;
    }

    /** Checks, before anything changes, that {@code destination} can take a call from {@code from}. */
    private void requireReachable(String service, Destination destination, String from, SimCall into) {
        if (destination instanceof Destination.Queue q) {
            if (q.queueId().isBlank()) {
                throw new SwitchException(Reason.INVALID_DESTINATION, service + ": queue '" + q.queueId()
                        + "' (expected: a queue id)");
            }
            return;
        }
        String device = device(destination);
        if (device.equals(from) || (into != null && into.connections.containsKey(device))) {
            throw new SwitchException(Reason.INVALID_DESTINATION, service + ": " + device
                    + " is already in the call (expected: another device)");
        }
        if (destination instanceof Destination.External x) {
            if (x.number().isBlank()) {
                throw new SwitchException(Reason.INVALID_DESTINATION, service + ": number '" + x.number()
                        + "' (expected: an outside number)");
            }
            if (trunksInUse >= config.trunks()) {
                throw new SwitchException(Reason.BUSY, service + ": all " + config.trunks()
                        + " trunks busy (expected: a free trunk for " + x.number() + ")");
            }
            return;
        }
        requireIdle(service, phone(device));
    }

    /** The party the consulting device talks to in the consultation call. */
    private SimConnection consultedParty(String service, SimConnection held, SimConnection consulting) {
        if (!held.device.equals(consulting.device) || held.call == consulting.call) {
            throw new SwitchException(Reason.INVALID_STATE, service + " " + held.id() + " and " + consulting.id()
                    + ": (expected: the same device in two different calls)");
        }
        requireState(service, held, State.HELD);
        requireState(service, consulting, State.CONNECTED);
        List<SimConnection> others = consulting.call.parties();
        others.remove(consulting);
        if (others.size() != 1 || others.get(0).state == State.QUEUED
                || held.call.connections.containsKey(others.get(0).device)) {
            throw new SwitchException(Reason.INVALID_STATE, service + " " + consulting.id() + ": the consultation has "
                    + others + " (expected: exactly one other party, alerting or connected, not in the held call)");
        }
        return others.get(0);
    }

    // ---- helpers ----------------------------------------------------------------------------

    private static String device(Destination destination) {
        if (destination instanceof Destination.Extension e) {
            return e.extension();
        }
        if (destination instanceof Destination.External x) {
            return Devices.external(x.number());
        }
        throw new IllegalArgumentException("destination: " + destination + " (expected: an extension or outside number)");
    }

    private static String calledNumber(Destination destination) {
        if (destination instanceof Destination.Queue q) {
            return q.queueId();
        }
        return Devices.number(device(destination));
    }

    /** Who the answering party talks to: the first other party, which is the one who called while still there. */
    private static String callingDevice(SimCall call, SimConnection answering) {
        for (SimConnection c : call.connections.values()) {
            if (c != answering && !c.isMonitor()) {
                return c.device;
            }
        }
        return "";
    }

    private Instant now() {
        return loop.clock().instant();
    }

    private static void cancel(EventLoop.Timer timer) {
        if (timer != null) {
            timer.cancel();
        }
    }

    private void emit(SwitchEvent event) {
        SwitchListener l = listener;
        if (l != null && !linkDown) {
            try {
                l.onEvent(event);
            } catch (RuntimeException e) {
                // A listener bug must not leave the switch half way through a state change.
                log.error("switch listener failed on {}", event, e);
            }
        }
        for (SwitchListener tap : taps) {
            tap.onEvent(event);
        }
    }

    /** A port service: refused while the link is down, as an AMI action would be. */
    private <T> CompletionStage<T> service(Supplier<T> action) {
        return onLoop(() -> {
            if (linkDown) {
                throw new SwitchException(Reason.UNAVAILABLE,
                        "the link to the simulated PBX is down (expected: retry after LinkRestored)");
            }
            return action.get();
        });
    }

    private <T> CompletionStage<T> onLoop(Supplier<T> service) {
        CompletableFuture<T> result = new CompletableFuture<>();
        if (closed || !loop.running()) {
            // A stopped loop drops tasks, so refuse here rather than leave the caller waiting.
            result.completeExceptionally(new SwitchException(Reason.UNAVAILABLE,
                    "the simulated PBX is closed (expected: a started switch)"));
            return result;
        }
        try {
            loop.execute(() -> {
                if (closed) {
                    result.completeExceptionally(new SwitchException(Reason.UNAVAILABLE,
                            "the simulated PBX is closed (expected: a started switch)"));
                    return;
                }
                T value;
                try {
                    value = service.get();
                } catch (SwitchException e) {
                    log.debug("refused: {}", e.getMessage());
                    result.completeExceptionally(e);
                    return;
                }
                result.complete(value);
            });
        } catch (RejectedExecutionException e) {
            result.completeExceptionally(new SwitchException(Reason.UNAVAILABLE,
                    "the simulated PBX loop is shut down (expected: a running switch)"));
        }
        return result;
    }
}

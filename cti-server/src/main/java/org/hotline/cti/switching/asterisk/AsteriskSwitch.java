package org.hotline.cti.switching.asterisk;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

import org.asteriskjava.manager.ManagerConnectionState;
import org.asteriskjava.manager.action.AtxferAction;
import org.asteriskjava.manager.action.CoreShowChannelsAction;
import org.asteriskjava.manager.action.HangupAction;
import org.asteriskjava.manager.action.ManagerAction;
import org.asteriskjava.manager.action.MixMonitorAction;
import org.asteriskjava.manager.action.MuteAudioAction;
import org.asteriskjava.manager.action.OriginateAction;
import org.asteriskjava.manager.action.PJSIPNotifyAction;
import org.asteriskjava.manager.action.PingAction;
import org.asteriskjava.manager.action.PlayDtmfAction;
import org.asteriskjava.manager.action.QueueAddAction;
import org.asteriskjava.manager.action.QueuePauseAction;
import org.asteriskjava.manager.action.QueueRemoveAction;
import org.asteriskjava.manager.action.QueueStatusAction;
import org.asteriskjava.manager.action.RedirectAction;
import org.asteriskjava.manager.event.ConnectEvent;
import org.asteriskjava.manager.event.DisconnectEvent;
import org.asteriskjava.manager.response.ManagerError;
import org.asteriskjava.manager.response.ManagerResponse;
import org.hotline.cti.switching.AgentPresence;
import org.hotline.cti.switching.Announcement;
import org.hotline.cti.switching.CallId;
import org.hotline.cti.switching.ConnectionId;
import org.hotline.cti.switching.Destination;
import org.hotline.cti.switching.Devices;
import org.hotline.cti.switching.MonitorMode;
import org.hotline.cti.switching.Switch;
import org.hotline.cti.switching.SwitchEvent;
import org.hotline.cti.switching.SwitchException;
import org.hotline.cti.switching.SwitchListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static java.util.Objects.requireNonNull;

/**
 * The {@link Switch} port on a real Asterisk: asterisk-java's ManagerConnection for AMI (actions,
 * login, reconnect) and a FastAGI server for callers waiting for the CTI router.
 *
 * <p>Threads: asterisk-java's reader thread only cuts lines into frames and enqueues them (see
 * {@link FrameTapSocket}); one adapter thread ({@code asterisk-model}) owns {@link AsteriskCallModel},
 * applies frames in wire order, runs service requests and calls the {@link SwitchListener}. No
 * round trip to Asterisk is ever awaited on the event path: actions are sent with callbacks.
 *
 * <p>Liveness: a Ping every {@code pingInterval} keeps bytes flowing, and the socket read timeout
 * ({@code deadAfter}, 5 s by default) makes a silent link fail; asterisk-java then reconnects by
 * itself. On every (re)connect the adapter resyncs from CoreShowChannels and QueueStatus.
 */
public final class AsteriskSwitch implements Switch {
    private static final Logger log = LoggerFactory.getLogger(AsteriskSwitch.class);
    private static final long ACTION_TIMEOUT_MS = 10_000;
    private static final Object STOP = new Object();

    private final AsteriskSettings settings;
    private final Clock clock;
    private final AmiMetrics metrics = new AmiMetrics();
    private final LinkedBlockingQueue<Object> inbox = new LinkedBlockingQueue<>();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final ScheduledExecutorService timers;
    private volatile TappedManagerConnection connection;
    private volatile SwitchListener listener;
    private volatile boolean closing;
    private AsteriskCallModel model;
    private FastAgiServer agi;
    private Thread modelThread;
    private Instant lostAt;
    private boolean linkUp;
    private int originateSeq;

    public AsteriskSwitch(AsteriskSettings settings, Clock clock) {
        this.settings = requireNonNull(settings, "settings");
        this.clock = requireNonNull(clock, "clock");
        this.timers = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "asterisk-ping");
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public String name() {
        return "asterisk";
    }

    public AmiMetrics metrics() {
        return metrics;
    }

    /** Serves FastAGI on {@code agi}; callers in {@code agi://host:port/hotline} wait for {@link #routeSelect}. */
    public AsteriskSwitch withFastAgi(FastAgiServer agi) {
        this.agi = requireNonNull(agi, "agi");
        return this;
    }

    @Override
    public void start(SwitchListener listener) {
        this.listener = requireNonNull(listener, "listener");
        this.model = new AsteriskCallModel(settings, this::deliver, metrics, clock);
        modelThread = new Thread(this::runModel, "asterisk-model");
        modelThread.setDaemon(true);
        modelThread.start();
        if (agi != null) {
            agi.start(this::onAgiSession, visit -> enqueue((Runnable) () -> model.ivrFinished(visit)));
        }
        TappedManagerConnection c = new TappedManagerConnection(
                () -> new AmiFrameAssembler(this::enqueue, metrics));
        c.setHostname(settings.host());
        c.setPort(settings.port());
        c.setUsername(settings.username());
        c.setPassword(settings.secret());
        c.setSocketReadTimeout((int) settings.deadAfter().toMillis());
        c.setDefaultResponseTimeout(ACTION_TIMEOUT_MS);
        c.addEventListener(event -> {
            // Reader thread: only enqueue.
            if (event instanceof ConnectEvent) {
                enqueue((Runnable) this::onConnected);
            } else if (event instanceof DisconnectEvent) {
                enqueue((Runnable) this::onDisconnected);
            }
        });
        connection = c;
        Thread connector = new Thread(() -> {
            // asterisk-java reconnects by itself only after a first successful login, so until
            // then we retry here (Asterisk may start after the CTI server).
            boolean reported = false;
            while (!closing) {
                try {
                    c.login();
                    return;
                } catch (Exception e) {
                    if (!reported) {
                        log.warn("AMI login to {}:{} failed: {}; retrying every {}", settings.host(), settings.port(),
                                e.getMessage(), settings.deadAfter());
                        enqueue((Runnable) () -> emitLinkLost("login failed: " + e.getMessage()));
                        reported = true;
                    }
                    try {
                        Thread.sleep(settings.deadAfter().toMillis());
                    } catch (InterruptedException ie) {
                        return;
                    }
                }
            }
        }, "asterisk-connect");
        connector.setDaemon(true);
        connector.start();
        long ping = settings.pingInterval().toMillis();
        timers.scheduleWithFixedDelay(this::ping, ping, ping, TimeUnit.MILLISECONDS);
    }

    // ---------------------------------------------------------------- event path

    private void enqueue(Object item) {
        inbox.add(item);
        int backlog = inbox.size();
        if (backlog > metrics.peakBacklog.get()) {
            metrics.peakBacklog.set(backlog);
        }
    }

    private void runModel() {
        List<Object> batch = new ArrayList<>(256);
        try {
            while (true) {
                batch.add(inbox.take());
                inbox.drainTo(batch, 4096);
                for (Object item : batch) {
                    if (item == STOP) {
                        return;
                    }
                    try {
                        if (item instanceof AmiFrame frame) {
                            model.apply(frame);
                        } else {
                            ((Runnable) item).run();
                        }
                    } catch (RuntimeException e) {
                        // A bug in one step must not stop the thread that owns the model.
                        log.error("asterisk adapter step failed", e);
                    }
                }
                batch.clear();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Error e) {
            log.error("asterisk adapter thread died", e);
            throw e;
        } finally {
            stopped.countDown();
        }
    }

    private void deliver(SwitchEvent event) {
        listener.onEvent(event);
    }

    private void onConnected() {
        linkUp = true;
        log.info("AMI link to {}:{} up; resyncing from CoreShowChannels and QueueStatus", settings.host(), settings.port());
        model.beginResync(lostAt != null ? lostAt : model.now());
        lostAt = null;
        send(new CoreShowChannelsAction(), "resync");
        send(new QueueStatusAction(), "resync");
    }

    private void onDisconnected() {
        if (closing) {
            return;
        }
        emitLinkLost("AMI connection to " + settings.host() + ":" + settings.port() + " closed");
    }

    private void emitLinkLost(String why) {
        if (!linkUp && lostAt != null) {
            return;
        }
        linkUp = false;
        // The last moment the switch was seen alive; calls found gone at resync end here.
        lostAt = model.lastSwitchTime() != null ? model.lastSwitchTime() : clock.instant();
        log.warn("AMI link lost: {}", why);
        deliver(new SwitchEvent.LinkLost(clock.instant(), why));
    }

    private void ping() {
        TappedManagerConnection c = connection;
        if (c == null || c.getState() != ManagerConnectionState.CONNECTED) {
            return;
        }
        try {
            c.sendAction(new PingAction(), response -> { });
        } catch (Exception e) {
            log.debug("AMI ping not sent: {}", e.toString());
        }
    }

    // ---------------------------------------------------------------- FastAGI

    private void onAgiSession(FastAgiServer.Session session) {
        enqueue((Runnable) () -> {
            AsteriskCallModel.Call call = model.callOfChannel(session.uniqueId());
            if (call == null) {
                call = model.adoptAgiCall(session.uniqueId(), session.channel(), session.callerId(), session.dnid());
            }
            call.agiSession = session;
            Map<String, String> data = new LinkedHashMap<>(call.data);
            data.putAll(session.data());
            call.data.putAll(session.data());
            session.onEnd(() -> enqueue((Runnable) () -> model.agiEnded(session)));
            if (session.visit() != null) {
                model.ivrFinished(session.visit());
            }
            model.routeRequested(call, session.callerId(), session.dnid(), session.queueHint(), data);
        });
    }

    // ---------------------------------------------------------------- services

    @Override
    public CompletionStage<CallId> makeCall(String fromDevice, Destination destination, Map<String, String> data) {
        requireNonNull(fromDevice, "fromDevice");
        requireNonNull(destination, "destination");
        Map<String, String> attached = Map.copyOf(requireNonNull(data, "data"));
        return onModel(() -> {
            String channelId = String.format("cti-out-%04d", ++originateSeq);
            String exten = dialString(destination);
            AsteriskCallModel.Call call = model.registerOriginate(channelId, channelId, fromDevice,
                    Devices.number(calledDevice(destination)), attached);
            OriginateAction a = new OriginateAction();
            a.setActionId(channelId);
            a.setChannel(endpoint(fromDevice));
            a.setContext(contextFor(destination));
            a.setExten(exten);
            a.setPriority(1);
            String shown = Devices.number(calledDevice(destination));
            a.setCallerId("\"" + shown + "\" <" + shown + ">");
            a.setTimeout(30_000L);
            a.setAsync(true);
            a.setChannelId(channelId);
            a.setVariable("CTI_CALL", call.id.value());
            return send(a, "MakeCall from " + fromDevice + " to " + destination).thenApply(r -> call.id);
        });
    }

    @Override
    public CompletionStage<Void> answerCall(ConnectionId connection) {
        // Phones that answer on a NOTIFY "Event: talk" (Yealink, Snom, Fanvil with remote control on).
        return onModel(() -> {
            channel(connection);
            PJSIPNotifyAction a = new PJSIPNotifyAction();
            a.setEndpoint(connection.device());
            a.setVariable("Event", "talk");
            return send(a, "AnswerCall " + connection).thenApply(r -> null);
        });
    }

    @Override
    public CompletionStage<Void> clearConnection(ConnectionId connection) {
        return onModel(() -> send(new HangupAction(channel(connection).name), "ClearConnection " + connection)
                .thenApply(r -> null));
    }

    @Override
    public CompletionStage<Void> holdCall(ConnectionId connection) {
        return notifyPhone(connection, "hold", "HoldCall");
    }

    @Override
    public CompletionStage<Void> retrieveCall(ConnectionId connection) {
        return notifyPhone(connection, "talk", "RetrieveCall");
    }

    private CompletionStage<Void> notifyPhone(ConnectionId connection, String event, String service) {
        // Hold is a media direction the phone itself negotiates (re-INVITE a=sendonly, capture 06);
        // AMI has no hold action for PJSIP, so we ask the phone by NOTIFY, as for answering.
        return onModel(() -> {
            channel(connection);
            PJSIPNotifyAction a = new PJSIPNotifyAction();
            a.setEndpoint(connection.device());
            a.setVariable("Event", event);
            return send(a, service + " " + connection).thenApply(r -> null);
        });
    }

    @Override
    public CompletionStage<CallId> consultationCall(ConnectionId active, Destination destination) {
        // Atxfer (capture 05): Asterisk holds the caller and dials from the agent's channel through
        // a Local pair, which becomes the consultation call; hanging up the agent completes it.
        return onModel(() -> {
            AsteriskCallModel.Chan agentChannel = channel(active);
            CallId consultation = model.reserveConsultation(agentChannel);
            AtxferAction a = new AtxferAction(agentChannel.name, settings.agentsContext(), dialString(destination), null);
            return send(a, "ConsultationCall " + active + " to " + destination)
                    .whenComplete((r, e) -> {
                        if (e != null) {
                            enqueue((Runnable) () -> model.dropConsultation(agentChannel));
                        }
                    })
                    .thenApply(r -> consultation);
        });
    }

    @Override
    public CompletionStage<Void> transferCall(ConnectionId held, ConnectionId consultation) {
        // With Atxfer the transferring party completes the transfer by leaving (AttendedTransfer follows).
        return onModel(() -> send(new HangupAction(channel(held).name), "TransferCall " + held + " -> " + consultation)
                .thenApply(r -> null));
    }

    @Override
    public CompletionStage<Void> singleStepTransfer(ConnectionId connection, Destination destination) {
        return onModel(() -> {
            BlindTransferAction a = new BlindTransferAction(channel(connection).name, contextFor(destination),
                    dialString(destination));
            return send(a, "SingleStepTransfer " + connection + " to " + destination).thenApply(r -> null);
        });
    }

    @Override
    public CompletionStage<Void> conferenceCall(ConnectionId held, ConnectionId consultation) {
        // Capture 07: a dual Redirect moves the caller and the agent into the agent's ConfBridge
        // room; the consulted party's channel is redirected there too (its Local pair then ends).
        return onModel(() -> {
            AsteriskCallModel.Chan consulted = model.otherParty(consultation.call(), consultation.device());
            if (consulted == null) {
                throw new SwitchException(SwitchException.Reason.UNKNOWN_CALL, "conferenceCall: consultation "
                        + consultation + " has no other party (expected: a consulted device still connected)");
            }
            String room = conferenceRoom(held.device());
            return moveIntoRoom(held, room).thenCompose(r -> send(new RedirectAction(consulted.name,
                    settings.conferenceContext(), room, 1), "ConferenceCall add " + consultation)).thenApply(r -> null);
        });
    }

    /** Moves both parties of {@code agent}'s two-party call into the agent's conference room (capture 07). */
    public CompletionStage<Void> startConference(ConnectionId agent) {
        return onModel(() -> moveIntoRoom(agent, conferenceRoom(agent.device())).thenApply(r -> null));
    }

    private CompletionStage<ManagerResponse> moveIntoRoom(ConnectionId held, String room) {
        AsteriskCallModel.Chan agent = channel(held);
        AsteriskCallModel.Chan other = model.otherParty(held.call(), held.device());
        if (other == null) {
            throw new SwitchException(SwitchException.Reason.INVALID_STATE,
                    "conference: " + held + " has no other party (expected: a two-party call)");
        }
        String ctx = settings.conferenceContext();
        return send(new RedirectAction(other.name, agent.name, ctx, room, 1, ctx, room, 1), "conference " + held);
    }

    /** Adds {@code device} to the conference of {@code agentDevice} by ringing it into the room (capture 07). */
    public CompletionStage<Void> addToConference(String agentDevice, String device) {
        return onModel(() -> {
            String room = conferenceRoom(agentDevice);
            OriginateAction a = new OriginateAction();
            a.setChannel(endpoint(device));
            a.setContext(settings.conferenceContext());
            a.setExten(room);
            a.setPriority(1);
            a.setCallerId("\"Conference " + room + "\" <" + room + ">");
            a.setTimeout(20_000L);
            a.setAsync(true);
            return send(a, "add " + device + " to the conference of " + agentDevice).thenApply(r -> null);
        });
    }

    @Override
    public CompletionStage<Void> singleStepConference(CallId call, String agentDevice, String supervisorDevice, MonitorMode mode) {
        return onModel(() -> {
            channel(new ConnectionId(call, agentDevice));
            String options = switch (mode) {
                case LISTEN -> "qE";
                case WHISPER -> "qEw";
                case BARGE -> "qEB";
            };
            String label = mode.name().toLowerCase(java.util.Locale.ROOT);
            OriginateAction a = new OriginateAction();
            a.setChannel(endpoint(supervisorDevice));
            a.setApplication("ChanSpy");
            a.setData(endpoint(agentDevice) + "-," + options);
            a.setCallerId("\"" + label + " " + agentDevice + "\" <" + supervisorDevice + ">");
            a.setTimeout(20_000L);
            a.setAsync(true);
            a.setVariable("SPY_MODE", label);
            return send(a, "SingleStepConference " + mode + " " + supervisorDevice + " on " + agentDevice).thenApply(r -> null);
        });
    }

    @Override
    public CompletionStage<Void> generateDigits(ConnectionId connection, String digits) {
        requireNonNull(digits, "digits");
        if (!digits.matches("[0-9*#A-D]+")) {
            return CompletableFuture.failedFuture(new SwitchException(SwitchException.Reason.INVALID_DESTINATION,
                    "digits: '" + digits + "' (expected: 0-9 * # A-D)"));
        }
        return onModel(() -> {
            String name = channel(connection).name;
            CompletionStage<ManagerResponse> chain = CompletableFuture.completedFuture(null);
            for (char d : digits.toCharArray()) {
                chain = chain.thenCompose(r -> send(new PlayDtmfAction(name, String.valueOf(d)), "GenerateDigits " + connection));
            }
            return chain.thenApply(r -> null);
        });
    }

    @Override
    public CompletionStage<String> startRecording(CallId call) {
        return onModel(() -> {
            AsteriskCallModel.Call c = model.call(call);
            AsteriskCallModel.Chan agent = c == null ? null : model.anyAgentChannel(call);
            if (agent == null) {
                throw new SwitchException(SwitchException.Reason.UNKNOWN_CALL, "startRecording: call " + call
                        + " (expected: a call with an agent channel)");
            }
            String path = "/var/spool/asterisk/monitor/manual-" + call.value() + "-" + agent.device + ".wav";
            // Option b: record only while bridged, so hold music is not in the file (capture 11).
            MixMonitorAction a = new MixMonitorAction(agent.name, path, "b");
            return send(a, "StartRecording " + call).thenApply(r -> path);
        });
    }

    @Override
    public CompletionStage<Void> setMute(ConnectionId connection, boolean muted) {
        return onModel(() -> send(new MuteAudioAction(channel(connection).name, MuteAudioAction.Direction.IN,
                muted ? MuteAudioAction.State.MUTE : MuteAudioAction.State.UNMUTE), "SetMute " + connection).thenApply(r -> null));
    }

    @Override
    public CompletionStage<Void> routeSelect(CallId call, String device) {
        return onModel(() -> waitingSession(call, "routeSelect", true).release(endpoint(device)));
    }

    @Override
    public CompletionStage<Void> playAnnouncement(CallId call, Announcement announcement) {
        boolean ends = announcement == Announcement.CLOSED || announcement == Announcement.BLOCKED;
        return onModel(() -> waitingSession(call, "playAnnouncement", ends).announce(announcement));
    }

    /** The FastAGI session a caller waits in; {@code take} when the service ends the wait. */
    private FastAgiServer.Session waitingSession(CallId call, String service, boolean take) {
        AsteriskCallModel.Call c = model.call(call);
        if (c == null || c.agiSession == null) {
            throw new SwitchException(SwitchException.Reason.INVALID_STATE, service + ": call " + call
                    + " (expected: a caller waiting in a FastAGI session)");
        }
        FastAgiServer.Session session = c.agiSession;
        if (take) {
            c.agiSession = null;
        }
        return session;
    }

    @Override
    public CompletionStage<Void> setAgentPresence(AgentPresence presence) {
        requireNonNull(presence, "presence");
        return onModel(() -> {
            String iface = endpoint(presence.device());
            model.expectPresence(presence.device(), presence.mode());
            List<CompletionStage<ManagerResponse>> steps = new ArrayList<>();
            for (String queue : presence.queues()) {
                switch (presence.mode()) {
                    case LOGGED_OFF -> steps.add(send(new QueueRemoveAction(queue, iface), "QueueRemove " + iface + " from " + queue));
                    case READY, NOT_READY -> {
                        QueueAddAction add = new QueueAddAction(queue, iface);
                        add.setMemberName(presence.agentId());
                        add.setPaused(presence.mode() == AgentPresence.Mode.NOT_READY);
                        add.setReason(presence.reason());
                        // "Already there" is fine: the member then only needs its pause state set.
                        steps.add(send(add, "QueueAdd " + iface + " to " + queue)
                                .exceptionallyCompose(e -> alreadyMember(e)
                                        ? send(pause(queue, iface, presence), "QueuePause " + iface + " in " + queue)
                                        : CompletableFuture.failedFuture(e)));
                    }
                }
            }
            return CompletableFuture.allOf(steps.stream().map(CompletionStage::toCompletableFuture)
                    .toArray(CompletableFuture[]::new));
        });
    }

    private static QueuePauseAction pause(String queue, String iface, AgentPresence presence) {
        QueuePauseAction p = new QueuePauseAction(iface, queue, presence.mode() == AgentPresence.Mode.NOT_READY);
        p.setReason(presence.reason());
        return p;
    }

    private static boolean alreadyMember(Throwable e) {
        Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
        return cause instanceof SwitchException && cause.getMessage().contains("Already there");
    }

    // ---------------------------------------------------------------- plumbing

    /** Runs {@code work} on the model thread; its failures (SwitchException) fail the stage. */
    private <T> CompletableFuture<T> onModel(java.util.function.Supplier<? extends CompletionStage<T>> work) {
        CompletableFuture<T> result = new CompletableFuture<>();
        if (closing) {
            result.completeExceptionally(new SwitchException(SwitchException.Reason.UNAVAILABLE, "asterisk adapter is closed"));
            return result;
        }
        enqueue((Runnable) () -> {
            try {
                work.get().whenComplete((v, e) -> {
                    if (e != null) {
                        result.completeExceptionally(e instanceof CompletionException && e.getCause() != null ? e.getCause() : e);
                    } else {
                        result.complete(v);
                    }
                });
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
        return result;
    }

    /** Sends without waiting; the stage fails with a SwitchException when Asterisk says Error. */
    CompletionStage<ManagerResponse> send(ManagerAction action, String what) {
        CompletableFuture<ManagerResponse> result = new CompletableFuture<>();
        TappedManagerConnection c = connection;
        if (c == null || c.getState() != ManagerConnectionState.CONNECTED) {
            result.completeExceptionally(new SwitchException(SwitchException.Reason.UNAVAILABLE,
                    what + ": the AMI link is down (state " + (c == null ? "none" : c.getState()) + ")"));
            return result;
        }
        try {
            c.sendAction(action, response -> {
                if (response instanceof ManagerError) {
                    result.completeExceptionally(new SwitchException(SwitchException.Reason.REFUSED,
                            what + ": Asterisk refused " + action.getAction() + ": " + response.getMessage()));
                } else {
                    result.complete(response);
                }
            });
        } catch (Exception e) {
            result.completeExceptionally(new SwitchException(SwitchException.Reason.UNAVAILABLE,
                    what + ": could not send " + action.getAction() + ": " + e.getMessage()));
        }
        return result.orTimeout(ACTION_TIMEOUT_MS, TimeUnit.MILLISECONDS).exceptionally(e -> {
            if (e instanceof TimeoutException) {
                throw new SwitchException(SwitchException.Reason.UNAVAILABLE,
                        what + ": no answer to " + action.getAction() + " within " + ACTION_TIMEOUT_MS + " ms");
            }
            throw e instanceof RuntimeException re ? re : new CompletionException(e);
        });
    }

    private AsteriskCallModel.Chan channel(ConnectionId connection) {
        requireNonNull(connection, "connection");
        AsteriskCallModel.Chan c = model.channelOf(connection.call(), connection.device());
        if (c == null) {
            throw new SwitchException(SwitchException.Reason.UNKNOWN_CALL, "connection " + connection
                    + " (expected: a device with a live channel in that call)");
        }
        return c;
    }

    private String endpoint(String device) {
        if (Devices.isExternal(device)) {
            throw new SwitchException(SwitchException.Reason.INVALID_DESTINATION,
                    "device: " + device + " (expected: an extension, not an outside party)");
        }
        return "PJSIP/" + device;
    }

    private static String calledDevice(Destination destination) {
        if (destination instanceof Destination.External x) {
            return Devices.external(x.number());
        }
        return destination instanceof Destination.Extension e ? e.extension() : ((Destination.Queue) destination).queueId();
    }

    private String contextFor(Destination destination) {
        return destination instanceof Destination.Queue ? settings.queuesContext() : settings.agentsContext();
    }

    /** The extension dialled in the context of {@link #contextFor}: outside numbers get the lab's "0" line prefix. */
    private String dialString(Destination destination) {
        if (destination instanceof Destination.Extension e) {
            return e.extension();
        }
        if (destination instanceof Destination.External x) {
            return "0" + x.number();
        }
        String queue = ((Destination.Queue) destination).queueId();
        return settings.queueExtensions().getOrDefault(queue, queue);
    }

    private static String conferenceRoom(String agentDevice) {
        // One room per agent: 90 + the last two digits of the extension, as the lab's _90XX rooms.
        String digits = agentDevice.replaceAll("\\D", "");
        String tail = digits.length() >= 2 ? digits.substring(digits.length() - 2) : "0" + digits;
        return "90" + tail;
    }

    /** Runs {@code probe} on the model thread and returns its answer (tests and tools only). */
    public <T> T inspect(Function<AsteriskSwitchView, T> probe) {
        CompletableFuture<T> result = new CompletableFuture<>();
        enqueue((Runnable) () -> result.complete(probe.apply(new AsteriskSwitchView(model))));
        try {
            return result.get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("asterisk adapter thread did not answer within 10 s (alive: "
                    + (modelThread != null && modelThread.isAlive()) + ")", e);
        }
    }

    /**
     * Logs off and stops pinging; the adapter thread keeps running so {@link #inspect} still works.
     * When it returns, every frame Asterisk sent before its Goodbye has been handed to the model.
     */
    public void logoff() {
        if (closing) {
            return;
        }
        closing = true;
        timers.shutdownNow();
        if (agi != null) {
            agi.close();
        }
        TappedManagerConnection c = connection;
        if (c != null) {
            try {
                if (c.getState() == ManagerConnectionState.CONNECTED) {
                    c.logoff();
                } else {
                    c.stop();
                }
            } catch (RuntimeException e) {
                log.debug("AMI logoff: {}", e.toString());
            }
        }
    }

    /** Logs off, lets every frame read so far be applied, then stops the adapter thread. */
    @Override
    public void close() {
        logoff();
        if (modelThread != null && modelThread.isAlive()) {
            inbox.add(STOP);
            try {
                stopped.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}

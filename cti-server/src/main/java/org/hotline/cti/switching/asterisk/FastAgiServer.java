package org.hotline.cti.switching.asterisk;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiException;
import org.asteriskjava.fastagi.AgiHangupException;
import org.asteriskjava.fastagi.AgiRequest;
import org.asteriskjava.fastagi.DefaultAgiServer;
import org.asteriskjava.fastagi.command.AbstractAgiCommand;
import org.asteriskjava.fastagi.reply.AgiReply;
import org.hotline.cti.switching.Announcement;
import org.hotline.cti.switching.IvrOutcome;
import org.hotline.cti.switching.SwitchException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static java.util.Objects.requireNonNull;

/**
 * FastAGI server (asterisk-java's {@link DefaultAgiServer}) that runs the hotline IVR and then holds
 * the caller for the CTI router: music on hold while the session waits; {@link Session#release}
 * sets {@code HOTLINE_TARGET} and returns to the dialplan, which dials it. When nobody releases
 * the caller within {@code maxWait} (CTI router gone or stuck) the script returns without a target
 * and the dialplan falls through to {@code Queue(${IVR_QUEUE})}, so no caller is dropped.
 *
 * <p>Every run of the IVR is reported as a {@link Visit}: with the session of a caller it hands
 * over, or on its own for a caller who hangs up in the menus (asterisk-java's
 * {@link AgiHangupException}), whom no session ever represents.
 *
 * <p>Each waiting caller occupies one AGI pool thread that blocks on its own command queue; that
 * is AGI's model (one TCP session per call) and never touches the AMI reader or the model thread.
 */
public final class FastAgiServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(FastAgiServer.class);

    /** What the IVR plays and how menu digits map to queues (the lab's layout by default). */
    public record Ivr(String welcomePrompt, String menuPrompt, long menuTimeoutMs, Map<String, String> menu,
                      String defaultQueue, String mohClass, Duration maxWait, Map<Announcement, String> prompts) {
        public Ivr {
            requireNonNull(welcomePrompt, "welcomePrompt");
            requireNonNull(menuPrompt, "menuPrompt");
            menu = Map.copyOf(menu);
            requireNonNull(defaultQueue, "defaultQueue");
            requireNonNull(mohClass, "mohClass");
            requireNonNull(maxWait, "maxWait");
            prompts = Map.copyOf(prompts);
        }

        public static Ivr lab() {
            String sounds = "/usr/share/hotline-lab/sounds/";
            return new Ivr(sounds + "welcome", sounds + "ivr-menu", 6000, Map.of("1", "service", "2", "service", "3", "repair"),
                    "service", "default", Duration.ofMinutes(10),
                    Map.of(Announcement.CLOSED, sounds + "closed", Announcement.BLOCKED, sounds + "blocked",
                            Announcement.ALL_BUSY, sounds + "all-busy", Announcement.POSITION, sounds + "please-hold"));
        }
    }

    /**
     * One caller's run through the IVR, on the FastAGI server's clock.
     *
     * @param choice the key pressed in the menu, "" when none (or the caller hung up before)
     * @param queue  the queue the menu leads to ("" for a caller who hung up)
     */
    public record Visit(String uniqueId, String callerId, String dnid, Instant startedAt, Instant endedAt, String choice,
                        String queue, IvrOutcome outcome) {
        public Visit {
            requireNonNull(uniqueId, "uniqueId");
            requireNonNull(outcome, "outcome");
        }
    }

    private final InetAddress address;
    private final int port;
    private final Ivr ivr;
    private final Clock clock;
    private DefaultAgiServer server;
    private Thread thread;
    private volatile Consumer<Session> sessions;
    private volatile Consumer<Visit> leftInIvr;

    public FastAgiServer(InetAddress address, int port, Ivr ivr, Clock clock) {
        this.address = requireNonNull(address, "address");
        this.port = port;
        this.ivr = requireNonNull(ivr, "ivr");
        this.clock = requireNonNull(clock, "clock");
    }

    /**
     * Starts listening; every caller that finished the IVR is handed to {@code onSession} (its
     * {@link Session#visit()} tells how the IVR went), and every caller who hung up in it to
     * {@code onHangUpInIvr}.
     */
    public void start(Consumer<Session> onSession, Consumer<Visit> onHangUpInIvr) {
        this.sessions = requireNonNull(onSession, "onSession");
        this.leftInIvr = requireNonNull(onHangUpInIvr, "onHangUpInIvr");
        server = new DefaultAgiServer((request, channel) -> this::run);
        server.setAddress(address);
        server.setPort(port);
        server.setPoolSize(4);
        server.setMaximumPoolSize(500);
        thread = new Thread(() -> {
            try {
                server.startup();
            } catch (IOException | IllegalStateException e) {
                log.error("FastAGI server on {}:{} could not start: {}", address.getHostAddress(), port, e.getMessage());
            }
        }, "fastagi-accept");
        thread.setDaemon(true);
        thread.start();
    }

    private void run(AgiRequest request, AgiChannel channel) throws AgiException {
        if ("hold".equals(request.getScript())) {
            holdOnly(request, channel);
            return;
        }
        String caller = request.getCallerIdNumber() == null ? "" : request.getCallerIdNumber();
        String dnid = request.getDnid() == null ? request.getExtension() : request.getDnid();
        Instant started = clock.instant();
        String choice = "";
        Session session;
        try {
            // Commands written as the lab IVR wrote them (capture 13), not with asterisk-java's quoting:
            // Asterisk accepts both, and this way the dialogue can be checked against the recording.
            raw(channel, "ANSWER");
            raw(channel, "VERBOSE \"Hotline IVR for caller " + caller + "\" 1");
            setVariable(channel, "IVR_START", String.valueOf(started.getEpochSecond()));
            raw(channel, "STREAM FILE " + ivr.welcomePrompt() + " \"\"");
            String pressed = raw(channel, "GET DATA " + ivr.menuPrompt() + " " + ivr.menuTimeoutMs() + " 1").getResult();
            choice = pressed == null || pressed.startsWith("-") ? "" : pressed;
            String queue = ivr.menu().getOrDefault(choice, ivr.defaultQueue());
            setVariable(channel, "IVR_CHOICE", choice);
            setVariable(channel, "IVR_QUEUE", queue);
            String channelName = raw(channel, "GET VARIABLE CHANNEL").getExtra();
            Map<String, String> data = new LinkedHashMap<>();
            data.put("ivr_path", "menu/" + (choice.isEmpty() ? "none" : choice));
            data.put("ivr_choice", choice);
            data.put("ivr_queue", queue);
            Visit visit = new Visit(request.getUniqueId(), caller, dnid, started, clock.instant(), choice, queue,
                    choice.isEmpty() ? IvrOutcome.NO_INPUT : IvrOutcome.ROUTED);
            session = new Session(request.getUniqueId(), channelName == null ? request.getChannel() : channelName,
                    caller, dnid, queue, data, visit);
        } catch (AgiHangupException e) {
            log.info("caller {} hung up in the IVR{}", request.getUniqueId(), choice.isEmpty() ? "" : " after " + choice);
            leftInIvr.accept(new Visit(request.getUniqueId(), caller, dnid, started, clock.instant(), choice, "",
                    IvrOutcome.HUNG_UP));
            return;
        }
        sessions.accept(session);
        try {
            hold(session, channel);
        } finally {
            session.ended();
        }
    }

    /**
     * {@code agi://cti:4573/hold?queue=repair}: a call sent back to the router (blind transfer to a
     * queue) waits again without the IVR; its attached data stays on the call in the adapter.
     */
    private void holdOnly(AgiRequest request, AgiChannel channel) throws AgiException {
        String queue = request.getParameter("queue") == null ? ivr.defaultQueue() : request.getParameter("queue");
        String caller = request.getCallerIdNumber() == null ? "" : request.getCallerIdNumber();
        Session session = new Session(request.getUniqueId(), request.getChannel(), caller,
                request.getDnid() == null ? request.getExtension() : request.getDnid(), queue, Map.of("transfer_queue", queue),
                null);
        sessions.accept(session);
        try {
            hold(session, channel);
        } finally {
            session.ended();
        }
    }

    private static void setVariable(AgiChannel channel, String name, String value) throws AgiException {
        raw(channel, "SET VARIABLE " + name + " \"" + value.replace("\"", "\\\"") + "\"");
    }

    private static AgiReply raw(AgiChannel channel, String command) throws AgiException {
        return channel.sendCommand(new RawCommand(command));
    }

    /** An AGI command sent exactly as written. */
    private static final class RawCommand extends AbstractAgiCommand {
        private static final long serialVersionUID = 1L;
        private final String text;

        RawCommand(String text) {
            this.text = text;
        }

        @Override
        public String buildCommand() {
            return text;
        }
    }

    private void hold(Session session, AgiChannel channel) throws AgiException {
        raw(channel, "SET MUSIC ON " + ivr.mohClass());
        long deadline = System.nanoTime() + ivr.maxWait().toNanos();
        try {
            while (true) {
                long left = deadline - System.nanoTime();
                Command command = left <= 0 ? null : session.commands.poll(left, TimeUnit.NANOSECONDS);
                if (command == null) {
                    log.warn("caller {} not routed by the CTI server within {}; falling through to Queue({})",
                            session.uniqueId(), ivr.maxWait(), session.queueHint());
                    raw(channel, "SET MUSIC OFF");
                    return;
                }
                try {
                    if (command.target != null) {
                        raw(channel, "SET MUSIC OFF");
                        setVariable(channel, "HOTLINE_TARGET", command.target);
                        command.done.complete(null);
                        return;
                    }
                    raw(channel, "SET MUSIC OFF");
                    raw(channel, "STREAM FILE " + ivr.prompts().getOrDefault(command.announcement, "") + " \"\"");
                    if (command.announcement == Announcement.CLOSED || command.announcement == Announcement.BLOCKED) {
                        channel.hangup();
                        command.done.complete(null);
                        return;
                    }
                    raw(channel, "SET MUSIC ON " + ivr.mohClass());
                    command.done.complete(null);
                } catch (AgiException e) {
                    command.done.completeExceptionally(new SwitchException(SwitchException.Reason.UNKNOWN_CALL,
                            "caller " + session.uniqueId() + " left the FastAGI session: " + e.getMessage()));
                    throw e;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (AgiHangupException e) {
            log.info("caller {} hung up while waiting for the CTI router", session.uniqueId());
        }
    }

    @Override
    public void close() {
        if (server != null) {
            try {
                server.shutdown();
            } catch (IllegalStateException e) {
                log.debug("FastAGI shutdown: {}", e.getMessage());
            }
        }
    }

    private static final class Command {
        final String target;
        final Announcement announcement;
        final CompletableFuture<Void> done = new CompletableFuture<>();

        Command(String target, Announcement announcement) {
            this.target = target;
            this.announcement = announcement;
        }
    }

    /** One caller waiting in a FastAGI session for the CTI router. */
    public static final class Session {
        private final String uniqueId;
        private final String channel;
        private final String callerId;
        private final String dnid;
        private final String queueHint;
        private final Map<String, String> data;
        private final Visit visit;
        private final BlockingQueue<Command> commands = new LinkedBlockingQueue<>();
        private volatile Runnable onEnd = () -> { };
        private volatile boolean ended;

        Session(String uniqueId, String channel, String callerId, String dnid, String queueHint, Map<String, String> data,
                Visit visit) {
            this.uniqueId = requireNonNull(uniqueId, "uniqueId");
            this.channel = channel == null ? "" : channel;
            this.callerId = callerId;
            this.dnid = dnid == null ? "" : dnid;
            this.queueHint = queueHint;
            this.data = Map.copyOf(data);
            this.visit = visit;
        }

        /** How the caller went through the IVR; null for a caller sent back to wait without it. */
        public Visit visit() {
            return visit;
        }

        public String uniqueId() {
            return uniqueId;
        }

        public String channel() {
            return channel;
        }

        public String callerId() {
            return callerId;
        }

        public String dnid() {
            return dnid;
        }

        public String queueHint() {
            return queueHint;
        }

        public Map<String, String> data() {
            return data;
        }

        void onEnd(Runnable r) {
            onEnd = r;
            if (ended) {
                r.run();
            }
        }

        void ended() {
            ended = true;
            onEnd.run();
            Command c;
            while ((c = commands.poll()) != null) {
                c.done.completeExceptionally(new SwitchException(SwitchException.Reason.UNKNOWN_CALL,
                        "caller " + uniqueId + " is no longer waiting in FastAGI"));
            }
        }

        /** Ends the wait: the dialplan dials {@code target} (e.g. {@code PJSIP/1001}). */
        CompletionStage<Void> release(String target) {
            return submit(new Command(requireNonNull(target, "target"), null));
        }

        CompletionStage<Void> announce(Announcement announcement) {
            return submit(new Command(null, requireNonNull(announcement, "announcement")));
        }

        private CompletionStage<Void> submit(Command command) {
            if (ended) {
                return CompletableFuture.failedFuture(new SwitchException(SwitchException.Reason.UNKNOWN_CALL,
                        "caller " + uniqueId + " is no longer waiting in FastAGI"));
            }
            commands.add(command);
            return command.done;
        }
    }
}

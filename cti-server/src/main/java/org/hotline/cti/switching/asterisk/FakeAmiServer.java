package org.hotline.cti.switching.asterisk;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static java.util.Objects.requireNonNull;

/**
 * A stand-in Asterisk on loopback TCP that serves recorded transcripts: the S2C blocks in their
 * recorded order, with the responses (and list events) of each recorded action re-addressed to the
 * ActionID of the matching action the real client sent (matched by action name, in order).
 *
 * <p>Responses to actions in {@code awaited} are held back until the client has sent that action,
 * so the stream position of every response is the recorded one. Actions the client sends that the
 * transcript lacks get a neutral reply (Success, an empty list, Pong), written while the recorded
 * stream is paused right after login for the names in {@code afterLogin}, so the replay is
 * deterministic. Each accepted connection serves the next transcript (reconnect scenarios).
 */
public final class FakeAmiServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(FakeAmiServer.class);
    private static final Pattern ACTION_ID = Pattern.compile("(?m)^ActionID: ([^\\r\\n]*)\\r?$");
    private static final Map<String, String> LIST_COMPLETE = Map.ofEntries(
            Map.entry("coreshowchannels", "CoreShowChannelsComplete"),
            Map.entry("status", "StatusComplete"),
            Map.entry("queuestatus", "QueueStatusComplete"),
            Map.entry("bridgelist", "BridgeListComplete"),
            Map.entry("queuesummary", "QueueSummaryComplete"),
            Map.entry("confbridgelist", "ConfbridgeListComplete"),
            Map.entry("agents", "AgentsComplete"),
            Map.entry("parkedcalls", "ParkedCallsComplete"),
            Map.entry("confbridgelistrooms", "ConfbridgeListRoomsComplete"),
            Map.entry("voicemailuserslist", "VoicemailUserEntryComplete"),
            Map.entry("meetmelist", "MeetMeListComplete"),
            Map.entry("sippeers", "PeerlistComplete"),
            Map.entry("pjsipshowendpoints", "EndpointListComplete"));

    /**
     * What the server waits for and how fast it plays. {@code onAwaiting} hears of each awaited
     * recorded action with the number of frames written so far (so a driver can let the client
     * catch up before it acts); {@code mute} stops all replies once the transcript is played (a hung
     * Asterisk).
     */
    public record Options(Set<String> awaited, List<String> afterLogin, Duration awaitTimeout, double speed,
                          BiConsumer<Map<String, String>, Long> onAwaiting, boolean mute) {
        public Options {
            awaited = lower(awaited);
            afterLogin = afterLogin.stream().map(a -> a.toLowerCase(Locale.ROOT)).toList();
            requireNonNull(awaitTimeout, "awaitTimeout");
            requireNonNull(onAwaiting, "onAwaiting");
        }

        private static Set<String> lower(Set<String> names) {
            Set<String> s = new java.util.HashSet<>();
            names.forEach(n -> s.add(n.toLowerCase(Locale.ROOT)));
            return Set.copyOf(s);
        }

        public Options(Set<String> awaited, List<String> afterLogin, Duration awaitTimeout, double speed,
                       BiConsumer<Map<String, String>, Long> onAwaiting) {
            this(awaited, afterLogin, awaitTimeout, speed, onAwaiting, false);
        }

        /** Full speed, waiting for the login actions, the adapter's resync and Logoff. */
        public static Options replay() {
            return new Options(Set.of("Challenge", "Login", "CoreSettings", "Logoff", "CoreShowChannels", "QueueStatus"),
                    List.of("CoreShowChannels", "QueueStatus"), Duration.ofSeconds(2), 0, (h, n) -> { });
        }

        public Options awaiting(Set<String> more, BiConsumer<Map<String, String>, Long> onAwaiting) {
            Set<String> all = new java.util.HashSet<>(awaited);
            more.forEach(n -> all.add(n.toLowerCase(Locale.ROOT)));
            return new Options(all, afterLogin, awaitTimeout, speed, onAwaiting, mute);
        }

        public Options withoutAfterLogin() {
            return new Options(awaited, List.of(), awaitTimeout, speed, onAwaiting, mute);
        }
    }

    private final List<AmiTranscript> sessions;
    private final Options options;
    private final ServerSocket server;
    private final List<Map<String, String>> received = new CopyOnWriteArrayList<>();
    private final List<CompletableFuture<Void>> drained = new ArrayList<>();
    private final List<java.util.concurrent.atomic.AtomicLong> streamStart = new ArrayList<>();
    private final Thread acceptor;
    private final java.util.concurrent.atomic.AtomicLong framesWritten = new java.util.concurrent.atomic.AtomicLong();
    private volatile Session current;
    private volatile boolean closed;

    public FakeAmiServer(List<AmiTranscript> sessions, Options options) throws IOException {
        this(sessions, options, 0);
    }

    /** Listens on {@code port} (0 = any free port). */
    public FakeAmiServer(List<AmiTranscript> sessions, Options options, int port) throws IOException {
        this.sessions = List.copyOf(sessions);
        this.options = requireNonNull(options, "options");
        for (int i = 0; i < sessions.size(); i++) {
            drained.add(new CompletableFuture<>());
            streamStart.add(new java.util.concurrent.atomic.AtomicLong());
        }
        this.server = new ServerSocket(port, 4, InetAddress.getLoopbackAddress());
        this.acceptor = new Thread(this::acceptLoop, "fake-ami-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return server.getLocalPort();
    }

    /** Completes when session {@code index} has sent every block before its Logoff response. */
    public CompletableFuture<Void> drained(int index) {
        return drained.get(index);
    }

    /** {@link System#nanoTime()} when session {@code index} resumed after login (0 before). */
    public long streamStartNanos(int index) {
        return streamStart.get(index).get();
    }

    /** Every action the client sent, headers as sent (all sessions). */
    public List<Map<String, String>> received() {
        return Collections.unmodifiableList(received);
    }

    /** Cuts the current connection as a broken link would. */
    public void dropConnection() throws IOException {
        Session s = current;
        if (s != null) {
            s.socket.close();
        }
    }

    private void acceptLoop() {
        int index = 0;
        while (!closed && index < sessions.size()) {
            try {
                Socket socket = server.accept();
                socket.setTcpNoDelay(true);
                Session s = new Session(index, sessions.get(index), socket);
                current = s;
                s.start();
                index++;
            } catch (IOException e) {
                if (!closed) {
                    log.warn("fake AMI accept failed: {}", e.getMessage());
                }
                return;
            }
        }
    }

    @Override
    public void close() throws IOException {
        closed = true;
        server.close();
        Session s = current;
        if (s != null) {
            s.socket.close();
        }
    }

    private final class Session {
        final int index;
        final AmiTranscript transcript;
        final Socket socket;
        final OutputStream out;
        final Map<String, String> recordedActionOf = new HashMap<>();
        final List<Map<String, String>> recordedActions = new ArrayList<>();
        final boolean[] consumed;
        final Map<String, String> clientIdOf = new HashMap<>();
        final List<String> unrecordedSeen = new ArrayList<>();
        final java.util.Set<String> givenUp = new java.util.HashSet<>();

        Session(int index, AmiTranscript transcript, Socket socket) throws IOException {
            this.index = index;
            this.transcript = transcript;
            this.socket = socket;
            this.out = socket.getOutputStream();
            for (AmiTranscript.Block b : transcript.blocks()) {
                if (b.direction() == AmiTranscript.Direction.C2S) {
                    Map<String, String> h = b.headers();
                    if (h.containsKey("Action")) {
                        recordedActions.add(h);
                        recordedActionOf.put(h.getOrDefault("ActionID", ""), h.get("Action").toLowerCase(Locale.ROOT));
                    }
                }
            }
            consumed = new boolean[recordedActions.size()];
        }

        void start() {
            Thread reader = new Thread(this::readLoop, "fake-ami-read-" + index);
            reader.setDaemon(true);
            reader.start();
            Thread writer = new Thread(this::writeLoop, "fake-ami-write-" + index);
            writer.setDaemon(true);
            writer.start();
        }

        private void readLoop() {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8))) {
                Map<String, String> headers = new LinkedHashMap<>();
                String line;
                while ((line = in.readLine()) != null) {
                    if (!line.isEmpty()) {
                        int colon = line.indexOf(':');
                        if (colon > 0) {
                            headers.putIfAbsent(line.substring(0, colon).trim(), line.substring(colon + 1).trim());
                        }
                        continue;
                    }
                    if (!headers.isEmpty()) {
                        onAction(normalise(headers));
                        headers = new LinkedHashMap<>();
                    }
                }
            } catch (IOException e) {
                log.debug("fake AMI session {} reader ended: {}", index, e.getMessage());
            }
        }

        /** asterisk-java writes header names as it likes ("actionid"); compare on canonical names. */
        private Map<String, String> normalise(Map<String, String> headers) {
            Map<String, String> h = new LinkedHashMap<>();
            headers.forEach((k, v) -> h.put(k.toLowerCase(Locale.ROOT), v));
            return h;
        }

        private void onAction(Map<String, String> action) throws IOException {
            received.add(action);
            if (options.mute() && drained.get(index).isDone()) {
                return; // a hung Asterisk: the socket stays open and nothing comes back
            }
            String name = action.getOrDefault("action", "").toLowerCase(Locale.ROOT);
            String clientId = action.getOrDefault("actionid", "");
            synchronized (this) {
                for (int i = 0; i < recordedActions.size(); i++) {
                    Map<String, String> rec = recordedActions.get(i);
                    if (!consumed[i] && rec.get("Action").equalsIgnoreCase(name)) {
                        consumed[i] = true;
                        clientIdOf.put(rec.getOrDefault("ActionID", ""), clientId);
                        notifyAll();
                        return;
                    }
                }
                // Reply before waking the writer, so the reply sits where the writer paused for it.
                write(neutralReply(name, clientId));
                unrecordedSeen.add(name);
                notifyAll();
            }
            if ("logoff".equals(name)) {
                socket.close();
            }
        }

        private String neutralReply(String name, String id) {
            String complete = LIST_COMPLETE.get(name);
            if (complete != null) {
                return "Response: Success\r\nActionID: " + id + "\r\nEventList: start\r\nMessage: list will follow\r\n\r\n"
                        + "Event: " + complete + "\r\nActionID: " + id + "\r\nEventList: Complete\r\nListItems: 0\r\n\r\n";
            }
            return switch (name) {
                case "ping" -> "Response: Success\r\nActionID: " + id + "\r\nPing: Pong\r\n\r\n";
                case "logoff" -> "Response: Goodbye\r\nActionID: " + id + "\r\nMessage: Thanks for all the fish.\r\n\r\n";
                case "challenge" -> "Response: Success\r\nActionID: " + id + "\r\nChallenge: 123456789\r\n\r\n";
                case "login" -> "Response: Success\r\nActionID: " + id + "\r\nMessage: Authentication accepted\r\n\r\n";
                default -> "Response: Success\r\nActionID: " + id + "\r\nMessage: not in the transcript\r\n\r\n";
            };
        }

        private void writeLoop() {
            long startNanos = System.nanoTime();
            try {
                for (AmiTranscript.Block b : transcript.blocks()) {
                    if (b.direction() != AmiTranscript.Direction.S2C) {
                        continue;
                    }
                    if (options.speed() > 0) {
                        long due = startNanos + (long) (b.tMs() * 1_000_000L / options.speed());
                        long wait = due - System.nanoTime();
                        if (wait > 0) {
                            Thread.sleep(wait / 1_000_000L, (int) (wait % 1_000_000L));
                        }
                    }
                    String text = b.text();
                    Matcher m = ACTION_ID.matcher(text);
                    if (m.find()) {
                        String recordedId = m.group(1);
                        String action = recordedActionOf.get(recordedId);
                        if ("logoff".equals(action)) {
                            drained.get(index).complete(null);
                        }
                        String clientId = clientIdFor(recordedId, action);
                        if (clientId == null && action != null) {
                            // Not sent by this client: keep it addressed to nobody (asterisk-java drops it quietly).
                            clientId = "replayed#" + recordedId;
                        }
                        if (clientId != null) {
                            text = m.replaceAll(Matcher.quoteReplacement("ActionID: " + clientId) + "\r");
                        }
                    }
                    write(text);
                    if (isResponseTo(b, "coresettings")) {
                        awaitAfterLogin();
                        streamStart.get(index).set(System.nanoTime());
                    }
                }
            } catch (IOException e) {
                log.debug("fake AMI session {} writer ended: {}", index, e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                drained.get(index).complete(null);
            }
        }

        private boolean isResponseTo(AmiTranscript.Block b, String action) {
            if (!b.text().startsWith("Response:")) {
                return false;
            }
            Map<String, String> h = b.headers();
            return h.containsKey("Response") && action.equals(recordedActionOf.get(h.getOrDefault("ActionID", "")));
        }

        private void awaitAfterLogin() throws InterruptedException {
            long deadline = System.nanoTime() + options.awaitTimeout().toNanos();
            synchronized (this) {
                for (String name : options.afterLogin()) {
                    boolean recorded = recordedActions.stream().anyMatch(a -> a.get("Action").equalsIgnoreCase(name));
                    if (recorded) {
                        continue; // waited for at its recorded position
                    }
                    while (!unrecordedSeen.contains(name)) {
                        long left = deadline - System.nanoTime();
                        if (left <= 0) {
                            log.warn("fake AMI: client never sent {} after login", name);
                            return;
                        }
                        wait(Math.max(1, left / 1_000_000L));
                    }
                }
            }
        }

        private String clientIdFor(String recordedId, String action) throws InterruptedException {
            synchronized (this) {
                String id = clientIdOf.get(recordedId);
                if (id != null || action == null || !options.awaited().contains(action) || givenUp.contains(recordedId)) {
                    return id;
                }
            }
            Map<String, String> recorded = recordedActions.stream()
                    .filter(a -> recordedId.equals(a.get("ActionID"))).findFirst().orElse(Map.of());
            options.onAwaiting().accept(recorded, framesWritten.get());
            long deadline = System.nanoTime() + options.awaitTimeout().toNanos();
            synchronized (this) {
                while (!clientIdOf.containsKey(recordedId)) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        log.warn("fake AMI: client did not send {} (recorded as {}); replaying its response as recorded", action, recordedId);
                        givenUp.add(recordedId);
                        return null;
                    }
                    wait(Math.max(1, left / 1_000_000L));
                }
                return clientIdOf.get(recordedId);
            }
        }

        private void write(String text) throws IOException {
            synchronized (out) {
                for (int i = text.indexOf("\r\n\r\n"); i >= 0; i = text.indexOf("\r\n\r\n", i + 4)) {
                    framesWritten.incrementAndGet();
                }
                out.write(text.getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
        }
    }
}

package org.hotline.cti.switching.asterisk;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.asteriskjava.live.DefaultAsteriskServer;
import org.asteriskjava.manager.ManagerConnection;
import org.asteriskjava.manager.ManagerConnectionFactory;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.event.VarSetEvent;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./hotline bench ami}: one long AMI stream built from the captures (every repetition with
 * fresh channel names, Uniqueids and bridge ids, as real traffic brings new channels), served at
 * full speed three times over loopback TCP to: a bare asterisk-java ManagerConnection (the
 * reader's ceiling), the Hotline adapter, and asterisk-java's live API. Prints the three rates,
 * the ratios, dropped events and the adapter's peak heap; the last line is one JSON object.
 */
@Command(name = "ami", mixinStandardHelpOptions = true,
        description = "Benchmark the AMI event path: bare asterisk-java reader vs Hotline adapter vs asterisk-java live API.")
public final class AmiBenchCommand implements Callable<Integer> {
    private static final Pattern UNIQUEID = Pattern.compile("\\b17952\\d{5}\\.(\\d+)\\b");
    private static final Pattern CHANNEL_SUFFIX = Pattern.compile("-([0-9a-f]{8})(?=[;\\s\\r,])");
    private static final Pattern BRIDGE = Pattern.compile("\\b[0-9a-f]{8}(-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\\b");
    private static final String MARK = "Event: VarSet\r\nPrivilege: dialplan,all\r\nChannel: none\r\nVariable: HOTLINE_BENCH\r\nValue: %s\r\nUniqueid: none\r\n\r\n";

    @Option(names = "--repetitions", defaultValue = "20", description = "how many times the captures repeat (default ${DEFAULT-VALUE})")
    int repetitions;

    @Option(names = "--captures", description = "folder of the shared captures (default: shared/ami-captures above the working directory)")
    Path captures;

    @Option(names = "--skip-live", description = "leave out asterisk-java's live API (it is slow by design)")
    boolean skipLive;

    private final PrintStream out;

    public AmiBenchCommand() {
        this(System.out);
    }

    AmiBenchCommand(PrintStream out) {
        this.out = out;
    }

    @Override
    public Integer call() throws Exception {
        // asterisk-java prints some events to System.out itself; keep stdout for our results.
        PrintStream stdout = System.out;
        System.setOut(System.err);
        try {
            return run();
        } finally {
            System.setOut(stdout);
        }
    }

    private int run() throws Exception {
        Path dir = captures != null ? captures : findCaptures();
        this.captureDir = dir;
        Stream stream = buildStream(dir, repetitions);
        out.printf(Locale.ROOT, "stream: %d events (%d repetitions of %d capture events), %.1f MB%n",
                stream.events, repetitions, stream.events / Math.max(1, repetitions), stream.body.length() / 1e6);

        Measured bare = measureBare(stream);
        out.printf(Locale.ROOT, "bare asterisk-java ManagerConnection: %,.0f events/s (%d of %d)%n", bare.rate(), bare.seen, stream.events);
        Measured adapter = measureAdapter(stream);
        out.printf(Locale.ROOT, "hotline adapter (applied to the live model): %,.0f events/s (%d of %d), peak heap %.1f MB%n",
                adapter.rate(), adapter.seen, stream.events, adapter.peakHeap / 1e6);
        Measured live = skipLive ? null : measureLive(stream);
        if (live != null) {
            out.printf(Locale.ROOT, "asterisk-java live API (org.asteriskjava.live): %,.0f events/s (%d of %d)%n",
                    live.rate(), live.seen, stream.events);
        }
        double adapterVsBare = adapter.rate() / bare.rate();
        double adapterVsLive = live == null ? Double.NaN : adapter.rate() / live.rate();
        out.printf(Locale.ROOT, "adapter/bare = %.2f (target >= 0.80), adapter/live = %s (target >= 10)%n",
                adapterVsBare, live == null ? "n/a" : String.format(Locale.ROOT, "%.1f", adapterVsLive));
        out.printf(Locale.ROOT, "{\"events\":%d,\"bareEventsPerSec\":%.0f,\"adapterEventsPerSec\":%.0f,\"liveEventsPerSec\":%s,"
                        + "\"adapterVsBare\":%.3f,\"adapterVsLive\":%s,\"droppedBare\":%d,\"droppedAdapter\":%d,\"droppedLive\":%s,"
                        + "\"adapterPeakHeapBytes\":%d,\"bareEventsDelivered\":%d}%n",
                stream.events, bare.rate(), adapter.rate(), live == null ? "null" : String.format(Locale.ROOT, "%.0f", live.rate()),
                adapterVsBare, live == null ? "null" : String.format(Locale.ROOT, "%.3f", adapterVsLive),
                Math.max(0, stream.events - bare.seen), Math.max(0, stream.events - adapter.seen),
                live == null ? "null" : String.valueOf(Math.max(0, stream.events - live.seen)), adapter.peakHeap, bare.seen);
        return 0;
    }

    // ---------------------------------------------------------------- the stream

    record Stream(String body, int events) {}

    /** Every event of the call captures, {@code reps} times, each time with new ids; framed by start/end marks. */
    static Stream buildStream(Path dir, int reps) throws IOException {
        List<String> frames = new ArrayList<>();
        for (String name : List.of("01-inbound-answered.txt", "02-inbound-abandoned.txt", "03-agent-ring-no-answer.txt",
                "04-blind-transfer.txt", "05-attended-transfer.txt", "06-hold-retrieve.txt", "07-conference.txt",
                "08-outbound-originate.txt", "11-recording.txt", "12-supervisor-spy.txt", "13-ivr-fastagi.txt")) {
            for (AmiTranscript.Block b : AmiTranscript.load(dir.resolve(name)).blocks()) {
                // Events only; list items and responses belong to the recorded client's actions.
                if (b.direction() == AmiTranscript.Direction.S2C && b.text().startsWith("Event:") && !b.text().contains("\r\nActionID:")) {
                    frames.add(b.text());
                }
            }
        }
        StringBuilder body = new StringBuilder(frames.size() * 700 * reps + 256);
        body.append(String.format(MARK, "start"));
        for (int rep = 0; rep < reps; rep++) {
            for (String frame : frames) {
                body.append(fresh(frame, rep));
            }
        }
        body.append(String.format(MARK, "end"));
        return new Stream(body.toString(), frames.size() * reps + 2);
    }

    /** The frame as repetition {@code rep} sees it: Uniqueids, channel suffixes and bridge ids made unique. */
    static String fresh(String frame, int rep) {
        String s = replace(UNIQUEID, frame, m -> (1700000000 + rep) + "." + m.group(1));
        s = replace(CHANNEL_SUFFIX, s, m -> "-" + String.format("%08x", rep * 256 + Integer.parseInt(m.group(1), 16)));
        s = replace(BRIDGE, s, m -> String.format("%08x", rep) + m.group(1));
        return s.replace("cti-out-0001", "cti-out-" + rep);
    }

    private static String replace(Pattern p, String s, java.util.function.Function<Matcher, String> f) {
        Matcher m = p.matcher(s);
        StringBuilder sb = new StringBuilder(s.length() + 32);
        while (m.find()) {
            m.appendReplacement(sb, Matcher.quoteReplacement(f.apply(m)));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    private static AmiTranscript transcript(Path dir, Stream stream) throws IOException {
        List<AmiTranscript.Block> login = new ArrayList<>();
        List<AmiTranscript.Block> logoff = new ArrayList<>();
        boolean afterSettings = false;
        for (AmiTranscript.Block b : AmiTranscript.load(dir.resolve("01-inbound-answered.txt")).blocks()) {
            String t = b.text();
            if (t.startsWith("Action: Logoff") || t.startsWith("Response: Goodbye")) {
                logoff.add(b);
            } else if (!afterSettings) {
                login.add(b);
                afterSettings = t.startsWith("Response: Success") && t.contains("AsteriskVersion");
            }
        }
        List<AmiTranscript.Block> blocks = new ArrayList<>(login);
        // Blocks of ~200 frames: the server answers the client's actions between blocks, as Asterisk would.
        String body = stream.body;
        int from = 0;
        while (from < body.length()) {
            int to = from;
            for (int i = 0; i < 200 && to >= 0 && to < body.length(); i++) {
                to = body.indexOf("\r\n\r\n", to);
                to = to < 0 ? body.length() : to + 4;
            }
            blocks.add(new AmiTranscript.Block(0, AmiTranscript.Direction.S2C, body.substring(from, to)));
            from = to;
        }
        blocks.addAll(logoff);
        return new AmiTranscript("bench", blocks);
    }

    // ---------------------------------------------------------------- the three readers

    record Measured(long seen, long nanos, long peakHeap) {
        double rate() {
            return nanos <= 0 ? 0 : seen * 1e9 / nanos;
        }
    }

    private Measured measureBare(Stream stream) throws Exception {
        try (FakeAmiServer server = server(stream, List.of())) {
            ManagerConnection c = new ManagerConnectionFactory("127.0.0.1", server.port(), "cti", "cti-secret").createManagerConnection();
            Counter counter = new Counter();
            c.addEventListener(counter);
            c.login();
            counter.end.await(10, TimeUnit.MINUTES);
            long nanos = counter.endNanos - server.streamStartNanos(0);
            c.logoff();
            return new Measured(counter.seen.get(), nanos, 0);
        }
    }

    private Measured measureAdapter(Stream stream) throws Exception {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        AtomicLong peak = new AtomicLong();
        try (FakeAmiServer server = server(stream, FakeAmiServer.Options.replay().afterLogin())) {
            AsteriskSwitch sw = new AsteriskSwitch(AsteriskSettings.defaults("127.0.0.1", server.port(), "cti", "cti-secret"),
                    Clock.systemUTC());
            Thread sampler = new Thread(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                    try {
                        Thread.sleep(5);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "bench-heap");
            sampler.setDaemon(true);
            sampler.start();
            long base = 0;
            long loginEvents = transcript(captureDir, new Stream("", 0)).blocks().stream()
                    .filter(b -> b.direction() == AmiTranscript.Direction.S2C && b.text().startsWith("Event:")).count();
            try {
                sw.start(e -> { });
                // The stream's events, the events of the login (FullyBooted ...) and the adapter's own resync list ends.
                long expected = stream.events + loginEvents + 2;
                long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
                while (sw.metrics().eventFramesAccounted() < expected && System.nanoTime() < deadline) {
                    Thread.sleep(1);
                }
                long end = System.nanoTime();
                base = server.streamStartNanos(0);
                long seen = sw.metrics().eventFramesAccounted() - 2 - loginEvents;
                return new Measured(seen, end - base, peak.get());
            } finally {
                sampler.interrupt();
                sw.close();
            }
        }
    }

    /**
     * The live API handles events on its own queue behind the listeners, so its progress is read
     * from what it reports: the stream's last new channel reported means it has applied (nearly)
     * everything. Initialisation is awaited before the stream starts (the server holds the stream
     * until the live API's last start-up action, QueueStatus, has been answered).
     */
    private Measured measureLive(Stream stream) throws Exception {
        int channels = countNewChannels(stream);
        try (FakeAmiServer server = server(stream, List.of("QueueStatus"))) {
            ManagerConnection c = new ManagerConnectionFactory("127.0.0.1", server.port(), "cti", "cti-secret").createManagerConnection();
            DefaultAsteriskServer live = new DefaultAsteriskServer(c);
            AtomicLong reported = new AtomicLong();
            CountDownLatch all = new CountDownLatch(1);
            AtomicLong endNanos = new AtomicLong();
            live.addAsteriskServerListener(new org.asteriskjava.live.AbstractAsteriskServerListener() {
                @Override
                public void onNewAsteriskChannel(org.asteriskjava.live.AsteriskChannel channel) {
                    if (reported.incrementAndGet() == channels) {
                        endNanos.set(System.nanoTime());
                        all.countDown();
                    }
                }

                @Override
                public void onNewQueueEntry(org.asteriskjava.live.AsteriskQueueEntry entry) {
                    // not measured
                }

                @Override
                public void onNewAgent(org.asteriskjava.live.AsteriskAgent agent) {
                    // not measured
                }

                @Override
                public void onNewMeetMeUser(org.asteriskjava.live.MeetMeUser user) {
                    // not measured
                }
            });
            all.await(30, TimeUnit.MINUTES);
            long end = endNanos.get() == 0 ? System.nanoTime() : endNanos.get();
            long seen = Math.round((double) stream.events * reported.get() / channels);
            live.shutdown();
            return new Measured(seen, end - server.streamStartNanos(0), 0);
        }
    }

    private static int countNewChannels(Stream stream) {
        int n = 0;
        for (int i = stream.body.indexOf("Event: Newchannel\r\n"); i >= 0; i = stream.body.indexOf("Event: Newchannel\r\n", i + 1)) {
            n++;
        }
        return n;
    }

    private FakeAmiServer server(Stream stream, List<String> afterLogin) throws IOException {
        AmiTranscript t = transcript(captureDir, stream);
        FakeAmiServer.Options base = FakeAmiServer.Options.replay();
        return new FakeAmiServer(List.of(t), new FakeAmiServer.Options(base.awaited(), afterLogin, Duration.ofSeconds(2), 0,
                (h, n) -> { }));
    }

    private Path captureDir;

    private Path findCaptures() {
        Path p = Path.of("").toAbsolutePath();
        for (Path at = p; at != null; at = at.getParent()) {
            Path candidate = at.resolve("shared/ami-captures");
            if (java.nio.file.Files.isDirectory(candidate)) {
                return candidate;
            }
            candidate = at.resolve("../shared/ami-captures").normalize();
            if (java.nio.file.Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("shared/ami-captures not found above " + p + " (expected: --captures DIR)");
    }

    /** Legacy events asterisk-java derives from Bridge*, Dial* and QueueCaller* events; never on the wire. */
    private static final java.util.Set<String> SYNTHETIC = java.util.Set.of("BridgeEvent", "DialEvent", "JoinEvent", "LeaveEvent");

    /** Counts every event between the start and end marks. */
    private static final class Counter implements org.asteriskjava.manager.ManagerEventListener {
        final AtomicLong seen = new AtomicLong();
        final CountDownLatch end = new CountDownLatch(1);
        volatile long endNanos;
        private boolean started;

        @Override
        public void onManagerEvent(ManagerEvent event) {
            if (event instanceof VarSetEvent v && "HOTLINE_BENCH".equals(v.getVariable())) {
                if ("start".equals(v.getValue())) {
                    started = true;
                } else {
                    seen.incrementAndGet();
                    endNanos = System.nanoTime();
                    end.countDown();
                    return;
                }
            }
            // asterisk-java adds legacy BridgeEvent/DialEvent copies of Bridge*/Dial* events; they are not on the wire.
            boolean synthetic = SYNTHETIC.contains(event.getClass().getSimpleName());
            if (started && !synthetic) {
                seen.incrementAndGet();
            }
        }
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new AmiBenchCommand()).execute(args));
    }
}

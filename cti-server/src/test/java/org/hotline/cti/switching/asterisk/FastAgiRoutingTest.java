package org.hotline.cti.switching.asterisk;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.hotline.cti.switching.CallId;
import org.hotline.cti.switching.IvrOutcome;
import org.hotline.cti.switching.SwitchEvent;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The caller of capture 13 through the FastAGI server: the IVR sends exactly the recorded AGI
 * commands, the caller is then held with music and announced to the core as RouteRequested, and
 * RouteSelect releases it to the chosen agent. Without a RouteSelect the session ends without a
 * target, so the dialplan falls through to Queue(). Each run of the IVR is reported as a visit,
 * also for a caller who hangs up in the menu.
 */
class FastAgiRoutingTest {
    private static final List<String> HOLD_AND_RELEASE = List.of(
            "SET MUSIC ON default", "SET MUSIC OFF", "SET VARIABLE HOTLINE_TARGET \"PJSIP/1003\"",
            // asterisk-java reports how the script ended; Asterisk accepts it like any variable.
            "SET VARIABLE \"AJ_AGISTATUS\" \"SUCCESS\"");

    @Test
    void ivrRunsTheRecordedDialogueThenHoldsTheCallerUntilRouteSelect() throws Exception {
        Fixture f = new Fixture(Duration.ofMinutes(1));
        try {
            f.start();
            SwitchEvent.RouteRequested request = f.awaitRouteRequest();

            assertThat(request.call()).isEqualTo(new CallId("call-1"));
            assertThat(request.callingNumber()).isEqualTo("0301234560");
            assertThat(request.calledNumber()).isEqualTo("8000");
            assertThat(request.queueHint()).isEqualTo("repair");
            assertThat(request.data()).containsExactlyInAnyOrderEntriesOf(
                    Map.of("ivr_path", "menu/3", "ivr_choice", "3", "ivr_queue", "repair"));
            SwitchEvent.IvrFinished visit = f.await(SwitchEvent.IvrFinished.class);
            assertThat(visit).isEqualTo(new SwitchEvent.IvrFinished(RECORDED_START, request.call(), "0301234560", "8000",
                    RECORDED_START, List.of("3"), "repair", IvrOutcome.ROUTED));
            assertThat(f.events.indexOf(visit)).as("the visit is reported before the call is offered")
                    .isLessThan(f.events.indexOf(request));

            f.sw.routeSelect(request.call(), "1003").toCompletableFuture().get(5, TimeUnit.SECONDS);
            List<String> commands = f.agi.get(5, TimeUnit.SECONDS);

            List<String> expected = new ArrayList<>(recordedCommands());
            expected.addAll(HOLD_AND_RELEASE);
            assertThat(commands).containsExactlyElementsOf(expected);
        } finally {
            f.close();
        }
    }

    @Test
    void announcementInterruptsTheMusicAndTheCallerKeepsWaiting() throws Exception {
        Fixture f = new Fixture(Duration.ofMinutes(1));
        try {
            f.start();
            SwitchEvent.RouteRequested request = f.awaitRouteRequest();

            f.sw.playAnnouncement(request.call(), org.hotline.cti.switching.Announcement.POSITION)
                    .toCompletableFuture().get(5, TimeUnit.SECONDS);
            f.sw.routeSelect(request.call(), "1003").toCompletableFuture().get(5, TimeUnit.SECONDS);
            List<String> commands = f.agi.get(5, TimeUnit.SECONDS);

            List<String> held = commands.subList(recordedCommands().size(), commands.size());
            assertThat(held).containsExactly("SET MUSIC ON default", "SET MUSIC OFF",
                    "STREAM FILE /usr/share/hotline-lab/sounds/please-hold \"\"", "SET MUSIC ON default",
                    "SET MUSIC OFF", "SET VARIABLE HOTLINE_TARGET \"PJSIP/1003\"", "SET VARIABLE \"AJ_AGISTATUS\" \"SUCCESS\"");
        } finally {
            f.close();
        }
    }

    @Test
    void routeSelectForACallerNotWaitingFailsWithTheReason() throws Exception {
        Fixture f = new Fixture(Duration.ofMinutes(1));
        try {
            f.start();
            SwitchEvent.RouteRequested request = f.awaitRouteRequest();
            f.sw.routeSelect(request.call(), "1003").toCompletableFuture().get(5, TimeUnit.SECONDS);

            assertThat(f.sw.routeSelect(request.call(), "1001").toCompletableFuture())
                    .failsWithin(5, TimeUnit.SECONDS).withThrowableOfType(java.util.concurrent.ExecutionException.class)
                    .withMessageContaining("routeSelect: call call-1 (expected: a caller waiting in a FastAGI session)");
        } finally {
            f.close();
        }
    }

    @Test
    void callerNotRoutedInTimeLeavesWithoutTargetSoTheDialplanQueuesIt() throws Exception {
        Fixture f = new Fixture(Duration.ofMillis(300));
        try {
            f.start();
            f.awaitRouteRequest();

            List<String> commands = f.agi.get(5, TimeUnit.SECONDS);

            assertThat(commands).endsWith("SET MUSIC ON default", "SET MUSIC OFF", "SET VARIABLE \"AJ_AGISTATUS\" \"SUCCESS\"");
            assertThat(commands).noneMatch(c -> c.contains("HOTLINE_TARGET"));
        } finally {
            f.close();
        }
    }

    @Test
    void callerWhoHangsUpInTheMenuIsReportedAsAVisitThatEndedInTheIvrAndNeverOffered() throws Exception {
        Fixture f = new Fixture(Duration.ofMinutes(1), "GET DATA");
        try {
            f.start();
            SwitchEvent.IvrFinished visit = f.await(SwitchEvent.IvrFinished.class);
            List<String> commands = f.agi.get(5, TimeUnit.SECONDS);

            assertThat(visit.outcome()).isEqualTo(IvrOutcome.HUNG_UP);
            assertThat(visit.choices()).as("no key was pressed before the hang-up").isEmpty();
            assertThat(visit.queueHint()).isEmpty();
            assertThat(visit.callingNumber()).isEqualTo("0301234560");
            assertThat(visit.calledNumber()).isEqualTo("8000");
            assertThat(visit.call()).as("the caller's call on AMI").isEqualTo(new CallId("call-1"));
            assertThat(commands).as("the script stops at the hang-up: no choice stored, no music")
                    .anyMatch(c -> c.startsWith("GET DATA"))
                    .noneMatch(c -> c.startsWith("SET VARIABLE IVR_CHOICE") || c.startsWith("SET MUSIC"));
            assertThat(f.events).noneMatch(e -> e instanceof SwitchEvent.RouteRequested);
        } finally {
            f.close();
        }
    }

    private static List<String> recordedCommands() {
        return Captures.load("13-ivr-fastagi.fastagi.txt").blocks().stream()
                .filter(b -> b.direction() == AmiTranscript.Direction.C2S).map(b -> b.text().strip()).toList();
    }

    private static final Instant RECORDED_START = Instant.ofEpochSecond(1795299031);

    /** AMI replay of capture 13 up to the caller's answer, plus a fake Asterisk on the AGI side. */
    private static final class Fixture {
        final List<SwitchEvent> events = new CopyOnWriteArrayList<>();
        final FakeAmiServer ami;
        final int agiPort;
        final AsteriskSwitch sw;
        /** The caller hangs up when the script sends the command starting with this (null: never). */
        final String hangUpAt;
        CompletableFuture<List<String>> agi;

        Fixture(Duration maxWait) throws IOException {
            this(maxWait, null);
        }

        Fixture(Duration maxWait, String hangUpAt) throws IOException {
            this.hangUpAt = hangUpAt;
            AmiTranscript full = Captures.load("13-ivr-fastagi.txt");
            ami = new FakeAmiServer(List.of(new AmiTranscript("13-cut", full.blocks().stream().filter(b -> b.tMs() <= 3).toList())),
                    FakeAmiServer.Options.replay());
            try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                agiPort = probe.getLocalPort();
            }
            FastAgiServer.Ivr lab = FastAgiServer.Ivr.lab();
            FastAgiServer.Ivr ivr = new FastAgiServer.Ivr(lab.welcomePrompt(), lab.menuPrompt(), lab.menuTimeoutMs(), lab.menu(),
                    lab.defaultQueue(), lab.mohClass(), maxWait, lab.prompts());
            Clock recordedClock = Clock.fixed(RECORDED_START, ZoneOffset.UTC);
            sw = new AsteriskSwitch(AsteriskSettings.defaults("127.0.0.1", ami.port(), "cti", "cti-secret"), Clock.systemUTC())
                    .withFastAgi(new FastAgiServer(InetAddress.getLoopbackAddress(), agiPort, ivr, recordedClock));
        }

        void start() throws Exception {
            sw.start(events::add);
            ami.drained(0).get(10, TimeUnit.SECONDS);
            // Asterisk runs AGI() after answering; by then the adapter has seen the channel.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (!sw.inspect(v -> v.channels().containsKey("PJSIP/pstn-0000001e")) && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            agi = CompletableFuture.supplyAsync(this::playAsterisk);
        }

        /** Connects like Asterisk's AGI(): environment, then one reply per command (recorded ones as recorded). */
        private List<String> playAsterisk() {
            AmiTranscript t = Captures.load("13-ivr-fastagi.fastagi.txt");
            List<AmiTranscript.Block> blocks = t.blocks();
            List<String> commands = new ArrayList<>();
            for (int attempt = 0; ; attempt++) {
                try (Socket s = new Socket(InetAddress.getLoopbackAddress(), agiPort)) {
                    OutputStream out = s.getOutputStream();
                    BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
                    out.write(blocks.get(0).text().getBytes(StandardCharsets.UTF_8));
                    out.flush();
                    int next = 1;
                    String command;
                    while ((command = in.readLine()) != null) {
                        commands.add(command);
                        if (hangUpAt != null && command.startsWith(hangUpAt)) {
                            // As Asterisk does when the caller hangs up during a command: HANGUP, then the dead channel.
                            out.write("HANGUP\n511 result=-1\n".getBytes(StandardCharsets.UTF_8));
                            out.flush();
                            continue;
                        }
                        String reply = "200 result=0";
                        if (next + 1 < blocks.size() && blocks.get(next).text().strip().equals(command)) {
                            reply = blocks.get(next + 1).text().strip();
                            next += 2;
                        }
                        out.write((reply + "\n").getBytes(StandardCharsets.UTF_8));
                        out.flush();
                    }
                    return commands;
                } catch (IOException e) {
                    if (attempt > 100) {
                        throw new IllegalStateException("FastAGI server not reachable on " + agiPort, e);
                    }
                    try {
                        Thread.sleep(20); // the AGI server binds on its own thread
                    } catch (InterruptedException ie) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException(ie);
                    }
                }
            }
        }

        <T extends SwitchEvent> T await(Class<T> type) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (System.nanoTime() < deadline) {
                for (SwitchEvent e : events) {
                    if (type.isInstance(e)) {
                        return type.cast(e);
                    }
                }
                Thread.sleep(5);
            }
            throw new AssertionError("no " + type.getSimpleName() + " within 10 s: " + events);
        }

        SwitchEvent.RouteRequested awaitRouteRequest() throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (System.nanoTime() < deadline) {
                for (SwitchEvent e : events) {
                    if (e instanceof SwitchEvent.RouteRequested r) {
                        return r;
                    }
                }
                Thread.sleep(5);
            }
            throw new AssertionError("no RouteRequested within 10 s: " + events);
        }

        void close() throws IOException {
            sw.close();
            ami.close();
        }
    }
}

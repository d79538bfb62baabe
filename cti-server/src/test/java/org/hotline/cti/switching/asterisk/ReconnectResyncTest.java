package org.hotline.cti.switching.asterisk;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.hotline.cti.switching.Cause;
import org.hotline.cti.switching.SwitchEvent;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The link breaks in the middle of capture 01's call; Asterisk comes back in the state of capture
 * 10. The adapter must report the loss, close the call that ended unseen at the moment the link
 * was lost, and rebuild exactly the three calls of capture 10.
 */
class ReconnectResyncTest {

    @Test
    void closesCallsThatEndedUnseenAndAdoptsTheSwitchsCallsAfterReconnect() throws Exception {
        AmiTranscript answered = Captures.load("01-inbound-answered.txt");
        // Up to the answered call, before anyone hangs up (Hangup is at 4052 ms).
        AmiTranscript cut = new AmiTranscript("01-cut", answered.blocks().stream().filter(b -> b.tMs() <= 2100).toList());
        AmiTranscript resync = Captures.load("10-resync-on-connect.txt");
        List<SwitchEvent> events = new CopyOnWriteArrayList<>();

        try (FakeAmiServer server = new FakeAmiServer(List.of(cut, resync), FakeAmiServer.Options.replay())) {
            AsteriskSwitch sw = new AsteriskSwitch(AsteriskSettings.defaults("127.0.0.1", server.port(), "cti", "cti-secret"),
                    Clock.systemUTC());
            try {
                sw.start(events::add);
                server.drained(0).get(10, TimeUnit.SECONDS);
                awaitEvent(events, SwitchEvent.Established.class);

                server.dropConnection();
                server.drained(1).get(30, TimeUnit.SECONDS);
                sw.logoff();

                // The end time of a call that ended unseen is the last moment the switch was heard.
                Instant lastSeenBeforeLoss = cut.blocks().stream()
                        .map(b -> AmiFrame.of("Timestamp", b.headers().getOrDefault("Timestamp", "0")).timestamp())
                        .max(Instant::compareTo).orElseThrow();
                List<SwitchEvent> all = List.copyOf(events);
                List<SwitchEvent> afterLoss = all.subList(indexOf(all, SwitchEvent.LinkLost.class), all.size());
                assertThat(afterLoss).extracting(e -> e.getClass().getSimpleName()).containsExactly(
                        "LinkLost", "ConnectionCleared", "ConnectionCleared", "CallCleared", "LinkRestored");
                SwitchEvent.CallCleared cleared = (SwitchEvent.CallCleared) afterLoss.get(3);
                assertThat(cleared.call().value()).isEqualTo("call-1");
                assertThat(cleared.cause()).isEqualTo(Cause.UNKNOWN);
                assertThat(cleared.at()).isEqualTo(lastSeenBeforeLoss);

                SwitchEvent.SwitchSnapshot snapshot = ((SwitchEvent.LinkRestored) afterLoss.get(4)).snapshot();
                assertThat(snapshot.calls()).extracting(c -> c.call().value() + " " + c.connections())
                        .containsExactly(
                                "call-2 [ConnectionView[device=1002, state=CONNECTED], ConnectionView[device=tel:0301234560, state=CONNECTED]]",
                                "call-3 [ConnectionView[device=1001, state=CONNECTED], ConnectionView[device=tel:0301234561, state=CONNECTED]]",
                                "call-4 [ConnectionView[device=tel:0301234562, state=QUEUED]]");
                assertThat(snapshot.calls()).extracting(c -> c.startedAt().toString()).containsExactly(
                        "2026-11-21T22:09:53.910010Z", "2026-11-21T22:09:54.910010Z", "2026-11-21T22:09:55.910010Z");
                assertThat(sw.inspect(AsteriskSwitchView::agents)).containsEntry("1003", "Agent Cleo|1|repair:paused(Training)");
                assertThat(sw.inspect(AsteriskSwitchView::channels)).hasSize(5);
            } finally {
                sw.close();
            }
        }
    }

    @Test
    void reportsASilentLinkAsLostWithinTheDeadline() throws Exception {
        AmiTranscript answered = Captures.load("01-inbound-answered.txt");
        AmiTranscript cut = new AmiTranscript("01-cut", answered.blocks().stream().filter(b -> b.tMs() <= 2100).toList());
        List<SwitchEvent> events = new CopyOnWriteArrayList<>();
        // The server stops answering pings (it just stops talking after the cut) and keeps the socket open.
        FakeAmiServer.Options silent = new FakeAmiServer.Options(FakeAmiServer.Options.replay().awaited(),
                FakeAmiServer.Options.replay().afterLogin(), Duration.ofSeconds(2), 0, (h, n) -> { }, true);

        try (FakeAmiServer server = new FakeAmiServer(List.of(cut), silent)) {
            AsteriskSettings settings = AsteriskSettings.defaults("127.0.0.1", server.port(), "cti", "cti-secret")
                    .withLiveness(Duration.ofMillis(200), Duration.ofMillis(800));
            AsteriskSwitch sw = new AsteriskSwitch(settings, Clock.systemUTC());
            try {
                sw.start(events::add);
                server.drained(0).get(10, TimeUnit.SECONDS);
                long silentSince = System.nanoTime();

                awaitEvent(events, SwitchEvent.LinkLost.class);

                assertThat(Duration.ofNanos(System.nanoTime() - silentSince)).isLessThan(Duration.ofSeconds(5));
            } finally {
                sw.close();
            }
        }
    }

    @Test
    void keepsTryingToLogInUntilAsteriskIsThere() throws Exception {
        int port;
        try (java.net.ServerSocket probe = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        List<SwitchEvent> events = new CopyOnWriteArrayList<>();
        AsteriskSettings settings = AsteriskSettings.defaults("127.0.0.1", port, "cti", "cti-secret")
                .withLiveness(Duration.ofMillis(100), Duration.ofMillis(300));
        AsteriskSwitch sw = new AsteriskSwitch(settings, Clock.systemUTC());
        try {
            sw.start(events::add);
            awaitEvent(events, SwitchEvent.LinkLost.class);

            try (FakeAmiServer server = new FakeAmiServer(List.of(Captures.load("09-agent-pause-unpause.txt")),
                    FakeAmiServer.Options.replay(), port)) {
                awaitEvent(events, SwitchEvent.LinkRestored.class);
                assertThat(events.get(0)).isInstanceOf(SwitchEvent.LinkLost.class);
                assertThat(((SwitchEvent.LinkLost) events.get(0)).why()).startsWith("login failed");
                server.drained(0).get(10, TimeUnit.SECONDS);
            }
        } finally {
            sw.close();
        }
    }

    private static int indexOf(List<SwitchEvent> events, Class<?> type) {
        for (int i = 0; i < events.size(); i++) {
            if (type.isInstance(events.get(i))) {
                return i;
            }
        }
        throw new AssertionError("no " + type.getSimpleName() + " in " + events);
    }

    private static void awaitEvent(List<SwitchEvent> events, Class<?> type) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (events.stream().noneMatch(type::isInstance)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no " + type.getSimpleName() + " within 10 s: " + events);
            }
            Thread.sleep(10);
        }
    }
}

package org.hotline.cti.switching.asterisk;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.hotline.cti.switching.CallId;
import org.hotline.cti.switching.ConnectionId;
import org.hotline.cti.switching.SwitchEvent;
import org.hotline.cti.switching.SwitchException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Services the captures do not record (the lab drove answer, hold, mute and digits from the
 * phones): against capture 06's connected call, each sends the documented AMI action for the
 * agent's live channel, and bad requests fail before anything is sent.
 */
class PhoneServicesTest {
    private static final ConnectionId AGENT = new ConnectionId(new CallId("call-1"), "1002");

    @Test
    void phoneServicesSendTheDocumentedActionsForTheAgentsChannel() throws Exception {
        AmiTranscript held = Captures.load("06-hold-retrieve.txt");
        // Up to the connected call (answered at about 2050 ms, held by the phone at 4060 ms).
        AmiTranscript connected = new AmiTranscript("06-connected", held.blocks().stream().filter(b -> b.tMs() <= 3000).toList());
        List<SwitchEvent> events = new CopyOnWriteArrayList<>();
        try (FakeAmiServer server = new FakeAmiServer(List.of(connected), FakeAmiServer.Options.replay())) {
            AsteriskSwitch sw = new AsteriskSwitch(AsteriskSettings.defaults("127.0.0.1", server.port(), "cti", "cti-secret"),
                    Clock.systemUTC());
            try {
                sw.start(events::add);
                server.drained(0).get(10, TimeUnit.SECONDS);
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
                while (events.stream().noneMatch(SwitchEvent.Established.class::isInstance) && System.nanoTime() < deadline) {
                    Thread.sleep(5);
                }

                done(sw.answerCall(AGENT));
                done(sw.holdCall(AGENT));
                done(sw.retrieveCall(AGENT));
                done(sw.setMute(AGENT, true));
                done(sw.generateDigits(AGENT, "1#"));
                done(sw.clearConnection(AGENT));

                List<Map<String, String>> sent = server.received().stream()
                        .filter(a -> !List.of("challenge", "login", "coresettings", "coreshowchannels", "queuestatus", "ping")
                                .contains(a.get("action").toLowerCase(java.util.Locale.ROOT)))
                        .toList();
                assertThat(sent).extracting(a -> a.get("action")).containsExactly(
                        "PJSIPNotify", "PJSIPNotify", "PJSIPNotify", "MuteAudio", "PlayDTMF", "PlayDTMF", "Hangup");
                assertThat(sent.get(0)).containsEntry("endpoint", "1002").containsEntry("variable", "Event=talk");
                assertThat(sent.get(1)).containsEntry("variable", "Event=hold");
                assertThat(sent.get(2)).containsEntry("variable", "Event=talk");
                assertThat(sent.get(3)).containsEntry("channel", "PJSIP/1002-0000000d").containsEntry("direction", "in")
                        .containsEntry("state", "on");
                assertThat(sent.get(4)).containsEntry("channel", "PJSIP/1002-0000000d").containsEntry("digit", "1");
                assertThat(sent.get(5)).containsEntry("digit", "#");
                assertThat(sent.get(6)).containsEntry("channel", "PJSIP/1002-0000000d");

                assertThatThrownBy(() -> done(sw.generateDigits(AGENT, "12x")))
                        .hasCauseInstanceOf(SwitchException.class).hasMessageContaining("digits: '12x'");
                assertThatThrownBy(() -> done(sw.clearConnection(new ConnectionId(new CallId("call-9"), "1002"))))
                        .cause().isInstanceOf(SwitchException.class)
                        .satisfies(e -> assertThat(((SwitchException) e).reason()).isEqualTo(SwitchException.Reason.UNKNOWN_CALL));
            } finally {
                sw.close();
            }
        }
    }

    private static void done(CompletionStage<?> stage) throws ExecutionException, InterruptedException, java.util.concurrent.TimeoutException {
        stage.toCompletableFuture().get(5, TimeUnit.SECONDS);
    }
}

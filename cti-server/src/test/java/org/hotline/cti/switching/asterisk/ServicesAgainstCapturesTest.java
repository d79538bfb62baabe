package org.hotline.cti.switching.asterisk;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiFunction;

import org.hotline.cti.switching.AgentPresence;
import org.hotline.cti.switching.CallId;
import org.hotline.cti.switching.ConnectionId;
import org.hotline.cti.switching.Destination;
import org.hotline.cti.switching.MonitorMode;
import org.hotline.cti.switching.SwitchEvent;
import org.hotline.cti.switching.SwitchException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Services driven at the moment the recorded client sent its action: the fake Asterisk holds the
 * recorded response until the adapter sends the same action, so each test proves the adapter
 * sends what a real Asterisk 22 accepted (same action, same channel, same arguments).
 */
class ServicesAgainstCapturesTest {
    private static final CallId CALL_1 = new CallId("call-1");

    /** Replays {@code capture}, calling {@code service} whenever the server waits for one of {@code actions}. */
    private Run replay(String capture, Set<String> actions,
                       BiFunction<AsteriskSwitch, Map<String, String>, CompletionStage<?>> service) throws IOException {
        AtomicReference<AsteriskSwitch> sw = new AtomicReference<>();
        List<CompletionStage<?>> stages = new CopyOnWriteArrayList<>();
        FakeAmiServer.Options options = FakeAmiServer.Options.replay().awaiting(actions, (recorded, written) -> {
            if (actions.stream().anyMatch(a -> a.equalsIgnoreCase(recorded.get("Action")))) {
                // As the core would: act only on what the adapter has seen (every frame sent so far read).
                awaitRead(sw.get(), written);
                stages.add(service.apply(sw.get(), recorded));
            }
        });
        AmiReplay.Result result = AmiReplay.run(List.of(Captures.load(capture)), options, sw::set);
        return new Run(result, stages);
    }

    private static void awaitRead(AsteriskSwitch sw, long frames) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (sw.metrics().framesRead() < frames && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
    }

    private record Run(AmiReplay.Result result, List<CompletionStage<?>> stages) {
        /** The action the adapter sent with this name, headers lower-cased as sent. */
        List<Map<String, String>> sent(String action) {
            return result.actionsSent().stream().filter(a -> action.equalsIgnoreCase(a.get("action"))).toList();
        }

        Object outcome(int i) {
            try {
                return stages.get(i).toCompletableFuture().get(5, TimeUnit.SECONDS);
            } catch (Exception e) {
                return e.getCause();
            }
        }
    }

    private static Map<String, String> recorded(String capture, String action) {
        return Captures.load(capture).blocks().stream()
                .filter(b -> b.direction() == AmiTranscript.Direction.C2S)
                .map(AmiTranscript.Block::headers)
                .filter(h -> action.equals(h.get("Action")))
                .findFirst().orElseThrow();
    }

    private static void assertSameArguments(Map<String, String> sent, Map<String, String> recorded, String... names) {
        for (String name : names) {
            assertThat(sent.get(name.toLowerCase(Locale.ROOT))).as(name).isEqualTo(recorded.get(name));
        }
    }

    @Test
    void singleStepTransferToAQueueSendsTheRecordedBlindTransfer() throws IOException {
        Run run = replay("04-blind-transfer.txt", Set.of("BlindTransfer"),
                (sw, rec) -> sw.singleStepTransfer(new ConnectionId(CALL_1, "1002"), new Destination.Queue("repair")));

        assertThat(run.sent("BlindTransfer")).hasSize(1);
        assertSameArguments(run.sent("BlindTransfer").get(0), recorded("04-blind-transfer.txt", "BlindTransfer"),
                "Channel", "Context", "Exten");
        assertThat(run.outcome(0)).isNull();
    }

    @Test
    void consultationCallSendsAtxferAndNamesTheConsultationCallBeforeItExists() throws IOException {
        Run run = replay("05-attended-transfer.txt", Set.of("Atxfer"),
                (sw, rec) -> sw.consultationCall(new ConnectionId(CALL_1, "1001"), new Destination.Extension("1003")));

        assertSameArguments(run.sent("Atxfer").get(0), recorded("05-attended-transfer.txt", "Atxfer"), "Channel", "Context", "Exten");
        assertThat(run.outcome(0)).isEqualTo(new CallId("call-2"));
        SwitchEvent.ServiceInitiated initiated = run.result().events().stream()
                .filter(SwitchEvent.ServiceInitiated.class::isInstance).map(SwitchEvent.ServiceInitiated.class::cast)
                .findFirst().orElseThrow();
        assertThat(initiated.call()).isEqualTo(new CallId("call-2"));
        assertThat(run.result().events()).anySatisfy(e -> assertThat(e).isEqualTo(new SwitchEvent.Transferred(
                e.at(), CALL_1, new CallId("call-2"), "1001", "1003")));
    }

    @Test
    void makeCallOriginatesWithOurOwnChannelIdAndReturnsTheCallTheEventsUse() throws IOException {
        Run run = replay("08-outbound-originate.txt", Set.of("Originate"),
                (sw, rec) -> sw.makeCall("1001", new Destination.External("0301234599"), Map.of("ticket", "T-17")));

        assertSameArguments(run.sent("Originate").get(0), recorded("08-outbound-originate.txt", "Originate"),
                "Channel", "Context", "Exten", "Priority", "CallerID", "Timeout", "Async", "ChannelId");
        assertThat(run.outcome(0)).isEqualTo(CALL_1);
        assertThat(run.result().events()).filteredOn(SwitchEvent.ServiceInitiated.class::isInstance)
                .singleElement().isEqualTo(new SwitchEvent.ServiceInitiated(
                        run.result().events().get(1).at(), CALL_1, "1001", "0301234599"));
    }

    @Test
    void supervisorListenWhisperAndBargeOriginateChanSpyWithTheRecordedOptions() throws IOException {
        List<MonitorMode> modes = new CopyOnWriteArrayList<>(List.of(MonitorMode.LISTEN, MonitorMode.WHISPER, MonitorMode.BARGE));
        Run run = replay("12-supervisor-spy.txt", Set.of("Originate"),
                (sw, rec) -> sw.singleStepConference(CALL_1, "1001", "1099", modes.remove(0)));

        List<Map<String, String>> recorded = Captures.load("12-supervisor-spy.txt").blocks().stream()
                .filter(b -> b.direction() == AmiTranscript.Direction.C2S).map(AmiTranscript.Block::headers)
                .filter(h -> "Originate".equals(h.get("Action"))).toList();
        assertThat(run.sent("Originate")).hasSize(3);
        for (int i = 0; i < 3; i++) {
            assertSameArguments(run.sent("Originate").get(i), recorded.get(i), "Channel", "Application", "Data", "CallerID", "Async");
            assertThat(run.outcome(i)).isNull();
        }
        assertThat(run.result().events()).filteredOn(SwitchEvent.MonitorStarted.class::isInstance)
                .extracting(e -> ((SwitchEvent.MonitorStarted) e).mode())
                .containsExactly(MonitorMode.LISTEN, MonitorMode.WHISPER, MonitorMode.BARGE);
    }

    @Test
    void startRecordingRunsMixMonitorOnTheAgentChannelAndReturnsTheFile() throws IOException {
        Run run = replay("11-recording.txt", Set.of("MixMonitor"), (sw, rec) -> sw.startRecording(CALL_1));

        assertSameArguments(run.sent("MixMonitor").get(0), recorded("11-recording.txt", "MixMonitor"), "Channel", "Options");
        assertThat(run.outcome(0)).isEqualTo(run.sent("MixMonitor").get(0).get("file"));
    }

    @Test
    void conferenceMovesCallerAndAgentIntoTheAgentsRoomAndRingsTheThirdParty() throws IOException {
        Run run = replay("07-conference.txt", Set.of("Redirect", "Originate"), (sw, rec) -> "Redirect".equals(rec.get("Action"))
                ? sw.startConference(new ConnectionId(CALL_1, "1001"))
                : sw.addToConference("1001", "1003"));

        assertSameArguments(run.sent("Redirect").get(0), recorded("07-conference.txt", "Redirect"),
                "Channel", "ExtraChannel", "Context", "Exten", "Priority", "ExtraContext", "ExtraExten", "ExtraPriority");
        assertSameArguments(run.sent("Originate").get(0), recorded("07-conference.txt", "Originate"),
                "Channel", "Context", "Exten", "Priority", "CallerID", "Async");
        assertThat(run.outcome(0)).isNull();
        assertThat(run.outcome(1)).isNull();
    }

    @Test
    void agentPresenceMapsToQueueMembershipAndAsteriskRefusalsFailTheStage() throws IOException {
        Run run = replay("09-agent-pause-unpause.txt", Set.of("QueueAdd", "QueueRemove"), (sw, rec) -> {
            String device = rec.get("Interface").substring("PJSIP/".length());
            AgentPresence.Mode mode = "QueueAdd".equals(rec.get("Action")) ? AgentPresence.Mode.READY : AgentPresence.Mode.LOGGED_OFF;
            return sw.setAgentPresence(new AgentPresence(device, "Agent Cleo", mode, "", List.of("service")));
        });

        assertSameArguments(run.sent("QueueAdd").get(0), recorded("09-agent-pause-unpause.txt", "QueueAdd"),
                "Queue", "Interface", "MemberName", "Paused");
        assertThat(run.outcome(0)).as("first add").isNull();
        assertThat(run.outcome(1)).as("second add: already a member is fine").isNull();
        assertThat(run.outcome(2)).as("removing a dynamic member").isNull();
        Object refused = run.outcome(3);
        if (!(refused instanceof SwitchException e)) {
            fail("expected a SwitchException for removing a static member, got " + refused);
            return;
        }
        assertThat(e.reason()).isEqualTo(SwitchException.Reason.REFUSED);
        assertThat(e.getMessage()).contains("QueueRemove").contains("Member not dynamic");
    }
}

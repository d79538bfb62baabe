package org.hotline.cti.switching.sim;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;

import org.hotline.cti.switching.CallId;
import org.hotline.cti.switching.Cause;
import org.hotline.cti.switching.ConnectionId;
import org.hotline.cti.switching.IvrOutcome;
import org.hotline.cti.switching.SwitchEvent.CallCleared;
import org.hotline.cti.switching.SwitchEvent.ConnectionCleared;
import org.hotline.cti.switching.SwitchEvent.Delivered;
import org.hotline.cti.switching.SwitchEvent.Established;
import org.hotline.cti.switching.SwitchEvent.IvrFinished;
import org.hotline.cti.switching.SwitchEvent.RecordingStarted;
import org.hotline.cti.switching.SwitchEvent.RouteRequested;
import org.hotline.cti.switching.SwitchException.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline.cti.switching.sim.SimRig.CALLER;
import static org.hotline.cti.switching.sim.SimRig.CALLER_DEVICE;
import static org.hotline.cti.switching.sim.SimRig.HOTLINE;

class SimSwitchInboundTest {
    @TempDir
    Path recordings;

    @Test
    void offersTheCallAfterTheIvrWithPathAndEnteredAccount() {
        SimRig rig = new SimRig(recordings);
        Instant entered = rig.now();
        CallId call = rig.done(rig.sim.inboundCall(CALLER, HOTLINE,
                new IvrScript("13", "repair", "6201001234", Duration.ofSeconds(20))));
        ConnectionId caller = new ConnectionId(call, CALLER_DEVICE);

        rig.advance(Duration.ofSeconds(19));
        assertThat(rig.take()).isEmpty();
        assertThat(rig.done(rig.sim.heardAt(caller))).containsExactly(SimSwitch.IVR);

        rig.advance(Duration.ofSeconds(1));
        assertThat(rig.take()).containsExactly(
                new IvrFinished(rig.now(), call, CALLER, HOTLINE, entered, List.of("1", "3"), "repair", IvrOutcome.ROUTED),
                new RouteRequested(rig.now(), call, CALLER, HOTLINE, "repair",
                        Map.of("ivr_path", "1>3", "entered_account", "6201001234")));
        assertThat(rig.done(rig.sim.heardAt(caller))).containsExactly(SimSwitch.MUSIC);
    }

    @Test
    void deliversAnswersAndRecordsARoutedCall() {
        SimRig rig = new SimRig(recordings);
        CallId call = rig.waitingCall();

        rig.done(rig.sim.routeSelect(call, "1001"));
        assertThat(rig.take()).containsExactly(new Delivered(rig.now(), call, "1001", CALLER_DEVICE, HOTLINE));

        rig.advance(Duration.ofSeconds(3));
        rig.done(rig.sim.answerCall(new ConnectionId(call, "1001")));
        String path = recordings.resolve(call.value() + ".wav").toString();
        assertThat(rig.take()).containsExactly(
                new Established(rig.now(), call, "1001", CALLER_DEVICE),
                new RecordingStarted(rig.now(), call, path));
        assertThat(rig.done(rig.sim.heardAt(new ConnectionId(call, "1001")))).containsExactly(CALLER_DEVICE);
        assertThat(rig.done(rig.sim.heardAt(new ConnectionId(call, CALLER_DEVICE)))).containsExactly("1001");
    }

    @Test
    void callerHangingUpAfterAnswerEndsTheCallNormally() {
        SimRig rig = new SimRig(recordings);
        CallId call = rig.connectedCall("1001");

        rig.done(rig.sim.hangUp(new ConnectionId(call, CALLER_DEVICE)));

        assertThat(rig.take()).containsExactly(
                new ConnectionCleared(rig.now(), call, CALLER_DEVICE, Cause.NORMAL_CLEARING),
                new ConnectionCleared(rig.now(), call, "1001", Cause.NORMAL_CLEARING),
                new CallCleared(rig.now(), call, Cause.NORMAL_CLEARING));
        assertThat(rig.sim.stats().trunksInUse()).isZero();
        assertThat(rig.sim.stats().callsInProgress()).isZero();
    }

    @Test
    void agentClearingItsConnectionEndsATwoPartyCall() {
        SimRig rig = new SimRig(recordings);
        CallId call = rig.connectedCall("1001");

        rig.done(rig.sim.clearConnection(new ConnectionId(call, "1001")));

        assertThat(rig.take()).containsExactly(
                new ConnectionCleared(rig.now(), call, "1001", Cause.NORMAL_CLEARING),
                new ConnectionCleared(rig.now(), call, CALLER_DEVICE, Cause.NORMAL_CLEARING),
                new CallCleared(rig.now(), call, Cause.NORMAL_CLEARING));
    }

    @Test
    void callerHangingUpWhileWaitingAbandons() {
        SimRig rig = new SimRig(recordings);
        CallId call = rig.waitingCall();
        rig.advance(Duration.ofSeconds(40));

        rig.done(rig.sim.hangUp(new ConnectionId(call, CALLER_DEVICE)));

        assertThat(rig.take()).containsExactly(
                new ConnectionCleared(rig.now(), call, CALLER_DEVICE, Cause.ABANDONED),
                new CallCleared(rig.now(), call, Cause.ABANDONED));
    }

    @Test
    void callerHangingUpWhileAnAgentRingsAbandonsAndFreesThePhone() {
        SimRig rig = new SimRig(recordings);
        CallId call = rig.waitingCall();
        rig.done(rig.sim.routeSelect(call, "1001"));
        rig.take();

        rig.done(rig.sim.hangUp(new ConnectionId(call, CALLER_DEVICE)));

        assertThat(rig.take()).containsExactly(
                new ConnectionCleared(rig.now(), call, CALLER_DEVICE, Cause.ABANDONED),
                new ConnectionCleared(rig.now(), call, "1001", Cause.ABANDONED),
                new CallCleared(rig.now(), call, Cause.ABANDONED));
        CallId next = rig.waitingCall();
        rig.done(rig.sim.routeSelect(next, "1001"));
        assertThat(rig.take()).containsExactly(new Delivered(rig.now(), next, "1001", CALLER_DEVICE, HOTLINE));
    }

    @Test
    void clearingARingingAgentPutsTheCallBackToWaitingWithoutANewRouteRequest() {
        SimRig rig = new SimRig(recordings);
        CallId call = rig.waitingCall();
        rig.done(rig.sim.routeSelect(call, "1001"));
        rig.take();
        rig.advance(Duration.ofSeconds(15));

        rig.done(rig.sim.clearConnection(new ConnectionId(call, "1001")));
        assertThat(rig.take()).containsExactly(
                new ConnectionCleared(rig.now(), call, "1001", Cause.NORMAL_CLEARING));
        assertThat(rig.done(rig.sim.heardAt(new ConnectionId(call, CALLER_DEVICE)))).containsExactly(SimSwitch.MUSIC);

        rig.done(rig.sim.routeSelect(call, "1002"));
        assertThat(rig.take()).containsExactly(new Delivered(rig.now(), call, "1002", CALLER_DEVICE, HOTLINE));
    }

    @Test
    void aCallerWhoPressesNothingIsReportedAsNoInputAndOfferedWithoutAQueue() {
        SimRig rig = new SimRig(recordings);
        Instant entered = rig.now();
        CallId call = rig.done(rig.sim.inboundCall(CALLER, HOTLINE, new IvrScript("", "", null, Duration.ofSeconds(12))));

        rig.advance(Duration.ofSeconds(12));

        assertThat(rig.take()).containsExactly(
                new IvrFinished(rig.now(), call, CALLER, HOTLINE, entered, List.of(), "", IvrOutcome.NO_INPUT),
                new RouteRequested(rig.now(), call, CALLER, HOTLINE, "", Map.of()));
    }

    @Test
    void hangingUpInTheIvrReportsOnlyTheVisitToTheCtiServer() {
        SimRig rig = new SimRig(recordings);
        Instant entered = rig.now();
        CallId call = rig.done(rig.sim.inboundCall(CALLER, HOTLINE,
                new IvrScript("2", "", null, Duration.ofSeconds(30))));
        rig.advance(Duration.ofSeconds(10));

        rig.done(rig.sim.hangUp(new ConnectionId(call, CALLER_DEVICE)));
        assertThat(rig.take()).containsExactly(
                new IvrFinished(rig.now(), call, CALLER, HOTLINE, entered, List.of("2"), "", IvrOutcome.HUNG_UP));
        rig.advance(Duration.ofSeconds(30));

        assertThat(rig.take()).as("never offered").isEmpty();
        assertThat(rig.sim.stats()).isEqualTo(new SimSwitchStats(4, 0, 0, 0, 1));
    }

    @Test
    void refusesAnInboundCallWhenEveryTrunkIsBusyAndAcceptsAgainWhenOneFrees() {
        SimRig rig = new SimRig(SimSwitchConfig.defaults(recordings).withTrunks(2));
        CallId first = rig.waitingCall();
        rig.waitingCall();

        var refused = rig.refused(rig.sim.inboundCall("02158001234", HOTLINE, IvrScript.none()));

        assertThat(refused.reason()).isEqualTo(Reason.BUSY);
        assertThat(refused.getMessage())
                .isEqualTo("inbound call from 02158001234 to 95598: all 2 trunks busy (expected: a free trunk)");
        assertThat(rig.take()).isEmpty();
        assertThat(rig.sim.stats().blockedByTrunks()).isEqualTo(1);

        rig.done(rig.sim.hangUp(new ConnectionId(first, CALLER_DEVICE)));
        rig.take();
        CallId accepted = rig.done(rig.sim.inboundCall("02158001234", HOTLINE, IvrScript.none()));
        assertThat(rig.take()).singleElement().isInstanceOfSatisfying(RouteRequested.class,
                r -> assertThat(r.call()).isEqualTo(accepted));
    }

    @Test
    void routeSelectToABusyPhoneFailsWithBusy() {
        SimRig rig = new SimRig(recordings);
        CallId talking = rig.connectedCall("1001");
        CallId waiting = rig.waitingCall();

        var refused = rig.refused(rig.sim.routeSelect(waiting, "1001"));

        assertThat(refused.reason()).isEqualTo(Reason.BUSY);
        assertThat(refused.getMessage())
                .isEqualTo("routeSelect: 1001 is busy in " + talking + " (CONNECTED) (expected: an idle phone)");
        assertThat(rig.take()).isEmpty();
    }

    @Test
    void writesAValidWavRecordingOnTheFileExecutorNotOnTheLoop() throws Exception {
        SimRig rig = new SimRig(recordings);
        CallId call = rig.connectedCall("1001");
        Path file = recordings.resolve(call.value() + ".wav");
        assertThat(file).doesNotExist();

        rig.runFileJobs();

        AudioFileFormat wav = AudioSystem.getAudioFileFormat(file.toFile());
        assertThat(wav.getType()).isEqualTo(AudioFileFormat.Type.WAVE);
        AudioFormat format = wav.getFormat();
        assertThat(format.getEncoding()).isEqualTo(AudioFormat.Encoding.PCM_SIGNED);
        assertThat(format.getSampleRate()).isEqualTo(8000f);
        assertThat(format.getChannels()).isEqualTo(1);
        assertThat(format.getSampleSizeInBits()).isEqualTo(16);
        assertThat(wav.getFrameLength()).isEqualTo(8000);
        assertThat(Files.size(file)).isEqualTo(44 + 16000);
    }

    @Test
    void startRecordingReturnsThePathOnceWhenCallsAreNotRecordedAutomatically() {
        SimRig rig = new SimRig(SimSwitchConfig.defaults(recordings).withRecordEveryCall(false));
        CallId call = rig.waitingCall();
        rig.done(rig.sim.routeSelect(call, "1001"));
        rig.done(rig.sim.answerCall(new ConnectionId(call, "1001")));
        assertThat(rig.take()).hasSize(2).noneMatch(e -> e instanceof RecordingStarted);

        String path = rig.done(rig.sim.startRecording(call));
        String again = rig.done(rig.sim.startRecording(call));

        assertThat(path).isEqualTo(recordings.resolve(call.value() + ".wav").toString()).isEqualTo(again);
        assertThat(rig.take()).containsExactly(new RecordingStarted(rig.now(), call, path));
        rig.runFileJobs();
        assertThat(Path.of(path)).isRegularFile();
    }

    @Test
    void callIdsAreUniqueAcrossSwitchesStartedAtDifferentTimes() {
        SimRig early = new SimRig(recordings);
        SimRig later = new SimRig(recordings);
        later.advance(Duration.ofMinutes(1));
        SimSwitch restarted = new SimSwitch(later.loop, SimSwitchConfig.defaults(recordings), Runnable::run);

        CallId first = early.done(early.sim.inboundCall(CALLER, HOTLINE, IvrScript.none()));
        CallId afterRestart = later.done(restarted.inboundCall(CALLER, HOTLINE, IvrScript.none()));

        assertThat(Set.of(first, afterRestart)).hasSize(2);
    }
}

package org.hotline.cti.switching.sim;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.hotline.cti.switching.AgentPresence;
import org.hotline.cti.switching.CallId;
import org.hotline.cti.switching.Cause;
import org.hotline.cti.switching.ConnectionId;
import org.hotline.cti.switching.Destination;
import org.hotline.cti.switching.SwitchEvent.CallCleared;
import org.hotline.cti.switching.SwitchEvent.CallView;
import org.hotline.cti.switching.SwitchEvent.Conferenced;
import org.hotline.cti.switching.SwitchEvent.ConnectionCleared;
import org.hotline.cti.switching.SwitchEvent.ConnectionView;
import org.hotline.cti.switching.SwitchEvent.Delivered;
import org.hotline.cti.switching.SwitchEvent.DigitsReceived;
import org.hotline.cti.switching.SwitchEvent.Established;
import org.hotline.cti.switching.SwitchEvent.Held;
import org.hotline.cti.switching.SwitchEvent.RecordingStarted;
import org.hotline.cti.switching.SwitchEvent.Retrieved;
import org.hotline.cti.switching.SwitchEvent.RouteRequested;
import org.hotline.cti.switching.SwitchEvent.ServiceInitiated;
import org.hotline.cti.switching.SwitchEvent.Transferred;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline.cti.switching.sim.SimRig.CALLER;
import static org.hotline.cti.switching.sim.SimRig.CALLER_DEVICE;
import static org.hotline.cti.switching.sim.SimRig.HOTLINE;

class SimSwitchCallControlTest {
    @TempDir
    Path recordings;

    @Test
    void holdPlaysMusicToTheCallerAndRetrieveReconnects() {
        SimRig rig = new SimRig(recordings);
        CallId call = rig.connectedCall("1001");
        ConnectionId agent = new ConnectionId(call, "1001");
        ConnectionId caller = new ConnectionId(call, CALLER_DEVICE);

        rig.done(rig.sim.holdCall(agent));
        assertThat(rig.take()).containsExactly(new Held(rig.now(), call, "1001"));
        assertThat(rig.done(rig.sim.heardAt(caller))).containsExactly(SimSwitch.MUSIC);
        assertThat(rig.done(rig.sim.heardAt(agent))).isEmpty();

        rig.advance(Duration.ofSeconds(30));
        rig.done(rig.sim.retrieveCall(agent));
        assertThat(rig.take()).containsExactly(new Retrieved(rig.now(), call, "1001"));
        assertThat(rig.done(rig.sim.heardAt(caller))).containsExactly("1001");
    }

    @Test
    void consultationHoldsTheCallerAndRingsTheConsultedAgentInANewCall() {
        SimRig rig = new SimRig(recordings);
        CallId primary = rig.connectedCall("1001");

        CallId consult = rig.done(rig.sim.consultationCall(new ConnectionId(primary, "1001"),
                new Destination.Extension("1002")));

        assertThat(consult).isNotEqualTo(primary);
        assertThat(rig.take()).containsExactly(
                new Held(rig.now(), primary, "1001"),
                new ServiceInitiated(rig.now(), consult, "1001", "1002"),
                new Delivered(rig.now(), consult, "1002", "1001", "1002"));
        rig.done(rig.sim.answerCall(new ConnectionId(consult, "1002")));
        assertThat(rig.take()).containsExactly(
                new Established(rig.now(), consult, "1002", "1001"),
                new RecordingStarted(rig.now(), consult, recordings.resolve(consult.value() + ".wav").toString()));
        assertThat(rig.done(rig.sim.heardAt(new ConnectionId(consult, "1002")))).containsExactly("1001");
        assertThat(rig.done(rig.sim.heardAt(new ConnectionId(primary, CALLER_DEVICE)))).containsExactly(SimSwitch.MUSIC);
    }

    @Test
    void attendedTransferKeepsThePrimaryCallAndConnectsTheCallerWithTheConsultedAgent() {
        SimRig rig = new SimRig(recordings);
        CallId primary = rig.connectedCall("1001");
        CallId consult = rig.consultation(primary, "1001", "1002", true);

        rig.done(rig.sim.transferCall(new ConnectionId(primary, "1001"), new ConnectionId(consult, "1001")));

        assertThat(rig.take()).containsExactly(new Transferred(rig.now(), primary, consult, "1001", "1002"));
        assertThat(rig.done(rig.sim.heardAt(new ConnectionId(primary, CALLER_DEVICE)))).containsExactly("1002");
        assertThat(rig.done(rig.sim.snapshot()).calls()).containsExactly(new CallView(primary, SimRig.T0,
                List.of(new ConnectionView(CALLER_DEVICE, "CONNECTED"), new ConnectionView("1002", "CONNECTED")),
                Map.of()));
        // The transferring agent is free for the next call; the consultation call is gone.
        CallId next = rig.waitingCall();
        rig.done(rig.sim.routeSelect(next, "1001"));
        assertThat(rig.take()).containsExactly(new Delivered(rig.now(), next, "1001", CALLER_DEVICE, HOTLINE));
        rig.done(rig.sim.hangUp(new ConnectionId(primary, CALLER_DEVICE)));
        assertThat(rig.take()).containsExactly(
                new ConnectionCleared(rig.now(), primary, CALLER_DEVICE, Cause.NORMAL_CLEARING),
                new ConnectionCleared(rig.now(), primary, "1002", Cause.NORMAL_CLEARING),
                new CallCleared(rig.now(), primary, Cause.NORMAL_CLEARING));
    }

    @Test
    void transferWhileTheConsultedAgentStillRingsLetsTheCallerWaitForTheAnswer() {
        SimRig rig = new SimRig(recordings);
        CallId primary = rig.connectedCall("1001");
        CallId consult = rig.consultation(primary, "1001", "1002", false);

        rig.done(rig.sim.transferCall(new ConnectionId(primary, "1001"), new ConnectionId(consult, "1001")));
        assertThat(rig.take()).containsExactly(new Transferred(rig.now(), primary, consult, "1001", "1002"));
        assertThat(rig.done(rig.sim.heardAt(new ConnectionId(primary, CALLER_DEVICE)))).containsExactly(SimSwitch.MUSIC);

        rig.done(rig.sim.answerCall(new ConnectionId(primary, "1002")));
        assertThat(rig.take()).containsExactly(new Established(rig.now(), primary, "1002", CALLER_DEVICE));
    }

    @Test
    void conferenceJoinsTheConsultedAgentIntoThePrimaryCallAndEveryoneHearsEveryone() {
        SimRig rig = new SimRig(recordings);
        CallId primary = rig.connectedCall("1001");
        CallId consult = rig.consultation(primary, "1001", "1002", true);

        rig.done(rig.sim.conferenceCall(new ConnectionId(primary, "1001"), new ConnectionId(consult, "1001")));

        assertThat(rig.take()).containsExactly(new Conferenced(rig.now(), primary, consult, "1001", "1002"));
        assertThat(rig.done(rig.sim.heardAt(new ConnectionId(primary, CALLER_DEVICE))))
                .containsExactlyInAnyOrder("1001", "1002");
        assertThat(rig.done(rig.sim.heardAt(new ConnectionId(primary, "1002"))))
                .containsExactlyInAnyOrder("1001", CALLER_DEVICE);

        // With three parties, one leaving keeps the call going.
        rig.done(rig.sim.clearConnection(new ConnectionId(primary, "1001")));
        assertThat(rig.take()).containsExactly(
                new ConnectionCleared(rig.now(), primary, "1001", Cause.NORMAL_CLEARING));
        assertThat(rig.done(rig.sim.heardAt(new ConnectionId(primary, CALLER_DEVICE)))).containsExactly("1002");
    }

    @Test
    void clearingAnUnansweredConsultationEndsItAndTheAgentRetrievesTheCaller() {
        SimRig rig = new SimRig(recordings);
        CallId primary = rig.connectedCall("1001");
        CallId consult = rig.consultation(primary, "1001", "1002", false);

        rig.done(rig.sim.clearConnection(new ConnectionId(consult, "1001")));
        rig.done(rig.sim.retrieveCall(new ConnectionId(primary, "1001")));

        assertThat(rig.take()).containsExactly(
                new ConnectionCleared(rig.now(), consult, "1001", Cause.NORMAL_CLEARING),
                new ConnectionCleared(rig.now(), consult, "1002", Cause.NORMAL_CLEARING),
                new CallCleared(rig.now(), consult, Cause.NORMAL_CLEARING),
                new Retrieved(rig.now(), primary, "1001"));
    }

    @Test
    void blindTransferToAnExtensionRingsItInTheSameCall() {
        SimRig rig = new SimRig(recordings);
        CallId call = rig.connectedCall("1001");

        rig.done(rig.sim.singleStepTransfer(new ConnectionId(call, "1001"), new Destination.Extension("1003")));
        assertThat(rig.take()).containsExactly(
                new ConnectionCleared(rig.now(), call, "1001", Cause.TRANSFER),
                new Delivered(rig.now(), call, "1003", CALLER_DEVICE, "1003"));

        rig.done(rig.sim.answerCall(new ConnectionId(call, "1003")));
        assertThat(rig.take()).as("one recording holds the whole call")
                .containsExactly(new Established(rig.now(), call, "1003", CALLER_DEVICE));
    }

    @Test
    void blindTransferToAQueueAsksTheRouterAgainForTheSameCall() {
        SimRig rig = new SimRig(recordings);
        CallId call = rig.done(rig.sim.inboundCall(CALLER, HOTLINE,
                new IvrScript("2", "billing", null, Duration.ofSeconds(5))));
        rig.advance(Duration.ofSeconds(5));
        rig.done(rig.sim.routeSelect(call, "1001"));
        rig.done(rig.sim.answerCall(new ConnectionId(call, "1001")));
        rig.take();

        rig.done(rig.sim.singleStepTransfer(new ConnectionId(call, "1001"), new Destination.Queue("repair")));

        assertThat(rig.take()).containsExactly(
                new ConnectionCleared(rig.now(), call, "1001", Cause.TRANSFER),
                new RouteRequested(rig.now(), call, CALLER, HOTLINE, "repair", Map.of("ivr_path", "2")));
        rig.done(rig.sim.routeSelect(call, "1003"));
        assertThat(rig.take()).containsExactly(new Delivered(rig.now(), call, "1003", CALLER_DEVICE, HOTLINE));
    }

    @Test
    void blindTransferToAnOutsideNumberIsAnsweredByTheFakePstnAfterTheDelay() {
        SimRig rig = new SimRig(recordings);
        CallId call = rig.connectedCall("1001");

        rig.done(rig.sim.singleStepTransfer(new ConnectionId(call, "1001"), new Destination.External("02164001234")));
        assertThat(rig.take()).containsExactly(
                new ConnectionCleared(rig.now(), call, "1001", Cause.TRANSFER),
                new Delivered(rig.now(), call, "tel:02164001234", CALLER_DEVICE, "02164001234"));
        assertThat(rig.sim.stats().trunksInUse()).isEqualTo(2);

        rig.advance(Duration.ofMillis(1999));
        assertThat(rig.take()).isEmpty();
        rig.advance(Duration.ofMillis(1));
        assertThat(rig.take()).containsExactly(new Established(rig.now(), call, "tel:02164001234", CALLER_DEVICE));
        assertThat(rig.done(rig.sim.heardAt(new ConnectionId(call, CALLER_DEVICE)))).containsExactly("tel:02164001234");
    }

    @Test
    void outboundCallRingsTheOutsideNumberWhichAnswersAfterTheDelay() {
        SimRig rig = new SimRig(recordings);

        CallId call = rig.done(rig.sim.makeCall("1001", new Destination.External("13900001111"),
                Map.of("campaign", "arrears")));
        assertThat(rig.take()).containsExactly(
                new ServiceInitiated(rig.now(), call, "1001", "13900001111"),
                new Delivered(rig.now(), call, "tel:13900001111", "1001", "13900001111"));

        rig.advance(Duration.ofSeconds(2));
        assertThat(rig.take()).containsExactly(
                new Established(rig.now(), call, "tel:13900001111", "1001"),
                new RecordingStarted(rig.now(), call, recordings.resolve(call.value() + ".wav").toString()));
        assertThat(rig.done(rig.sim.snapshot()).calls()).singleElement()
                .satisfies(v -> assertThat(v.data()).isEqualTo(Map.of("campaign", "arrears")));
    }

    @Test
    void outsidePartyWhoHangsUpBeforeTheFakePstnAnswersLeavesNoTimerBehind() {
        SimRig rig = new SimRig(recordings);
        CallId call = rig.done(rig.sim.makeCall("1001", new Destination.External("13900001111"), Map.of()));
        rig.take();

        rig.done(rig.sim.clearConnection(new ConnectionId(call, "1001")));
        rig.advance(Duration.ofSeconds(5));

        assertThat(rig.take()).containsExactly(
                new ConnectionCleared(SimRig.T0, call, "1001", Cause.NORMAL_CLEARING),
                new ConnectionCleared(SimRig.T0, call, "tel:13900001111", Cause.NORMAL_CLEARING),
                new CallCleared(SimRig.T0, call, Cause.NORMAL_CLEARING));
        assertThat(rig.sim.stats().trunksInUse()).isZero();
    }

    @Test
    void internalCallRingsTheOtherExtensionUntilItAnswers() {
        SimRig rig = new SimRig(recordings);

        CallId call = rig.done(rig.sim.makeCall("1001", new Destination.Extension("1099"), Map.of()));
        rig.done(rig.sim.answerCall(new ConnectionId(call, "1099")));

        assertThat(rig.take()).containsExactly(
                new ServiceInitiated(rig.now(), call, "1001", "1099"),
                new Delivered(rig.now(), call, "1099", "1001", "1099"),
                new Established(rig.now(), call, "1099", "1001"),
                new RecordingStarted(rig.now(), call, recordings.resolve(call.value() + ".wav").toString()));
    }

    @Test
    void callToAQueueIsOfferedToTheRouterLikeAnInboundCall() {
        SimRig rig = new SimRig(recordings);

        CallId call = rig.done(rig.sim.makeCall("1001", new Destination.Queue("leads"), Map.of("help", "yes")));
        assertThat(rig.take()).containsExactly(
                new ServiceInitiated(rig.now(), call, "1001", "leads"),
                new RouteRequested(rig.now(), call, "1001", "leads", "leads", Map.of("help", "yes")));
        rig.done(rig.sim.routeSelect(call, "1099"));
        rig.done(rig.sim.answerCall(new ConnectionId(call, "1099")));

        assertThat(rig.take()).startsWith(
                new Delivered(rig.now(), call, "1099", "1001", "leads"),
                new Established(rig.now(), call, "1099", "1001"));
    }

    @Test
    void digitsGeneratedOnAConnectionAreReported() {
        SimRig rig = new SimRig(recordings);
        CallId call = rig.connectedCall("1001");

        rig.done(rig.sim.generateDigits(new ConnectionId(call, "1001"), "1#"));

        assertThat(rig.take()).containsExactly(new DigitsReceived(rig.now(), call, "1001", "1#"));
    }

    @Test
    void aMutedPartyIsNotHeardByTheOthers() {
        SimRig rig = new SimRig(recordings);
        CallId call = rig.connectedCall("1001");
        ConnectionId caller = new ConnectionId(call, CALLER_DEVICE);

        rig.done(rig.sim.setMute(new ConnectionId(call, "1001"), true));
        assertThat(rig.done(rig.sim.heardAt(caller))).isEmpty();
        assertThat(rig.done(rig.sim.heardAt(new ConnectionId(call, "1001")))).containsExactly(CALLER_DEVICE);

        rig.done(rig.sim.setMute(new ConnectionId(call, "1001"), false));
        assertThat(rig.done(rig.sim.heardAt(caller))).containsExactly("1001");
        assertThat(rig.take()).isEmpty();
    }

    @Test
    void agentPresenceIsRecordedWithoutEvents() {
        SimRig rig = new SimRig(recordings);
        AgentPresence lunch = new AgentPresence("1001", "a17", AgentPresence.Mode.NOT_READY, "lunch",
                List.of("service"));

        rig.done(rig.sim.setAgentPresence(lunch));

        assertThat(rig.done(rig.sim.presence("1001"))).contains(lunch);
        assertThat(rig.done(rig.sim.presence("1002"))).isEqualTo(Optional.empty());
        assertThat(rig.take()).isEmpty();
    }
}

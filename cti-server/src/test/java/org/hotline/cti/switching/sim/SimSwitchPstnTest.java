package org.hotline.cti.switching.sim;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.hotline.cti.switching.CallId;
import org.hotline.cti.switching.Cause;
import org.hotline.cti.switching.ConnectionId;
import org.hotline.cti.switching.Destination;
import org.hotline.cti.switching.SwitchEvent.CallCleared;
import org.hotline.cti.switching.SwitchEvent.ConnectionCleared;
import org.hotline.cti.switching.SwitchEvent.Delivered;
import org.hotline.cti.switching.SwitchEvent.Failed;
import org.hotline.cti.switching.SwitchEvent.Held;
import org.hotline.cti.switching.SwitchEvent.ServiceInitiated;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline.cti.switching.sim.SimRig.CALLER_DEVICE;
import static org.hotline.cti.switching.sim.SimRig.HOTLINE;

class SimSwitchPstnTest {
    private static final String BUSY = "13911112222";
    private static final String SILENT = "13933334444";

    @TempDir
    Path recordings;

    private SimRig rig() {
        return new SimRig(SimSwitchConfig.defaults(recordings).withTrunks(4).withPstn(FakePstn.with(Map.of(
                BUSY, FakePstn.Outcome.BUSY, SILENT, FakePstn.Outcome.NO_ANSWER))));
    }

    @Test
    void outboundCallToABusyNumberFailsAndEnds() {
        SimRig rig = rig();

        CallId call = rig.done(rig.sim.makeCall("1001", new Destination.External(BUSY), Map.of()));

        assertThat(rig.take()).containsExactly(
                new ServiceInitiated(rig.now(), call, "1001", BUSY),
                new Failed(rig.now(), call, "tel:" + BUSY, Cause.BUSY),
                new ConnectionCleared(rig.now(), call, "1001", Cause.BUSY),
                new CallCleared(rig.now(), call, Cause.BUSY));
        assertThat(rig.sim.stats().trunksInUse()).isZero();
    }

    @Test
    void unansweredOutboundCallRingsUntilTheCallerGivesUp() {
        SimRig rig = rig();
        CallId call = rig.done(rig.sim.makeCall("1001", new Destination.External(SILENT), Map.of()));
        rig.take();

        rig.advance(Duration.ofMinutes(5));
        assertThat(rig.take()).isEmpty();
        rig.done(rig.sim.clearConnection(new ConnectionId(call, "1001")));

        assertThat(rig.take()).containsExactly(
                new ConnectionCleared(rig.now(), call, "1001", Cause.NORMAL_CLEARING),
                new ConnectionCleared(rig.now(), call, "tel:" + SILENT, Cause.NORMAL_CLEARING),
                new CallCleared(rig.now(), call, Cause.NORMAL_CLEARING));
    }

    @Test
    void consultingABusyNumberEndsTheConsultationAndLeavesTheCallerHeld() {
        SimRig rig = rig();
        CallId primary = rig.connectedCall("1001");

        CallId consult = rig.done(rig.sim.consultationCall(new ConnectionId(primary, "1001"),
                new Destination.External(BUSY)));

        assertThat(rig.take()).containsExactly(
                new Held(rig.now(), primary, "1001"),
                new ServiceInitiated(rig.now(), consult, "1001", BUSY),
                new Failed(rig.now(), consult, "tel:" + BUSY, Cause.BUSY),
                new ConnectionCleared(rig.now(), consult, "1001", Cause.BUSY),
                new CallCleared(rig.now(), consult, Cause.BUSY));
        assertThat(rig.done(rig.sim.heardAt(new ConnectionId(primary, CALLER_DEVICE)))).containsExactly(SimSwitch.MUSIC);
    }

    @Test
    void blindTransferToABusyNumberLeavesTheCallerWaitingForARoute() {
        SimRig rig = rig();
        CallId call = rig.connectedCall("1001");

        rig.done(rig.sim.singleStepTransfer(new ConnectionId(call, "1001"), new Destination.External(BUSY)));

        assertThat(rig.take()).containsExactly(
                new ConnectionCleared(rig.now(), call, "1001", Cause.TRANSFER),
                new Failed(rig.now(), call, "tel:" + BUSY, Cause.BUSY));
        rig.done(rig.sim.routeSelect(call, "1002"));
        assertThat(rig.take()).containsExactly(new Delivered(rig.now(), call, "1002", CALLER_DEVICE, HOTLINE));
    }
}

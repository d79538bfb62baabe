package org.hotline.cti.switching.sim;

import java.nio.file.Path;

import org.hotline.cti.switching.CallId;
import org.hotline.cti.switching.Cause;
import org.hotline.cti.switching.ConnectionId;
import org.hotline.cti.switching.MonitorMode;
import org.hotline.cti.switching.SwitchEvent.CallCleared;
import org.hotline.cti.switching.SwitchEvent.ConnectionCleared;
import org.hotline.cti.switching.SwitchEvent.MonitorStarted;
import org.hotline.cti.switching.SwitchEvent.MonitorStopped;
import org.hotline.cti.switching.SwitchException.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline.cti.switching.sim.SimRig.CALLER_DEVICE;

class SimSwitchMonitoringTest {
    private static final String AGENT = "1001";
    private static final String LEAD = "1099";

    @TempDir
    Path recordings;

    private SimRig rig;
    private CallId call;

    private void monitored(MonitorMode mode) {
        rig = new SimRig(recordings);
        call = rig.connectedCall(AGENT);
        rig.done(rig.sim.singleStepConference(call, AGENT, LEAD, mode));
        assertThat(rig.take()).containsExactly(new MonitorStarted(rig.now(), call, LEAD, AGENT, mode));
    }

    private java.util.Set<String> heardAt(String device) {
        return rig.done(rig.sim.heardAt(new ConnectionId(call, device)));
    }

    @Test
    void listeningSupervisorHearsBothPartiesAndNobodyHearsThem() {
        monitored(MonitorMode.LISTEN);

        assertThat(heardAt(LEAD)).containsExactlyInAnyOrder(AGENT, CALLER_DEVICE);
        assertThat(heardAt(AGENT)).containsExactly(CALLER_DEVICE);
        assertThat(heardAt(CALLER_DEVICE)).containsExactly(AGENT);
    }

    @Test
    void whisperingSupervisorIsHeardByTheAgentOnly() {
        monitored(MonitorMode.WHISPER);

        assertThat(heardAt(LEAD)).containsExactlyInAnyOrder(AGENT, CALLER_DEVICE);
        assertThat(heardAt(AGENT)).containsExactlyInAnyOrder(CALLER_DEVICE, LEAD);
        assertThat(heardAt(CALLER_DEVICE)).containsExactly(AGENT);
    }

    @Test
    void bargingSupervisorIsHeardByEveryone() {
        monitored(MonitorMode.BARGE);

        assertThat(heardAt(AGENT)).containsExactlyInAnyOrder(CALLER_DEVICE, LEAD);
        assertThat(heardAt(CALLER_DEVICE)).containsExactlyInAnyOrder(AGENT, LEAD);
    }

    @Test
    void supervisorMovesFromListenToBargeWithoutLeaving() {
        monitored(MonitorMode.LISTEN);

        rig.done(rig.sim.singleStepConference(call, AGENT, LEAD, MonitorMode.BARGE));

        assertThat(rig.take()).containsExactly(new MonitorStarted(rig.now(), call, LEAD, AGENT, MonitorMode.BARGE));
        assertThat(heardAt(CALLER_DEVICE)).containsExactlyInAnyOrder(AGENT, LEAD);
    }

    @Test
    void clearingTheSupervisorStopsMonitoringAndTheCallGoesOn() {
        monitored(MonitorMode.LISTEN);

        rig.done(rig.sim.clearConnection(new ConnectionId(call, LEAD)));

        assertThat(rig.take()).containsExactly(new MonitorStopped(rig.now(), call, LEAD));
        assertThat(heardAt(CALLER_DEVICE)).containsExactly(AGENT);
    }

    @Test
    void callEndingStopsTheMonitorBeforeTheCallIsCleared() {
        monitored(MonitorMode.WHISPER);

        rig.done(rig.sim.hangUp(new ConnectionId(call, CALLER_DEVICE)));

        assertThat(rig.take()).containsExactly(
                new ConnectionCleared(rig.now(), call, CALLER_DEVICE, Cause.NORMAL_CLEARING),
                new ConnectionCleared(rig.now(), call, AGENT, Cause.NORMAL_CLEARING),
                new MonitorStopped(rig.now(), call, LEAD),
                new CallCleared(rig.now(), call, Cause.NORMAL_CLEARING));
        // The supervisor's phone is free again.
        CallId next = rig.connectedCall("1002");
        rig.done(rig.sim.singleStepConference(next, "1002", LEAD, MonitorMode.LISTEN));
        assertThat(rig.take()).hasSize(1);
    }

    @Test
    void aSupervisorCannotMonitorWhileBusyOnAnotherCall() {
        monitored(MonitorMode.LISTEN);
        CallId other = rig.connectedCall("1002");

        var refused = rig.refused(rig.sim.singleStepConference(other, "1002", LEAD, MonitorMode.LISTEN));

        assertThat(refused.reason()).isEqualTo(Reason.BUSY);
        assertThat(refused.getMessage()).isEqualTo(
                "singleStepConference: 1099 is busy in " + call + " (monitoring) (expected: an idle phone)");
    }
}

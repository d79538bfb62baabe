package org.hotline.cti.switching.sim;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.hotline.cti.switching.CallId;
import org.hotline.cti.switching.ConnectionId;
import org.hotline.cti.switching.SwitchEvent.CallView;
import org.hotline.cti.switching.SwitchEvent.ConnectionView;
import org.hotline.cti.switching.SwitchEvent.Delivered;
import org.hotline.cti.switching.SwitchEvent.LinkLost;
import org.hotline.cti.switching.SwitchEvent.LinkRestored;
import org.hotline.cti.switching.SwitchEvent.SwitchSnapshot;
import org.hotline.cti.switching.SwitchException.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline.cti.switching.sim.SimRig.CALLER_DEVICE;
import static org.hotline.cti.switching.sim.SimRig.HOTLINE;

class SimSwitchLinkTest {
    @TempDir
    Path recordings;

    @Test
    void lostLinkHidesEventsAndTheRestoredLinkReportsThePresentCalls() {
        SimRig rig = new SimRig(recordings);
        CallId talking = rig.connectedCall("1001");
        rig.advance(Duration.ofSeconds(5));
        CallId waiting = rig.waitingCall();
        Instant waitingSince = rig.now();

        rig.done(rig.sim.dropLink(Duration.ofSeconds(30)));
        assertThat(rig.take()).containsExactly(new LinkLost(rig.now(), "simulated link outage of PT30S"));
        rig.advance(Duration.ofSeconds(10));
        rig.done(rig.sim.hangUp(new ConnectionId(talking, CALLER_DEVICE)));
        CallId arrived = rig.done(rig.sim.inboundCall("02087654321", HOTLINE, IvrScript.none()));
        Instant arrivedAt = rig.now();
        rig.advance(Duration.ofSeconds(19));
        assertThat(rig.take()).as("nothing reaches the CTI server during the outage").isEmpty();

        rig.advance(Duration.ofSeconds(1));
        assertThat(rig.take()).containsExactly(new LinkRestored(rig.now(), new SwitchSnapshot(List.of(
                new CallView(waiting, waitingSince, List.of(new ConnectionView(CALLER_DEVICE, "QUEUED")), Map.of()),
                new CallView(arrived, arrivedAt, List.of(new ConnectionView("tel:02087654321", "QUEUED")), Map.of())))));
    }

    @Test
    void servicesAreRefusedWhileTheLinkIsDownAndWorkAfterwards() {
        SimRig rig = new SimRig(recordings);
        CallId waiting = rig.waitingCall();
        rig.done(rig.sim.dropLink(Duration.ofSeconds(30)));

        var refused = rig.refused(rig.sim.routeSelect(waiting, "1001"));
        assertThat(refused.reason()).isEqualTo(Reason.UNAVAILABLE);
        assertThat(refused.getMessage())
                .isEqualTo("the link to the simulated PBX is down (expected: retry after LinkRestored)");
        assertThat(rig.refused(rig.sim.dropLink(Duration.ofSeconds(1))).reason()).isEqualTo(Reason.INVALID_STATE);

        rig.advance(Duration.ofSeconds(30));
        rig.take();
        rig.done(rig.sim.routeSelect(waiting, "1001"));
        assertThat(rig.take()).containsExactly(new Delivered(rig.now(), waiting, "1001", CALLER_DEVICE, HOTLINE));
    }
}

package org.hotline.cti.switching.sim;

import java.nio.file.Path;
import java.time.Duration;

import org.hotline.cti.switching.Announcement;
import org.hotline.cti.switching.CallId;
import org.hotline.cti.switching.Cause;
import org.hotline.cti.switching.ConnectionId;
import org.hotline.cti.switching.SwitchEvent.CallCleared;
import org.hotline.cti.switching.SwitchEvent.ConnectionCleared;
import org.hotline.cti.switching.SwitchEvent.Delivered;
import org.hotline.cti.switching.SwitchException.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline.cti.switching.sim.SimRig.CALLER_DEVICE;
import static org.hotline.cti.switching.sim.SimRig.HOTLINE;

class SimSwitchAnnouncementTest {
    @TempDir
    Path recordings;

    @ParameterizedTest
    @EnumSource(value = Announcement.class, names = {"CLOSED", "BLOCKED"})
    void closingAnnouncementClearsTheCallAsBlockedWhenItEnds(Announcement announcement) {
        SimRig rig = new SimRig(recordings);
        CallId call = rig.waitingCall();

        rig.done(rig.sim.playAnnouncement(call, announcement));
        rig.advance(Duration.ofMillis(7999));
        assertThat(rig.take()).isEmpty();
        assertThat(rig.done(rig.sim.heardAt(new ConnectionId(call, CALLER_DEVICE)))).containsExactly(SimSwitch.ANNOUNCEMENT);

        rig.advance(Duration.ofMillis(1));
        assertThat(rig.take()).containsExactly(
                new ConnectionCleared(rig.now(), call, CALLER_DEVICE, Cause.BLOCKED),
                new CallCleared(rig.now(), call, Cause.BLOCKED));
        assertThat(rig.sim.stats().trunksInUse()).isZero();
    }

    @ParameterizedTest
    @EnumSource(value = Announcement.class, names = {"ALL_BUSY", "POSITION"})
    void waitingAnnouncementLeavesTheCallerWaitingWithMusic(Announcement announcement) {
        SimRig rig = new SimRig(recordings);
        CallId call = rig.waitingCall();

        rig.done(rig.sim.playAnnouncement(call, announcement));
        rig.advance(Duration.ofSeconds(60));

        assertThat(rig.take()).isEmpty();
        assertThat(rig.done(rig.sim.heardAt(new ConnectionId(call, CALLER_DEVICE)))).containsExactly(SimSwitch.MUSIC);
        rig.done(rig.sim.routeSelect(call, "1001"));
        assertThat(rig.take()).containsExactly(new Delivered(rig.now(), call, "1001", CALLER_DEVICE, HOTLINE));
    }

    @Test
    void routingInterruptsAWaitingAnnouncement() {
        SimRig rig = new SimRig(recordings);
        CallId call = rig.waitingCall();
        rig.done(rig.sim.playAnnouncement(call, Announcement.POSITION));

        rig.done(rig.sim.routeSelect(call, "1001"));

        assertThat(rig.done(rig.sim.heardAt(new ConnectionId(call, CALLER_DEVICE)))).containsExactly(SimSwitch.MUSIC);
    }

    @Test
    void aCallThatIsBeingClosedCannotBeRouted() {
        SimRig rig = new SimRig(recordings);
        CallId call = rig.waitingCall();
        rig.done(rig.sim.playAnnouncement(call, Announcement.CLOSED));

        var refused = rig.refused(rig.sim.routeSelect(call, "1001"));

        assertThat(refused.reason()).isEqualTo(Reason.INVALID_STATE);
        assertThat(refused.getMessage()).isEqualTo("routeSelect " + call
                + ": the CLOSED announcement is ending the call (expected: a call still waiting)");
    }

    @Test
    void callerWhoHangsUpDuringTheClosingAnnouncementAbandonsAndNothingFollows() {
        SimRig rig = new SimRig(recordings);
        CallId call = rig.waitingCall();
        rig.done(rig.sim.playAnnouncement(call, Announcement.CLOSED));
        rig.advance(Duration.ofSeconds(3));

        rig.done(rig.sim.hangUp(new ConnectionId(call, CALLER_DEVICE)));
        rig.advance(Duration.ofSeconds(30));

        assertThat(rig.take()).containsExactly(
                new ConnectionCleared(SimRig.T0.plusSeconds(3), call, CALLER_DEVICE, Cause.ABANDONED),
                new CallCleared(SimRig.T0.plusSeconds(3), call, Cause.ABANDONED));
    }
}

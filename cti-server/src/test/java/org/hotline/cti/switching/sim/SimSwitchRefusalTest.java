package org.hotline.cti.switching.sim;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.hotline.cti.switching.AgentPresence;
import org.hotline.cti.switching.CallId;
import org.hotline.cti.switching.ConnectionId;
import org.hotline.cti.switching.Destination;
import org.hotline.cti.switching.MonitorMode;
import org.hotline.cti.switching.SwitchException;
import org.hotline.cti.switching.SwitchException.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline.cti.switching.sim.SimRig.CALLER_DEVICE;
import static org.hotline.cti.switching.sim.SimRig.HOTLINE;

/** Invalid services fail their stage with a reason and a message naming the bad value and what was expected. */
class SimSwitchRefusalTest {
    @TempDir
    Path recordings;

    private static void assertRefused(SwitchException e, Reason reason, String message) {
        assertThat(e.reason()).isEqualTo(reason);
        assertThat(e.getMessage()).isEqualTo(message);
    }

    @Test
    void unknownCall() {
        SimRig rig = new SimRig(recordings);
        CallId gone = rig.connectedCall("1001");
        rig.done(rig.sim.clearConnection(new ConnectionId(gone, "1001")));

        assertRefused(rig.refused(rig.sim.routeSelect(gone, "1002")), Reason.UNKNOWN_CALL,
                "routeSelect " + gone + ": no such call on this switch (expected: a call in progress; it may have ended)");
        assertRefused(rig.refused(rig.sim.answerCall(new ConnectionId(gone, "1001"))), Reason.UNKNOWN_CALL,
                "answerCall " + gone + "/1001: no such connection on this switch (expected: a device in a call in progress)");
    }

    @Test
    void unknownConnectionInALiveCall() {
        SimRig rig = new SimRig(recordings);
        CallId call = rig.connectedCall("1001");

        assertRefused(rig.refused(rig.sim.holdCall(new ConnectionId(call, "1002"))), Reason.UNKNOWN_CALL,
                "holdCall " + call + "/1002: no such connection on this switch (expected: a device in a call in progress)");
    }

    @Test
    void wrongConnectionStates() {
        SimRig rig = new SimRig(recordings);
        CallId call = rig.connectedCall("1001");
        ConnectionId agent = new ConnectionId(call, "1001");

        assertRefused(rig.refused(rig.sim.answerCall(agent)), Reason.INVALID_STATE,
                "answerCall " + agent + ": connection is CONNECTED (expected: ALERTING)");
        assertRefused(rig.refused(rig.sim.retrieveCall(agent)), Reason.INVALID_STATE,
                "retrieveCall " + agent + ": connection is CONNECTED (expected: HELD)");
        assertRefused(rig.refused(rig.sim.routeSelect(call, "1002")), Reason.INVALID_STATE,
                "routeSelect " + call + ": the call has [" + call + "/" + CALLER_DEVICE + " CONNECTED, " + agent
                        + " CONNECTED] (expected: one party waiting for a route)");
        rig.done(rig.sim.holdCall(agent));
        assertRefused(rig.refused(rig.sim.generateDigits(agent, "1")), Reason.INVALID_STATE,
                "generateDigits " + agent + ": connection is HELD (expected: CONNECTED)");
    }

    @Test
    void ringingAgentCannotBeHeld() {
        SimRig rig = new SimRig(recordings);
        CallId call = rig.waitingCall();
        rig.done(rig.sim.routeSelect(call, "1001"));

        assertRefused(rig.refused(rig.sim.holdCall(new ConnectionId(call, "1001"))), Reason.INVALID_STATE,
                "holdCall " + call + "/1001: connection is ALERTING (expected: CONNECTED)");
    }

    @Test
    void outsidePartyAnswersByItself() {
        SimRig rig = new SimRig(recordings);
        CallId call = rig.done(rig.sim.makeCall("1001", new Destination.External("13900001111"), Map.of()));
        ConnectionId outside = new ConnectionId(call, "tel:13900001111");

        assertRefused(rig.refused(rig.sim.answerCall(outside)), Reason.INVALID_STATE, "answerCall " + outside
                + ": an outside party answers by itself (expected: an extension's connection)");
    }

    @Test
    void theNetworkHoldsNoCallsForOutsideParties() {
        SimRig rig = new SimRig(recordings);
        CallId call = rig.connectedCall("1001");
        ConnectionId caller = new ConnectionId(call, CALLER_DEVICE);

        assertRefused(rig.refused(rig.sim.holdCall(caller)), Reason.INVALID_STATE,
                "holdCall " + caller + ": an outside party cannot do that (expected: an extension's connection)");
    }

    @Test
    void unknownExtension() {
        SimRig rig = new SimRig(recordings);
        CallId call = rig.waitingCall();

        assertRefused(rig.refused(rig.sim.routeSelect(call, "2001")), Reason.INVALID_DESTINATION,
                "device '2001': not an extension of this switch (expected: matching 1\\d{3})");
        assertRefused(rig.refused(rig.sim.makeCall("tel:0301", new Destination.Extension("1001"), Map.of())),
                Reason.INVALID_DESTINATION,
                "device 'tel:0301': not an extension of this switch (expected: matching 1\\d{3})");
        assertRefused(rig.refused(rig.sim.setAgentPresence(
                        new AgentPresence("9", "a1", AgentPresence.Mode.READY, "", java.util.List.of()))),
                Reason.INVALID_DESTINATION, "device '9': not an extension of this switch (expected: matching 1\\d{3})");
    }

    @Test
    void busyCallerAndBusyDestination() {
        SimRig rig = new SimRig(recordings);
        CallId call = rig.connectedCall("1001");

        assertRefused(rig.refused(rig.sim.makeCall("1001", new Destination.Extension("1002"), Map.of())), Reason.BUSY,
                "makeCall: 1001 is busy in " + call + " (CONNECTED) (expected: an idle phone)");
        assertRefused(rig.refused(rig.sim.makeCall("1002", new Destination.Extension("1001"), Map.of())), Reason.BUSY,
                "makeCall: 1001 is busy in " + call + " (CONNECTED) (expected: an idle phone)");
        assertRefused(rig.refused(rig.sim.makeCall("1002", new Destination.Extension("1002"), Map.of())),
                Reason.INVALID_DESTINATION, "makeCall: 1002 is already in the call (expected: another device)");
    }

    @Test
    void noTrunkForAnOutsideDestination() {
        SimRig rig = new SimRig(SimSwitchConfig.defaults(recordings).withTrunks(1));
        CallId call = rig.connectedCall("1001");

        assertRefused(rig.refused(rig.sim.singleStepTransfer(new ConnectionId(call, "1001"),
                        new Destination.External("110"))), Reason.BUSY,
                "singleStepTransfer: all 1 trunks busy (expected: a free trunk for 110)");
        assertThat(rig.take()).as("nothing changed").isEmpty();
    }

    @Test
    void badDigits() {
        SimRig rig = new SimRig(recordings);
        CallId call = rig.connectedCall("1001");

        assertRefused(rig.refused(rig.sim.generateDigits(new ConnectionId(call, "1001"), "12x")), Reason.REFUSED,
                "generateDigits " + call + "/1001: digits '12x' (expected: one or more of 0-9 * # A-D)");
    }

    @Test
    void transferNeedsTheSameDeviceInTwoCalls() {
        SimRig rig = new SimRig(recordings);
        CallId first = rig.connectedCall("1001");
        CallId second = rig.connectedCall("1002");
        rig.done(rig.sim.holdCall(new ConnectionId(first, "1001")));

        assertRefused(rig.refused(rig.sim.transferCall(new ConnectionId(first, "1001"), new ConnectionId(second, "1002"))),
                Reason.INVALID_STATE, "transferCall " + first + "/1001 and " + second
                        + "/1002: (expected: the same device in two different calls)");
    }

    @Test
    void conferenceNeedsAnAnsweredConsultation() {
        SimRig rig = new SimRig(recordings);
        CallId primary = rig.connectedCall("1001");
        CallId consult = rig.consultation(primary, "1001", "1002", false);

        assertRefused(rig.refused(rig.sim.conferenceCall(new ConnectionId(primary, "1001"),
                        new ConnectionId(consult, "1001"))), Reason.INVALID_STATE,
                "conferenceCall " + consult + "/1001: 1002 is ALERTING (expected: CONNECTED, the consulted party must have answered)");
    }

    @Test
    void callerInTheIvrCannotBeControlled() {
        SimRig rig = new SimRig(recordings);
        CallId call = rig.done(rig.sim.inboundCall("13800000000", HOTLINE,
                new IvrScript("1", "", null, Duration.ofSeconds(30))));

        assertRefused(rig.refused(rig.sim.routeSelect(call, "1001")), Reason.UNKNOWN_CALL,
                "routeSelect " + call + ": no such call on this switch (expected: a call in progress; it may have ended)");
        assertRefused(rig.refused(rig.sim.generateDigits(new ConnectionId(call, "tel:13800000000"), "1")),
                Reason.INVALID_STATE, "generateDigits " + call
                        + "/tel:13800000000: the caller is still in the IVR (expected: a call offered with RouteRequested)");
    }

    @Test
    void monitorConnectionCanOnlyBeCleared() {
        SimRig rig = new SimRig(recordings);
        CallId call = rig.connectedCall("1001");
        rig.done(rig.sim.singleStepConference(call, "1001", "1099", MonitorMode.LISTEN));

        assertRefused(rig.refused(rig.sim.holdCall(new ConnectionId(call, "1099"))), Reason.INVALID_STATE,
                "holdCall " + call + "/1099: 1099 is monitoring 1001 (expected: a party of the call; a monitor can only be cleared)");
    }

    @Test
    void closedSwitchIsUnavailable() {
        SimRig rig = new SimRig(recordings);
        rig.sim.close();

        assertRefused(rig.refused(rig.sim.inboundCall("13800000000", HOTLINE, IvrScript.none())), Reason.UNAVAILABLE,
                "the simulated PBX is closed (expected: a started switch)");
    }
}

package org.hotline.cti.switching;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * CSTA-style events (ECMA-269 vocabulary) that every adapter emits. {@code at} is when the switch
 * saw it happen. Devices are named as {@link Devices} says.
 */
public sealed interface SwitchEvent {
    Instant at();

    /** An inbound call waits for the CTI server to route it; the caller hears music meanwhile. */
    record RouteRequested(Instant at, CallId call, String callingNumber, String calledNumber,
                          String queueHint, Map<String, String> data) implements SwitchEvent {
        public RouteRequested {
            data = Map.copyOf(data);
            queueHint = queueHint == null ? "" : queueHint;
        }
    }

    /**
     * A caller left the IVR. With {@link IvrOutcome#ROUTED} or {@link IvrOutcome#NO_INPUT} the
     * switch offers the call with a {@link RouteRequested} right after; with
     * {@link IvrOutcome#HUNG_UP} nothing follows (a call that ends in the IVR is never offered).
     * {@code at} is when the visit ended; {@code choices} are the keys pressed, one per menu level.
     */
    record IvrFinished(Instant at, CallId call, String callingNumber, String calledNumber, Instant startedAt,
                       List<String> choices, String queueHint, IvrOutcome outcome) implements SwitchEvent {
        public IvrFinished {
            choices = List.copyOf(choices);
            queueHint = queueHint == null ? "" : queueHint;
            callingNumber = callingNumber == null ? "" : callingNumber;
            calledNumber = calledNumber == null ? "" : calledNumber;
            if (startedAt.isAfter(at)) {
                throw new IllegalArgumentException("startedAt: " + startedAt + " (expected: not after the end " + at + ")");
            }
        }
    }

    /** A device starts an outgoing call (after MakeCall or from the phone). */
    record ServiceInitiated(Instant at, CallId call, String device, String calledNumber) implements SwitchEvent {}

    /** A call is ringing at {@code alertingDevice}. */
    record Delivered(Instant at, CallId call, String alertingDevice, String callingDevice,
                     String calledNumber) implements SwitchEvent {}

    record Established(Instant at, CallId call, String answeringDevice, String callingDevice) implements SwitchEvent {}

    record Held(Instant at, CallId call, String holdingDevice) implements SwitchEvent {}

    record Retrieved(Instant at, CallId call, String retrievingDevice) implements SwitchEvent {}

    /** One party left the call; the others stay. */
    record ConnectionCleared(Instant at, CallId call, String releasingDevice, Cause cause) implements SwitchEvent {}

    /** The whole call is over. */
    record CallCleared(Instant at, CallId call, Cause cause) implements SwitchEvent {}

    /**
     * The transferring device left; the parties of {@code secondaryCall} now talk in
     * {@code primaryCall}, whose id (and so its attached data) survives.
     */
    record Transferred(Instant at, CallId primaryCall, CallId secondaryCall, String transferringDevice,
                       String transferredToDevice) implements SwitchEvent {}

    /** The parties of {@code secondaryCall} joined {@code primaryCall}. */
    record Conferenced(Instant at, CallId primaryCall, CallId secondaryCall, String conferencingDevice,
                       String addedDevice) implements SwitchEvent {}

    /** A ringing call moved from one device to another without being answered. */
    record Diverted(Instant at, CallId call, String fromDevice, String toDevice) implements SwitchEvent {}

    record Failed(Instant at, CallId call, String device, Cause cause) implements SwitchEvent {}

    /** DTMF received from a party. */
    record DigitsReceived(Instant at, CallId call, String device, String digits) implements SwitchEvent {}

    record RecordingStarted(Instant at, CallId call, String path) implements SwitchEvent {}

    record MonitorStarted(Instant at, CallId call, String supervisorDevice, String agentDevice,
                          MonitorMode mode) implements SwitchEvent {}

    record MonitorStopped(Instant at, CallId call, String supervisorDevice) implements SwitchEvent {}

    /** The switch reports an agent's queue presence changed by itself (e.g. paused at the phone). */
    record AgentPresenceReported(Instant at, AgentPresence presence) implements SwitchEvent {}

    /** The link to the switch broke; events may be missing until {@link LinkRestored}. */
    record LinkLost(Instant at, String why) implements SwitchEvent {}

    /** The link is back: {@code snapshot} is the switch's present truth to reconcile against. */
    record LinkRestored(Instant at, SwitchSnapshot snapshot) implements SwitchEvent {}

    /** The calls that exist on the switch at one moment. */
    record SwitchSnapshot(List<CallView> calls) {
        public SwitchSnapshot {
            calls = List.copyOf(calls);
        }
    }

    record CallView(CallId call, Instant startedAt, List<ConnectionView> connections, Map<String, String> data) {
        public CallView {
            connections = List.copyOf(connections);
            data = Map.copyOf(data);
        }
    }

    /** {@code state} is one of ALERTING, CONNECTED, HELD, QUEUED. */
    record ConnectionView(String device, String state) {}
}

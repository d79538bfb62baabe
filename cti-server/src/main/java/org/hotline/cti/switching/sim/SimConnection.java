package org.hotline.cti.switching.sim;

import org.hotline.cti.core.EventLoop;
import org.hotline.cti.switching.ConnectionId;
import org.hotline.cti.switching.Devices;
import org.hotline.cti.switching.MonitorMode;

/** One device in one call. Owned by the switch's loop; moves between calls on transfer and conference. */
final class SimConnection {
    /** The states a {@link org.hotline.cti.switching.SwitchEvent.ConnectionView} reports. */
    enum State {
        ALERTING,
        CONNECTED,
        HELD,
        /** Waiting for someone to answer: in the IVR, for a route, or for a transfer target; hears music. */
        QUEUED
    }

    final String device;
    SimCall call;
    State state;
    /** Non-null for a supervisor who listens, whispers or barges; such a connection is not a party. */
    MonitorMode monitor;
    String monitoredAgent;
    boolean muted;
    /** The fake PSTN's pending answer. */
    EventLoop.Timer answerTimer;

    SimConnection(String device, SimCall call, State state) {
        this.device = device;
        this.call = call;
        this.state = state;
    }

    boolean isMonitor() {
        return monitor != null;
    }

    boolean isExternal() {
        return Devices.isExternal(device);
    }

    /** Whether it keeps the phone from taking another call (a held call does not). */
    boolean occupiesPhone() {
        return state != State.HELD;
    }

    ConnectionId id() {
        return new ConnectionId(call.id, device);
    }

    @Override
    public String toString() {
        return id() + " " + (isMonitor() ? "monitoring " + monitoredAgent : state.name());
    }
}

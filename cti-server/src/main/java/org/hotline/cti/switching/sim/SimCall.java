package org.hotline.cti.switching.sim;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.hotline.cti.core.EventLoop;
import org.hotline.cti.switching.Announcement;
import org.hotline.cti.switching.CallId;

/** A call on the simulated PBX. Owned by the switch's loop. */
final class SimCall {
    final CallId id;
    final Instant startedAt;
    /** The number the call was made to; stays when the call is transferred. */
    final String calledNumber;
    final Map<String, String> data;
    /** Parties and monitors in the order they joined (the first party is the one who called). */
    final Map<String, SimConnection> connections = new LinkedHashMap<>(4);
    /** False while an inbound call is still in the IVR: the CTI server does not know it yet. */
    boolean offered;
    boolean answered;
    String recordingPath;
    EventLoop.Timer ivrTimer;
    /** What the caller does in the IVR, and who called; null for calls that never visit it. */
    IvrScript ivr;
    String ivrCaller;
    Announcement announcement;
    EventLoop.Timer announcementTimer;

    SimCall(CallId id, Instant startedAt, String calledNumber, Map<String, String> data) {
        this.id = id;
        this.startedAt = startedAt;
        this.calledNumber = calledNumber;
        this.data = new LinkedHashMap<>(data);
    }

    /** Connections that are people in the call, not supervisors monitoring it. */
    List<SimConnection> parties() {
        List<SimConnection> parties = new ArrayList<>(connections.size());
        for (SimConnection c : connections.values()) {
            if (!c.isMonitor()) {
                parties.add(c);
            }
        }
        return parties;
    }

    /** The party waiting for a route, when the call is exactly one queued party. */
    SimConnection waitingParty() {
        List<SimConnection> parties = parties();
        if (!offered || parties.size() != 1 || parties.get(0).state != SimConnection.State.QUEUED) {
            return null;
        }
        return parties.get(0);
    }

    boolean closing() {
        return announcement == Announcement.CLOSED
                || announcement == Announcement.BLOCKED;
    }

    @Override
    public String toString() {
        return id + " " + connections.values();
    }
}

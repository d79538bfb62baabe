package org.hotline.cti.calls;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.hotline.cti.calls.CallDetailRecord.Direction;

import static java.util.Objects.requireNonNull;

/**
 * A call in the live model: its parties, attached data and the legs being timed for its call
 * detail record. Owned by the event loop.
 */
public final class LiveCall {
    private final String callId;
    private final String siteId;
    private final Direction direction;
    private final Instant startedAt;
    private CallData data;
    private final Map<String, Party> parties = new LinkedHashMap<>();
    private final Set<String> muted = new HashSet<>();
    private Instant answeredAt;
    private Instant queuedAt;
    private Instant firstQueuedAt;
    private long queueWaitMillis;
    private String recordingPath = "";
    private String consultedFromCallId = "";
    private String lastAgentId = "";
    private String outcome = "";
    private final Set<String> involvedAgents = new java.util.LinkedHashSet<>();
    private final List<OpenSegment> openSegments = new ArrayList<>();
    private int segmentSequence;

    /** A party and the agent behind it, if any. */
    public static final class Party {
        final String device;
        final String agentId;
        ConnectionState state;

        Party(String device, String agentId, ConnectionState state) {
            this.device = device;
            this.agentId = agentId;
            this.state = state;
        }

        public String device() {
            return device;
        }

        public String agentId() {
            return agentId;
        }

        public ConnectionState state() {
            return state;
        }
    }

    /** A leg being timed. */
    public record OpenSegment(SegmentKind kind, String agentId, String device, String queueId, Instant startedAt) {}

    public LiveCall(String callId, String siteId, Direction direction, Instant startedAt, CallData data) {
        this.callId = requireNonNull(callId, "callId");
        this.siteId = requireNonNull(siteId, "siteId");
        this.direction = requireNonNull(direction, "direction");
        this.startedAt = requireNonNull(startedAt, "startedAt");
        this.data = requireNonNull(data, "data");
    }

    public String id() {
        return callId;
    }

    public String siteId() {
        return siteId;
    }

    public Direction direction() {
        return direction;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public CallData data() {
        return data;
    }

    public void data(CallData d) {
        this.data = requireNonNull(d, "data");
    }

    public Map<String, Party> parties() {
        return parties;
    }

    public Party party(String device) {
        return parties.get(device);
    }

    public void putParty(String device, String agentId, ConnectionState state) {
        Party p = parties.get(device);
        if (p == null) {
            parties.put(device, new Party(device, agentId == null ? "" : agentId, state));
            if (agentId != null && !agentId.isEmpty()) {
                involvedAgents.add(agentId);
            }
        } else {
            p.state = state;
        }
    }

    /** Every agent that had a part in the call: they are told when its record is durable. */
    public Set<String> involvedAgents() {
        return involvedAgents;
    }

    public Party removeParty(String device) {
        muted.remove(device);
        return parties.remove(device);
    }

    public Set<String> muted() {
        return muted;
    }

    public Instant answeredAt() {
        return answeredAt;
    }

    public void answeredAt(Instant t) {
        if (answeredAt == null) {
            answeredAt = t;
        }
    }

    public Instant queuedAt() {
        return queuedAt;
    }

    public Instant firstQueuedAt() {
        return firstQueuedAt;
    }

    public void enterQueue(Instant t) {
        queuedAt = t;
        if (firstQueuedAt == null) {
            firstQueuedAt = t;
        }
    }

    /** Leaving the queue (delivered or abandoned): the wait counts toward the CDR's queue time. */
    public void leaveQueue(Instant t) {
        if (queuedAt != null) {
            queueWaitMillis += Math.max(0, t.toEpochMilli() - queuedAt.toEpochMilli());
            queuedAt = null;
        }
    }

    public boolean queued() {
        return queuedAt != null;
    }

    public long queueWaitMillis() {
        return queueWaitMillis;
    }

    public String recordingPath() {
        return recordingPath;
    }

    public void recordingPath(String p) {
        this.recordingPath = p == null ? "" : p;
    }

    public String consultedFromCallId() {
        return consultedFromCallId;
    }

    public void consultedFromCallId(String id) {
        this.consultedFromCallId = id == null ? "" : id;
    }

    public String lastAgentId() {
        return lastAgentId;
    }

    public void lastAgentId(String a) {
        this.lastAgentId = a;
    }

    public String outcome() {
        return outcome;
    }

    public void outcome(String o) {
        this.outcome = o;
    }

    public List<OpenSegment> openSegments() {
        return openSegments;
    }

    public void openSegment(SegmentKind kind, String agentId, String device, String queueId, Instant at) {
        openSegments.add(new OpenSegment(kind, nz(agentId), nz(device), nz(queueId), at));
    }

    /** Closes the open segments matching kind and device (null = any) and returns them as records. */
    public List<CallSegment> closeSegments(SegmentKind kind, String device, Instant at, String segmentOutcome,
                                           java.util.function.Supplier<String> ids) {
        List<CallSegment> closed = new ArrayList<>();
        for (var it = openSegments.iterator(); it.hasNext(); ) {
            OpenSegment s = it.next();
            if ((kind == null || s.kind() == kind) && (device == null || s.device().equals(device))) {
                it.remove();
                closed.add(new CallSegment(ids.get(), siteId, callId, ++segmentSequence, s.kind(), s.agentId(),
                        s.device(), s.queueId(), s.startedAt(), at, segmentOutcome));
            }
        }
        return closed;
    }

    public CallView view() {
        List<CallView.Party> ps = new ArrayList<>(parties.size());
        for (Party p : parties.values()) {
            ps.add(new CallView.Party(p.device, p.agentId, p.state));
        }
        return new CallView(callId, direction, data, ps, startedAt, answeredAt, recordingPath, consultedFromCallId,
                List.copyOf(muted));
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}

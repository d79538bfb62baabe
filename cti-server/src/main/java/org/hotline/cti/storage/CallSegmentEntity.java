package org.hotline.cti.storage;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;
import org.hotline.cti.calls.CallSegment;
import org.hotline.cti.calls.SegmentKind;

/** A row of {@code call_segments}: written by the outbox with JDBC, read here. */
@Entity
@Immutable
@Table(name = "call_segments")
class CallSegmentEntity {
    @Id
    private Long id;

    @Column(name = "record_id", nullable = false, length = 64)
    private String recordId;

    @Column(name = "site_id", nullable = false, length = 32)
    private String siteId;

    @Column(name = "call_id", nullable = false, length = 64)
    private String callId;

    @Column(name = "seq_no", nullable = false)
    private int sequence;

    @Column(name = "kind", nullable = false, length = 16)
    private String kind;

    @Column(name = "agent_id", length = 64)
    private String agentId;

    @Column(name = "device", length = 128)
    private String device;

    @Column(name = "queue_id", length = 64)
    private String queueId;

    @Column(name = "started_at", nullable = false)
    private Instant startedAt;

    @Column(name = "ended_at")
    private Instant endedAt;

    @Column(name = "outcome", length = 32)
    private String outcome;

    protected CallSegmentEntity() {}

    CallSegment toSegment() {
        return new CallSegment(recordId, siteId, callId, sequence, SegmentKind.valueOf(kind), agentId, device, queueId,
                startedAt, endedAt, outcome);
    }
}

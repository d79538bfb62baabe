package org.hotline.cti.storage;

import java.time.Instant;
import java.util.Map;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;
import org.hotline.cti.calls.CallDetailRecord;

/** A row of {@code call_detail_records}: written by the outbox with JDBC, read here. */
@Entity
@Immutable
@Table(name = "call_detail_records")
class CallDetailRecordEntity {
    @Id
    private Long id;

    @Column(name = "record_id", nullable = false, length = 64)
    private String recordId;

    @Column(name = "site_id", nullable = false, length = 32)
    private String siteId;

    @Column(name = "call_id", nullable = false, length = 64)
    private String callId;

    @Column(name = "direction", nullable = false, length = 16)
    private String direction;

    @Column(name = "caller_number", length = 64)
    private String callerNumber;

    @Column(name = "dialled_number", length = 64)
    private String dialledNumber;

    @Column(name = "queue_id", length = 64)
    private String queueId;

    @Column(name = "agent_id", length = 64)
    private String agentId;

    @Column(name = "started_at", nullable = false)
    private Instant startedAt;

    @Column(name = "answered_at")
    private Instant answeredAt;

    @Column(name = "ended_at")
    private Instant endedAt;

    @Column(name = "queue_wait_ms", nullable = false)
    private long queueWaitMillis;

    @Column(name = "outcome", nullable = false, length = 32)
    private String outcome;

    @Column(name = "recording_path", length = 512)
    private String recordingPath;

    protected CallDetailRecordEntity() {}

    String recordId() {
        return recordId;
    }

    CallDetailRecord toRecord(Map<String, String> data) {
        return new CallDetailRecord(recordId, siteId, callId, CallDetailRecord.Direction.valueOf(direction),
                callerNumber, dialledNumber, queueId, agentId, startedAt, answeredAt, endedAt, queueWaitMillis,
                outcome, recordingPath, data);
    }
}

package org.hotline.cti.calls;

import java.time.Instant;
import java.util.Map;

/**
 * The record of a whole call, written when the call ends. {@code outcome}: answered, abandoned,
 * blocked, closed, failed. {@code queueWaitMillis} counts from entering the first queue to
 * being answered or abandoned.
 */
public record CallDetailRecord(String recordId, String siteId, String callId, Direction direction,
                               String callerNumber, String dialledNumber, String queueId, String agentId,
                               Instant startedAt, Instant answeredAt, Instant endedAt, long queueWaitMillis,
                               String outcome, String recordingPath, Map<String, String> data) {
    public enum Direction { INBOUND, OUTBOUND, INTERNAL }

    public CallDetailRecord {
        data = Map.copyOf(data);
    }
}

package org.hotline.cti.calls;

import java.time.Instant;
import java.util.List;

import org.hotline.cti.calls.CallDetailRecord.Direction;

/** An immutable snapshot of a call, safe to hand to other threads. */
public record CallView(String callId, Direction direction, CallData data, List<Party> parties, Instant startedAt,
                       Instant answeredAt, String recordingPath, String consultedFromCallId,
                       List<String> mutedDevices) {
    /** One connection: {@code agentId} is empty for outside parties and unknown extensions. */
    public record Party(String device, String agentId, ConnectionState state) {}

    public CallView {
        parties = List.copyOf(parties);
        mutedDevices = List.copyOf(mutedDevices);
    }
}

package org.hotline.cti.calls;

import java.time.Instant;

import static java.util.Objects.requireNonNull;

/**
 * One call in an agent's history: its record, the agent's own talk time on it, the customer it
 * was recorded for and the first work order raised from it ({@code ""} when none).
 */
public record CallHistoryEntry(CallDetailRecord record, long talkMillis, String customerAccount, String workOrderNo) {
    public CallHistoryEntry {
        requireNonNull(record, "record");
        customerAccount = customerAccount == null ? "" : customerAccount;
        workOrderNo = workOrderNo == null ? "" : workOrderNo;
    }
}

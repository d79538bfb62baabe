package org.hotline.cti.customers;

import java.time.Instant;

import static java.util.Objects.requireNonNull;

/**
 * One interaction on a customer's timeline. The link fields are empty when they do not apply:
 * {@code callId}/{@code recordId} name the call and its detail record, {@code recordingRef} its
 * recording, {@code workOrderNo} the work order it created or concerns.
 */
public record Contact(long id, String accountNo, Kind kind, Instant occurredAt, String agentId, String phone,
                      String callId, String recordId, String recordingRef, String workOrderNo, String summary) {
    /** What kind of interaction it was. */
    public enum Kind { INBOUND_CALL, OUTBOUND_CALL, VOICEMAIL, IVR_SELF_SERVICE, WORK_ORDER_NOTE, FOLLOW_UP_CALL }

    public static final int MAX_SUMMARY = 500;

    public Contact {
        requireNonNull(accountNo, "accountNo");
        requireNonNull(kind, "kind");
        requireNonNull(occurredAt, "occurredAt");
        agentId = nz(agentId);
        phone = nz(phone);
        callId = nz(callId);
        recordId = nz(recordId);
        recordingRef = nz(recordingRef);
        workOrderNo = nz(workOrderNo);
        summary = nz(summary);
        if (summary.length() > MAX_SUMMARY) {
            throw new IllegalArgumentException("summary: " + summary.length() + " characters (expected: <= "
                    + MAX_SUMMARY + ")");
        }
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}

package org.hotline.cti.workorders;

import java.time.Instant;

import static java.util.Objects.requireNonNull;

/**
 * A message to one user about a work order: dispatched to you, urged, escalated, returned,
 * warning, overdue, follow-up due.
 */
public record Notification(long id, String recipientId, long workOrderId, String orderNo, Kind kind, String message,
                           Instant at) {
    /** Why the user is told. */
    public enum Kind { DISPATCHED, REASSIGNED, URGED, RETURNED, WARNING, OVERDUE, ESCALATED, RESOLVED, FOLLOW_UP_DUE }

    public Notification {
        requireNonNull(recipientId, "recipientId");
        requireNonNull(kind, "kind");
        requireNonNull(message, "message");
        requireNonNull(at, "at");
    }
}

package org.hotline.cti.workorders;

import java.time.Instant;

/**
 * The callback to the customer created when a work order is resolved. {@code satisfaction} is
 * {@code null} until the call is made; a later call replaces it.
 */
public record FollowUp(long id, long workOrderId, Instant dueAt, Status status, Satisfaction satisfaction,
                       String note, String calledBy, Instant calledAt, boolean dueNotified, long version) {
    /** PENDING until the call is recorded. */
    public enum Status { PENDING, DONE }
}

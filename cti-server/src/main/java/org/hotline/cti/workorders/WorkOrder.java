package org.hotline.cti.workorders;

import java.time.Instant;
import java.util.Map;

/**
 * A work order as read from the database: what, for whom, where it is in the workflow and
 * against its time limits. {@code version} is what a client sends back with an edit so that a
 * concurrent edit is detected instead of overwritten.
 */
public record WorkOrder(long id, String orderNo, String typeCode, Priority priority, WorkOrderStatus status,
                        String title, String description, boolean confidential, String customerId,
                        String sourceCallId, String callerNumber, String area, String address, String creatorId,
                        String departmentId, String teamId, String assigneeId, Instant createdAt, Instant updatedAt,
                        Instant respondedAt, Instant resolvedAt, Instant closedAt, SlaClock.Deadlines deadlines,
                        SlaState slaState, int escalationLevel, Instant escalatedAt, Instant nextTimerAt,
                        String resolution, String returnReason, long version, Map<String, String> fields) {
    public WorkOrder {
        fields = Map.copyOf(fields);
    }

    /** The same order with {@code custom} as its fields. */
    WorkOrder withFields(Map<String, String> custom) {
        return new WorkOrder(id, orderNo, typeCode, priority, status, title, description, confidential, customerId,
                sourceCallId, callerNumber, area, address, creatorId, departmentId, teamId, assigneeId, createdAt,
                updatedAt, respondedAt, resolvedAt, closedAt, deadlines, slaState, escalationLevel, escalatedAt,
                nextTimerAt, resolution, returnReason, version, custom);
    }

    SlaClock.Timers timers() {
        return new SlaClock.Timers(status, respondedAt, deadlines, slaState, escalationLevel, escalatedAt);
    }

    /** The unit whose leads an escalation goes to: the team, else the department. */
    String escalationUnit() {
        return teamId != null ? teamId : departmentId;
    }
}

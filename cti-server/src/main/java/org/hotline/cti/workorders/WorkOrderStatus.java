package org.hotline.cti.workorders;

/**
 * Where a work order is in its workflow: New, Dispatched / In progress, Resolved, Closed, or
 * Returned by the department (with a reason) for the call center to dispatch again.
 * Warning and Overdue are not statuses: they are the {@link SlaState} beside it.
 */
public enum WorkOrderStatus {
    NEW,
    DISPATCHED,
    IN_PROGRESS,
    RETURNED,
    RESOLVED,
    CLOSED;

    /** Still being worked on: SLA timers run and escalation applies. */
    public boolean isOpen() {
        return this != RESOLVED && this != CLOSED;
    }
}

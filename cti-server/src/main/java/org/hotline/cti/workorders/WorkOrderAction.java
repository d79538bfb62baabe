package org.hotline.cti.workorders;

import java.util.EnumSet;
import java.util.Set;

import org.hotline.cti.core.CommandException;

import static org.hotline.cti.workorders.WorkOrderStatus.CLOSED;
import static org.hotline.cti.workorders.WorkOrderStatus.DISPATCHED;
import static org.hotline.cti.workorders.WorkOrderStatus.IN_PROGRESS;
import static org.hotline.cti.workorders.WorkOrderStatus.NEW;
import static org.hotline.cti.workorders.WorkOrderStatus.RESOLVED;
import static org.hotline.cti.workorders.WorkOrderStatus.RETURNED;

/**
 * What can happen to a work order, with the statuses each action is allowed from and the status
 * it leads to: the whole workflow in one table, so that an illegal transition is refused the same
 * way everywhere. Each action is also the {@code action} of its history event.
 */
public enum WorkOrderAction {
    CREATE(EnumSet.noneOf(WorkOrderStatus.class), NEW),
    DISPATCH(EnumSet.of(NEW, RETURNED), DISPATCHED),
    ACCEPT(EnumSet.of(DISPATCHED), IN_PROGRESS),
    REASSIGN(EnumSet.of(DISPATCHED, IN_PROGRESS), DISPATCHED),
    RETURN(EnumSet.of(DISPATCHED, IN_PROGRESS), RETURNED),
    URGE(EnumSet.of(NEW, DISPATCHED, IN_PROGRESS, RETURNED), null),
    // An inquiry answered on the call is resolved without a dispatch.
    RESOLVE(EnumSet.of(NEW, DISPATCHED, IN_PROGRESS), RESOLVED),
    // A returned order may be closed by the call center when it needs no work (duplicate, invalid).
    CLOSE(EnumSet.of(RESOLVED, RETURNED), CLOSED),
    ATTACH(EnumSet.allOf(WorkOrderStatus.class), null),
    FOLLOW_UP(EnumSet.of(RESOLVED, CLOSED), null),
    // The SLA scheduler's actions.
    WARN(EnumSet.of(NEW, DISPATCHED, IN_PROGRESS, RETURNED), null),
    OVERDUE(EnumSet.of(NEW, DISPATCHED, IN_PROGRESS, RETURNED), null),
    ESCALATE(EnumSet.of(DISPATCHED, IN_PROGRESS), null),
    FOLLOW_UP_DUE(EnumSet.of(RESOLVED, CLOSED), null);

    private final Set<WorkOrderStatus> from;
    private final WorkOrderStatus to;

    WorkOrderAction(Set<WorkOrderStatus> from, WorkOrderStatus to) {
        this.from = from;
        this.to = to;
    }

    public boolean allowedFrom(WorkOrderStatus status) {
        return from.contains(status);
    }

    /**
     * The status after this action, or a FAILED_PRECONDITION naming the order, its status and
     * the statuses the action is allowed from.
     */
    public WorkOrderStatus apply(String orderNo, WorkOrderStatus status) {
        if (!allowedFrom(status)) {
            throw new CommandException(CommandException.Code.FAILED_PRECONDITION, "cannot " + verb() + " work order "
                    + orderNo + " in status " + status + " (expected status: " + from + ")");
        }
        return to == null ? status : to;
    }

    private String verb() {
        return name().toLowerCase().replace('_', ' ');
    }
}

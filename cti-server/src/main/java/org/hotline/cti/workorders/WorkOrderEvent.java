package org.hotline.cti.workorders;

import java.time.Instant;

/** One change in a work order's history: who, when, what (action, status change, detail), why. */
public record WorkOrderEvent(long id, long workOrderId, Instant at, String actorId, WorkOrderAction action,
                             WorkOrderStatus fromStatus, WorkOrderStatus toStatus, String detail, String reason) {}

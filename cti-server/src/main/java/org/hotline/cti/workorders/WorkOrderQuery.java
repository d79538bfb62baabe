package org.hotline.cti.workorders;

import java.time.Instant;
import java.util.Set;

/**
 * A search over work orders; every criterion is optional (null or empty: any). Addresses match
 * by fragment, the others exactly; the time range is on creation, from inclusive, to exclusive.
 * {@code slaStates} narrows to orders in Warning or Overdue (empty: any). Results are newest first, at most {@code limit}, continuing before {@code beforeId} when set.
 */
public record WorkOrderQuery(String orderNo, String area, String typeCode, String customerId, String callerNumber,
                             String addressFragment, String creatorId, String departmentId, String teamId,
                             Set<WorkOrderStatus> statuses, Instant createdFrom, Instant createdTo, int limit,
                             Long beforeId, Set<SlaState> slaStates) {
    public static final int MAX_LIMIT = 1_000;

    public WorkOrderQuery {
        statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
        slaStates = slaStates == null ? Set.of() : Set.copyOf(slaStates);
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit: " + limit + " (expected: 1.." + MAX_LIMIT + ")");
        }
        if (createdFrom != null && createdTo != null && !createdFrom.isBefore(createdTo)) {
            throw new IllegalArgumentException("time range: " + createdFrom + " .. " + createdTo
                    + " (expected: from before to)");
        }
    }

    /** Any SLA state. */
    public WorkOrderQuery(String orderNo, String area, String typeCode, String customerId, String callerNumber,
                          String addressFragment, String creatorId, String departmentId, String teamId,
                          Set<WorkOrderStatus> statuses, Instant createdFrom, Instant createdTo, int limit, Long beforeId) {
        this(orderNo, area, typeCode, customerId, callerNumber, addressFragment, creatorId, departmentId, teamId, statuses,
                createdFrom, createdTo, limit, beforeId, Set.of());
    }

    public static WorkOrderQuery all(int limit) {
        return new WorkOrderQuery(null, null, null, null, null, null, null, null, null, Set.of(), null, null, limit, null);
    }

    public WorkOrderQuery withStatuses(Set<WorkOrderStatus> s) {
        return new WorkOrderQuery(orderNo, area, typeCode, customerId, callerNumber, addressFragment, creatorId,
                departmentId, teamId, s, createdFrom, createdTo, limit, beforeId, slaStates);
    }

    public WorkOrderQuery withArea(String a) {
        return new WorkOrderQuery(orderNo, a, typeCode, customerId, callerNumber, addressFragment, creatorId,
                departmentId, teamId, statuses, createdFrom, createdTo, limit, beforeId, slaStates);
    }

    public WorkOrderQuery withCreated(Instant from, Instant to) {
        return new WorkOrderQuery(orderNo, area, typeCode, customerId, callerNumber, addressFragment, creatorId,
                departmentId, teamId, statuses, from, to, limit, beforeId, slaStates);
    }
}

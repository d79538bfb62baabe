package org.hotline.supervisor.orders;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.hotline.api.v1.OrgUnit;
import org.hotline.api.v1.WorkOrder;
import org.hotline.api.v1.WorkOrderCount;
import org.hotline.api.v1.WorkOrderDimension;
import org.hotline.api.v1.WorkOrderSlaState;

/** What work-order oversight asks of the server; futures complete on the FX thread. */
public interface OversightGateway {
    /** Open orders in {@code state}, newest first, at most {@code limit}. */
    CompletableFuture<List<WorkOrder>> open(WorkOrderSlaState state, int limit);

    CompletableFuture<List<WorkOrderCount>> counts(WorkOrderDimension dimension);

    CompletableFuture<List<OrgUnit>> orgUnits();

    CompletableFuture<WorkOrder> reassign(WorkOrder order, String departmentId, String teamId, String reason);

    CompletableFuture<WorkOrder> urge(WorkOrder order, String message);

    CompletableFuture<WorkOrder> escalate(WorkOrder order, String reason);
}

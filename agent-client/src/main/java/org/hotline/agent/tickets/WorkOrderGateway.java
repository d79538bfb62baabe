package org.hotline.agent.tickets;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.hotline.api.v1.CreateWorkOrderRequest;
import org.hotline.api.v1.DispatchWorkOrderRequest;
import org.hotline.api.v1.OrgUnit;
import org.hotline.api.v1.WorkOrder;
import org.hotline.api.v1.WorkOrderType;

/**
 * The server side of work-order entry. Futures complete on the FX thread (in the app); a
 * request is sent as given, so a retry with the same request id is answered with the first
 * attempt's order.
 */
public interface WorkOrderGateway {
    CompletableFuture<List<WorkOrderType>> types();

    CompletableFuture<List<OrgUnit>> orgUnits();

    CompletableFuture<WorkOrder> create(CreateWorkOrderRequest request);

    CompletableFuture<WorkOrder> dispatch(DispatchWorkOrderRequest request);

    CompletableFuture<WorkOrder> get(String orderNo);
}

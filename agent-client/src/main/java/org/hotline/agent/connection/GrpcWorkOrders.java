package org.hotline.agent.connection;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.hotline.agent.tickets.WorkOrderGateway;
import org.hotline.api.v1.CreateWorkOrderRequest;
import org.hotline.api.v1.DispatchWorkOrderRequest;
import org.hotline.api.v1.GetWorkOrderRequest;
import org.hotline.api.v1.ListOrgUnitsRequest;
import org.hotline.api.v1.ListWorkOrderTypesRequest;
import org.hotline.api.v1.OrgUnit;
import org.hotline.api.v1.WorkOrder;
import org.hotline.api.v1.WorkOrderResponse;
import org.hotline.api.v1.WorkOrderType;

/** Work-order entry over the WorkOrders service; requests are sent as built by the form (request ids included). */
public final class GrpcWorkOrders implements WorkOrderGateway {
    private final DeskSession session;

    public GrpcWorkOrders(DeskSession session) {
        this.session = session;
    }

    @Override
    public CompletableFuture<List<WorkOrderType>> types() {
        return session.rpc().call(() -> session.workOrders().listTypes(ListWorkOrderTypesRequest.getDefaultInstance()))
                .thenApply(r -> r.getTypesList());
    }

    @Override
    public CompletableFuture<List<OrgUnit>> orgUnits() {
        return session.rpc().call(() -> session.workOrders().listOrgUnits(ListOrgUnitsRequest.getDefaultInstance()))
                .thenApply(r -> r.getUnitsList());
    }

    @Override
    public CompletableFuture<WorkOrder> create(CreateWorkOrderRequest request) {
        return session.rpc().call(() -> session.workOrders().create(request)).thenApply(WorkOrderResponse::getOrder);
    }

    @Override
    public CompletableFuture<WorkOrder> dispatch(DispatchWorkOrderRequest request) {
        return session.rpc().call(() -> session.workOrders().dispatch(request)).thenApply(WorkOrderResponse::getOrder);
    }

    @Override
    public CompletableFuture<WorkOrder> get(String orderNo) {
        GetWorkOrderRequest r = GetWorkOrderRequest.newBuilder().setOrderNo(orderNo).build();
        return session.rpc().call(() -> session.workOrders().get(r)).thenApply(WorkOrderResponse::getOrder);
    }
}

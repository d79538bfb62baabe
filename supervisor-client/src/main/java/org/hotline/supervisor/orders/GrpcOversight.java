package org.hotline.supervisor.orders;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.hotline.agent.connection.DeskSession;
import org.hotline.api.v1.EscalateWorkOrderRequest;
import org.hotline.api.v1.ListOrgUnitsRequest;
import org.hotline.api.v1.OrgUnit;
import org.hotline.api.v1.ReassignWorkOrderRequest;
import org.hotline.api.v1.SearchWorkOrdersRequest;
import org.hotline.api.v1.UrgeWorkOrderRequest;
import org.hotline.api.v1.WorkOrder;
import org.hotline.api.v1.WorkOrderCount;
import org.hotline.api.v1.WorkOrderCountsRequest;
import org.hotline.api.v1.WorkOrderDimension;
import org.hotline.api.v1.WorkOrderQuery;
import org.hotline.api.v1.WorkOrderResponse;
import org.hotline.api.v1.WorkOrderSlaState;
import org.hotline.api.v1.WorkOrderStatus;
import org.hotline.api.v1.WorkOrdersGrpc;

/** Work-order oversight over the WorkOrders service. */
public final class GrpcOversight implements OversightGateway {
    private static final List<WorkOrderStatus> OPEN = List.of(WorkOrderStatus.WORK_ORDER_NEW,
            WorkOrderStatus.WORK_ORDER_DISPATCHED, WorkOrderStatus.WORK_ORDER_IN_PROGRESS, WorkOrderStatus.WORK_ORDER_RETURNED);
    private final DeskSession session;

    public GrpcOversight(DeskSession session) {
        this.session = session;
    }

    private WorkOrdersGrpc.WorkOrdersFutureStub stub() {
        return session.stub(WorkOrdersGrpc::newFutureStub);
    }

    @Override
    public CompletableFuture<List<WorkOrder>> open(WorkOrderSlaState state, int limit) {
        SearchWorkOrdersRequest r = SearchWorkOrdersRequest.newBuilder().setQuery(WorkOrderQuery.newBuilder()
                .addSlaStates(state).addAllStatuses(OPEN).setLimit(limit)).build();
        return session.call(() -> stub().search(r)).thenApply(x -> x.getOrdersList());
    }

    @Override
    public CompletableFuture<List<WorkOrderCount>> counts(WorkOrderDimension dimension) {
        WorkOrderCountsRequest r = WorkOrderCountsRequest.newBuilder().setDimension(dimension).setOpenOnly(true).build();
        return session.call(() -> stub().counts(r)).thenApply(x -> x.getCountsList());
    }

    @Override
    public CompletableFuture<List<OrgUnit>> orgUnits() {
        return session.call(() -> stub().listOrgUnits(ListOrgUnitsRequest.getDefaultInstance())).thenApply(x -> x.getUnitsList());
    }

    @Override
    public CompletableFuture<WorkOrder> reassign(WorkOrder o, String departmentId, String teamId, String reason) {
        ReassignWorkOrderRequest r = ReassignWorkOrderRequest.newBuilder().setOrderNo(o.getOrderNo()).setVersion(o.getVersion())
                .setDepartmentId(departmentId).setTeamId(teamId).setReason(reason).build();
        return session.call(() -> stub().reassign(r)).thenApply(WorkOrderResponse::getOrder);
    }

    @Override
    public CompletableFuture<WorkOrder> urge(WorkOrder o, String message) {
        UrgeWorkOrderRequest r = UrgeWorkOrderRequest.newBuilder().setOrderNo(o.getOrderNo()).setMessage(message).build();
        return session.call(() -> stub().urge(r)).thenApply(WorkOrderResponse::getOrder);
    }

    @Override
    public CompletableFuture<WorkOrder> escalate(WorkOrder o, String reason) {
        EscalateWorkOrderRequest r = EscalateWorkOrderRequest.newBuilder().setOrderNo(o.getOrderNo()).setVersion(o.getVersion())
                .setReason(reason).build();
        return session.call(() -> stub().escalate(r)).thenApply(WorkOrderResponse::getOrder);
    }
}

package org.hotline.agent.tickets;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import io.grpc.Status;
import org.hotline.api.v1.CreateWorkOrderRequest;
import org.hotline.api.v1.DispatchWorkOrderRequest;
import org.hotline.api.v1.OrgUnit;
import org.hotline.api.v1.OrgUnitKind;
import org.hotline.api.v1.WorkOrder;
import org.hotline.api.v1.WorkOrderField;
import org.hotline.api.v1.WorkOrderFieldKind;
import org.hotline.api.v1.WorkOrderStatus;
import org.hotline.api.v1.WorkOrderType;

/**
 * A work-order server in memory whose futures complete at once: idempotent Create by request id
 * (like the real one), Dispatch with a version check, and failures queued by the test.
 */
final class FakeWorkOrders implements WorkOrderGateway {
    static final WorkOrderType GAS_LEAK = WorkOrderType.newBuilder().setCode("gas_leak").setName("燃氣洩漏搶險")
            .addFields(field("site_address", "現場地址", WorkOrderFieldKind.WORK_ORDER_FIELD_ADDRESS, true))
            .addFields(field("smell_strength", "氣味強度(1-5)", WorkOrderFieldKind.WORK_ORDER_FIELD_NUMBER, true))
            .addFields(field("evacuated", "已疏散", WorkOrderFieldKind.WORK_ORDER_FIELD_YES_NO, true)).build();
    static final WorkOrderType APPOINTMENT = WorkOrderType.newBuilder().setCode("appointment").setName("預約上門")
            .addFields(field("site_address", "現場地址", WorkOrderFieldKind.WORK_ORDER_FIELD_ADDRESS, true))
            .addFields(field("visit_date", "上門日期", WorkOrderFieldKind.WORK_ORDER_FIELD_DATE, true))
            .addFields(WorkOrderField.newBuilder().setKey("slot").setLabel("時段")
                    .setKind(WorkOrderFieldKind.WORK_ORDER_FIELD_CHOICE).addChoices("上午").addChoices("下午"))
            .addFields(field("note", "備註", WorkOrderFieldKind.WORK_ORDER_FIELD_TEXT, false)).build();
    static final WorkOrderType INQUIRY = WorkOrderType.newBuilder().setCode("inquiry").setName("諮詢").build();

    final List<CreateWorkOrderRequest> creates = new ArrayList<>();
    final List<DispatchWorkOrderRequest> dispatches = new ArrayList<>();
    final Map<String, WorkOrder> orders = new LinkedHashMap<>();
    final Map<String, String> byRequest = new LinkedHashMap<>();
    final Deque<Status> createFailures = new ArrayDeque<>();
    final Deque<Status> dispatchFailures = new ArrayDeque<>();
    boolean down;
    /** Dispatch acts on the server but its answer is lost (the network drops after the request). */
    boolean loseDispatchAnswer;

    private static WorkOrderField field(String key, String label, WorkOrderFieldKind kind, boolean required) {
        return WorkOrderField.newBuilder().setKey(key).setLabel(label).setKind(kind).setRequired(required).build();
    }

    @Override
    public CompletableFuture<List<WorkOrderType>> types() {
        return down ? unavailable() : CompletableFuture.completedFuture(List.of(GAS_LEAK, APPOINTMENT, INQUIRY));
    }

    @Override
    public CompletableFuture<List<OrgUnit>> orgUnits() {
        return down ? unavailable() : CompletableFuture.completedFuture(List.of(
                unit("gas", "", OrgUnitKind.ORG_UNIT_DEPARTMENT, "燃氣搶修部"),
                unit("gas-east", "gas", OrgUnitKind.ORG_UNIT_TEAM, "東區搶修班"),
                unit("water", "", OrgUnitKind.ORG_UNIT_DEPARTMENT, "供水部")));
    }

    private static OrgUnit unit(String id, String parent, OrgUnitKind kind, String name) {
        return OrgUnit.newBuilder().setUnitId(id).setParentUnitId(parent).setKind(kind).setName(name).build();
    }

    @Override
    public CompletableFuture<WorkOrder> create(CreateWorkOrderRequest r) {
        creates.add(r);
        if (down) {
            return unavailable();
        }
        if (!createFailures.isEmpty()) {
            return CompletableFuture.failedFuture(createFailures.poll().asRuntimeException());
        }
        String no = byRequest.computeIfAbsent(r.getRequestId(), id -> {
            String n = "WO20261201-" + String.format("%06d", orders.size() + 1);
            orders.put(n, WorkOrder.newBuilder().setOrderNo(n).setTypeCode(r.getTypeCode()).setTitle(r.getTitle())
                    .setStatus(WorkOrderStatus.WORK_ORDER_NEW).setVersion(1).setSourceCallId(r.getSourceCallId())
                    .setCallerNumber(r.getCallerNumber()).setCustomerId(r.getCustomerId()).putAllFields(r.getFieldsMap())
                    .build());
            return n;
        });
        return CompletableFuture.completedFuture(orders.get(no));
    }

    @Override
    public CompletableFuture<WorkOrder> dispatch(DispatchWorkOrderRequest r) {
        dispatches.add(r);
        if (down) {
            return unavailable();
        }
        if (!dispatchFailures.isEmpty()) {
            return CompletableFuture.failedFuture(dispatchFailures.poll().asRuntimeException());
        }
        WorkOrder o = orders.get(r.getOrderNo());
        if (o == null) {
            return CompletableFuture.failedFuture(Status.NOT_FOUND.withDescription(r.getOrderNo()).asRuntimeException());
        }
        if (o.getVersion() != r.getVersion()) {
            return CompletableFuture.failedFuture(Status.ABORTED.withDescription("version " + r.getVersion()
                    + " (expected: " + o.getVersion() + ")").asRuntimeException());
        }
        WorkOrder next = o.toBuilder().setStatus(WorkOrderStatus.WORK_ORDER_DISPATCHED).setDepartmentId(r.getDepartmentId())
                .setTeamId(r.getTeamId()).setVersion(o.getVersion() + 1).build();
        orders.put(o.getOrderNo(), next);
        if (loseDispatchAnswer) {
            loseDispatchAnswer = false;
            down = true;
            return unavailable();
        }
        return CompletableFuture.completedFuture(next);
    }

    @Override
    public CompletableFuture<WorkOrder> get(String orderNo) {
        if (down) {
            return unavailable();
        }
        WorkOrder o = orders.get(orderNo);
        return o == null ? CompletableFuture.failedFuture(Status.NOT_FOUND.asRuntimeException())
                : CompletableFuture.completedFuture(o);
    }

    private static <T> CompletableFuture<T> unavailable() {
        return CompletableFuture.failedFuture(Status.UNAVAILABLE.withDescription("connection refused").asRuntimeException());
    }
}

package org.hotline.cti.api;

import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import com.google.protobuf.ByteString;
import com.google.protobuf.ProtocolMessageEnum;
import com.google.protobuf.Timestamp;
import io.grpc.stub.StreamObserver;
import org.hotline.api.v1.AcceptWorkOrderRequest;
import org.hotline.api.v1.AddAttachmentRequest;
import org.hotline.api.v1.AttachmentResponse;
import org.hotline.api.v1.CloseWorkOrderRequest;
import org.hotline.api.v1.CreateWorkOrderRequest;
import org.hotline.api.v1.DispatchWorkOrderRequest;
import org.hotline.api.v1.ExportChunk;
import org.hotline.api.v1.ExportWorkOrdersRequest;
import org.hotline.api.v1.FollowUpResponse;
import org.hotline.api.v1.FollowUpSatisfaction;
import org.hotline.api.v1.GetWorkOrderRequest;
import org.hotline.api.v1.ListOrgUnitsRequest;
import org.hotline.api.v1.ListOrgUnitsResponse;
import org.hotline.api.v1.ListWorkOrderTypesRequest;
import org.hotline.api.v1.OrgUnitKind;
import org.hotline.api.v1.ListWorkOrderTypesResponse;
import org.hotline.api.v1.ReassignWorkOrderRequest;
import org.hotline.api.v1.RecordFollowUpRequest;
import org.hotline.api.v1.ResolveWorkOrderRequest;
import org.hotline.api.v1.ReturnWorkOrderRequest;
import org.hotline.api.v1.SaveWorkOrderTypeRequest;
import org.hotline.api.v1.SaveWorkOrderTypeResponse;
import org.hotline.api.v1.SearchWorkOrdersRequest;
import org.hotline.api.v1.SearchWorkOrdersResponse;
import org.hotline.api.v1.UrgeWorkOrderRequest;
import org.hotline.api.v1.WorkOrderExportFormat;
import org.hotline.api.v1.WorkOrderFieldKind;
import org.hotline.api.v1.WorkOrderHistoryRequest;
import org.hotline.api.v1.WorkOrderHistoryResponse;
import org.hotline.api.v1.WorkOrderNotification;
import org.hotline.api.v1.WorkOrderNotificationsRequest;
import org.hotline.api.v1.WorkOrderNotificationsResponse;
import org.hotline.api.v1.WorkOrderPriority;
import org.hotline.api.v1.WorkOrderResponse;
import org.hotline.api.v1.WorkOrderSlaState;
import org.hotline.api.v1.WorkOrderStatus;
import org.hotline.api.v1.WorkOrderSummaryPeriod;
import org.hotline.api.v1.WorkOrderSummaryRequest;
import org.hotline.api.v1.WorkOrderSummaryResponse;
import org.hotline.api.v1.WorkOrderSummaryRow;
import org.hotline.api.v1.WorkOrdersGrpc;
import org.hotline.cti.admin.AdminAudit;
import org.hotline.cti.admin.Editor;
import org.hotline.cti.security.Session;
import org.hotline.cti.workorders.Actor;
import org.hotline.cti.workorders.FieldDefinition;
import org.hotline.cti.workorders.FieldKind;
import org.hotline.cti.workorders.FollowUp;
import org.hotline.cti.workorders.NewWorkOrder;
import org.hotline.cti.workorders.OrgUnit;
import org.hotline.cti.workorders.Priority;
import org.hotline.cti.workorders.Satisfaction;
import org.hotline.cti.workorders.SummaryPeriod;
import org.hotline.cti.workorders.WorkOrderEvent;
import org.hotline.cti.workorders.WorkOrderFeature;
import org.hotline.cti.workorders.WorkOrderQuery;
import org.hotline.cti.workorders.WorkOrderType;

/**
 * The WorkOrders gRPC service: proto to command, command to proto, role checks first. The
 * feature blocks on the database, which is fine on the gRPC executor (never the event loop).
 */
final class WorkOrderService extends WorkOrdersGrpc.WorkOrdersImplBase {
    private static final int EXPORT_CAP = 100_000;
    private static final int CHUNK = 64 * 1024;

    private final WorkOrderFeature feature;
    private final RequestIds requestIds;
    private final AdminAudit audit;

    WorkOrderService(WorkOrderFeature feature, RequestIds requestIds, AdminAudit audit) {
        this.feature = feature;
        this.requestIds = requestIds;
        this.audit = java.util.Objects.requireNonNull(audit, "audit");
    }

    private static Actor worker() {
        Session s = AuthInterceptor.session();
        if (!s.role().canWorkCalls()) {
            throw Errors.permission("role " + s.role() + " may not handle work orders (expected: agent, team lead or admin)");
        }
        return new Actor(s.agentId(), s.role());
    }

    private static Actor lead() {
        Actor a = worker();
        if (!a.role().canSupervise()) {
            throw Errors.permission("role " + a.role() + " may not export work orders (expected: team lead or admin)");
        }
        return a;
    }

    /** Counts for the screens that show them: team leads, administrators and the wallboard. */
    private static void summaryReader() {
        Session s = AuthInterceptor.session();
        if (!s.role().canSupervise() && s.role() != org.hotline.cti.security.Role.WALLBOARD) {
            throw Errors.permission("role " + s.role() + " may not summarise work orders (expected: team lead, admin or wallboard)");
        }
    }

    private static Actor admin() {
        Actor a = worker();
        if (a.role() != org.hotline.cti.security.Role.ADMIN) {
            throw Errors.permission("role " + a.role() + " may not define work-order types (expected: admin)");
        }
        return a;
    }

    @Override
    public void create(CreateWorkOrderRequest r, StreamObserver<WorkOrderResponse> out) {
        unary(out, () -> {
            Actor a = worker();
            NewWorkOrder n = new NewWorkOrder(r.getTypeCode(), domain(Priority.class, r.getPriority(), "WORK_ORDER_"),
                    r.getTitle(), r.getDescription(), blank(r.getCustomerId()), blank(r.getSourceCallId()),
                    blank(r.getCallerNumber()), blank(r.getArea()), blank(r.getAddress()), r.getFieldsMap());
            String orderNo = requestIds.once(a.agentId(), r.getRequestId(),
                    () -> CompletableFuture.completedFuture(feature.orders().create(a, n).orderNo()))
                    .toCompletableFuture().join();
            return order(feature.orders().get(a, orderNo));
        });
    }

    @Override
    public void get(GetWorkOrderRequest r, StreamObserver<WorkOrderResponse> out) {
        unary(out, () -> order(feature.orders().get(worker(), r.getOrderNo())));
    }

    @Override
    public void history(WorkOrderHistoryRequest r, StreamObserver<WorkOrderHistoryResponse> out) {
        unary(out, () -> {
            WorkOrderHistoryResponse.Builder b = WorkOrderHistoryResponse.newBuilder();
            for (WorkOrderEvent e : feature.orders().history(worker(), r.getOrderNo())) {
                var p = org.hotline.api.v1.WorkOrderEvent.newBuilder().setAt(ts(e.at())).setActorId(e.actorId())
                        .setAction(e.action().name()).setDetail(nz(e.detail())).setReason(nz(e.reason()));
                if (e.fromStatus() != null) {
                    p.setFromStatus(WorkOrderStatus.valueOf("WORK_ORDER_" + e.fromStatus().name()));
                }
                if (e.toStatus() != null) {
                    p.setToStatus(WorkOrderStatus.valueOf("WORK_ORDER_" + e.toStatus().name()));
                }
                b.addEvents(p);
            }
            return b.build();
        });
    }

    @Override
    public void dispatch(DispatchWorkOrderRequest r, StreamObserver<WorkOrderResponse> out) {
        unary(out, () -> order(feature.orders().dispatch(worker(), r.getOrderNo(), r.getVersion(), r.getDepartmentId(),
                r.getTeamId(), r.getAssigneeId(), blank(r.getNote()))));
    }

    @Override
    public void reassign(ReassignWorkOrderRequest r, StreamObserver<WorkOrderResponse> out) {
        unary(out, () -> order(feature.orders().reassign(worker(), r.getOrderNo(), r.getVersion(), r.getDepartmentId(),
                r.getTeamId(), r.getAssigneeId(), blank(r.getReason()))));
    }

    @Override
    public void accept(AcceptWorkOrderRequest r, StreamObserver<WorkOrderResponse> out) {
        unary(out, () -> order(feature.orders().accept(worker(), r.getOrderNo(), r.getVersion())));
    }

    @Override
    public void return_(ReturnWorkOrderRequest r, StreamObserver<WorkOrderResponse> out) {
        unary(out, () -> order(feature.orders().returnOrder(worker(), r.getOrderNo(), r.getVersion(), r.getReason())));
    }

    @Override
    public void urge(UrgeWorkOrderRequest r, StreamObserver<WorkOrderResponse> out) {
        unary(out, () -> order(feature.orders().urge(worker(), r.getOrderNo(), r.getMessage())));
    }

    @Override
    public void escalate(org.hotline.api.v1.EscalateWorkOrderRequest r, StreamObserver<WorkOrderResponse> out) {
        unary(out, () -> order(feature.orders().escalate(leadOnly("escalate work orders"), r.getOrderNo(), r.getVersion(),
                r.getReason())));
    }

    @Override
    public void counts(org.hotline.api.v1.WorkOrderCountsRequest r,
                       StreamObserver<org.hotline.api.v1.WorkOrderCountsResponse> out) {
        unary(out, () -> {
            leadOnly("count work orders");
            String column = switch (r.getDimension()) {
                case WORK_ORDER_DIMENSION_STATUS -> "status";
                case WORK_ORDER_DIMENSION_TYPE -> "type_code";
                case WORK_ORDER_DIMENSION_AREA -> "area";
                case WORK_ORDER_DIMENSION_DEPARTMENT -> "department_id";
                default -> throw Errors.invalid("dimension: " + r.getDimension()
                        + " (expected: STATUS, TYPE, AREA or DEPARTMENT)");
            };
            org.hotline.api.v1.WorkOrderCountsResponse.Builder b = org.hotline.api.v1.WorkOrderCountsResponse.newBuilder();
            feature.orders().counts(column, r.getOpenOnly(), r.hasCreatedFrom() ? instant(r.getCreatedFrom()) : null,
                    r.hasCreatedTo() ? instant(r.getCreatedTo()) : null).forEach(c -> b.addCounts(
                    org.hotline.api.v1.WorkOrderCount.newBuilder().setKey(c.key()).setTotal(c.total())
                            .setWarning(c.warning()).setOverdue(c.overdue())));
            return b.build();
        });
    }

    private static Actor leadOnly(String what) {
        Actor a = worker();
        if (!a.role().canSupervise()) {
            throw Errors.permission("role " + a.role() + " may not " + what + " (expected: team lead or admin)");
        }
        return a;
    }

    @Override
    public void resolve(ResolveWorkOrderRequest r, StreamObserver<WorkOrderResponse> out) {
        unary(out, () -> order(feature.orders().resolve(worker(), r.getOrderNo(), r.getVersion(), r.getResolution())));
    }

    @Override
    public void close(CloseWorkOrderRequest r, StreamObserver<WorkOrderResponse> out) {
        unary(out, () -> order(feature.orders().close(worker(), r.getOrderNo(), r.getVersion(), blank(r.getNote()))));
    }

    @Override
    public void recordFollowUp(RecordFollowUpRequest r, StreamObserver<FollowUpResponse> out) {
        unary(out, () -> {
            FollowUp f = feature.orders().recordFollowUp(worker(), r.getOrderNo(), r.getFollowUpVersion(),
                    domain(Satisfaction.class, r.getSatisfaction(), "FOLLOW_UP_"), blank(r.getNote()));
            FollowUpResponse.Builder b = FollowUpResponse.newBuilder().setDueAt(ts(f.dueAt()))
                    .setDone(f.status() == FollowUp.Status.DONE).setNote(nz(f.note())).setCalledBy(nz(f.calledBy()))
                    .setVersion(f.version());
            if (f.satisfaction() != null) {
                b.setSatisfaction(FollowUpSatisfaction.valueOf("FOLLOW_UP_" + f.satisfaction().name()));
            }
            return b.build();
        });
    }

    @Override
    public void addAttachment(AddAttachmentRequest r, StreamObserver<AttachmentResponse> out) {
        unary(out, () -> {
            var a = feature.orders().attach(worker(), r.getOrderNo(), r.getFileName(), r.getContentType(),
                    r.getContent().toByteArray());
            return AttachmentResponse.newBuilder().setAttachmentId(a.id()).setFileName(a.fileName())
                    .setSizeBytes(a.sizeBytes()).setSha256(a.sha256()).build();
        });
    }

    @Override
    public void search(SearchWorkOrdersRequest r, StreamObserver<SearchWorkOrdersResponse> out) {
        unary(out, () -> {
            Actor a = worker();
            SearchWorkOrdersResponse.Builder b = SearchWorkOrdersResponse.newBuilder();
            feature.orders().search(a, query(r.getQuery(), r.getQuery().getLimit())).forEach(o -> b.addOrders(order(o).getOrder()));
            return b.build();
        });
    }

    @Override
    public void export(ExportWorkOrdersRequest r, StreamObserver<ExportChunk> out) {
        try {
            Actor a = lead();
            int max = r.getMaxRows() <= 0 ? EXPORT_CAP : Math.min(r.getMaxRows(), EXPORT_CAP);
            boolean excel = r.getFormat() == WorkOrderExportFormat.WORK_ORDER_EXPORT_XLSX;
            if (!excel && r.getFormat() != WorkOrderExportFormat.WORK_ORDER_EXPORT_CSV) {
                throw Errors.invalid("format: " + r.getFormat() + " (expected: WORK_ORDER_EXPORT_CSV or WORK_ORDER_EXPORT_XLSX)");
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            WorkOrderQuery q = query(r.getQuery(), WorkOrderQuery.MAX_LIMIT);
            if (excel) {
                feature.orders().exportExcel(a, q, max, bytes);
            } else {
                feature.orders().exportCsv(a, q, max, bytes);
            }
            byte[] all = bytes.toByteArray();
            String name = "work-orders." + (excel ? "xlsx" : "csv");
            for (int off = 0; off == 0 || off < all.length; off += CHUNK) {
                ExportChunk.Builder c = ExportChunk.newBuilder()
                        .setData(ByteString.copyFrom(all, off, Math.min(CHUNK, all.length - off)));
                if (off == 0) {
                    c.setFileName(name);
                }
                out.onNext(c.build());
            }
            out.onCompleted();
        } catch (RuntimeException e) {
            out.onError(Errors.toStatus(e));
        }
    }

    @Override
    public void summary(WorkOrderSummaryRequest r, StreamObserver<WorkOrderSummaryResponse> out) {
        unary(out, () -> {
            summaryReader();
            WorkOrderSummaryResponse.Builder b = WorkOrderSummaryResponse.newBuilder();
            feature.orders().summary(domain(SummaryPeriod.class, r.getPeriod(), "WORK_ORDER_SUMMARY_"),
                    instant(r.getFrom()), instant(r.getTo())).forEach(row -> b.addRows(WorkOrderSummaryRow.newBuilder()
                    .setPeriodStart(row.periodStart().toString()).setCreated(row.created()).setResolved(row.resolved())
                    .setClosed(row.closed()).setReturned(row.returned()).setOverdue(row.overdue())));
            return b.build();
        });
    }

    @Override
    public void listTypes(ListWorkOrderTypesRequest r, StreamObserver<ListWorkOrderTypesResponse> out) {
        unary(out, () -> {
            worker();
            ListWorkOrderTypesResponse.Builder b = ListWorkOrderTypesResponse.newBuilder();
            for (WorkOrderType t : feature.admin().types()) {
                var p = org.hotline.api.v1.WorkOrderType.newBuilder().setCode(t.code()).setName(t.name())
                        .setConfidential(t.confidential());
                for (FieldDefinition f : t.fields()) {
                    p.addFields(org.hotline.api.v1.WorkOrderField.newBuilder().setKey(f.key()).setLabel(f.label())
                            .setKind(WorkOrderFieldKind.valueOf("WORK_ORDER_FIELD_" + f.kind().name()))
                            .setRequired(f.required()).addAllChoices(f.choices()));
                }
                b.addTypes(p);
            }
            return b.build();
        });
    }

    @Override
    public void listOrgUnits(ListOrgUnitsRequest r, StreamObserver<ListOrgUnitsResponse> out) {
        unary(out, () -> {
            worker();
            ListOrgUnitsResponse.Builder b = ListOrgUnitsResponse.newBuilder();
            for (OrgUnit u : feature.admin().orgTree().units()) {
                b.addUnits(org.hotline.api.v1.OrgUnit.newBuilder().setUnitId(u.unitId()).setParentUnitId(nz(u.parentUnitId()))
                        .setKind(u.kind() == OrgUnit.Kind.DEPARTMENT ? OrgUnitKind.ORG_UNIT_DEPARTMENT : OrgUnitKind.ORG_UNIT_TEAM)
                        .setName(u.name()));
            }
            return b.build();
        });
    }

    @Override
    public void saveType(SaveWorkOrderTypeRequest r, StreamObserver<SaveWorkOrderTypeResponse> out) {
        unary(out, () -> {
            var p = r.getType();
            Actor who = worker();
            Editor editor = new Editor(who.agentId(), who.role());
            String target = "work_order_type:" + p.getCode();
            if (who.role() != org.hotline.cti.security.Role.ADMIN) {
                audit.denied(editor, "admin.work_order_type.save", target);
            }
            admin();
            List<FieldDefinition> fields = new ArrayList<>();
            for (var f : p.getFieldsList()) {
                fields.add(new FieldDefinition(f.getKey(), f.getLabel(), domain(FieldKind.class, f.getKind(),
                        "WORK_ORDER_FIELD_"), f.getRequired(), f.getChoicesList()));
            }
            WorkOrderType type = new WorkOrderType(p.getCode(), p.getName(), p.getConfidential(), fields);
            String before = feature.admin().type(type.code()).map(WorkOrderService::describe).orElse(AdminAudit.NONE);
            feature.admin().saveType(type);
            audit.changed(editor, "admin.work_order_type.save", target, before, describe(type));
            return SaveWorkOrderTypeResponse.getDefaultInstance();
        });
    }

    @Override
    public void notifications(WorkOrderNotificationsRequest r, StreamObserver<WorkOrderNotificationsResponse> out) {
        unary(out, () -> {
            Actor a = worker();
            if (r.getMarkReadUpTo() > 0) {
                feature.notifier().markRead(a.agentId(), r.getMarkReadUpTo());
            }
            WorkOrderNotificationsResponse.Builder b = WorkOrderNotificationsResponse.newBuilder();
            feature.notifier().unread(a.agentId()).forEach(n -> b.addNotifications(WorkOrderNotification.newBuilder()
                    .setId(n.id()).setOrderNo(nz(n.orderNo())).setKind(n.kind().name()).setMessage(n.message())
                    .setAt(ts(n.at()))));
            return b.build();
        });
    }

    // ---- mapping

    private static String describe(WorkOrderType t) {
        return "name=" + t.name() + ", confidential=" + t.confidential() + ", fields=" + t.fields().stream()
                .map(f -> f.key() + ":" + f.kind() + (f.required() ? "*" : "")).toList();
    }

    private static <T> void unary(StreamObserver<T> out, Supplier<T> call) {
        T result;
        try {
            result = call.get();
        } catch (RuntimeException e) {
            out.onError(Errors.toStatus(e));
            return;
        }
        out.onNext(result);
        out.onCompleted();
    }

    private static WorkOrderResponse order(org.hotline.cti.workorders.WorkOrder o) {
        var b = org.hotline.api.v1.WorkOrder.newBuilder().setOrderNo(o.orderNo()).setTypeCode(o.typeCode())
                .setPriority(WorkOrderPriority.valueOf("WORK_ORDER_" + o.priority().name()))
                .setStatus(WorkOrderStatus.valueOf("WORK_ORDER_" + o.status().name()))
                .setSlaState(WorkOrderSlaState.valueOf("WORK_ORDER_" + o.slaState().name()))
                .setTitle(o.title()).setDescription(o.description()).setConfidential(o.confidential())
                .setCustomerId(nz(o.customerId())).setSourceCallId(nz(o.sourceCallId()))
                .setCallerNumber(nz(o.callerNumber())).setArea(nz(o.area())).setAddress(nz(o.address()))
                .setCreatorId(o.creatorId()).setDepartmentId(nz(o.departmentId())).setTeamId(nz(o.teamId()))
                .setAssigneeId(nz(o.assigneeId())).setCreatedAt(ts(o.createdAt()))
                .setRespondBy(ts(o.deadlines().respondBy())).setResolveBy(ts(o.deadlines().resolveBy()))
                .setEscalationLevel(o.escalationLevel()).setResolution(nz(o.resolution()))
                .setReturnReason(nz(o.returnReason())).setVersion(o.version()).putAllFields(o.fields());
        if (o.resolvedAt() != null) {
            b.setResolvedAt(ts(o.resolvedAt()));
        }
        return WorkOrderResponse.newBuilder().setOrder(b).build();
    }

    private static WorkOrderQuery query(org.hotline.api.v1.WorkOrderQuery q, int limit) {
        Set<org.hotline.cti.workorders.WorkOrderStatus> statuses = EnumSet.noneOf(org.hotline.cti.workorders.WorkOrderStatus.class);
        for (WorkOrderStatus s : q.getStatusesList()) {
            statuses.add(domain(org.hotline.cti.workorders.WorkOrderStatus.class, s, "WORK_ORDER_"));
        }
        Set<org.hotline.cti.workorders.SlaState> sla = EnumSet.noneOf(org.hotline.cti.workorders.SlaState.class);
        for (org.hotline.api.v1.WorkOrderSlaState s : q.getSlaStatesList()) {
            sla.add(domain(org.hotline.cti.workorders.SlaState.class, s, "WORK_ORDER_"));
        }
        return new WorkOrderQuery(blank(q.getOrderNo()), blank(q.getArea()), blank(q.getTypeCode()),
                blank(q.getCustomerId()), blank(q.getCallerNumber()), blank(q.getAddressFragment()),
                blank(q.getCreatorId()), blank(q.getDepartmentId()), blank(q.getTeamId()), statuses,
                q.hasCreatedFrom() ? instant(q.getCreatedFrom()) : null, q.hasCreatedTo() ? instant(q.getCreatedTo()) : null,
                limit <= 0 ? 50 : limit, q.getBeforeId() > 0 ? q.getBeforeId() : null, sla);
    }

    /** The domain enum of the same name after {@code prefix}; UNSPECIFIED or unknown values are INVALID_ARGUMENT. */
    private static <E extends Enum<E>> E domain(Class<E> type, ProtocolMessageEnum value, String prefix) {
        String name = ((Enum<?>) value).name();
        try {
            return Enum.valueOf(type, name.substring(prefix.length()));
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            throw Errors.invalid(type.getSimpleName() + ": " + name + " (expected one of: "
                    + EnumSet.allOf(type).stream().map(v -> prefix + v.name()).toList() + ")");
        }
    }

    private static Timestamp ts(Instant i) {
        return Timestamp.newBuilder().setSeconds(i.getEpochSecond()).setNanos(i.getNano()).build();
    }

    private static Instant instant(Timestamp t) {
        return Instant.ofEpochSecond(t.getSeconds(), t.getNanos());
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}

package org.hotline.supervisor.orders;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.hotline.agent.ErrorTexts;
import org.hotline.agent.Messages;
import org.hotline.agent.desk.Durations;
import org.hotline.api.v1.OrgUnit;
import org.hotline.api.v1.OrgUnitKind;
import org.hotline.api.v1.WorkOrder;
import org.hotline.api.v1.WorkOrderCount;
import org.hotline.api.v1.WorkOrderDimension;
import org.hotline.api.v1.WorkOrderSlaState;

import static java.util.Objects.requireNonNull;

/**
 * Work-order oversight for the team lead: the open orders in Overdue and in Warning, the open
 * orders counted by status, type, area or department, and reassign / urge / escalate on the
 * selected order. Refreshed on demand and every minute by the view.
 */
public final class OversightViewModel {
    static final int LIMIT = 500;
    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final OversightGateway gateway;
    private final Messages texts;
    private final ErrorTexts errors;
    private final Clock clock;
    private final ObservableList<OrderRow> overdue = FXCollections.observableArrayList();
    private final ObservableList<OrderRow> warning = FXCollections.observableArrayList();
    private final ObservableList<CountRow> counts = FXCollections.observableArrayList();
    private final ObservableList<OrgUnit> departments = FXCollections.observableArrayList();
    private final Map<String, OrgUnit> units = new HashMap<>();
    private final ObjectProperty<WorkOrderDimension> dimension =
            new SimpleObjectProperty<>(WorkOrderDimension.WORK_ORDER_DIMENSION_STATUS);
    private final ObjectProperty<OrderRow> selected = new SimpleObjectProperty<>();
    private final BooleanProperty loading = new SimpleBooleanProperty();
    private final StringProperty updated = new SimpleStringProperty("");
    private final StringProperty notice = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty("");

    public OversightViewModel(OversightGateway gateway, Messages desk, Messages texts, Clock clock) {
        this.gateway = requireNonNull(gateway, "gateway");
        this.texts = requireNonNull(texts, "texts");
        this.errors = new ErrorTexts(desk);
        this.clock = requireNonNull(clock, "clock");
        dimension.addListener((o, a, b) -> refreshCounts());
    }

    /** An order as the lists show it. */
    public record OrderRow(WorkOrder order, String orderNo, String type, String title, String area, String department,
                           String assignee, String due, int level) {
    }

    /** One group of the counts. */
    public record CountRow(String key, long total, long warning, long overdue) {
    }

    /** Loads both lists, the counts and (once) the departments. */
    public void refresh() {
        loading.set(true);
        error.set("");
        CompletableFuture<Void> units = this.units.isEmpty() ? gateway.orgUnits().thenAccept(this::units)
                : CompletableFuture.completedFuture(null);
        CompletableFuture<List<WorkOrder>> late = gateway.open(WorkOrderSlaState.WORK_ORDER_OVERDUE, LIMIT);
        CompletableFuture<List<WorkOrder>> warn = gateway.open(WorkOrderSlaState.WORK_ORDER_WARNING, LIMIT);
        CompletableFuture.allOf(units, late, warn).whenComplete((v, t) -> {
            loading.set(false);
            if (t != null) {
                error.set(texts.get("orders.load_failed") + ": " + errors.of(t));
                return;
            }
            Instant now = clock.instant();
            String keep = selected.get() == null ? null : selected.get().orderNo();
            overdue.setAll(late.join().stream().map(o -> row(o, now)).toList());
            warning.setAll(warn.join().stream().map(o -> row(o, now)).toList());
            selected.set(find(keep));
            updated.set(texts.get("orders.updated", LocalTime.ofInstant(now, clock.getZone()).format(HH_MM)));
        });
        refreshCounts();
    }

    private void units(List<OrgUnit> list) {
        list.forEach(u -> units.put(u.getUnitId(), u));
        departments.setAll(list.stream().filter(u -> u.getKind() == OrgUnitKind.ORG_UNIT_DEPARTMENT).toList());
    }

    private void refreshCounts() {
        WorkOrderDimension d = dimension.get();
        gateway.counts(d).whenComplete((list, t) -> {
            if (t != null) {
                error.set(texts.get("orders.load_failed") + ": " + errors.of(t));
            } else if (d == dimension.get()) {
                counts.setAll(list.stream().map(c -> new CountRow(countKey(d, c), c.getTotal(), c.getWarning(), c.getOverdue()))
                        .toList());
            }
        });
    }

    private String countKey(WorkOrderDimension d, WorkOrderCount c) {
        if (c.getKey().isEmpty()) {
            return texts.get("orders.none");
        }
        return switch (d) {
            case WORK_ORDER_DIMENSION_STATUS -> texts.get("orders.status." + c.getKey().toLowerCase(Locale.ROOT));
            case WORK_ORDER_DIMENSION_DEPARTMENT -> unitName(c.getKey());
            default -> c.getKey();
        };
    }

    private String unitName(String id) {
        OrgUnit u = units.get(id);
        return u == null ? id : u.getName();
    }

    private OrderRow row(WorkOrder o, Instant now) {
        String due = "";
        if (o.hasResolveBy()) {
            Instant by = Instant.ofEpochSecond(o.getResolveBy().getSeconds());
            Duration left = Duration.between(now, by);
            due = left.isNegative() ? texts.get("orders.overdue_by", Durations.clock(left.negated()))
                    : texts.get("orders.due_in", Durations.clock(left));
        }
        String department = o.getDepartmentId().isEmpty() ? "" : unitName(o.getDepartmentId())
                + (o.getTeamId().isEmpty() ? "" : " / " + unitName(o.getTeamId()));
        return new OrderRow(o, o.getOrderNo(), o.getTypeCode(), o.getTitle(), o.getArea(), department, o.getAssigneeId(), due,
                o.getEscalationLevel());
    }

    private OrderRow find(String orderNo) {
        if (orderNo == null) {
            return null;
        }
        for (List<OrderRow> list : List.of(overdue, warning)) {
            for (OrderRow r : list) {
                if (r.orderNo().equals(orderNo)) {
                    return r;
                }
            }
        }
        return null;
    }

    /** The teams of {@code department}, for the reassign dialog. */
    public List<OrgUnit> teamsOf(OrgUnit department) {
        List<OrgUnit> out = new ArrayList<>();
        for (OrgUnit u : units.values()) {
            if (u.getKind() == OrgUnitKind.ORG_UNIT_TEAM && u.getParentUnitId().equals(department.getUnitId())) {
                out.add(u);
            }
        }
        out.sort(java.util.Comparator.comparing(OrgUnit::getUnitId));
        return out;
    }

    public void reassign(OrgUnit department, OrgUnit team, String reason) {
        if (department == null) {
            error.set(texts.get("orders.department_required"));
            return;
        }
        act("orders.reassign", o -> gateway.reassign(o, department.getUnitId(), team == null ? "" : team.getUnitId(),
                reason == null ? "" : reason.strip()));
    }

    public void urge(String message) {
        act("orders.urge", o -> gateway.urge(o, message == null ? "" : message.strip()));
    }

    public void escalate(String reason) {
        if (reason == null || reason.isBlank()) {
            error.set(texts.get("orders.reason_required"));
            return;
        }
        act("orders.escalate", o -> gateway.escalate(o, reason.strip()));
    }

    private void act(String what, Function<WorkOrder, CompletableFuture<WorkOrder>> action) {
        OrderRow r = selected.get();
        if (r == null) {
            error.set(texts.get("orders.none_selected"));
            return;
        }
        error.set("");
        notice.set("");
        action.apply(r.order()).whenComplete((o, t) -> {
            if (t != null) {
                error.set(texts.get(what) + " " + r.orderNo() + ": " + errors.of(t));
                return;
            }
            notice.set(texts.get(what + ".done", r.orderNo()));
            replace(row(o, clock.instant()));
            refreshCounts();
        });
    }

    private void replace(OrderRow updated) {
        for (ObservableList<OrderRow> list : List.of(overdue, warning)) {
            for (int i = 0; i < list.size(); i++) {
                if (list.get(i).orderNo().equals(updated.orderNo())) {
                    list.set(i, updated);
                    if (selected.get() != null && selected.get().orderNo().equals(updated.orderNo())) {
                        selected.set(updated);
                    }
                }
            }
        }
    }

    public ObservableList<OrderRow> overdue() {
        return overdue;
    }

    public ObservableList<OrderRow> warning() {
        return warning;
    }

    public ObservableList<CountRow> counts() {
        return counts;
    }

    public ObservableList<OrgUnit> departments() {
        return departments;
    }

    public ObjectProperty<WorkOrderDimension> dimensionProperty() {
        return dimension;
    }

    public ObjectProperty<OrderRow> selectedProperty() {
        return selected;
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading;
    }

    public ReadOnlyStringProperty updatedProperty() {
        return updated;
    }

    public ReadOnlyStringProperty noticeProperty() {
        return notice;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error;
    }
}

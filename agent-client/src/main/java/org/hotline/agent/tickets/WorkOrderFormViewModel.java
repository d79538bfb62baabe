package org.hotline.agent.tickets;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

import io.grpc.Status;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.hotline.agent.ErrorTexts;
import org.hotline.agent.Messages;
import org.hotline.agent.connection.LinkState;
import org.hotline.api.v1.CreateWorkOrderRequest;
import org.hotline.api.v1.DispatchWorkOrderRequest;
import org.hotline.api.v1.OrgUnit;
import org.hotline.api.v1.OrgUnitKind;
import org.hotline.api.v1.WorkOrder;
import org.hotline.api.v1.WorkOrderField;
import org.hotline.api.v1.WorkOrderFieldKind;
import org.hotline.api.v1.WorkOrderPriority;
import org.hotline.api.v1.WorkOrderStatus;
import org.hotline.api.v1.WorkOrderType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static java.util.Objects.requireNonNull;

/**
 * Work-order entry: the form generated from the chosen type's custom fields plus the fixed
 * fields, validated as the agent types, pre-filled from the call and the customer, and saved as
 * Create then Dispatch. What the agent types is on disk (a {@link Draft}) from the first
 * keystroke until the server has acknowledged both calls; a save while the server is
 * unreachable is queued and sent, with its original request id, when the link is back.
 * Lives on the FX thread; holds no node.
 */
public final class WorkOrderFormViewModel {
    private static final Logger log = LoggerFactory.getLogger(WorkOrderFormViewModel.class);
    static final Duration DRAFT_DEBOUNCE = Duration.ofMillis(400);
    static final int MAX_TITLE = 200;

    private final WorkOrderGateway gateway;
    private final DraftStore store;
    private final WorkOrderContext context;
    private final ObservableValue<LinkState> link;
    private final Messages messages;
    private final ErrorTexts errors;
    private final Clock clock;
    private final Delay delay;
    private final Supplier<String> requestIds;

    private final ObservableList<WorkOrderType> types = FXCollections.observableArrayList();
    private final ObservableList<OrgUnit> departments = FXCollections.observableArrayList();
    private final ObservableList<OrgUnit> teams = FXCollections.observableArrayList();
    private final List<OrgUnit> units = new ArrayList<>();
    private final ObjectProperty<WorkOrderType> type = new SimpleObjectProperty<>();
    private final ObjectProperty<WorkOrderPriority> priority = new SimpleObjectProperty<>(WorkOrderPriority.WORK_ORDER_NORMAL);
    private final StringProperty title = new SimpleStringProperty("");
    private final StringProperty description = new SimpleStringProperty("");
    private final StringProperty callerNumber = new SimpleStringProperty("");
    private final StringProperty customerId = new SimpleStringProperty("");
    private final StringProperty area = new SimpleStringProperty("");
    private final StringProperty address = new SimpleStringProperty("");
    private final StringProperty sourceCallId = new SimpleStringProperty("");
    private final ObjectProperty<OrgUnit> department = new SimpleObjectProperty<>();
    private final ObjectProperty<OrgUnit> team = new SimpleObjectProperty<>();
    private final ObservableList<FormField> fields = FXCollections.observableArrayList();
    private final StringProperty typeError = new SimpleStringProperty("");
    private final StringProperty titleError = new SimpleStringProperty("");
    private final StringProperty departmentError = new SimpleStringProperty("");
    private final BooleanProperty valid = new SimpleBooleanProperty();
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final BooleanProperty canSave = new SimpleBooleanProperty();
    private final StringProperty status = new SimpleStringProperty("");
    private final StringProperty lastOrderNo = new SimpleStringProperty("");
    private final ObservableList<Draft> pending = FXCollections.observableArrayList();
    private final ObservableList<Draft> recovered = FXCollections.observableArrayList();

    /** Custom-field values by key, kept across a change of type so nothing typed is dropped. */
    private final Map<String, String> typed = new HashMap<>();
    /** The value each field was last pre-filled with: a field still holding it follows the context. */
    private final Map<String, String> prefilled = new HashMap<>();
    private final Set<String> inFlight = new HashSet<>();
    private String requestId;
    /** Set when this form's Create was acknowledged but its Dispatch was not: the next save only dispatches. */
    private WorkOrder createdOrder;
    private String wantedType = "";
    private boolean programmatic;
    private boolean dirty;
    private boolean writeScheduled;
    private boolean loaded;

    public WorkOrderFormViewModel(WorkOrderGateway gateway, DraftStore store, WorkOrderContext context,
                                  ObservableValue<LinkState> link, Messages messages, Clock clock, Delay delay,
                                  Supplier<String> requestIds) {
        this.gateway = requireNonNull(gateway, "gateway");
        this.store = requireNonNull(store, "store");
        this.context = requireNonNull(context, "context");
        this.link = requireNonNull(link, "link");
        this.messages = requireNonNull(messages, "messages");
        this.errors = new ErrorTexts(messages);
        this.clock = requireNonNull(clock, "clock");
        this.delay = requireNonNull(delay, "delay");
        this.requestIds = requireNonNull(requestIds, "requestIds");
        this.requestId = requestIds.get();

        type.addListener((o, was, now) -> rebuildFields());
        department.addListener((o, was, now) -> {
            teams.setAll(now == null ? List.of() : units.stream().filter(u -> u.getKind() == OrgUnitKind.ORG_UNIT_TEAM
                    && u.getParentUnitId().equals(now.getUnitId())).toList());
            if (team.get() != null && !teams.contains(team.get())) {
                team.set(null);
            }
        });
        for (Observable p : List.of(type, priority, title, description, callerNumber, customerId, area, address,
                department, team)) {
            p.addListener(o -> changed());
        }
        context.callIdProperty().addListener(o -> prefillFromContext());
        context.callerNumberProperty().addListener(o -> prefillFromContext());
        context.ivrChoiceProperty().addListener(o -> prefillFromContext());
        context.customerAccountProperty().addListener(o -> prefillFromContext());
        context.customerAddressProperty().addListener(o -> prefillFromContext());
        context.customerAreaProperty().addListener(o -> prefillFromContext());
        context.handedOverProperty().addListener((o, was, now) -> takeOver(now));
        link.addListener((o, was, now) -> {
            if (now == LinkState.CONNECTED) {
                onConnected();
            }
        });
        busy.addListener(o -> validate());
        prefillFromContext();
        validate();
    }

    // --- start and reconnect ---

    /** Loads the types and departments, and the drafts left on disk by an earlier run. */
    public void start() {
        for (Draft d : store.readAll()) {
            if (d.state() == Draft.State.SUBMITTED) {
                pending.add(d);
            } else {
                recovered.add(d);
            }
        }
        if (!pending.isEmpty() || !recovered.isEmpty()) {
            log.info("{} work-order drafts left from an earlier run: {} to send, {} to offer", pending.size() + recovered.size(),
                    pending.size(), recovered.size());
        }
        load();
        if (online()) {
            submitPending();
        }
    }

    private void load() {
        gateway.types().whenComplete((list, e) -> {
            if (e != null) {
                status.set(messages.get("wo.status.types_failed", errors.of(e)));
                return;
            }
            loaded = true;
            types.setAll(list);
            if (!wantedType.isEmpty()) {
                selectType(wantedType);
            }
        });
        gateway.orgUnits().whenComplete((list, e) -> {
            if (e != null) {
                status.set(messages.get("wo.status.types_failed", errors.of(e)));
                return;
            }
            units.clear();
            units.addAll(list);
            OrgUnit keep = department.get();
            departments.setAll(list.stream().filter(u -> u.getKind() == OrgUnitKind.ORG_UNIT_DEPARTMENT).toList());
            if (keep != null) {
                selectDepartment(keep.getUnitId(), team.get() == null ? "" : team.get().getUnitId());
            }
        });
    }

    private void onConnected() {
        if (!loaded || departments.isEmpty()) {
            load();
        }
        submitPending();
    }

    private boolean online() {
        return link.getValue() == LinkState.CONNECTED;
    }

    // --- the form ---

    private void rebuildFields() {
        WorkOrderType t = type.get();
        List<FormField> next = new ArrayList<>();
        if (t != null) {
            for (WorkOrderField def : t.getFieldsList()) {
                FormField f = new FormField(def, messages);
                String v = typed.get(def.getKey());
                boolean wasProgrammatic = programmatic;
                programmatic = true;
                if (v != null && !v.isEmpty()) {
                    f.valueProperty().set(v);
                } else if (def.getKind() == WorkOrderFieldKind.WORK_ORDER_FIELD_ADDRESS
                        && !context.customerAddressProperty().get().isBlank()) {
                    f.valueProperty().set(context.customerAddressProperty().get());
                    prefilled.put("field:" + def.getKey(), context.customerAddressProperty().get());
                }
                programmatic = wasProgrammatic;
                f.valueProperty().addListener((o, was, now) -> {
                    typed.put(def.getKey(), now);
                    changed();
                });
                f.errorProperty().addListener(o -> validate());
                next.add(f);
            }
        }
        fields.setAll(next);
        validate();
    }

    private void changed() {
        if (!programmatic) {
            dirty = true;
        }
        validate();
        if (dirty && !writeScheduled && !busy.get()) {
            writeScheduled = true;
            delay.after(DRAFT_DEBOUNCE, () -> {
                writeScheduled = false;
                flush();
            });
        }
    }

    private void validate() {
        typeError.set(type.get() == null ? messages.get("wo.error.type") : "");
        String t = title.get().strip();
        titleError.set(t.isEmpty() ? messages.get("wo.error.required")
                : t.length() > MAX_TITLE ? messages.get("wo.error.too_long", String.valueOf(MAX_TITLE)) : "");
        departmentError.set(department.get() == null ? messages.get("wo.error.department") : "");
        boolean ok = typeError.get().isEmpty() && titleError.get().isEmpty() && departmentError.get().isEmpty()
                && priority.get() != null && fields.stream().allMatch(FormField::valid);
        valid.set(ok);
        canSave.set(ok && !busy.get());
    }

    private void prefillFromContext() {
        prefill(sourceCallId, "call", context.callIdProperty().get());
        prefill(callerNumber, "caller", context.callerNumberProperty().get());
        prefill(customerId, "customer", context.customerAccountProperty().get());
        prefill(address, "address", context.customerAddressProperty().get());
        prefill(area, "area", context.customerAreaProperty().get());
        String ivr = context.ivrChoiceProperty().get();
        prefill(description, "ivr", ivr == null || ivr.isBlank() ? "" : messages.get("wo.ivr_line", ivr));
        for (FormField f : fields) {
            if (f.kind() == WorkOrderFieldKind.WORK_ORDER_FIELD_ADDRESS) {
                prefill(f.valueProperty(), "field:" + f.key(), context.customerAddressProperty().get());
            }
        }
    }

    /** Sets a pre-filled value unless the agent has typed something of their own there. */
    private void prefill(StringProperty target, String key, String value) {
        if (value == null || value.isBlank()) {
            return;
        }
        String current = target.get();
        if (current.isBlank() || current.equals(prefilled.get(key))) {
            boolean was = programmatic;
            programmatic = true;
            target.set(value);
            programmatic = was;
        }
        prefilled.put(key, value);
    }

    /** Chooses the type by code (once the types are loaded). */
    public void selectType(String code) {
        wantedType = code == null ? "" : code;
        types.stream().filter(t -> t.getCode().equals(code)).findFirst().ifPresent(type::set);
    }

    public void selectDepartment(String departmentId, String teamId) {
        departments.stream().filter(u -> u.getUnitId().equals(departmentId)).findFirst().ifPresent(department::set);
        teams.stream().filter(u -> u.getUnitId().equals(teamId)).findFirst().ifPresent(team::set);
    }

    /** The custom field of the current type with {@code key}. */
    public FormField field(String key) {
        return fields.stream().filter(f -> f.key().equals(key)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("field: " + key + " (expected one of: "
                        + fields.stream().map(FormField::key).toList() + ")"));
    }

    // --- drafts ---

    private CreateWorkOrderRequest request() {
        CreateWorkOrderRequest.Builder b = CreateWorkOrderRequest.newBuilder().setRequestId(requestId)
                .setTypeCode(type.get() == null ? wantedType : type.get().getCode())
                .setPriority(priority.get() == null ? WorkOrderPriority.WORK_ORDER_NORMAL : priority.get())
                .setTitle(title.get().strip()).setDescription(description.get().strip())
                .setCustomerId(customerId.get().strip()).setSourceCallId(sourceCallId.get())
                .setCallerNumber(callerNumber.get().strip()).setArea(area.get().strip()).setAddress(address.get().strip());
        for (FormField f : fields) {
            String v = f.valueProperty().get() == null ? "" : f.valueProperty().get().strip();
            if (!v.isEmpty()) {
                b.putFields(f.key(), v);
            }
        }
        return b.build();
    }

    private DispatchWorkOrderRequest dispatchPart() {
        DispatchWorkOrderRequest.Builder b = DispatchWorkOrderRequest.newBuilder()
                .setDepartmentId(department.get() == null ? "" : department.get().getUnitId())
                .setTeamId(team.get() == null ? "" : team.get().getUnitId());
        if (createdOrder != null) {
            b.setOrderNo(createdOrder.getOrderNo()).setVersion(createdOrder.getVersion());
        }
        return b.build();
    }

    /** Writes the form's draft now if the agent changed anything since it was last written. */
    public void flush() {
        if (!dirty || busy.get()) {
            return;
        }
        write(new Draft(Draft.State.EDITING, request(), dispatchPart(), clock.instant(), ""));
    }

    private boolean write(Draft d) {
        try {
            store.write(d);
            return true;
        } catch (IOException | RuntimeException e) {
            log.warn("work-order draft {} could not be written: {}", d.requestId(), e.getMessage());
            status.set(messages.get("wo.status.disk_failed", String.valueOf(e.getMessage())));
            return false;
        }
    }

    private void delete(Draft d) {
        try {
            store.delete(d.requestId());
        } catch (IOException e) {
            log.warn("work-order draft {} acknowledged but not deleted: {}", d.requestId(), e.getMessage());
        }
    }

    /** Clears the form and throws its draft away. */
    public void discard() {
        Draft d = new Draft(Draft.State.EDITING, request(), dispatchPart(), clock.instant(), "");
        delete(d);
        reset();
        status.set(messages.get("wo.status.discarded"));
    }

    /** Puts a draft left from an earlier run back into the form; the form's own work is kept as a draft. */
    public void restore(Draft d) {
        if (busy.get()) {
            return;
        }
        if (dirty) {
            Draft mine = new Draft(Draft.State.EDITING, request(), dispatchPart(), clock.instant(), "");
            if (write(mine)) {
                recovered.add(mine);
            }
        }
        recovered.remove(d);
        fill(d);
        dirty = true;
        flush();
        status.set(d.problem().isEmpty() ? messages.get("wo.status.restored") : d.problem());
    }

    /** Key prefix of the unsaved form in a call's attached data, so it follows the call to the next agent. */
    public static final String HAND_OVER = "wo.";

    /**
     * The unsaved form as attached call data, for the agent this call is handed to (consult,
     * transfer, conference); empty when nothing was typed. Keys: {@code wo.type}, {@code wo.priority},
     * {@code wo.title}, {@code wo.description}, {@code wo.area}, {@code wo.address}, {@code wo.department},
     * {@code wo.team}, {@code wo.field.<key>}.
     */
    public Map<String, String> handOver() {
        if (!dirty || busy.get() || title.get().isBlank() && description.get().isBlank() && typed.isEmpty()) {
            return Map.of();
        }
        CreateWorkOrderRequest r = request();
        DispatchWorkOrderRequest d = dispatchPart();
        Map<String, String> v = new java.util.LinkedHashMap<>();
        v.put(HAND_OVER + "type", r.getTypeCode());
        v.put(HAND_OVER + "priority", r.getPriority().name());
        v.put(HAND_OVER + "title", r.getTitle());
        v.put(HAND_OVER + "description", r.getDescription());
        v.put(HAND_OVER + "area", r.getArea());
        v.put(HAND_OVER + "address", r.getAddress());
        v.put(HAND_OVER + "department", d.getDepartmentId());
        v.put(HAND_OVER + "team", d.getTeamId());
        r.getFieldsMap().forEach((k, x) -> v.put(HAND_OVER + "field." + k, x));
        v.values().removeIf(String::isEmpty);
        return v;
    }

    /** Takes over a form handed over with the call, into an untouched form only (never over the agent's own typing). */
    void takeOver(Map<String, String> values) {
        if (dirty || busy.get() || !values.containsKey(HAND_OVER + "type") && !values.containsKey(HAND_OVER + "title")) {
            return;
        }
        CreateWorkOrderRequest.Builder c = CreateWorkOrderRequest.newBuilder().setRequestId(requestIds.get())
                .setTypeCode(values.getOrDefault(HAND_OVER + "type", ""))
                .setTitle(values.getOrDefault(HAND_OVER + "title", ""))
                .setDescription(values.getOrDefault(HAND_OVER + "description", ""))
                .setArea(values.getOrDefault(HAND_OVER + "area", area.get()))
                .setAddress(values.getOrDefault(HAND_OVER + "address", address.get()))
                .setCallerNumber(callerNumber.get()).setCustomerId(customerId.get()).setSourceCallId(context.callIdProperty().get());
        try {
            c.setPriority(WorkOrderPriority.valueOf(values.getOrDefault(HAND_OVER + "priority", "WORK_ORDER_NORMAL")));
        } catch (IllegalArgumentException e) {
            c.setPriority(WorkOrderPriority.WORK_ORDER_NORMAL);
        }
        values.forEach((k, x) -> {
            if (k.startsWith(HAND_OVER + "field.")) {
                c.putFields(k.substring((HAND_OVER + "field.").length()), x);
            }
        });
        DispatchWorkOrderRequest d = DispatchWorkOrderRequest.newBuilder()
                .setDepartmentId(values.getOrDefault(HAND_OVER + "department", ""))
                .setTeamId(values.getOrDefault(HAND_OVER + "team", "")).build();
        fill(new Draft(Draft.State.EDITING, c.build(), d, clock.instant(), ""));
        dirty = true;
        flush();
        status.set(messages.get("wo.status.handed_over"));
    }

    /** Deletes a draft left from an earlier run without sending it. */
    public void discardRecovered(Draft d) {
        delete(d);
        recovered.remove(d);
    }

    private void fill(Draft d) {
        programmatic = true;
        try {
            CreateWorkOrderRequest c = d.create();
            requestId = c.getRequestId();
            createdOrder = d.created() ? WorkOrder.newBuilder().setOrderNo(d.dispatch().getOrderNo())
                    .setVersion(d.dispatch().getVersion()).build() : null;
            typed.clear();
            typed.putAll(c.getFieldsMap());
            prefilled.clear();
            type.set(null);
            selectType(c.getTypeCode());
            priority.set(c.getPriority() == WorkOrderPriority.WORK_ORDER_PRIORITY_UNSPECIFIED
                    ? WorkOrderPriority.WORK_ORDER_NORMAL : c.getPriority());
            title.set(c.getTitle());
            description.set(c.getDescription());
            callerNumber.set(c.getCallerNumber());
            customerId.set(c.getCustomerId());
            area.set(c.getArea());
            address.set(c.getAddress());
            sourceCallId.set(c.getSourceCallId());
            department.set(null);
            selectDepartment(d.dispatch().getDepartmentId(), d.dispatch().getTeamId());
        } finally {
            programmatic = false;
        }
        validate();
    }

    private void reset() {
        programmatic = true;
        try {
            requestId = requestIds.get();
            createdOrder = null;
            typed.clear();
            prefilled.clear();
            wantedType = "";
            type.set(null);
            priority.set(WorkOrderPriority.WORK_ORDER_NORMAL);
            for (StringProperty p : List.of(title, description, callerNumber, customerId, area, address, sourceCallId)) {
                p.set("");
            }
            department.set(null);
            team.set(null);
            prefillFromContext();
        } finally {
            programmatic = false;
        }
        dirty = false;
        validate();
    }

    // --- save and submit ---

    /**
     * Saves the form: the draft goes to disk as submitted, then Create and Dispatch are sent. While
     * the server cannot be reached the draft waits on disk and the form is free for the next order.
     */
    public void save() {
        if (!canSave.get()) {
            return;
        }
        Draft d = new Draft(Draft.State.SUBMITTED, request(), dispatchPart(), clock.instant(), "");
        boolean onDisk = write(d);
        if (!online()) {
            if (onDisk) {
                queue(d);
            }
            return;
        }
        busy.set(true);
        status.set(messages.get("wo.status.sending"));
        submit(d).whenComplete((order, e) -> {
            busy.set(false);
            if (e == null) {
                reset();
                done(d, order);
                // The server answers again: drafts that failed while the link looked up go now.
                submitPending();
            } else if (unreachable(e)) {
                if (!onDisk) {
                    status.set(messages.get("wo.status.unsaved", errors.of(e)));
                    return;
                }
                queue(d);
            } else {
                rejected(d, e);
            }
        });
    }

    private void queue(Draft d) {
        pending.removeIf(p -> p.requestId().equals(d.requestId()));
        pending.add(d);
        reset();
        status.set(messages.get("wo.status.queued", pending.size()));
        log.info("work order {} kept on disk until the server is reachable ({} waiting)", d.requestId(), pending.size());
    }

    private void done(Draft d, WorkOrder order) {
        delete(d);
        pending.removeIf(p -> p.requestId().equals(d.requestId()));
        lastOrderNo.set(order.getOrderNo());
        status.set(messages.get("wo.status.created", order.getOrderNo(), unitName(order.getDepartmentId())));
        log.info("work order {} created and dispatched to {} (request {})", order.getOrderNo(), order.getDepartmentId(),
                d.requestId());
    }

    /** The server refused the form: it comes back for correction (the form is still showing it). */
    private void rejected(Draft d, Throwable e) {
        String why = errors.of(e);
        log.info("work order {} refused by the server: {}", d.requestId(), why);
        Draft latest = latestOnDisk(d);
        // The server remembers a refused request id's outcome: a corrected form needs a new one.
        if (!latest.created()) {
            delete(latest);
            requestId = requestIds.get();
        } else {
            createdOrder = WorkOrder.newBuilder().setOrderNo(latest.dispatch().getOrderNo())
                    .setVersion(latest.dispatch().getVersion()).build();
        }
        dirty = true;
        flush();
        status.set(messages.get("wo.status.rejected", why));
    }

    private Draft latestOnDisk(Draft d) {
        return store.readAll().stream().filter(x -> x.requestId().equals(d.requestId())).findFirst().orElse(d);
    }

    /** Sends every waiting draft with its original request id; each is deleted once acknowledged. */
    public void submitPending() {
        for (Draft d : List.copyOf(pending)) {
            if (inFlight.contains(d.requestId())) {
                continue;
            }
            submit(d).whenComplete((order, e) -> {
                if (e == null) {
                    done(d, order);
                } else if (!unreachable(e)) {
                    String why = errors.of(e);
                    Draft latest = latestOnDisk(d);
                    // Back to the agent for correction; a refused Create needs a new request id.
                    Draft back = latest.created() ? latest.with(Draft.State.EDITING, clock.instant(), why)
                            : new Draft(Draft.State.EDITING, latest.create().toBuilder().setRequestId(requestIds.get()).build(),
                            latest.dispatch(), clock.instant(), why);
                    if (write(back) && !latest.created()) {
                        delete(latest);
                    }
                    pending.remove(d);
                    recovered.add(back);
                    status.set(messages.get("wo.status.rejected", why));
                    log.info("queued work order {} refused by the server: {}", d.requestId(), why);
                } else {
                    status.set(messages.get("wo.status.queued", pending.size()));
                }
            });
        }
    }

    /** Create (skipped when already acknowledged), then Dispatch unless the order is dispatched already. */
    private CompletableFuture<WorkOrder> submit(Draft given) {
        // The copy on disk knows whether an earlier attempt's Create was acknowledged.
        Draft d = latestOnDisk(given);
        inFlight.add(d.requestId());
        CompletableFuture<WorkOrder> created = d.created() ? gateway.get(d.dispatch().getOrderNo()) : gateway.create(d.create());
        return created.thenCompose(order -> {
            Draft acked = new Draft(d.state(), d.create(), d.dispatch().toBuilder().setOrderNo(order.getOrderNo())
                    .setVersion(order.getVersion()).build(), clock.instant(), "");
            write(acked);
            if (alreadyDispatched(order, acked)) {
                return CompletableFuture.completedFuture(order);
            }
            return gateway.dispatch(acked.dispatch()).exceptionallyCompose(e -> conflict(e)
                    // A Dispatch that reached the server before the drop: the order moved on; see where to.
                    ? gateway.get(order.getOrderNo()).thenCompose(now -> alreadyDispatched(now, acked)
                    ? CompletableFuture.completedFuture(now) : CompletableFuture.failedFuture(e))
                    : CompletableFuture.failedFuture(e));
        }).whenComplete((o, e) -> inFlight.remove(d.requestId()));
    }

    private static boolean alreadyDispatched(WorkOrder o, Draft d) {
        return o.getStatus() != WorkOrderStatus.WORK_ORDER_NEW && o.getStatus() != WorkOrderStatus.WORK_ORDER_RETURNED
                && o.getDepartmentId().equals(d.dispatch().getDepartmentId());
    }

    private static Status.Code code(Throwable e) {
        Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
        return Status.fromThrowable(cause).getCode();
    }

    private static boolean unreachable(Throwable e) {
        Status.Code c = code(e);
        return c == Status.Code.UNAVAILABLE || c == Status.Code.DEADLINE_EXCEEDED || c == Status.Code.CANCELLED;
    }

    private static boolean conflict(Throwable e) {
        Status.Code c = code(e);
        return c == Status.Code.ABORTED || c == Status.Code.FAILED_PRECONDITION;
    }

    /** The department's or team's name for the agent, its id when unknown. */
    public String unitName(String unitId) {
        return units.stream().filter(u -> u.getUnitId().equals(unitId)).map(OrgUnit::getName).findFirst().orElse(unitId);
    }

    // --- properties ---

    public ObservableList<WorkOrderType> types() {
        return types;
    }

    public ObservableList<OrgUnit> departments() {
        return departments;
    }

    public ObservableList<OrgUnit> teams() {
        return teams;
    }

    public ObservableList<FormField> fields() {
        return fields;
    }

    public ObjectProperty<WorkOrderType> typeProperty() {
        return type;
    }

    public ObjectProperty<WorkOrderPriority> priorityProperty() {
        return priority;
    }

    public StringProperty titleProperty() {
        return title;
    }

    public StringProperty descriptionProperty() {
        return description;
    }

    public StringProperty callerNumberProperty() {
        return callerNumber;
    }

    public StringProperty customerIdProperty() {
        return customerId;
    }

    public StringProperty areaProperty() {
        return area;
    }

    public StringProperty addressProperty() {
        return address;
    }

    public ReadOnlyStringProperty sourceCallIdProperty() {
        return sourceCallId;
    }

    public ObjectProperty<OrgUnit> departmentProperty() {
        return department;
    }

    public ObjectProperty<OrgUnit> teamProperty() {
        return team;
    }

    public ReadOnlyStringProperty typeErrorProperty() {
        return typeError;
    }

    public ReadOnlyStringProperty titleErrorProperty() {
        return titleError;
    }

    public ReadOnlyStringProperty departmentErrorProperty() {
        return departmentError;
    }

    public ReadOnlyBooleanProperty validProperty() {
        return valid;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }

    public ReadOnlyBooleanProperty canSaveProperty() {
        return canSave;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status;
    }

    public ReadOnlyStringProperty lastOrderNoProperty() {
        return lastOrderNo;
    }

    /** Saved drafts waiting for the server. */
    public ObservableList<Draft> pending() {
        return pending;
    }

    /** Drafts left from an earlier run (or refused by the server) that the agent may restore or discard. */
    public ObservableList<Draft> recovered() {
        return recovered;
    }

    /** The request id the next save of this form sends. */
    public String requestId() {
        return requestId;
    }
}

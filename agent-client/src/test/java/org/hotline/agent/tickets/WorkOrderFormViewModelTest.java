package org.hotline.agent.tickets;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

import io.grpc.Status;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.hotline.agent.Messages;
import org.hotline.agent.connection.LinkState;
import org.hotline.api.v1.AttachedData;
import org.hotline.api.v1.Call;
import org.hotline.api.v1.WorkOrderFieldKind;
import org.hotline.api.v1.WorkOrderPriority;
import org.hotline.api.v1.WorkOrderStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class WorkOrderFormViewModelTest {
    private static final Messages EN = Messages.forLocale(Locale.ENGLISH);

    @TempDir
    Path dir;
    private final FakeWorkOrders server = new FakeWorkOrders();
    private final ObjectProperty<LinkState> link = new SimpleObjectProperty<>(LinkState.CONNECTED);
    private final List<Runnable> later = new ArrayList<>();
    private final AtomicInteger ids = new AtomicInteger();
    private final Clock clock = Clock.fixed(Instant.parse("2026-12-01T09:30:00Z"), ZoneOffset.UTC);
    private WorkOrderContext context;
    private DraftStore store;
    private WorkOrderFormViewModel vm;

    @BeforeEach
    void open() {
        context = new WorkOrderContext();
        store = new DraftStore(dir.resolve("drafts"));
        vm = newViewModel();
    }

    private WorkOrderFormViewModel newViewModel() {
        WorkOrderFormViewModel m = new WorkOrderFormViewModel(server, store, context, link, EN, clock,
                (after, task) -> later.add(task), () -> "req-" + ids.incrementAndGet());
        m.start();
        return m;
    }

    private void fillGasLeak() {
        vm.selectType("gas_leak");
        vm.priorityProperty().set(WorkOrderPriority.WORK_ORDER_URGENT);
        vm.titleProperty().set("樓道有燃氣味");
        vm.field("site_address").valueProperty().set("東城區中山路1號2棟");
        vm.field("smell_strength").valueProperty().set("4");
        vm.field("evacuated").valueProperty().set(FormField.YES);
        vm.selectDepartment("gas", "gas-east");
    }

    private static Call call(String callId, String caller, String... ivr) {
        return Call.newBuilder().setCallId(callId).setData(AttachedData.newBuilder().setCallerNumber(caller)
                .addAllIvrPath(List.of(ivr))).build();
    }

    private List<Path> draftFiles() throws Exception {
        if (!Files.isDirectory(store.directory())) {
            return List.of();
        }
        try (var files = Files.list(store.directory())) {
            return files.toList();
        }
    }

    @Test
    void formIsGeneratedFromTheChosenTypesCustomFields() {
        vm.selectType("appointment");

        assertThat(vm.fields()).extracting(FormField::key).containsExactly("site_address", "visit_date", "slot", "note");
        assertThat(vm.fields()).extracting(FormField::kind).containsExactly(WorkOrderFieldKind.WORK_ORDER_FIELD_ADDRESS,
                WorkOrderFieldKind.WORK_ORDER_FIELD_DATE, WorkOrderFieldKind.WORK_ORDER_FIELD_CHOICE,
                WorkOrderFieldKind.WORK_ORDER_FIELD_TEXT);
        vm.selectType("gas_leak");
        assertThat(vm.fields()).extracting(FormField::key).containsExactly("site_address", "smell_strength", "evacuated");
        vm.selectType("inquiry");
        assertThat(vm.fields()).isEmpty();
    }

    @Test
    void valueTypedInAFieldSurvivesSwitchingToAnotherTypeWithTheSameField() {
        vm.selectType("gas_leak");
        vm.field("site_address").valueProperty().set("人民路88號");
        vm.selectType("appointment");

        assertThat(vm.field("site_address").valueProperty().get()).isEqualTo("人民路88號");
    }

    @Test
    void requiredFieldSaysRequiredUntilFilled() {
        vm.selectType("gas_leak");
        FormField smell = vm.field("smell_strength");

        assertThat(smell.errorProperty().get()).isEqualTo(EN.get("wo.error.required"));
        smell.valueProperty().set("3");
        assertThat(smell.errorProperty().get()).isEmpty();
        smell.valueProperty().set("  ");
        assertThat(smell.errorProperty().get()).isEqualTo("Required");
    }

    @Test
    void numberFieldRejectsTextAsYouType() {
        vm.selectType("gas_leak");
        FormField smell = vm.field("smell_strength");

        smell.valueProperty().set("strong");
        assertThat(smell.errorProperty().get()).isEqualTo(EN.get("wo.error.number", "strong"))
                .isEqualTo("\"strong\" is not a number (e.g. 12.5)");
        smell.valueProperty().set("4.5");
        assertThat(smell.errorProperty().get()).isEmpty();
    }

    @Test
    void dateFieldAcceptsOnlyIsoDates() {
        vm.selectType("appointment");
        FormField date = vm.field("visit_date");

        date.valueProperty().set("12/24/2026");
        assertThat(date.errorProperty().get()).isEqualTo("\"12/24/2026\" is not a date (expected yyyy-mm-dd)");
        date.valueProperty().set("2026-02-30");
        assertThat(date.errorProperty().get()).isEqualTo(EN.get("wo.error.date", "2026-02-30"));
        date.valueProperty().set("2026-12-24");
        assertThat(date.errorProperty().get()).isEmpty();
    }

    @Test
    void choiceYesNoAndAddressFieldsCheckTheirValues() {
        vm.selectType("appointment");
        vm.field("slot").valueProperty().set("晚上");
        assertThat(vm.field("slot").errorProperty().get()).isEqualTo(EN.get("wo.error.choice", "上午, 下午"));
        assertThat(vm.field("note").errorProperty().get()).as("an optional empty field is fine").isEmpty();
        vm.field("site_address").valueProperty().set("1號");
        assertThat(vm.field("site_address").errorProperty().get()).isEqualTo("At least 4 characters");

        vm.selectType("gas_leak");
        vm.field("evacuated").valueProperty().set("maybe");
        assertThat(vm.field("evacuated").errorProperty().get()).isEqualTo(EN.get("wo.error.yes_no"));
        vm.field("evacuated").valueProperty().set(FormField.NO);
        assertThat(vm.field("evacuated").errorProperty().get()).isEmpty();
    }

    @Test
    void saveIsEnabledOnlyWhenTheWholeFormIsValid() {
        assertThat(vm.canSaveProperty().get()).isFalse();
        assertThat(vm.typeErrorProperty().get()).isEqualTo(EN.get("wo.error.type"));
        fillGasLeak();
        assertThat(vm.canSaveProperty().get()).isTrue();

        vm.titleProperty().set("");
        assertThat(vm.titleErrorProperty().get()).isEqualTo("Required");
        assertThat(vm.canSaveProperty().get()).isFalse();
        vm.titleProperty().set("x".repeat(201));
        assertThat(vm.titleErrorProperty().get()).isEqualTo("At most 200 characters");
        vm.titleProperty().set("燃氣味");
        vm.departmentProperty().set(null);
        assertThat(vm.departmentErrorProperty().get()).isEqualTo(EN.get("wo.error.department"));
        assertThat(vm.canSaveProperty().get()).isFalse();
        vm.selectDepartment("gas", "");
        vm.field("smell_strength").valueProperty().set("four");
        assertThat(vm.canSaveProperty().get()).isFalse();
        vm.field("smell_strength").valueProperty().set("4");
        assertThat(vm.canSaveProperty().get()).isTrue();
    }

    @Test
    void teamsOfferedAreThoseOfTheChosenDepartment() {
        vm.selectDepartment("gas", "gas-east");
        assertThat(vm.teams()).extracting(u -> u.getUnitId()).containsExactly("gas-east");

        vm.selectDepartment("water", "");
        assertThat(vm.teams()).isEmpty();
        assertThat(vm.teamProperty().get()).as("a team of another department is dropped").isNull();
    }

    @Test
    void prefillsFromTheCallAndTheSelectedCustomer() {
        context.setCall(call("call-17", "13900000001", "3", "repair"));
        context.setCustomer("G1", "東城區中山路1號幸福花園2棟301室", "東城區");
        vm.selectType("gas_leak");

        assertThat(vm.sourceCallIdProperty().get()).isEqualTo("call-17");
        assertThat(vm.callerNumberProperty().get()).isEqualTo("13900000001");
        assertThat(vm.customerIdProperty().get()).isEqualTo("G1");
        assertThat(vm.addressProperty().get()).isEqualTo("東城區中山路1號幸福花園2棟301室");
        assertThat(vm.areaProperty().get()).isEqualTo("東城區");
        assertThat(vm.descriptionProperty().get()).isEqualTo("IVR: 3 › repair");
        assertThat(vm.field("site_address").valueProperty().get()).isEqualTo("東城區中山路1號幸福花園2棟301室");
    }

    @Test
    void aNewCallUpdatesPrefilledFieldsButNotWhatTheAgentTyped() {
        context.setCall(call("call-1", "13900000001", "1"));
        vm.callerNumberProperty().set("02081234567");
        context.setCall(call("call-2", "13900000002", "2"));

        assertThat(vm.callerNumberProperty().get()).as("typed by the agent").isEqualTo("02081234567");
        assertThat(vm.sourceCallIdProperty().get()).isEqualTo("call-2");
        assertThat(vm.descriptionProperty().get()).isEqualTo("IVR: 2");
        context.setCall(null);
        assertThat(vm.sourceCallIdProperty().get()).as("the call ended: the order still belongs to it").isEqualTo("call-2");
    }

    @Test
    void saveCreatesThenDispatchesAndShowsTheOrderNumber() throws Exception {
        context.setCall(call("call-9", "13900000009", "3"));
        fillGasLeak();
        String requestId = vm.requestId();

        vm.save();

        assertThat(server.creates).hasSize(1);
        var create = server.creates.get(0);
        assertThat(create.getRequestId()).isEqualTo(requestId);
        assertThat(create.getTypeCode()).isEqualTo("gas_leak");
        assertThat(create.getPriority()).isEqualTo(WorkOrderPriority.WORK_ORDER_URGENT);
        assertThat(create.getTitle()).isEqualTo("樓道有燃氣味");
        assertThat(create.getSourceCallId()).isEqualTo("call-9");
        assertThat(create.getCallerNumber()).isEqualTo("13900000009");
        assertThat(create.getFieldsMap()).containsEntry("smell_strength", "4").containsEntry("evacuated", "true")
                .containsEntry("site_address", "東城區中山路1號2棟");
        assertThat(server.dispatches).singleElement().satisfies(d -> {
            assertThat(d.getOrderNo()).isEqualTo("WO20261201-000001");
            assertThat(d.getVersion()).isEqualTo(1);
            assertThat(d.getDepartmentId()).isEqualTo("gas");
            assertThat(d.getTeamId()).isEqualTo("gas-east");
        });
        assertThat(vm.lastOrderNoProperty().get()).isEqualTo("WO20261201-000001");
        assertThat(vm.statusProperty().get()).isEqualTo("Work order WO20261201-000001 created and dispatched to 燃氣搶修部.");
        assertThat(draftFiles()).as("acknowledged: the draft is gone").isEmpty();
        assertThat(vm.titleProperty().get()).as("the form is free for the next order").isEmpty();
        assertThat(vm.requestId()).isNotEqualTo(requestId);
    }

    @Test
    void saveThatCannotReachTheServerKeepsTheDraftAndResendsItWithTheSameRequestIdOnReconnect() throws Exception {
        fillGasLeak();
        String requestId = vm.requestId();
        server.down = true;

        vm.save();

        assertThat(vm.pending()).extracting(Draft::requestId).containsExactly(requestId);
        assertThat(store.readAll()).singleElement().satisfies(d -> {
            assertThat(d.state()).isEqualTo(Draft.State.SUBMITTED);
            assertThat(d.create().getTitle()).isEqualTo("樓道有燃氣味");
            assertThat(d.dispatch().getDepartmentId()).isEqualTo("gas");
        });
        assertThat(vm.statusProperty().get()).isEqualTo(EN.get("wo.status.queued", 1));
        assertThat(server.orders).isEmpty();

        server.down = false;
        link.set(LinkState.RECONNECTING);
        link.set(LinkState.CONNECTED);

        assertThat(server.creates).extracting(c -> c.getRequestId()).containsExactly(requestId, requestId);
        assertThat(server.orders.values()).singleElement().satisfies(o -> {
            assertThat(o.getStatus()).isEqualTo(WorkOrderStatus.WORK_ORDER_DISPATCHED);
            assertThat(o.getDepartmentId()).isEqualTo("gas");
        });
        assertThat(vm.pending()).isEmpty();
        assertThat(draftFiles()).isEmpty();
    }

    @Test
    void saveWhileTheLinkIsDownSendsNothingUntilItIsBack() throws Exception {
        link.set(LinkState.RECONNECTING);
        fillGasLeak();

        vm.save();

        assertThat(server.creates).isEmpty();
        assertThat(vm.pending()).hasSize(1);
        assertThat(draftFiles()).hasSize(1);
        link.set(LinkState.CONNECTED);
        assertThat(server.orders.values()).singleElement().extracting(o -> o.getStatus())
                .isEqualTo(WorkOrderStatus.WORK_ORDER_DISPATCHED);
        assertThat(draftFiles()).isEmpty();
    }

    @Test
    void aDispatchWhoseAnswerWasLostIsNotSentTwice() throws Exception {
        fillGasLeak();
        server.loseDispatchAnswer = true;

        vm.save();
        assertThat(vm.pending()).hasSize(1);
        assertThat(store.readAll()).singleElement().satisfies(d -> assertThat(d.dispatch().getOrderNo())
                .as("the Create was acknowledged: its order number is on disk").isEqualTo("WO20261201-000001"));

        server.down = false;
        link.set(LinkState.RECONNECTING);
        link.set(LinkState.CONNECTED);

        assertThat(server.creates).as("not created again").hasSize(1);
        assertThat(server.dispatches).as("the server had dispatched it already").hasSize(1);
        assertThat(vm.pending()).isEmpty();
        assertThat(draftFiles()).isEmpty();
        assertThat(vm.lastOrderNoProperty().get()).isEqualTo("WO20261201-000001");
    }

    @Test
    void aRefusedFormStaysForCorrectionWithANewRequestId() throws Exception {
        fillGasLeak();
        String first = vm.requestId();
        server.createFailures.add(Status.INVALID_ARGUMENT.withDescription("field smell_strength out of range"));

        vm.save();

        assertThat(vm.statusProperty().get()).startsWith("The server refused the work order: ")
                .contains("field smell_strength out of range");
        assertThat(vm.titleProperty().get()).isEqualTo("樓道有燃氣味");
        assertThat(vm.requestId()).isNotEqualTo(first);
        assertThat(store.readAll()).singleElement().satisfies(d -> {
            assertThat(d.requestId()).isEqualTo(vm.requestId());
            assertThat(d.state()).isEqualTo(Draft.State.EDITING);
        });
        vm.save();
        assertThat(server.orders).hasSize(1);
        assertThat(draftFiles()).isEmpty();
    }

    @Test
    void aRefusedDispatchOnlyDispatchesOnTheNextSave() {
        fillGasLeak();
        server.dispatchFailures.add(Status.INVALID_ARGUMENT.withDescription("department: gas"));

        vm.save();
        vm.selectDepartment("water", "");
        vm.save();

        assertThat(server.creates).hasSize(1);
        assertThat(server.orders.values()).singleElement().extracting(o -> o.getDepartmentId()).isEqualTo("water");
    }

    @Test
    void typingWritesADebouncedDraft() {
        vm.titleProperty().set("停");
        vm.titleProperty().set("停氣");
        vm.selectType("gas_leak");

        assertThat(later).as("one write scheduled for a burst of changes").hasSize(1);
        assertThat(store.readAll()).isEmpty();
        later.remove(0).run();
        assertThat(store.readAll()).singleElement().satisfies(d -> {
            assertThat(d.state()).isEqualTo(Draft.State.EDITING);
            assertThat(d.create().getTitle()).isEqualTo("停氣");
            assertThat(d.create().getTypeCode()).isEqualTo("gas_leak");
        });
    }

    @Test
    void prefillAloneWritesNoDraft() {
        context.setCall(call("call-5", "13900000005", "1"));
        assertThat(later).isEmpty();
    }

    @Test
    void clearDeletesTheFormsDraft() {
        vm.titleProperty().set("x");
        vm.flush();
        assertThat(store.readAll()).hasSize(1);

        vm.discard();

        assertThat(store.readAll()).isEmpty();
        assertThat(vm.titleProperty().get()).isEmpty();
    }

    @Test
    void typesLoadAfterReconnectWhenTheServerWasDownAtStart() {
        server.down = true;
        link.set(LinkState.RECONNECTING);
        WorkOrderFormViewModel m = newViewModel();
        assertThat(m.types()).isEmpty();
        assertThat(m.statusProperty().get()).startsWith("Work-order types could not be loaded");

        server.down = false;
        link.set(LinkState.CONNECTED);
        assertThat(m.types()).extracting(t -> t.getCode()).containsExactly("gas_leak", "appointment", "inquiry");
        assertThat(m.departments()).extracting(u -> u.getUnitId()).containsExactly("gas", "water");
    }

    @Test
    void aSuccessfulSaveAlsoSendsDraftsThatFailedWhileTheLinkStayedUp() {
        fillGasLeak();
        server.down = true;
        vm.save();
        assertThat(vm.pending()).hasSize(1);

        server.down = false;
        fillGasLeak();
        vm.titleProperty().set("第二張");
        vm.save();

        assertThat(server.orders.values()).extracting(o -> o.getTitle()).containsExactlyInAnyOrder("樓道有燃氣味", "第二張");
        assertThat(vm.pending()).isEmpty();
    }

    @Test
    void anUnsavedFormFollowsTheCallToTheNextAgentsUntouchedForm() {
        fillGasLeak();
        java.util.Map<String, String> handed = vm.handOver();
        assertThat(handed).containsEntry("wo.type", "gas_leak").containsEntry("wo.title", "樓道有燃氣味")
                .containsEntry("wo.field.smell_strength", "4").containsEntry("wo.department", "gas");

        // The receiving desk: its own context and form; the call arrives with the values attached.
        WorkOrderContext theirs = new WorkOrderContext();
        WorkOrderFormViewModel next = new WorkOrderFormViewModel(server, new DraftStore(dir.resolve("theirs")), theirs, link,
                EN, clock, (after, task) -> later.add(task), () -> "theirs-" + ids.incrementAndGet());
        next.start();
        theirs.setCall(call("c7", "13900000001").toBuilder().setData(call("c7", "13900000001").getData().toBuilder()
                .putAllValues(handed)).build());

        assertThat(next.titleProperty().get()).isEqualTo("樓道有燃氣味");
        assertThat(next.typeProperty().get().getCode()).isEqualTo("gas_leak");
        assertThat(next.field("smell_strength").valueProperty().get()).isEqualTo("4");
        assertThat(next.priorityProperty().get()).isEqualTo(WorkOrderPriority.WORK_ORDER_URGENT);
        assertThat(next.departmentProperty().get().getUnitId()).isEqualTo("gas");
        assertThat(next.sourceCallIdProperty().get()).isEqualTo("c7");
        assertThat(next.requestId()).as("a request of its own").startsWith("theirs-");
        assertThat(next.statusProperty().get()).isEqualTo(EN.get("wo.status.handed_over"));

        // Never over what the agent typed.
        next.titleProperty().set("my own");
        theirs.setCall(call("c8", "13900000002").toBuilder().setData(call("c8", "13900000002").getData().toBuilder()
                .putAllValues(handed).putValues("wo.title", "other")).build());
        assertThat(next.titleProperty().get()).isEqualTo("my own");
    }

    @Test
    void anUntouchedFormHandsNothingOver() {
        assertThat(vm.handOver()).isEmpty();
    }
}

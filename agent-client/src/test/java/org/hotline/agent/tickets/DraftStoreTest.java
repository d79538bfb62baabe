package org.hotline.agent.tickets;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

import javafx.beans.property.SimpleObjectProperty;
import org.hotline.agent.Messages;
import org.hotline.agent.connection.LinkState;
import org.hotline.api.v1.CreateWorkOrderRequest;
import org.hotline.api.v1.DispatchWorkOrderRequest;
import org.hotline.api.v1.WorkOrderPriority;
import org.hotline.api.v1.WorkOrderStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DraftStoreTest {
    private static final Messages EN = Messages.forLocale(Locale.ENGLISH);
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T09:30:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    private static Draft draft(String requestId, Draft.State state, Instant at) {
        CreateWorkOrderRequest create = CreateWorkOrderRequest.newBuilder().setRequestId(requestId).setTypeCode("gas_leak")
                .setPriority(WorkOrderPriority.WORK_ORDER_URGENT).setTitle("樓道有燃氣味 \"quoted\"\nsecond line")
                .setDescription("IVR: 3").setCustomerId("G1").setSourceCallId("call-1").setCallerNumber("13900000001")
                .setArea("東城區").setAddress("中山路1號").putFields("smell_strength", "4").putFields("evacuated", "true").build();
        DispatchWorkOrderRequest dispatch = DispatchWorkOrderRequest.newBuilder().setDepartmentId("gas").setTeamId("gas-east")
                .setOrderNo("WO20261201-000007").setVersion(3).build();
        return new Draft(state, create, dispatch, at, "refused: smell");
    }

    @Test
    void aDraftIsReadBackAsItWasWritten() throws Exception {
        DraftStore store = new DraftStore(dir.resolve("drafts"));
        Draft d = draft("3f1c2a9e-0000-4000-8000-000000000001", Draft.State.SUBMITTED, CLOCK.instant());

        store.write(d);

        assertThat(new DraftStore(dir.resolve("drafts")).readAll()).containsExactly(d);
        assertThat(Files.readString(dir.resolve("drafts").resolve(d.requestId() + ".json")))
                .as("protobuf JSON, readable by a person").contains("\"typeCode\": \"gas_leak\"").contains("樓道有燃氣味");
        try (var files = Files.list(dir.resolve("drafts"))) {
            assertThat(files.map(p -> p.getFileName().toString()).toList()).as("no temporary file left")
                    .containsExactly(d.requestId() + ".json");
        }
    }

    @Test
    void rewritingReplacesAndDeleteRemoves() throws Exception {
        DraftStore store = new DraftStore(dir);
        Draft d = draft("r-1", Draft.State.EDITING, CLOCK.instant());
        store.write(d);
        Draft later = d.with(Draft.State.SUBMITTED, CLOCK.instant().plusSeconds(5), "");
        store.write(later);

        assertThat(store.readAll()).containsExactly(later);
        store.delete("r-1");
        assertThat(store.readAll()).isEmpty();
    }

    @Test
    void draftsAreListedOldestFirstAndADamagedFileIsSkipped() throws Exception {
        DraftStore store = new DraftStore(dir);
        store.write(draft("b", Draft.State.EDITING, CLOCK.instant().plusSeconds(60)));
        store.write(draft("a", Draft.State.SUBMITTED, CLOCK.instant()));
        Files.writeString(dir.resolve("broken.json"), "{\"state\": ");

        assertThat(store.readAll()).extracting(Draft::requestId).containsExactly("a", "b");
        assertThat(dir.resolve("broken.json")).as("left for a person to look at").exists();
    }

    @Test
    void aRequestIdThatIsNotAFileNameIsRefused() {
        assertThatThrownBy(() -> draft("../etc/passwd", Draft.State.EDITING, CLOCK.instant()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("request id: \"../etc/passwd\" (expected: 1-64 letters, digits or '-')");
    }

    @Test
    void whatWasTypedSurvivesARestartOfTheDesk() throws Exception {
        DraftStore store = new DraftStore(dir);
        FakeWorkOrders server = new FakeWorkOrders();
        var link = new SimpleObjectProperty<>(LinkState.CONNECTED);
        AtomicInteger ids = new AtomicInteger();
        WorkOrderContext context = new WorkOrderContext();
        WorkOrderFormViewModel before = new WorkOrderFormViewModel(server, store, context, link, EN, CLOCK,
                (after, task) -> { }, () -> "first-" + ids.incrementAndGet());
        before.start();
        before.selectType("gas_leak");
        before.titleProperty().set("廚房燃氣味");
        before.field("smell_strength").valueProperty().set("5");
        before.selectDepartment("gas", "gas-east");
        before.flush();
        String typedId = before.requestId();

        WorkOrderFormViewModel after = new WorkOrderFormViewModel(server, store, new WorkOrderContext(), link, EN, CLOCK,
                (d, task) -> { }, () -> "second-" + ids.incrementAndGet());
        after.start();

        assertThat(after.recovered()).extracting(Draft::requestId).containsExactly(typedId);
        after.restore(after.recovered().get(0));
        assertThat(after.typeProperty().get().getCode()).isEqualTo("gas_leak");
        assertThat(after.titleProperty().get()).isEqualTo("廚房燃氣味");
        assertThat(after.field("smell_strength").valueProperty().get()).isEqualTo("5");
        assertThat(after.departmentProperty().get().getUnitId()).isEqualTo("gas");
        assertThat(after.teamProperty().get().getUnitId()).isEqualTo("gas-east");
        assertThat(after.requestId()).as("the restored form keeps its request id").isEqualTo(typedId);
    }

    @Test
    void aSavedDraftLeftByACrashIsSentAtTheNextStartWithItsOriginalRequestId() throws Exception {
        DraftStore store = new DraftStore(dir);
        Draft saved = new Draft(Draft.State.SUBMITTED, draft("crash-1", Draft.State.SUBMITTED, CLOCK.instant()).create(),
                DispatchWorkOrderRequest.newBuilder().setDepartmentId("gas").build(), CLOCK.instant(), "");
        store.write(saved);
        FakeWorkOrders server = new FakeWorkOrders();

        WorkOrderFormViewModel vm = new WorkOrderFormViewModel(server, store, new WorkOrderContext(),
                new SimpleObjectProperty<>(LinkState.CONNECTED), EN, CLOCK, (d, task) -> { }, () -> "new-id");
        vm.start();

        assertThat(server.creates).extracting(c -> c.getRequestId()).containsExactly("crash-1");
        assertThat(server.orders.values()).singleElement().extracting(o -> o.getStatus())
                .isEqualTo(WorkOrderStatus.WORK_ORDER_DISPATCHED);
        assertThat(store.readAll()).isEmpty();
        assertThat(List.copyOf(vm.pending())).isEmpty();
    }
}

package org.hotline.agent;

import java.time.Duration;

import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import org.hotline.api.v1.CallUpdate;
import org.hotline.api.v1.DeskEvent;
import org.hotline.agent.testing.DesktopUnderTest;
import org.hotline.cti.server.HotlineServer;
import org.hotline.cti.switching.sim.IvrScript;
import org.hotline.cti.switching.sim.SimSwitch;
import org.hotline.cti.testing.DeskClient;
import org.hotline.cti.testing.TestServers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.testfx.api.FxRobot;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real desk, driven through its window on the headless platform against an in-process CTI
 * server on the simulated switch: login, a call that rings and pops its customer, is answered,
 * held, retrieved, consulted to a second agent and transferred; then a second call whose work
 * order is typed and saved (dispatched on the server) before it is hung up into after-call work.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeskFlowUiTest extends FxRobot {
    private DesktopUnderTest desk;
    private HotlineServer server;
    private io.grpc.ManagedChannel channel;

    @BeforeAll
    void start() throws Exception {
        desk = DesktopUnderTest.start(AgentApp.class, "desk-ui", (db, d) ->
                new org.hotline.cti.storage.JdbcCustomers(d.dataSource(), "main", java.time.Clock.systemUTC()).insertAll(
                        java.util.List.of(new org.hotline.cti.customers.Customer(0, "G1", "陳嘉欣", java.util.List.of("13900000001"),
                                "東城區中山路1號幸福花園2棟301室", "東城區", "東城-01", "MG1",
                                org.hotline.cti.customers.Customer.Type.RESIDENTIAL, new java.math.BigDecimal("88.00"),
                                new java.math.BigDecimal("12.50"), new java.math.BigDecimal("1024.50"), null,
                                org.hotline.cti.customers.Customer.Status.ACTIVE))),
                s -> org.hotline.cti.workorders.WorkOrderDemoData.seedIfEmpty(s.workOrders(), java.time.ZoneId.of("Asia/Shanghai")),
                "--silent");
        server = desk.server;
        channel = desk.channel;
    }

    @AfterAll
    void stop() throws Exception {
        desk.close();
    }

    private void waitUntil(String what, java.util.concurrent.Callable<Boolean> condition) throws Exception {
        DesktopUnderTest.waitUntil(what, condition, () -> "state: " + text("#agent-state") + ", caller: " + text("#caller")
                + ", error: " + text("#error"));
    }

    private String text(String query) {
        return lookup(query).tryQuery().map(n -> ((Label) n).getText()).orElse("<none>");
    }

    private boolean enabled(String query) {
        return lookup(query).tryQuery().map(n -> !n.isDisabled()).orElse(false);
    }

    @Test
    void aWholeCallThroughTheWindow() throws Exception {
        clickOn("#agent").write("2001");
        clickOn("#password").write(TestServers.PASSWORD);
        clickOn("#login");
        waitUntil("the desk opens", () -> lookup("#agent-state").tryQuery().isPresent());
        waitUntil("the first state arrives", () -> text("#agent-state").startsWith("Not ready"));
        assertThat(enabled("#answer")).isFalse();
        assertThat(enabled("#dial")).isTrue();

        press(KeyCode.CONTROL, KeyCode.R).release(KeyCode.R, KeyCode.CONTROL);
        waitUntil("Ready", () -> text("#agent-state").equals("Ready"));

        ((SimSwitch) server.switchPort()).inboundCall("13900000001", "95001",
                new IvrScript("1", "general", "G1", Duration.ZERO));
        waitUntil("the call rings", () -> enabled("#answer"));
        assertThat(text("#caller")).isEqualTo("13900000001");
        assertThat(text("#call-detail")).contains("Queue general", "IVR 1", "Keyed in G1");
        assertThat(enabled("#hangup")).isFalse();

        press(KeyCode.F2).release(KeyCode.F2);
        waitUntil("answered", () -> text("#agent-state").equals("On a call"));
        assertThat(enabled("#answer")).isFalse();
        assertThat(text("#call-time")).startsWith("talking");
        waitUntil("the screen pop shows the caller's customer", () -> text("#pop-name").equals("陳嘉欣"));
        assertThat(text("#pop-account")).isEqualTo("G1");

        clickOn("#hold");
        waitUntil("held", () -> ((Button) lookup("#hold").query()).getText().equals("Retrieve"));
        assertThat(enabled("#consult")).isFalse();
        clickOn("#hold");
        waitUntil("retrieved", () -> ((Button) lookup("#hold").query()).getText().equals("Hold") && enabled("#consult"));

        try (DeskClient ben = DeskClient.login(channel, "2002", TestServers.PASSWORD).subscribe()) {
            ben.await(DeskEvent::hasSnapshot, Duration.ofSeconds(10));
            // Started typing the work order: it goes with the call to the next agent.
            clickOn("#wo-title").write("Meter reading disputed");
            clickOn("#consult");
            waitUntil("the directory opens", () -> lookup("#transfer-filter").tryQuery().isPresent());
            targetWindow("Consult").write("2002").type(KeyCode.ENTER);
            waitUntil("the consultation is dialled", () -> !enabled("#consult") || !text("#error").isEmpty());
            assertThat(text("#error")).isEmpty();
            CallUpdate consult = ben.awaitCall(CallUpdate.Kind.KIND_RINGING);
            ben.answer(consult.getCall().getCallId());
            waitUntil("the transfer can be completed", () -> enabled("#complete-transfer"));
            assertThat(enabled("#conference")).isTrue();
            clickOn("#complete-transfer");
            CallUpdate transferred = ben.awaitCall(CallUpdate.Kind.KIND_TRANSFERRED);
            assertThat(transferred.getCall().getData().getEnteredAccount()).as("the data follows the call").isEqualTo("G1");
            assertThat(transferred.getCall().getData().getValuesMap()).as("the unsaved work order follows the call")
                    .containsEntry("wo.title", "Meter reading disputed");
            waitUntil("the call left this desk", () -> text("#caller").isEmpty());
            ben.hangup(transferred.getCall().getCallId());
        }

        waitUntil("Ready again or in wrap-up", () -> !text("#agent-state").equals("On a call"));
        press(KeyCode.CONTROL, KeyCode.R).release(KeyCode.R, KeyCode.CONTROL);
        waitUntil("Ready for the next call", () -> text("#agent-state").equals("Ready"));
        ((SimSwitch) server.switchPort()).inboundCall("13900000002", "95001",
                new IvrScript("1", "general", "", Duration.ZERO));
        waitUntil("the second call rings", () -> enabled("#answer"));
        clickOn("#answer");
        waitUntil("answered", () -> enabled("#hangup"));

        // The work order of this call, typed in the form and dispatched on save.
        clickOn("#wo-clear");
        javafx.scene.control.ComboBox<org.hotline.api.v1.WorkOrderType> type = lookup("#wo-type").query();
        waitUntil("the work-order types are loaded", () -> !type.getItems().isEmpty());
        interact(() -> type.getSelectionModel().select(type.getItems().stream()
                .filter(t -> t.getCode().equals("inquiry")).findFirst().orElseThrow()));
        clickOn("#wo-title").write("Asks when the gas price changes");
        javafx.scene.control.ComboBox<org.hotline.api.v1.OrgUnit> department = lookup("#wo-department").query();
        waitUntil("departments are loaded", () -> !department.getItems().isEmpty());
        interact(() -> department.getSelectionModel().select(department.getItems().stream()
                .filter(u -> u.getUnitId().equals("billing")).findFirst().orElseThrow()));
        waitUntil("the form is valid", () -> enabled("#wo-save"));
        clickOn("#wo-save");
        DeskClient lead = DeskClient.login(channel, "2099", TestServers.PASSWORD);
        var orders = org.hotline.api.v1.WorkOrdersGrpc.newBlockingStub(channel)
                .withCallCredentials(new org.hotline.cti.bench.BearerToken(lead.token));
        waitUntil("the order is on the server, dispatched", () -> orders.search(org.hotline.api.v1.SearchWorkOrdersRequest
                .newBuilder().setQuery(org.hotline.api.v1.WorkOrderQuery.newBuilder().setCallerNumber("13900000002")).build())
                .getOrdersList().stream().anyMatch(o -> o.getStatus() == org.hotline.api.v1.WorkOrderStatus.WORK_ORDER_DISPATCHED
                        && o.getTitle().equals("Asks when the gas price changes") && o.getDepartmentId().equals("billing")
                        && !o.getSourceCallId().isEmpty()));

        press(KeyCode.F3).release(KeyCode.F3);
        waitUntil("after-call work", () -> text("#agent-state").equals("After-call work"));
        assertThat(text("#caller")).isEmpty();
        Node banner = lookup("#link-banner").query();
        assertThat(banner.isVisible()).as("no banner while connected").isFalse();
    }
}

package org.hotline.supervisor.reports;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import org.hotline.agent.testing.DesktopUnderTest;
import org.hotline.cti.testing.TestServers;
import org.hotline.cti.workorders.Actor;
import org.hotline.cti.workorders.NewWorkOrder;
import org.hotline.cti.workorders.Priority;
import org.hotline.supervisor.SupervisorApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.testfx.api.FxRobot;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The supervisor desk against an in-process server: a team lead opens the Reports tab, runs the
 * work-order report for today and exports it as CSV (the file chooser replaced by a path).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportsTabUiTest extends FxRobot {
    private DesktopUnderTest desk;
    private Path dir;

    @BeforeAll
    void start() throws Exception {
        desk = DesktopUnderTest.start(SupervisorApp.class, "reports-ui", (db, d) -> { }, server -> {
            org.hotline.cti.workorders.WorkOrderDemoData.seedIfEmpty(server.workOrders(), java.time.ZoneId.of("Asia/Shanghai"));
            Actor agent = new Actor("2001", org.hotline.cti.security.Role.AGENT);
            String type = server.workOrders().admin().types().stream()
                    .filter(t -> !t.confidential() && t.fields().stream().noneMatch(f -> f.required())).findFirst().orElseThrow()
                    .code();
            for (int i = 0; i < 3; i++) {
                server.workOrders().orders().create(agent, new NewWorkOrder(type, Priority.NORMAL, "燃氣表讀數 " + i, "", null,
                        null, "13900000001", "東城區", null, java.util.Map.of()));
            }
        }, "--silent");
        dir = desk.dir;
    }

    @AfterAll
    void stop() throws Exception {
        desk.close();
    }

    private void waitUntil(String what, java.util.concurrent.Callable<Boolean> condition) throws Exception {
        DesktopUnderTest.waitUntil(what, condition, () -> "status: " + text("#reportStatus") + ", error: "
                + text("#reportError"));
    }

    private String text(String query) {
        return lookup(query).tryQuery().map(n -> ((Label) n).getText()).orElse("<none>");
    }

    @Test
    void aLeadRunsTheWorkOrderReportAndExportsItAsCsv() throws Exception {
        clickOn("#agent").write("2099");
        clickOn("#password").write(TestServers.PASSWORD);
        clickOn("#login");
        waitUntil("the desk opens with the Reports tab", () -> lookup(".tab").queryAll().stream()
                .anyMatch(n -> n.lookup(".tab-label") instanceof Label l && l.getText().equals("Reports")));
        clickOn("Reports");
        waitUntil("the Reports tab shows", () -> lookup("#reportKind").tryQuery().isPresent());
        ComboBox<ReportKind> kind = lookup("#reportKind").query();
        // By keyboard in the open list: "Work orders" is also a label on other tabs.
        clickOn(kind).type(javafx.scene.input.KeyCode.DOWN, 2).type(javafx.scene.input.KeyCode.ENTER);
        waitUntil("work orders chosen", () -> kind.getValue() == ReportKind.WORK_ORDERS);
        clickOn("#reportRun");
        TableView<ReportTable.Row> table = lookup("#reportTable").query();
        waitUntil("the rows arrive", () -> !table.getItems().isEmpty());
        assertThat(table.getItems().stream().mapToDouble(r -> r.value(0)).sum()).as("created today").isEqualTo(3);

        Path csv = dir.resolve("work-orders.csv");
        ReportsView view = lookup(".reports").query();
        interact(() -> view.setSaveTarget((format, name) -> Optional.of(csv)));
        clickOn("#reportExport").clickOn("#export-csv");
        waitUntil("the file is written", () -> Files.exists(csv) && text("#reportStatus").startsWith("Exported"));
        List<String> lines = Files.readString(csv).substring(1).lines().toList();
        assertThat(lines.get(0)).startsWith("Period,Type,Created,Open");
        assertThat(lines).hasSize(1 + table.getItems().size());
        assertThat(lines.get(1)).contains("," + table.getItems().get(0).key() + ",3,3,");
    }
}

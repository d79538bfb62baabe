package org.hotline.supervisor.reports;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import org.hotline.agent.testing.DesktopUnderTest;
import org.hotline.cti.calls.IvrVisit;
import org.hotline.cti.switching.IvrOutcome;
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
 * The supervisor desk against an in-process server with today's work orders and a few IVR visits
 * in its outbox: a team lead opens the Reports tab, runs the work-order report and exports it as
 * CSV, and runs the IVR usage report (a row per menu path, the server's total) and exports it as an
 * HTML page (the file chooser replaced by a path).
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
            Instant now = Instant.now();
            List<IvrVisit> visits = List.of(
                    new IvrVisit(null, "main", "c-1", "13900000001", "95001", now.minusSeconds(50), now.minusSeconds(5), "3", "billing",
                            IvrOutcome.ROUTED),
                    new IvrVisit(null, "main", "c-2", "13900000002", "95001", now.minusSeconds(40), now.minusSeconds(10), "3", "",
                            IvrOutcome.HUNG_UP),
                    new IvrVisit(null, "main", "c-3", "13900000003", "95001", now.minusSeconds(20), now.minusSeconds(8), "", "general",
                            IvrOutcome.NO_INPUT));
            visits.forEach(server.outbox()::ivrVisited);
            assertThat(server.outbox().awaitDelivered(Duration.ofSeconds(30))).as("visits stored").isTrue();
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

    /** Logs in the first time, then picks {@code report} in the Reports tab and runs it. */
    private TableView<ReportTable.Row> run(ReportKind report) throws Exception {
        if (lookup("#login").tryQuery().isPresent()) {
            clickOn("#agent").write("2099");
            clickOn("#password").write(TestServers.PASSWORD);
            clickOn("#login");
            waitUntil("the desk opens with the Reports tab", () -> lookup(".tab").queryAll().stream()
                    .anyMatch(n -> n.lookup(".tab-label") instanceof Label l && l.getText().equals("Reports")));
        }
        clickOn("Reports");
        waitUntil("the Reports tab shows", () -> lookup("#reportKind").tryQuery().isPresent());
        ComboBox<ReportKind> kind = lookup("#reportKind").query();
        // By keyboard in the open list, from its top: "Work orders" is also a label on other tabs.
        clickOn(kind).type(javafx.scene.input.KeyCode.HOME).type(javafx.scene.input.KeyCode.DOWN, report.ordinal())
                .type(javafx.scene.input.KeyCode.ENTER);
        waitUntil(report + " chosen", () -> kind.getValue() == report);
        TableView<ReportTable.Row> table = lookup("#reportTable").query();
        List<ReportTable.Row> before = List.copyOf(table.getItems());
        clickOn("#reportRun");
        // The other test's report may be on screen still: wait for this one's rows.
        waitUntil("the rows of " + report + " arrive", () -> !table.getItems().isEmpty()
                && !table.getItems().equals(before));
        return table;
    }

    @Test
    void aLeadRunsTheWorkOrderReportAndExportsItAsCsv() throws Exception {
        TableView<ReportTable.Row> table = run(ReportKind.WORK_ORDERS);
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

    @Test
    void aLeadRunsTheIvrUsageReportAndExportsItAsAWebPage() throws Exception {
        TableView<ReportTable.Row> table = run(ReportKind.IVR);

        assertThat(table.getItems()).extracting(ReportTable.Row::key).containsExactlyInAnyOrder("(no key)", "3");
        ReportTable.Row billing = table.getItems().stream().filter(r -> r.key().equals("3")).findFirst().orElseThrow();
        assertThat(billing.values().subList(0, 4)).as("visits, routed, no key, hung up").containsExactly(2.0, 1.0, 0.0, 1.0);
        assertThat(text("#reportStatus")).contains("in all 3 visits, 2 to a queue, 1 hung up in the IVR (33.3 %)");

        Path html = dir.resolve("ivr.html");
        ReportsView view = lookup(".reports").query();
        interact(() -> view.setSaveTarget((format, name) -> Optional.of(html)));
        clickOn("#reportExport").clickOn("#export-html");
        waitUntil("the file is written", () -> Files.exists(html) && text("#reportStatus").startsWith("Exported"));
        String page = Files.readString(html);
        assertThat(page).contains("IVR usage", "Hung up in IVR", "(no key)");
    }
}

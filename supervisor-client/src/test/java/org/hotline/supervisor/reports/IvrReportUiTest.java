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
import org.hotline.supervisor.SupervisorApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.testfx.api.FxRobot;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The supervisor desk against an in-process server whose outbox stored a few of today's IVR
 * visits: a team lead runs the IVR usage report, sees a row per menu path with the server's total,
 * and exports it as an HTML page (the file chooser replaced by a path).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IvrReportUiTest extends FxRobot {
    private DesktopUnderTest desk;
    private Path dir;

    @BeforeAll
    void start() throws Exception {
        desk = DesktopUnderTest.start(SupervisorApp.class, "ivr-report-ui", (db, d) -> { }, server -> {
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

    @Test
    void aLeadRunsTheIvrUsageReportAndExportsItAsAWebPage() throws Exception {
        clickOn("#agent").write("2099");
        clickOn("#password").write(TestServers.PASSWORD);
        clickOn("#login");
        waitUntil("the desk opens with the Reports tab", () -> lookup(".tab").queryAll().stream()
                .anyMatch(n -> n.lookup(".tab-label") instanceof Label l && l.getText().equals("Reports")));
        clickOn("Reports");
        waitUntil("the Reports tab shows", () -> lookup("#reportKind").tryQuery().isPresent());
        ComboBox<ReportKind> kind = lookup("#reportKind").query();
        clickOn(kind).type(javafx.scene.input.KeyCode.DOWN, 3).type(javafx.scene.input.KeyCode.ENTER);
        waitUntil("IVR usage chosen", () -> kind.getValue() == ReportKind.IVR);
        clickOn("#reportRun");
        TableView<ReportTable.Row> table = lookup("#reportTable").query();
        waitUntil("the rows arrive", () -> !table.getItems().isEmpty());

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

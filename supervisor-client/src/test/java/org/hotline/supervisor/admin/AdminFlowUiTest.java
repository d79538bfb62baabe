package org.hotline.supervisor.admin;

import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import org.hotline.api.v1.AdministrationGrpc;
import org.hotline.api.v1.ListQueuesRequest;
import org.hotline.api.v1.LoginRequest;
import org.hotline.api.v1.Queue;
import org.hotline.api.v1.SessionGrpc;
import org.hotline.cti.bench.BearerToken;
import org.hotline.agent.testing.DesktopUnderTest;
import org.hotline.cti.server.HotlineServer;
import org.hotline.cti.testing.TestServers;
import org.hotline.supervisor.SupervisorApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.testfx.api.FxRobot;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real supervisor desk on the headless platform against an in-process CTI server: an
 * administrator opens the Administration tab, changes a queue's service-level threshold, saves,
 * and sees it saved (and the server has it).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdminFlowUiTest extends FxRobot {
    private DesktopUnderTest desk;
    private HotlineServer server;
    private io.grpc.ManagedChannel channel;

    @BeforeAll
    void start() throws Exception {
        desk = DesktopUnderTest.start(SupervisorApp.class, "admin-ui",
                (db, d) -> DesktopUnderTest.account(d, "9001", "Admin", org.hotline.cti.security.Role.ADMIN), s -> { },
                "--silent");
        server = desk.server;
        channel = desk.channel;
    }

    @AfterAll
    void stop() throws Exception {
        desk.close();
    }

    private void waitUntil(String what, java.util.concurrent.Callable<Boolean> condition) throws Exception {
        DesktopUnderTest.waitUntil(what, condition, () -> "problems: " + text("#queues-problems") + ", error: "
                + text("#queues-error"));
    }

    private String text(String query) {
        return lookup(query).tryQuery().map(n -> ((Label) n).getText()).orElse("<none>");
    }

    @Test
    void anAdministratorChangesAQueuesServiceLevelThreshold() throws Exception {
        clickOn("#agent").write("9001");
        clickOn("#password").write(TestServers.PASSWORD);
        clickOn("#login");
        waitUntil("the desk opens", () -> lookup(".tab-pane").tryQuery().isPresent());
        TabPane tabs = lookup(".tab-pane").query();
        interact(() -> tabs.getSelectionModel().select(tabs.getTabs().stream()
                .filter(t -> "tab-admin".equals(t.getId())).findFirst().orElseThrow()));
        assertThat(lookup("#admin-banner .label").tryQuery()).as("an administrator gets no read-only line")
                .hasValueSatisfying(n -> assertThat(n.isVisible()).isFalse());

        ListView<AdminViewModel.Section> nav = lookup("#admin-nav").query();
        interact(() -> nav.getSelectionModel().select(AdminViewModel.Section.QUEUES));
        ListView<Queue> queues = lookup("#queues-list").query();
        waitUntil("the queues are listed", () -> queues.getItems().stream().anyMatch(q -> q.getQueueId().equals("general")));
        clickOn(lookup(".list-cell").match(n -> ((javafx.scene.control.ListCell<?>) n).getText() != null
                && ((javafx.scene.control.ListCell<?>) n).getText().startsWith("general")).<javafx.scene.Node>query());
        TextField threshold = lookup("#queues-service-level").query();
        waitUntil("the form shows the queue", () -> threshold.getText().equals("20"));
        assertThat(lookup("#queues-queue-id").<TextField>query().isEditable()).as("a stored queue keeps its id").isFalse();

        doubleClickOn(threshold).eraseText(2).write("9999");
        waitUntil("the form says what is wrong", () -> text("#queues-problems").contains("from 1 to 3600"));
        assertThat(lookup("#queues-save").query().isDisabled()).isTrue();
        interact(() -> threshold.setText(""));
        clickOn(threshold).write("30");
        waitUntil("the form is fine again", () -> !lookup("#queues-save").query().isDisabled());
        clickOn("#queues-save");

        waitUntil("saved", () -> text("#queues-notice").equals("Saved general  General."));
        assertThat(text("#queues-error")).isEmpty();
        String lead = SessionGrpc.newBlockingStub(channel).login(LoginRequest.newBuilder().setAgentId("2099")
                .setPassword(TestServers.PASSWORD).setClientName("check").build()).getSessionToken();
        Queue stored = AdministrationGrpc.newBlockingStub(channel).withCallCredentials(new BearerToken(lead))
                .listQueues(ListQueuesRequest.getDefaultInstance()).getQueuesList().stream()
                .filter(q -> q.getQueueId().equals("general")).findFirst().orElseThrow();
        assertThat(stored.getServiceLevelSeconds()).isEqualTo(30);
    }
}

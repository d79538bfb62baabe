package org.hotline.supervisor;

import java.time.Duration;

import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import org.hotline.api.v1.AgentState;
import org.hotline.api.v1.CallUpdate;
import org.hotline.api.v1.DeskEvent;
import org.hotline.agent.testing.DesktopUnderTest;
import org.hotline.cti.server.HotlineServer;
import org.hotline.cti.switching.sim.IvrScript;
import org.hotline.cti.switching.sim.SimSwitch;
import org.hotline.cti.testing.DeskClient;
import org.hotline.cti.testing.TestServers;
import org.hotline.supervisor.agents.AgentRow;
import org.hotline.supervisor.queues.QueueRow;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.testfx.api.FxRobot;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real supervisor desk on the headless platform against an in-process CTI server: a team
 * lead logs in, sees an agent in the grid, forces the agent Ready, listens to the agent's call,
 * sends a message that arrives on the agent's desk, and sees the queue's figures.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SupervisorFlowUiTest extends FxRobot {
    private DesktopUnderTest desk;
    private HotlineServer server;
    private io.grpc.ManagedChannel channel;

    @BeforeAll
    void start() throws Exception {
        desk = DesktopUnderTest.start(SupervisorApp.class, "supervisor-ui", "--silent");
        server = desk.server;
        channel = desk.channel;
    }

    @AfterAll
    void stop() throws Exception {
        desk.close();
    }

    private void waitUntil(String what, java.util.concurrent.Callable<Boolean> condition) throws Exception {
        DesktopUnderTest.waitUntil(what, condition, () -> "notice: " + text("#agents-notice") + ", error: "
                + text("#agents-error"));
    }

    private String text(String query) {
        return lookup(query).tryQuery().map(n -> ((Label) n).getText()).orElse("<none>");
    }

    private AgentRow row(TableView<AgentRow> table, String id) {
        return table.getItems().stream().filter(r -> r.agentId().equals(id)).findFirst().orElse(null);
    }

    @Test
    void aTeamLeadMonitorsAndActsOnAnAgent() throws Exception {
        clickOn("#agent").write("2099");
        clickOn("#password").write(TestServers.PASSWORD);
        clickOn("#login");
        waitUntil("the desk opens", () -> lookup("#agent-state").tryQuery().isPresent());
        try (DeskClient anna = DeskClient.login(channel, "2001", TestServers.PASSWORD).subscribe()) {
            anna.await(DeskEvent::hasSnapshot, Duration.ofSeconds(10));
            TabPane tabs = lookup(".tab-pane").<TabPane>queryAll().stream()
                    .filter(p -> p.getTabs().stream().anyMatch(t -> "tab-agents".equals(t.getId()))).findFirst().orElseThrow();
            interact(() -> tabs.getSelectionModel().select(tabs.getTabs().stream()
                    .filter(t -> "tab-agents".equals(t.getId())).findFirst().orElseThrow()));
            TableView<AgentRow> table = lookup("#agents-table").query();
            waitUntil("Anna is in the grid, Not ready", () -> row(table, "2001") != null
                    && row(table, "2001").stateProperty().get() == AgentState.AGENT_STATE_NOT_READY);
            assertThat(text("#agents-summary")).contains("ready");

            interact(() -> table.getSelectionModel().select(row(table, "2001")));
            assertThat(lookup("#action-listen").query().isDisabled()).as("no call to listen to").isTrue();
            clickOn("#action-force-ready");
            anna.await(e -> e.hasAgent() && e.getAgent().getState() == AgentState.AGENT_STATE_READY, Duration.ofSeconds(10));
            waitUntil("the grid shows her Ready", () -> row(table, "2001").stateProperty().get() == AgentState.AGENT_STATE_READY);
            assertThat(text("#agents-notice")).isEqualTo("Anna (2001) is now Ready");

            ((SimSwitch) server.switchPort()).inboundCall("13900000001", "95001",
                    new IvrScript("1", "general", "", Duration.ZERO));
            CallUpdate ringing = anna.awaitCall(CallUpdate.Kind.KIND_RINGING);
            anna.answer(ringing.getCall().getCallId());
            waitUntil("her call shows in the grid", () -> row(table, "2001").callerProperty().get().equals("13900000001")
                    && !lookup("#action-listen").query().isDisabled());
            clickOn("#action-listen");
            waitUntil("listening", () -> text("#agents-notice").equals("Listening to the call of Anna (2001)"));
            assertThat(text("#agents-error")).isEmpty();

            clickOn("#action-message");
            waitUntil("the message dialog opens", () -> lookup("#message-text").tryQuery().isPresent());
            clickOn("#message-text").write("Please wrap up quickly, the queue is long");
            clickOn("#message-send");
            DeskEvent message = anna.await(e -> e.hasNotice() && e.getNotice().getCode().equals("notice.message"),
                    Duration.ofSeconds(10));
            assertThat(message.getNotice().getText()).isEqualTo("Please wrap up quickly, the queue is long");
            assertThat(message.getNotice().getFrom()).isEqualTo("2099");

            interact(() -> tabs.getSelectionModel().select(tabs.getTabs().stream()
                    .filter(t -> "tab-queues".equals(t.getId())).findFirst().orElseThrow()));
            TableView<QueueRow> queues = lookup("#queues-table").query();
            waitUntil("the general queue counts the call", () -> queues.getItems().stream()
                    .anyMatch(q -> q.queueId().equals("general") && q.status().getOfferedToday() >= 1));
            anna.hangup(ringing.getCall().getCallId());
        }
    }
}

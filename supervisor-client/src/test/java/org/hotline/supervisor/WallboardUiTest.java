package org.hotline.supervisor;

import java.time.Duration;

import javafx.scene.control.Label;
import org.hotline.cti.security.Role;
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
 * The wallboard window on the headless platform against an in-process CTI server on the
 * simulated switch: the wallboard account logs in and the tiles show the server's figures (an
 * agent logged in, a call waiting in a queue), with both charts and no reconnect notice.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WallboardUiTest extends FxRobot {
    private DesktopUnderTest board;
    private HotlineServer server;
    private io.grpc.ManagedChannel channel;
    private DeskClient anna;

    @BeforeAll
    void start() throws Exception {
        board = DesktopUnderTest.start(WallboardApp.class, "wallboard-ui",
                (db, d) -> DesktopUnderTest.account(d, "wb", "Wallboard", Role.WALLBOARD), s -> { }, "--agent", "wb");
        server = board.server;
        channel = board.channel;
    }

    @AfterAll
    void stop() throws Exception {
        if (anna != null) {
            anna.close();
        }
        board.close();
    }

    private void waitUntil(String what, java.util.concurrent.Callable<Boolean> condition) throws Exception {
        DesktopUnderTest.waitUntil(what, condition, () -> "calls waiting " + value("calls_waiting") + ", agents "
                + value("agents") + ", link " + text("#wb-link"));
    }

    private String text(String query) {
        return lookup(query).tryQuery().map(n -> ((Label) n).getText()).orElse("<none>");
    }

    private String value(String tile) {
        return text("#wb-tile-" + tile + " .wb-tile-value");
    }

    @Test
    void theBoardShowsTheServersFiguresInItsTiles() throws Exception {
        clickOn("#password").write(TestServers.PASSWORD);
        clickOn("#login");
        waitUntil("the board opens", () -> lookup("#wallboard").tryQuery().isPresent());
        assertThat(lookup("#wb-calls-chart").tryQuery()).isPresent();
        assertThat(lookup("#wb-level-chart").tryQuery()).isPresent();
        waitUntil("the first statistics", () -> value("calls_waiting").equals("0"));

        anna = DeskClient.login(channel, "2001", TestServers.PASSWORD);
        ((SimSwitch) server.switchPort()).inboundCall("13900000001", "95001", new IvrScript("1", "general", "", Duration.ZERO));

        waitUntil("the agent is counted", () -> value("agents").equals("1"));
        waitUntil("the caller waits (nobody is Ready)", () -> value("calls_waiting").equals("1"));
        assertThat(text("#wb-tile-agents .wb-tile-detail")).contains("Ready\u00a00", "Not ready\u00a01");
        assertThat(lookup("#wb-tile-agents").query().getStyleClass()).as("no one Ready for the caller").contains("wb-alarm");
        assertThat(text("#wb-tile-work_orders .wb-tile-value")).isEqualTo("0");
        assertThat(lookup("#wb-link").query().isVisible()).isFalse();
    }
}

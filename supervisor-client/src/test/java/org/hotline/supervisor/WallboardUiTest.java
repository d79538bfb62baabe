package org.hotline.supervisor;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import javafx.scene.control.Label;
import org.hotline.cti.agents.AgentProfile;
import org.hotline.cti.security.PasswordHasher;
import org.hotline.cti.security.Role;
import org.hotline.cti.server.HotlineServer;
import org.hotline.cti.storage.Database;
import org.hotline.cti.storage.DirectoryAdmin;
import org.hotline.cti.switching.sim.IvrScript;
import org.hotline.cti.switching.sim.SimSwitch;
import org.hotline.cti.testing.DeskClient;
import org.hotline.cti.testing.TestDatabase;
import org.hotline.cti.testing.TestServers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The wallboard window on the headless platform against an in-process CTI server on the
 * simulated switch: the wallboard account logs in and the tiles show the server's figures (an
 * agent logged in, a call waiting in a queue), with both charts and no reconnect notice.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WallboardUiTest extends FxRobot {
    private TestDatabase db;
    private HotlineServer server;
    private io.grpc.ManagedChannel channel;
    private Locale before;
    private javafx.application.Application app;
    private DeskClient anna;

    @BeforeAll
    void start() throws Exception {
        before = Locale.getDefault();
        Locale.setDefault(Locale.ENGLISH);
        Path dir = Files.createTempDirectory("hotline-wallboard-ui");
        db = TestDatabase.create(TestDatabase.Kind.H2, dir);
        TestServers.seed(db.config());
        try (Database d = Database.open(db.config())) {
            new DirectoryAdmin(d.sessionFactory(), "main", new PasswordHasher(4), Clock.systemUTC()).saveAgents(List.of(
                    new DirectoryAdmin.Account(new AgentProfile("wb", "Wallboard", Role.WALLBOARD, "", "", Map.of(), "main"),
                            TestServers.PASSWORD)));
        }
        server = HotlineServer.start(TestServers.options(dir, db.config(), 0));
        channel = TestServers.channel(server);
        FxToolkit.registerPrimaryStage();
        app = FxToolkit.setupApplication(WallboardApp.class, "--server", "localhost:" + server.grpcPort(), "--fingerprint",
                server.fingerprint(), "--settings", dir.resolve("desk.properties").toString(), "--lang", "en", "--agent", "wb");
    }

    @AfterAll
    void stop() throws Exception {
        FxToolkit.cleanupApplication(app);
        FxToolkit.cleanupStages();
        if (anna != null) {
            anna.close();
        }
        channel.shutdownNow();
        server.close();
        db.close();
        Locale.setDefault(before);
    }

    private void waitUntil(String what, java.util.concurrent.Callable<Boolean> condition) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition);
            WaitForAsyncUtils.waitForFxEvents();
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("timed out waiting until " + what + "; calls waiting " + value("calls_waiting")
                    + ", agents " + value("agents") + ", link " + text("#wb-link"), e);
        }
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

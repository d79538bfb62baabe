package org.hotline.agent.connection;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.hotline.agent.Messages;
import org.hotline.agent.desk.DeskAlerts;
import org.hotline.agent.desk.DeskViewModel;
import org.hotline.agent.testing.TcpProxy;
import org.hotline.api.v1.AgentState;
import org.hotline.api.v1.ConnectionState;
import org.hotline.api.v1.DeskEvent;
import org.hotline.api.v1.LoginRequest;
import org.hotline.cti.server.HotlineServer;
import org.hotline.cti.switching.sim.IvrScript;
import org.hotline.cti.switching.sim.SimSwitch;
import org.hotline.cti.testing.TestDatabase;
import org.hotline.cti.testing.TestServers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The desk's connection classes against a real CTI server on the simulated switch, over TLS:
 * first-connection pinning, each login refusal, take-over, and a network cut in the middle of a
 * call that the desk rides out with the call still on screen in its right state.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeskSessionEndToEndTest {
    static final Duration WAIT = Duration.ofSeconds(20);
    private Path dir;
    private TestDatabase db;
    private HotlineServer server;
    private ServerAddress address;
    private Fingerprint pin;
    /** Stands in for the FX thread: every callback and every view-model change happens on it. */
    private final ExecutorService ui = Executors.newSingleThreadExecutor();

    @BeforeAll
    void start() throws Exception {
        dir = Files.createTempDirectory("hotline-desk-e2e");
        db = TestDatabase.create(TestDatabase.Kind.H2, dir);
        TestServers.seed(db.config());
        try (org.hotline.cti.storage.Database d = org.hotline.cti.storage.Database.open(db.config())) {
            new org.hotline.cti.storage.DirectoryAdmin(d.sessionFactory(), "main", new org.hotline.cti.security.PasswordHasher(4),
                    java.time.Clock.systemUTC()).saveAgents(java.util.List.of(new org.hotline.cti.storage.DirectoryAdmin.Account(
                    new org.hotline.cti.agents.AgentProfile("boss", "Administrator", org.hotline.cti.security.Role.ADMIN, "", "",
                            java.util.Map.of(), "main"), TestServers.PASSWORD)));
        }
        server = HotlineServer.start(TestServers.options(dir, db.config(), 0));
        address = new ServerAddress("localhost", server.grpcPort());
        pin = Fingerprint.parse(server.fingerprint());
    }

    @AfterAll
    void stop() throws Exception {
        ui.shutdownNow();
        if (server != null) {
            server.close();
        }
        if (db != null) {
            db.close();
        }
    }

    private static LoginRequest login(String agent, String password, boolean takeOver) {
        return LoginRequest.newBuilder().setAgentId(agent).setPassword(password).setTakeOver(takeOver)
                .setClientName("desk e2e").build();
    }

    private static LoginProblem problem(Runnable r) {
        try {
            r.run();
        } catch (java.util.concurrent.CompletionException e) {
            return ((LoginException) e.getCause()).problem();
        }
        throw new AssertionError("expected a refused login");
    }

    @Test
    void theProbeReadsTheServersFingerprintAndOnlyThatPinLogsIn() {
        try (ServerConnection probe = ServerConnection.open(address, null, false)) {
            assertThat(probe.trusted()).isFalse();
            assertThat(probe.probe().join()).isEqualTo(pin);
            assertThatThrownBy(() -> probe.login(login("2001", TestServers.PASSWORD, false), Runnable::run))
                    .isInstanceOf(IllegalStateException.class);
        }
        Fingerprint other = Fingerprint.parse("00".repeat(32));
        try (ServerConnection wrong = ServerConnection.open(address, other, false)) {
            assertThat(problem(() -> wrong.login(login("2001", TestServers.PASSWORD, false), Runnable::run).join()))
                    .isEqualTo(LoginProblem.CERTIFICATE_MISMATCH);
        }
    }

    @Test
    void aSessionWithoutAnExtensionHasNoDeskStreamYetStaysConnected() throws Exception {
        DeskSession admin = ServerConnection.open(address, pin, false).login(login("boss", TestServers.PASSWORD, false), ui)
                .join();
        LinkedBlockingQueue<String> links = new LinkedBlockingQueue<>();
        admin.start(new DeskListener() {
            @Override
            public void onEvent(org.hotline.api.v1.DeskEvent event) {
                links.add("event");
            }

            @Override
            public void onLink(LinkState state, String detail) {
                links.add(state + " " + detail);
            }
        });
        assertThat(links.poll(10, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo("CONNECTED no extension");
        assertThat(links.poll(2, java.util.concurrent.TimeUnit.SECONDS)).as("no ended desk stream, no events").isNull();
        admin.logout(Duration.ofSeconds(3));
    }

    @Test
    void refusalsAreClassified() {
        ServerConnection c = ServerConnection.open(address, pin, false);
        assertThat(problem(() -> c.login(login("2001", "wrong", false), Runnable::run).join()))
                .isEqualTo(LoginProblem.WRONG_CREDENTIALS);
        assertThat(problem(() -> c.login(login("nobody", "x", false), Runnable::run).join()))
                .isEqualTo(LoginProblem.WRONG_CREDENTIALS);
        c.close();
        ServerConnection nowhere = ServerConnection.open(new ServerAddress("127.0.0.1", TestServers.freePort()), pin, false);
        assertThat(problem(() -> nowhere.login(login("2001", TestServers.PASSWORD, false), Runnable::run).join()))
                .isEqualTo(LoginProblem.SERVER_UNREACHABLE);
        nowhere.close();
    }

    @Test
    void aSecondLoginIsOfferedTheTakeOverAndTheFirstDeskIsTold() throws Exception {
        DeskSession first = ServerConnection.open(address, pin, false)
                .login(login("2099", TestServers.PASSWORD, false), ui).join();
        LinkedBlockingQueue<LinkState> links = new LinkedBlockingQueue<>();
        first.start(new DeskListener() {
            @Override
            public void onEvent(DeskEvent event) {
            }

            @Override
            public void onLink(LinkState state, String detail) {
                links.add(state);
            }
        });
        assertThat(links.poll(WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo(LinkState.CONNECTED);
        ServerConnection second = ServerConnection.open(address, pin, false);
        assertThat(problem(() -> second.login(login("2099", TestServers.PASSWORD, false), ui).join()))
                .isEqualTo(LoginProblem.SESSION_OPEN_ELSEWHERE);
        DeskSession taken = second.login(login("2099", TestServers.PASSWORD, true), ui).join();
        assertThat(links.poll(WAIT.toSeconds(), TimeUnit.SECONDS)).as("the first desk is told, and does not retry")
                .isEqualTo(LinkState.ENDED);
        taken.logout(Duration.ofSeconds(5));
        first.close();
    }

    @Test
    void aNetworkCutMidCallIsRiddenOutWithTheCallStillOnScreen() throws Exception {
        try (TcpProxy cable = new TcpProxy(server.grpcPort())) {
            DeskSession desk = ServerConnection.open(new ServerAddress("localhost", cable.port()), pin, false)
                    .login(login("2001", TestServers.PASSWORD, false), ui).join();
            DeskViewModel vm = ui.submit(() -> new DeskViewModel(new GrpcSoftphone(desk), Messages.forLocale(Locale.ENGLISH),
                    Clock.systemUTC(), DeskAlerts.NONE, desk.agentId(), desk.extension(), desk.reasonCodes())).get();
            LinkedBlockingQueue<LinkState> links = new LinkedBlockingQueue<>();
            desk.start(new DeskListener() {
                @Override
                public void onEvent(DeskEvent event) {
                    vm.apply(event);
                }

                @Override
                public void onLink(LinkState state, String detail) {
                    links.add(state);
                }
            });
            assertThat(links.poll(WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo(LinkState.CONNECTED);
            ui.submit(vm::ready).get();
            await(() -> vm.stateProperty().get() == AgentState.AGENT_STATE_READY);

            ((SimSwitch) server.switchPort()).inboundCall("13900000001", "95001",
                    new IvrScript("1", "general", "G1", Duration.ZERO));
            await(() -> vm.ringingProperty().get());
            ui.submit(vm::answer).get();
            await(() -> vm.activeCallProperty().get() != null
                    && vm.myState(vm.activeCallProperty().get()) == ConnectionState.CONNECTION_STATE_CONNECTED);
            String callId = onUi(() -> vm.activeCallProperty().get().getCallId());

            cable.cut();
            assertThat(links.poll(WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo(LinkState.RECONNECTING);
            assertThat(onUi(() -> vm.activeCallProperty().get().getCallId()))
                    .as("the call stays on screen while the link is down").isEqualTo(callId);
            cable.restore();
            LinkState back;
            do {
                back = links.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
            } while (back == LinkState.RECONNECTING);
            assertThat(back).isEqualTo(LinkState.CONNECTED);
            assertThat(onUi(() -> vm.activeCallProperty().get().getCallId())).isEqualTo(callId);
            assertThat(onUi(() -> vm.myState(vm.activeCallProperty().get())))
                    .isEqualTo(ConnectionState.CONNECTION_STATE_CONNECTED);
            assertThat(onUi(() -> vm.stateProperty().get())).isEqualTo(AgentState.AGENT_STATE_ON_CALL);

            // Commands work again over the new connection.
            ui.submit(vm::hangup).get();
            await(() -> vm.calls().isEmpty());
            desk.logout(Duration.ofSeconds(5));
        }
    }

    private <T> T onUi(java.util.concurrent.Callable<T> read) throws Exception {
        return ui.submit(read).get();
    }

    private void await(java.util.function.BooleanSupplier condition) throws Exception {
        long end = System.nanoTime() + WAIT.toNanos();
        while (!ui.submit(condition::getAsBoolean).get()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("condition not met within " + WAIT);
            }
            Thread.sleep(50);
        }
    }
}

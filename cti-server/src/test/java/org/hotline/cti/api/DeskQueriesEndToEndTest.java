package org.hotline.cti.api;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import org.hotline.api.v1.AgentDeskGrpc;
import org.hotline.api.v1.AgentState;
import org.hotline.api.v1.DeskEvent;
import org.hotline.api.v1.DirectoryAgent;
import org.hotline.api.v1.DirectoryQueue;
import org.hotline.api.v1.ListDirectoryRequest;
import org.hotline.api.v1.ListDirectoryResponse;
import org.hotline.api.v1.LoginRequest;
import org.hotline.api.v1.SessionGrpc;
import org.hotline.cti.agents.AgentProfile;
import org.hotline.cti.bench.BearerToken;
import org.hotline.cti.security.PasswordHasher;
import org.hotline.cti.security.Role;
import org.hotline.cti.server.HotlineServer;
import org.hotline.cti.storage.Database;
import org.hotline.cti.storage.DatabaseConfig;
import org.hotline.cti.storage.DirectoryAdmin;
import org.hotline.cti.testing.DeskClient;
import org.hotline.cti.testing.TestDatabase;
import org.hotline.cti.testing.TestServers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Over real gRPC with TLS, on the simulated switch, against H2 and MariaDB: the desk's read-only
 * RPCs (the transfer directory, my day, my call history) and who may call them.
 */
class DeskQueriesEndToEndTest {
    static final Duration WAIT = Duration.ofSeconds(15);

    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    abstract static class Contract {
        Path dir;
        TestDatabase db;
        HotlineServer server;
        ManagedChannel channel;
        DeskClient anna;
        DeskClient ben;
        DeskClient lead;

        abstract TestDatabase.Kind kind();

        @BeforeAll
        void start() throws Exception {
            dir = Files.createTempDirectory("hotline-desk-queries-test");
            db = TestDatabase.create(kind(), dir);
            TestServers.seed(db.config());
            seedAbsentAgentAndWallboard(db.config());
            server = HotlineServer.start(TestServers.options(dir, db.config(), 0));
            channel = TestServers.channel(server);
            anna = DeskClient.login(channel, "2001", TestServers.PASSWORD).subscribe();
            ben = DeskClient.login(channel, "2002", TestServers.PASSWORD).subscribe();
            lead = DeskClient.login(channel, "2099", TestServers.PASSWORD).subscribe();
            anna.await(DeskEvent::hasSnapshot, WAIT);
            ben.await(DeskEvent::hasSnapshot, WAIT);
            lead.await(DeskEvent::hasSnapshot, WAIT);
        }

        @AfterAll
        void stop() throws Exception {
            if (channel != null) {
                channel.shutdownNow();
            }
            if (server != null) {
                server.close();
            }
            if (db != null) {
                db.close();
            }
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }

        private static void seedAbsentAgentAndWallboard(DatabaseConfig config) {
            try (Database d = Database.open(config)) {
                DirectoryAdmin admin = new DirectoryAdmin(d.sessionFactory(), "main", new PasswordHasher(4), Clock.systemUTC());
                admin.saveAgents(List.of(
                        new DirectoryAdmin.Account(new AgentProfile("2003", "Carl", Role.AGENT, "2003", "t1",
                                Map.of("general", 5), "main"), TestServers.PASSWORD),
                        new DirectoryAdmin.Account(new AgentProfile("wb", "Wallboard", Role.WALLBOARD, "", "",
                                Map.of(), "main"), TestServers.PASSWORD)));
            }
        }

        AgentDeskGrpc.AgentDeskBlockingStub desk(DeskClient who) {
            return AgentDeskGrpc.newBlockingStub(channel).withCallCredentials(new BearerToken(who.token));
        }

        AgentDeskGrpc.AgentDeskBlockingStub wallboard() {
            String token = SessionGrpc.newBlockingStub(channel).login(LoginRequest.newBuilder().setAgentId("wb")
                    .setPassword(TestServers.PASSWORD).setClientName("test").build()).getSessionToken();
            return AgentDeskGrpc.newBlockingStub(channel).withCallCredentials(new BearerToken(token));
        }

        static void assertDenied(Runnable call, String message) {
            assertThatThrownBy(call::run).isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
                assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);
                assertThat(e.getStatus().getDescription()).contains(message);
            });
        }

        static void assertInvalid(Runnable call, String message) {
            assertThatThrownBy(call::run).isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
                assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
                assertThat(e.getStatus().getDescription()).isEqualTo(message);
            });
        }

        // ----- directory -----

        @Test
        void theDirectoryShowsLoggedInAgentsWithTheirLiveStateAndEveryQueue() {
            anna.ready();
            anna.await(e -> e.hasAgent() && e.getAgent().getState() == AgentState.AGENT_STATE_READY, WAIT);

            ListDirectoryResponse dir = desk(ben).listDirectory(ListDirectoryRequest.getDefaultInstance());

            assertThat(dir.getAgentsList()).extracting(DirectoryAgent::getAgentId)
                    .as("Carl (2003) never logged in and the wallboard has no desk").containsExactly("2001", "2002", "2099");
            DirectoryAgent annaRow = dir.getAgents(0);
            assertThat(annaRow.getName()).isEqualTo("Anna");
            assertThat(annaRow.getTeam()).isEqualTo("t1");
            assertThat(annaRow.getExtension()).isEqualTo("2001");
            assertThat(annaRow.getState()).isEqualTo(AgentState.AGENT_STATE_READY);
            assertThat(annaRow.getReasonCode()).isEmpty();
            DirectoryAgent benRow = dir.getAgents(1);
            assertThat(benRow.getState()).isEqualTo(AgentState.AGENT_STATE_NOT_READY);
            assertThat(benRow.getReasonCode()).as("agents start NotReady(login)").isEqualTo("login");
            assertThat(dir.getQueuesList()).extracting(DirectoryQueue::getQueueId).containsExactly("general", "repair");
            assertThat(dir.getQueues(0).getName()).isEqualTo("General");
            assertThat(dir.getQueues(0).getWaiting()).isZero();
        }

        @Test
        void theDirectoryIsForDeskRolesOnly() {
            assertThat(desk(lead).listDirectory(ListDirectoryRequest.getDefaultInstance()).getAgentsCount()).isEqualTo(3);
            assertDenied(() -> wallboard().listDirectory(ListDirectoryRequest.getDefaultInstance()),
                    "role WALLBOARD has no desk (expected: agent, team lead or admin)");
        }
    }

    @Nested
    class OnH2 extends Contract {
        @Override
        TestDatabase.Kind kind() {
            return TestDatabase.Kind.H2;
        }
    }

    @Nested
    class OnMariaDb extends Contract {
        @Override
        TestDatabase.Kind kind() {
            return TestDatabase.Kind.MARIADB;
        }
    }
}

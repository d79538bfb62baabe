package org.hotline.cti.api;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import org.hotline.api.v1.AgentDeskGrpc;
import org.hotline.api.v1.AgentState;
import org.hotline.api.v1.CallDirection;
import org.hotline.api.v1.CallHistoryEntry;
import org.hotline.api.v1.CallRecorded;
import org.hotline.api.v1.CallUpdate;
import org.hotline.api.v1.DeskEvent;
import org.hotline.api.v1.GetMyDayRequest;
import org.hotline.api.v1.GetMyDayResponse;
import org.hotline.api.v1.ListMyCallsRequest;
import org.hotline.api.v1.ListMyCallsResponse;
import org.hotline.api.v1.StateTime;
import org.hotline.api.v1.DirectoryAgent;
import org.hotline.api.v1.DirectoryQueue;
import org.hotline.api.v1.ListDirectoryRequest;
import org.hotline.api.v1.ListDirectoryResponse;
import org.hotline.api.v1.LoginRequest;
import org.hotline.api.v1.SessionGrpc;
import org.hotline.cti.agents.AgentProfile;
import org.hotline.cti.bench.BearerToken;
import org.hotline.cti.customers.Customer;
import org.hotline.cti.storage.JdbcCustomers;
import org.hotline.cti.switching.sim.IvrScript;
import org.hotline.cti.switching.sim.SimSwitch;
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
    static final String KNOWN = "13912345678";
    static final String UNKNOWN = "13700000002";

    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    abstract static class Contract {
        Path dir;
        TestDatabase db;
        HotlineServer server;
        ManagedChannel channel;
        DeskClient anna;
        DeskClient ben;
        DeskClient lead;
        Instant loggedInAt;
        String wallboardToken;
        CallRecorded first;
        CallRecorded second;

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
            loggedInAt = Instant.now();
            anna.ready();
            anna.await(e -> e.hasAgent() && e.getAgent().getState() == AgentState.AGENT_STATE_READY, WAIT);
            first = handleCall(KNOWN, Duration.ofMillis(1_300));
            second = handleCall(UNKNOWN, Duration.ofMillis(200));
            insertWorkOrder("WO-T-0001", first.getCallId());
            awaitDurable();
        }

        /** Rings Anna from {@code caller}, talks for {@code talk}, hangs up, waits out after-call work. */
        private CallRecorded handleCall(String caller, Duration talk) throws InterruptedException {
            ((SimSwitch) server.switchPort()).inboundCall(caller, "95001", new IvrScript("1", "general", "", Duration.ZERO));
            String callId = anna.awaitCall(CallUpdate.Kind.KIND_RINGING).getCall().getCallId();
            anna.answer(callId);
            anna.awaitCall(CallUpdate.Kind.KIND_CONNECTED);
            Thread.sleep(talk.toMillis());
            anna.hangup(callId);
            CallRecorded recorded = anna.await(e -> e.hasRecorded() && e.getRecorded().getCallId().equals(callId), WAIT)
                    .getRecorded();
            anna.await(e -> e.hasAgent() && e.getAgent().getState() == AgentState.AGENT_STATE_READY, WAIT);
            return recorded;
        }

        private void insertWorkOrder(String number, String callId) throws Exception {
            java.sql.Timestamp now = java.sql.Timestamp.valueOf(java.time.LocalDateTime.now(java.time.ZoneOffset.UTC));
            try (var c = server.database().dataSource().getConnection(); var ps = c.prepareStatement("""
                    INSERT INTO work_orders (site_id, order_no, type_code, priority, status, title, description,
                        confidential, source_call_id, creator_id, created_at, updated_at, respond_by, resolve_by,
                        warn_at, sla_state, escalation_level, version)
                    VALUES ('main', ?, 'leak', 'HIGH', 'NEW', 'Gas smell', '', FALSE, ?, '2001', ?, ?, ?, ?, ?,
                        'ON_TIME', 0, 0)""")) {
                ps.setString(1, number);
                ps.setString(2, callId);
                for (int i = 3; i <= 7; i++) {
                    ps.setTimestamp(i, now);
                }
                ps.executeUpdate();
            }
        }

        /** The outbox writes in batches and the contact recorder after the record: wait until both are on disk. */
        private void awaitDurable() throws Exception {
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (System.nanoTime() < deadline) {
                if (server.outbox().depth() == 0 && contactsOf(first.getCallId()) > 0) {
                    return;
                }
                Thread.sleep(20);
            }
            throw new AssertionError("outbox depth " + server.outbox().depth() + ", contacts of the first call "
                    + contactsOf(first.getCallId()) + " (expected: 0 and 1) after " + WAIT);
        }

        private int contactsOf(String callId) throws Exception {
            try (var c = server.database().dataSource().getConnection();
                 var ps = c.prepareStatement("SELECT COUNT(*) FROM contact_history WHERE call_id = ?")) {
                ps.setString(1, callId);
                try (var rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getInt(1);
                }
            }
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
                new JdbcCustomers(d.dataSource(), "main", Clock.systemUTC()).insertAll(List.of(new Customer(0, "H1",
                        "王建國", List.of(KNOWN), "中山路1號", "東城區", "", "M1", Customer.Type.RESIDENTIAL,
                        BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, null, Customer.Status.ACTIVE)));
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

        /** The wallboard account's desk stub, logged in once (a second login would find the session open). */
        AgentDeskGrpc.AgentDeskBlockingStub wallboard() {
            if (wallboardToken == null) {
                wallboardToken = SessionGrpc.newBlockingStub(channel).login(LoginRequest.newBuilder().setAgentId("wb")
                        .setPassword(TestServers.PASSWORD).setClientName("test").build()).getSessionToken();
            }
            return AgentDeskGrpc.newBlockingStub(channel).withCallCredentials(new BearerToken(wallboardToken));
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

        // ----- my day -----

        static long seconds(GetMyDayResponse day, AgentState state) {
            return day.getStateTimesList().stream().filter(t -> t.getState() == state).mapToLong(StateTime::getSeconds)
                    .sum();
        }

        @Test
        void myDayCountsTheCallsTalkAndStateTimesOfTheCallingAgent() {
            GetMyDayResponse day = desk(anna).getMyDay(GetMyDayRequest.getDefaultInstance());

            assertThat(day.getCallsHandled()).isEqualTo(2);
            assertThat(day.getTalkSeconds()).as("1.3 s + 0.2 s of talk").isBetween(1L, 3L);
            assertThat(seconds(day, AgentState.AGENT_STATE_AFTER_CALL_WORK)).as("two wrap-ups of 2 s").isBetween(3L, 6L);
            assertThat(day.getAverageHandleSeconds()).as("(talk + wrap-up) / 2").isBetween(2L, 5L);
            assertThat(day.getStateTimesList()).extracting(StateTime::getState)
                    .contains(AgentState.AGENT_STATE_NOT_READY, AgentState.AGENT_STATE_READY,
                            AgentState.AGENT_STATE_ON_CALL, AgentState.AGENT_STATE_AFTER_CALL_WORK)
                    .doesNotContain(AgentState.AGENT_STATE_LOGGED_OUT);
            long counted = day.getStateTimesList().stream().mapToLong(StateTime::getSeconds).sum();
            long loggedIn = Duration.between(loggedInAt, Instant.now()).toSeconds();
            assertThat(counted).as("time in states covers the time logged in, the open Ready interval included")
                    .isBetween(loggedIn - 3, loggedIn + 3);
            assertThat(ProtoMapper.instant(day.getDayStartedAt()))
                    .isEqualTo(java.time.LocalDate.now().atStartOfDay(java.time.ZoneId.systemDefault()).toInstant());
        }

        @Test
        void myDayIsTheCallersOwn() {
            GetMyDayResponse day = desk(ben).getMyDay(GetMyDayRequest.getDefaultInstance());

            assertThat(day.getCallsHandled()).isZero();
            assertThat(day.getTalkSeconds()).isZero();
            assertThat(day.getAverageHandleSeconds()).isZero();
            assertThat(day.getStateTimesList()).extracting(StateTime::getState)
                    .containsExactly(AgentState.AGENT_STATE_NOT_READY);
            assertDenied(() -> wallboard().getMyDay(GetMyDayRequest.getDefaultInstance()),
                    "role WALLBOARD has no desk (expected: agent, team lead or admin)");
        }

        // ----- my calls -----

        @Test
        void myCallsListTheAgentsCallsNewestFirstWithCustomerAndWorkOrder() {
            ListMyCallsResponse calls = desk(anna).listMyCalls(ListMyCallsRequest.getDefaultInstance());

            assertThat(calls.getCallsList()).extracting(CallHistoryEntry::getCallId)
                    .containsExactly(second.getCallId(), first.getCallId());
            CallHistoryEntry known = calls.getCalls(1);
            var stored = new org.hotline.cti.storage.CallRecords(server.database().sessionFactory(), "main").findCall(first.getCallId()).orElseThrow().record();
            assertThat(known.getRecordId()).isEqualTo(first.getRecordId());
            assertThat(known.getDirection()).isEqualTo(CallDirection.CALL_DIRECTION_INBOUND);
            assertThat(known.getCallerNumber()).isEqualTo(KNOWN);
            assertThat(known.getDialledNumber()).isEqualTo("95001");
            assertThat(known.getQueue()).isEqualTo("general");
            assertThat(ProtoMapper.instant(known.getStartedAt())).isEqualTo(stored.startedAt());
            assertThat(ProtoMapper.instant(known.getAnsweredAt())).isEqualTo(stored.answeredAt());
            assertThat(ProtoMapper.instant(known.getEndedAt())).isEqualTo(stored.endedAt());
            assertThat(known.getTalkSeconds()).as("about 1.3 s").isBetween(1L, 2L);
            assertThat(known.getCustomerId()).isEqualTo("H1");
            assertThat(known.getRecordingPath()).isEqualTo(stored.recordingPath() == null ? "" : stored.recordingPath());
            assertThat(known.getWorkOrderNo()).isEqualTo("WO-T-0001");
            CallHistoryEntry unknown = calls.getCalls(0);
            assertThat(unknown.getCustomerId()).as("nobody has that number").isEmpty();
            assertThat(unknown.getWorkOrderNo()).isEmpty();
        }

        @Test
        void myCallsFilterByNumberDirectionTimeAndLimit() {
            var anna = desk(this.anna);
            assertThat(anna.listMyCalls(ListMyCallsRequest.newBuilder().setNumberFragment("391234").build())
                    .getCallsList()).extracting(CallHistoryEntry::getCallId).containsExactly(first.getCallId());
            assertThat(anna.listMyCalls(ListMyCallsRequest.newBuilder().setNumberFragment("95001").build())
                    .getCallsCount()).as("the dialled number matches too").isEqualTo(2);
            assertThat(anna.listMyCalls(ListMyCallsRequest.newBuilder()
                    .setDirection(CallDirection.CALL_DIRECTION_OUTBOUND).build()).getCallsList()).isEmpty();
            assertThat(anna.listMyCalls(ListMyCallsRequest.newBuilder()
                    .setDirection(CallDirection.CALL_DIRECTION_INBOUND).build()).getCallsCount()).isEqualTo(2);
            var secondStart = anna.listMyCalls(ListMyCallsRequest.newBuilder().setLimit(1).build());
            assertThat(secondStart.getCallsList()).extracting(CallHistoryEntry::getCallId).containsExactly(second.getCallId());
            assertThat(anna.listMyCalls(ListMyCallsRequest.newBuilder().setFrom(secondStart.getCalls(0).getStartedAt())
                    .build()).getCallsList()).extracting(CallHistoryEntry::getCallId).containsExactly(second.getCallId());
            assertThat(anna.listMyCalls(ListMyCallsRequest.newBuilder().setUntil(secondStart.getCalls(0).getStartedAt())
                    .build()).getCallsList()).extracting(CallHistoryEntry::getCallId).containsExactly(first.getCallId());
        }

        @Test
        void myCallsRefuseABadLimitOrNumber() {
            assertInvalid(() -> desk(anna).listMyCalls(ListMyCallsRequest.newBuilder().setLimit(501).build()),
                    "limit: 501 (expected: 0 for the default, or 1..500)");
            assertInvalid(() -> desk(anna).listMyCalls(ListMyCallsRequest.newBuilder().setNumberFragment("13a").build()),
                    "number_fragment: '13a' (expected: digits, optionally with + * #)");
        }

        @Test
        void onlyTeamLeadsSeeAnotherAgentsCalls() {
            assertThat(desk(ben).listMyCalls(ListMyCallsRequest.getDefaultInstance()).getCallsList()).isEmpty();
            assertDenied(() -> desk(ben).listMyCalls(ListMyCallsRequest.newBuilder().setAgentId("2001").build()),
                    "role AGENT may list only its own calls (asked for agent '2001'; expected: empty or '2002', or a team lead or admin)");
            assertThat(desk(lead).listMyCalls(ListMyCallsRequest.newBuilder().setAgentId("2001").build())
                    .getCallsCount()).isEqualTo(2);
            assertThatThrownBy(() -> desk(lead).listMyCalls(ListMyCallsRequest.newBuilder().setAgentId("9999").build()))
                    .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
                        assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
                        assertThat(e.getStatus().getDescription()).isEqualTo("agent_id: '9999' (no such agent)");
                    });
            assertDenied(() -> wallboard().listMyCalls(ListMyCallsRequest.getDefaultInstance()),
                    "role WALLBOARD has no desk (expected: agent, team lead or admin)");
        }

        // ----- directory -----

        @Test
        void theDirectoryShowsLoggedInAgentsWithTheirLiveStateAndEveryQueue() {
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

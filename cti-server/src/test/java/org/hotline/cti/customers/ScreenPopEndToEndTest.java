package org.hotline.cti.customers;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import org.hotline.api.v1.AddToBlacklistRequest;
import org.hotline.api.v1.BlacklistCallerRequest;
import org.hotline.api.v1.BlacklistGrpc;
import org.hotline.api.v1.BlindTransferRequest;
import org.hotline.api.v1.CallUpdate;
import org.hotline.api.v1.ContactKind;
import org.hotline.api.v1.CustomersGrpc;
import org.hotline.api.v1.DeskEvent;
import org.hotline.api.v1.PoppedCustomer;
import org.hotline.api.v1.ScreenPop;
import org.hotline.api.v1.SearchCustomersRequest;
import org.hotline.cti.bench.BearerToken;
import org.hotline.cti.security.Role;
import org.hotline.cti.server.HotlineServer;
import org.hotline.cti.storage.Database;
import org.hotline.cti.storage.JdbcContactHistory;
import org.hotline.cti.storage.JdbcCustomers;
import org.hotline.cti.switching.sim.IvrScript;
import org.hotline.cti.switching.sim.SimSwitch;
import org.hotline.cti.testing.DeskClient;
import org.hotline.cti.testing.TestDatabase;
import org.hotline.cti.testing.TestServers;
import org.hotline.cti.workorders.Actor;
import org.hotline.cti.workorders.NewWorkOrder;
import org.hotline.cti.workorders.Priority;
import org.hotline.cti.workorders.SlaPolicy;
import org.hotline.cti.workorders.WorkOrder;
import org.hotline.cti.workorders.WorkOrderFeature;
import org.hotline.cti.workorders.WorkOrderType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Over real gRPC with TLS, on the simulated switch, against H2 and MariaDB: the screen pop on
 * the desk stream for a known, an unknown and a multi-match caller, the pop following a
 * transfer, the call on the customer's timeline afterwards, and an agent blacklisting its caller.
 */
class ScreenPopEndToEndTest {
    static final String KNOWN = "13900000001";
    static final String SHARED = "13900000050";
    static final String UNKNOWN = "13000000000";
    static final Duration WAIT = Duration.ofSeconds(15);

    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    abstract static class Contract {
        private Path dir;
        private TestDatabase db;
        private HotlineServer server;
        private ManagedChannel channel;
        private DeskClient anna;
        private DeskClient ben;
        private String openOrder;

        abstract TestDatabase.Kind kind();

        @BeforeAll
        void start() throws Exception {
            dir = Files.createTempDirectory("hotline-pop-test");
            db = TestDatabase.create(kind(), dir);
            TestServers.seed(db.config());
            try (Database d = Database.open(db.config())) {
                JdbcCustomers customers = new JdbcCustomers(d.dataSource(), "main", Clock.systemUTC());
                customers.insertAll(List.of(
                        customer("G1", "陳嘉欣", KNOWN, "02081234567"),
                        customer("G50", "李志明", SHARED),
                        customer("G51", "李美玲", SHARED, "13900000051")));
                List<Contact> contacts = new ArrayList<>();
                Instant t0 = Instant.parse("2026-11-01T08:00:00Z");
                for (int i = 0; i < 12; i++) {
                    contacts.add(new Contact(0, "G1", Contact.Kind.INBOUND_CALL, t0.plus(Duration.ofDays(i)), "2001",
                            KNOWN, "old-" + i, "", "", i == 11 ? "WO-2026-0042" : "", "第" + i + "次來電"));
                }
                new JdbcContactHistory(d.dataSource(), "main").append(contacts);
            }
            server = HotlineServer.start(TestServers.options(dir, db.config(), 0));
            // G1 has one open and one closed work order: the pop carries the open one only.
            WorkOrderFeature wo = server.workOrders();
            wo.admin().saveType(new WorkOrderType("repair", "報修", false, List.of()));
            wo.admin().savePolicy(new SlaPolicy("repair", Priority.NORMAL, Duration.ofHours(1), Duration.ofHours(8), 75,
                    Duration.ofHours(1), null));
            Actor clerk = new Actor("2001", Role.AGENT);
            openOrder = wo.orders().create(clerk, new NewWorkOrder("repair", Priority.NORMAL, "廚房無氣", "", "G1",
                    "old-11", KNOWN, "東城區", "東城區中山路1號", Map.of())).orderNo();
            WorkOrder done = wo.orders().create(clerk, new NewWorkOrder("repair", Priority.NORMAL, "上月表故障", "", "G1",
                    "old-3", KNOWN, "東城區", "東城區中山路1號", Map.of()));
            done = wo.orders().resolve(clerk, done.orderNo(), done.version(), "已換表");
            wo.orders().close(clerk, done.orderNo(), done.version(), null);
            channel = TestServers.channel(server);
            anna = DeskClient.login(channel, "2001", TestServers.PASSWORD).subscribe();
            ben = DeskClient.login(channel, "2002", TestServers.PASSWORD).subscribe();
            anna.await(DeskEvent::hasSnapshot, WAIT);
            ben.await(DeskEvent::hasSnapshot, WAIT);
            anna.ready();
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

        private static Customer customer(String account, String name, String... phones) {
            return new Customer(0, account, name, List.of(phones), "東城區中山路1號幸福花園2棟301室", "東城區", "東城-01",
                    "M" + account, Customer.Type.RESIDENTIAL, new BigDecimal("88.00"), new BigDecimal("0.00"),
                    new BigDecimal("1024.50"), null, Customer.Status.ACTIVE);
        }

        private String callFrom(String number) {
            ((SimSwitch) server.switchPort()).inboundCall(number, "95001", new IvrScript("1", "general", "", Duration.ZERO));
            CallUpdate ringing = anna.awaitCall(CallUpdate.Kind.KIND_RINGING);
            assertThat(ringing.getCall().getData().getCallerNumber()).isEqualTo(number);
            return ringing.getCall().getCallId();
        }

        private static ScreenPop popOf(DeskClient desk, String callId) {
            return desk.await(e -> e.hasPop() && e.getPop().getCallId().equals(callId), WAIT).getPop();
        }

        /** Answers, hangs up and waits until the desk is Ready again, for the next test. */
        private void finish(String callId) {
            anna.answer(callId);
            anna.awaitCall(CallUpdate.Kind.KIND_CONNECTED);
            anna.hangup(callId);
            anna.await(e -> e.hasAgent() && e.getAgent().getState() == org.hotline.api.v1.AgentState.AGENT_STATE_READY,
                    WAIT);
        }

        @Test
        void aKnownCallerPopsTheCustomerWithTheLastTenContactsNewestFirst() {
            String callId = callFrom(KNOWN);

            ScreenPop pop = popOf(anna, callId);

            assertThat(pop.getCallerNumber()).isEqualTo(KNOWN);
            assertThat(pop.getCustomersList()).singleElement().satisfies(p -> {
                assertThat(p.getCustomer().getAccountNo()).isEqualTo("G1");
                assertThat(p.getCustomer().getName()).isEqualTo("陳嘉欣");
                assertThat(p.getCustomer().getPhonesList()).containsExactly(KNOWN, "02081234567");
                assertThat(p.getCustomer().getBalance()).isEqualTo("88.00");
                assertThat(p.getRecentContactsList()).hasSize(10);
                assertThat(p.getRecentContactsList().get(0).getCallId()).isEqualTo("old-11");
                assertThat(p.getRecentContactsList().get(0).getWorkOrderNo()).isEqualTo("WO-2026-0042");
                assertThat(p.getRecentContactsList().get(9).getCallId()).isEqualTo("old-2");
                assertThat(p.getOpenWorkOrdersList()).singleElement().satisfies(w -> {
                    assertThat(w.getNumber()).isEqualTo(openOrder);
                    assertThat(w.getTitle()).isEqualTo("廚房無氣");
                    assertThat(w.getStatus()).isEqualTo("NEW");
                    assertThat(w.getType()).isEqualTo("repair");
                });
            });
            finish(callId);
        }

        @Test
        void anUnknownCallerPopsAnEmptyCard() {
            String callId = callFrom(UNKNOWN);

            ScreenPop pop = popOf(anna, callId);

            assertThat(pop.getCallerNumber()).isEqualTo(UNKNOWN);
            assertThat(pop.getCustomersList()).isEmpty();
            finish(callId);
        }

        @Test
        void aSharedNumberPopsEveryCustomerWithIt() {
            String callId = callFrom(SHARED);

            ScreenPop pop = popOf(anna, callId);

            assertThat(pop.getCustomersList()).extracting(p -> p.getCustomer().getAccountNo()).containsExactly("G50", "G51");
            assertThat(pop.getCustomersList()).extracting(p -> p.getCustomer().getName()).containsExactly("李志明", "李美玲");
            assertThat(pop.getCustomersList()).allSatisfy(p -> assertThat(p.getOpenWorkOrdersList()).isEmpty());
            finish(callId);
        }

        @Test
        void thePopFollowsATransferAndTheCallLandsOnTheTimeline() throws Exception {
            String callId = callFrom(KNOWN);
            ScreenPop first = popOf(anna, callId);
            anna.answer(callId);
            anna.awaitCall(CallUpdate.Kind.KIND_CONNECTED);
            ben.ready();

            anna.stub().blindTransfer(BlindTransferRequest.newBuilder().setRequestId("bt-" + callId).setCallId(callId)
                    .setDestination("2002").build());

            assertThat(ben.awaitCall(CallUpdate.Kind.KIND_RINGING).getCall().getCallId()).isEqualTo(callId);
            ScreenPop second = popOf(ben, callId);
            assertThat(second).as("the receiving agent gets the same pop").isEqualTo(first);

            ben.answer(callId);
            ben.awaitCall(CallUpdate.Kind.KIND_CONNECTED);
            ben.hangup(callId);
            DeskEvent recorded = ben.await(e -> e.hasRecorded() && e.getRecorded().getCallId().equals(callId), WAIT);
            Customer g1 = server.customers().directory().byAccount("G1").orElseThrow();
            Contact newest = awaitNewestContact(g1, callId);
            assertThat(newest.kind()).isEqualTo(Contact.Kind.INBOUND_CALL);
            assertThat(newest.callId()).isEqualTo(callId);
            assertThat(newest.recordId()).isEqualTo(recorded.getRecorded().getRecordId());
            assertThat(newest.agentId()).as("the agent who talked last").isEqualTo("2002");
            assertThat(newest.phone()).isEqualTo(KNOWN);
            ben.stub().setState(org.hotline.api.v1.SetStateRequest.newBuilder().setRequestId("nr-" + callId)
                    .setState(org.hotline.api.v1.AgentState.AGENT_STATE_NOT_READY).setReasonCode("break").build());
            anna.await(e -> e.hasAgent() && e.getAgent().getState() == org.hotline.api.v1.AgentState.AGENT_STATE_READY,
                    WAIT);
        }

        @Test
        void anAgentBlacklistsItsCallerAndTheNextCallIsRefused() throws Exception {
            String nuisance = "13811112222";
            String callId = callFrom(nuisance);
            var blacklist = BlacklistGrpc.newBlockingStub(channel).withCallCredentials(new BearerToken(anna.token));

            assertThatThrownBy(() -> blacklist.addToBlacklist(AddToBlacklistRequest.newBuilder().setPhone("139")
                    .setReason("x").build()))
                    .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
                        assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);
                        assertThat(e.getStatus().getDescription()).contains("role AGENT may not manage the blacklist");
                    });
            var added = blacklist.blacklistCaller(BlacklistCallerRequest.newBuilder().setCallId(callId)
                    .setReason("騷擾電話").setDays(7).build());
            assertThat(added.getEntry().getPhone()).isEqualTo(nuisance);
            assertThat(added.getEntry().getActive()).isTrue();
            finish(callId);

            ((SimSwitch) server.switchPort()).inboundCall(nuisance, "95001", new IvrScript("1", "general", "", Duration.ZERO));

            // The refused call never rings anywhere, so there is no desk event to wait for: poll its record.
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (!blockedRecordOf(nuisance) && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(blockedRecordOf(nuisance)).as("a blocked call record for " + nuisance).isTrue();
            assertThat(anna.seen()).noneMatch(e -> e.hasCall() && e.getCall().getKind() == CallUpdate.Kind.KIND_RINGING
                    && !e.getCall().getCall().getCallId().equals(callId)
                    && e.getCall().getCall().getData().getCallerNumber().equals(nuisance));
        }

        /**
         * The desk hears "recorded" from the same loop turn that hands the call to the contact
         * recorder, but may hear it first: wait for the call's contact rather than for the
         * writer's queue, which can still be empty at that moment.
         */
        private Contact awaitNewestContact(Customer customer, String callId) throws Exception {
            long deadline = System.nanoTime() + WAIT.toNanos();
            Contact newest = server.customers().history().latest(customer, 1).get(0);
            while (!newest.callId().equals(callId) && System.nanoTime() < deadline) {
                Thread.sleep(20);
                newest = server.customers().history().latest(customer, 1).get(0);
            }
            return newest;
        }

        private boolean blockedRecordOf(String number) throws Exception {
            try (var c = server.database().dataSource().getConnection();
                 var ps = c.prepareStatement("SELECT COUNT(*) FROM call_detail_records WHERE caller_number = ? AND outcome = 'blocked'")) {
                ps.setString(1, number);
                try (var rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getInt(1) > 0;
                }
            }
        }

        @Test
        void customerSearchIsForDesksOnly() {
            var customers = CustomersGrpc.newBlockingStub(channel).withCallCredentials(new BearerToken(anna.token));
            assertThat(customers.search(SearchCustomersRequest.newBuilder().setFragment("李").build()).getCustomersList())
                    .extracting(c -> c.getAccountNo()).containsExactly("G50", "G51");
            assertThatThrownBy(() -> customers.search(SearchCustomersRequest.newBuilder().setFragment("李").setLimit(999).build()))
                    .isInstanceOfSatisfying(StatusRuntimeException.class, e ->
                            assertThat(e.getStatus().getDescription()).isEqualTo("limit: 999 (expected: 0 for the default, or 1..200)"));
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

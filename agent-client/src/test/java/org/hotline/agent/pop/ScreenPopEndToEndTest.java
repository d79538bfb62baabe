package org.hotline.agent.pop;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import io.grpc.ManagedChannel;
import org.hotline.agent.Messages;
import org.hotline.agent.connection.DeskSession;
import org.hotline.agent.connection.Fingerprint;
import org.hotline.agent.connection.GrpcCustomers;
import org.hotline.agent.connection.GrpcSoftphone;
import org.hotline.agent.connection.ServerAddress;
import org.hotline.agent.connection.ServerConnection;
import org.hotline.agent.desk.DeskEventRouter;
import org.hotline.agent.desk.LinkViewModel;
import org.hotline.api.v1.AgentState;
import org.hotline.api.v1.CreateWorkOrderRequest;
import org.hotline.api.v1.DeskEvent;
import org.hotline.api.v1.LoginRequest;
import org.hotline.api.v1.WorkOrderPriority;
import org.hotline.api.v1.WorkOrdersGrpc;
import org.hotline.cti.bench.BearerToken;
import org.hotline.cti.customers.Contact;
import org.hotline.cti.customers.Customer;
import org.hotline.cti.server.HotlineServer;
import org.hotline.cti.storage.Database;
import org.hotline.cti.storage.JdbcContactHistory;
import org.hotline.cti.storage.JdbcCustomers;
import org.hotline.cti.switching.sim.IvrScript;
import org.hotline.cti.switching.sim.SimSwitch;
import org.hotline.cti.testing.DeskClient;
import org.hotline.cti.testing.TestDatabase;
import org.hotline.cti.testing.TestServers;
import org.hotline.cti.workorders.WorkOrderDemoData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pop panel against a real server on the simulated switch (H2): a desk logged in through the
 * real connection classes, a call from a known customer's number, and the panel showing that
 * customer with their open work order and their timeline; "more", and search, over the wire.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScreenPopEndToEndTest {
    static final String KNOWN = "13900000001";
    static final Duration WAIT = Duration.ofSeconds(20);

    private Path dir;
    private TestDatabase db;
    private HotlineServer server;
    private ManagedChannel channel;
    private DeskSession session;
    private String orderNo;
    /** Plays the FX thread: every event and every answer reaches the view model here, one at a time. */
    private final ExecutorService fx = Executors.newSingleThreadExecutor(r -> new Thread(r, "fake-fx"));
    private final List<DeskEvent> events = new CopyOnWriteArrayList<>();
    private ScreenPopViewModel vm;

    @BeforeAll
    void start() throws Exception {
        dir = Files.createTempDirectory("hotline-desk-pop");
        db = TestDatabase.create(TestDatabase.Kind.H2, dir);
        TestServers.seed(db.config());
        try (Database d = Database.open(db.config())) {
            new JdbcCustomers(d.dataSource(), "main", Clock.systemUTC()).insertAll(List.of(new Customer(0, "G1", "陳嘉欣",
                    List.of(KNOWN, "02081234567"), "東城區中山路1號幸福花園2棟301室", "東城區", "東城-01", "MG1",
                    Customer.Type.RESIDENTIAL, new BigDecimal("88.00"), new BigDecimal("15.20"), new BigDecimal("1024.50"),
                    null, Customer.Status.ACTIVE)));
            List<Contact> contacts = new ArrayList<>();
            Instant t0 = Instant.parse("2026-11-01T08:00:00Z");
            for (int i = 0; i < 12; i++) {
                contacts.add(new Contact(0, "G1", Contact.Kind.INBOUND_CALL, t0.plus(Duration.ofDays(i)), "2002", KNOWN,
                        "old-" + i, "", "", "", "contact " + i));
            }
            new JdbcContactHistory(d.dataSource(), "main").append(contacts);
        }
        server = HotlineServer.start(TestServers.options(dir, db.config(), 0));
        WorkOrderDemoData.seedIfEmpty(server.workOrders(), ZoneId.of("Asia/Shanghai"));
        channel = TestServers.channel(server);
        DeskClient ben = DeskClient.login(channel, "2002", TestServers.PASSWORD);
        orderNo = WorkOrdersGrpc.newBlockingStub(channel).withCallCredentials(new BearerToken(ben.token))
                .create(CreateWorkOrderRequest.newBuilder().setRequestId("wo-g1").setTypeCode("inquiry")
                        .setPriority(WorkOrderPriority.WORK_ORDER_NORMAL).setTitle("賬單疑問").setDescription("問上月賬單")
                        .setCustomerId("G1").setCallerNumber(KNOWN).build())
                .getOrder().getOrderNo();

        ServerConnection connection = ServerConnection.open(new ServerAddress("localhost", server.grpcPort()),
                Fingerprint.parse(server.fingerprint()), false);
        session = connection.login(LoginRequest.newBuilder().setAgentId("2001").setPassword(TestServers.PASSWORD)
                .setClientName("pop end-to-end test").build(), fx).get(20, TimeUnit.SECONDS);
        Messages messages = Messages.forLocale(Locale.ENGLISH);
        vm = onFx(() -> new ScreenPopViewModel(new GrpcCustomers(session), messages, Clock.systemUTC(), n -> { }));
        DeskEventRouter router = onFx(() -> new DeskEventRouter(new LinkViewModel(messages)));
        router.add(vm::apply);
        router.add(events::add);
        session.start(router);
        await("the desk snapshot", () -> events.stream().anyMatch(DeskEvent::hasSnapshot));
        onFx(() -> new GrpcSoftphone(session).setState(AgentState.AGENT_STATE_READY, "")).get(20, TimeUnit.SECONDS);
        await("agent 2001 Ready", () -> events.stream().anyMatch(e -> e.hasAgent()
                && e.getAgent().getState() == AgentState.AGENT_STATE_READY));
    }

    @AfterAll
    void stop() throws Exception {
        if (session != null) {
            session.close();
        }
        fx.shutdownNow();
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

    private <T> T onFx(Callable<T> c) throws Exception {
        return fx.submit(c).get(20, TimeUnit.SECONDS);
    }

    private void await(String what, Callable<Boolean> condition) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!onFx(condition)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + WAIT + " waiting for " + what);
            }
            Thread.sleep(25);
        }
    }

    private void awaitVm(String what, Predicate<ScreenPopViewModel> p) throws Exception {
        await(what, () -> p.test(vm));
    }

    @Test
    void aCallFromAKnownNumberPopsTheCustomerTheirOpenWorkOrderAndTheirContactsThenMoreAndSearch() throws Exception {
        ((SimSwitch) server.switchPort()).inboundCall(KNOWN, "95001", new IvrScript("1", "general", "", Duration.ZERO));

        awaitVm("the pop of G1", v -> v.currentCallProperty().get() != null
                && v.currentCallProperty().get().callerNumber().equals(KNOWN) && v.selectedCustomerProperty().get() != null
                && v.selectedCustomerProperty().get().getAccountNo().equals("G1"));
        onFx(() -> {
            assertThat(vm.modeProperty().get()).isEqualTo(ScreenPopViewModel.Mode.CARD);
            assertThat(vm.currentCallProperty().get().callerNumber()).isEqualTo(KNOWN);
            assertThat(vm.currentCallProperty().get().live()).isTrue();
            assertThat(vm.accountProperty().get()).isEqualTo("G1");
            assertThat(vm.nameProperty().get()).isEqualTo("陳嘉欣");
            assertThat(vm.arrearsProperty().get()).isEqualTo("15.20");
            assertThat(vm.inArrearsProperty().get()).isTrue();
            assertThat(vm.serviceStatusProperty().get()).isEqualTo("Active");
            assertThat(vm.phones()).containsExactly(KNOWN, "02081234567");
            assertThat(vm.openWorkOrders()).singleElement().satisfies(w -> {
                assertThat(w.number()).isEqualTo(orderNo);
                assertThat(w.title()).isEqualTo("賬單疑問");
                assertThat(w.status()).isEqualTo("New");
            });
            assertThat(vm.contacts()).hasSize(10);
            assertThat(vm.contacts().get(0).summary()).isEqualTo("contact 11");
            assertThat(vm.moreContactsProperty().get()).isTrue();
            vm.moreContacts();
            return null;
        });

        awaitVm("the whole timeline", v -> v.contacts().size() == 12);
        onFx(() -> {
            assertThat(vm.contacts().get(0).summary()).isEqualTo("contact 11");
            assertThat(vm.contacts().get(11).summary()).isEqualTo("contact 0");
            assertThat(vm.moreContactsProperty().get()).isFalse();
            vm.searchTextProperty().set("幸福花園");
            vm.search();
            return null;
        });

        // The search's card fetches work orders and contacts itself (WorkOrders.Search, ListContacts).
        awaitVm("the searched card with its work order", v -> v.busyProperty().get() == false
                && v.openWorkOrders().size() == 1 && v.contacts().size() == 10);
        onFx(() -> {
            assertThat(vm.selectedCustomerProperty().get().getAccountNo()).isEqualTo("G1");
            assertThat(vm.openWorkOrders().get(0).number()).isEqualTo(orderNo);
            assertThat(vm.errorProperty().get()).isEmpty();
            vm.searchTextProperty().set("G404");
            vm.search();
            return null;
        });
        awaitVm("an unknown account", v -> !v.busyProperty().get() && !v.messageProperty().get().isEmpty());
        onFx(() -> {
            assertThat(vm.messageProperty().get()).isEqualTo("Nothing found for \"G404\".");
            assertThat(vm.errorProperty().get()).isEmpty();
            return null;
        });
        finish(onFx(() -> vm.currentCallProperty().get().callId()));
    }

    @Test
    void anUnknownCallerIsCreatedFromThePopAttachedToTheCallAndFoundByTheirNumberAfterwards() throws Exception {
        String unknown = "13012345678";
        ((SimSwitch) server.switchPort()).inboundCall(unknown, "95001", new IvrScript("1", "general", "", Duration.ZERO));

        awaitVm("the quick-create form", v -> v.modeProperty().get() == ScreenPopViewModel.Mode.CREATE
                && v.currentCallProperty().get() != null && v.currentCallProperty().get().callerNumber().equals(unknown));
        String callId = onFx(() -> {
            assertThat(vm.newPhonesProperty().get()).isEqualTo(unknown);
            vm.newNameProperty().set("王小明");
            vm.newAddressProperty().set("西城區長安街5號");
            vm.create();
            return vm.currentCallProperty().get().callId();
        });

        awaitVm("the new customer's card", v -> v.selectedCustomerProperty().get() != null);
        String account = onFx(() -> {
            assertThat(vm.errorProperty().get()).isEmpty();
            assertThat(vm.createErrorProperty().get()).isEmpty();
            assertThat(vm.nameProperty().get()).isEqualTo("王小明");
            assertThat(vm.phones()).containsExactly(unknown);
            return vm.accountProperty().get();
        });
        assertThat(account).matches("Q[0-9]{8}");
        await("the customer attached to the call", () -> events.stream().anyMatch(e -> e.hasCall()
                && e.getCall().getCall().getCallId().equals(callId)
                && e.getCall().getCall().getData().getCustomerId().equals(account)));
        List<org.hotline.api.v1.Customer> found = onFx(() -> new GrpcCustomers(session).lookupByPhone(unknown))
                .get(20, TimeUnit.SECONDS);
        assertThat(found).extracting(org.hotline.api.v1.Customer::getAccountNo).containsExactly(account);
        finish(callId);
    }

    /** Answers and hangs up the call, then waits until the desk is Ready again for the next test. */
    private void finish(String callId) throws Exception {
        GrpcSoftphone phone = onFx(() -> new GrpcSoftphone(session));
        int before = events.size();
        onFx(() -> phone.answer(callId)).get(20, TimeUnit.SECONDS);
        await("the call connected", () -> events.stream().skip(before).anyMatch(e -> e.hasCall()
                && e.getCall().getKind() == org.hotline.api.v1.CallUpdate.Kind.KIND_CONNECTED));
        int answered = events.size();
        onFx(() -> phone.hangup(callId)).get(20, TimeUnit.SECONDS);
        await("Ready after the call", () -> events.stream().skip(answered).anyMatch(e -> e.hasAgent()
                && e.getAgent().getState() == AgentState.AGENT_STATE_READY));
    }
}

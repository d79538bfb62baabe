package org.hotline.agent.tickets;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.grpc.ManagedChannel;
import org.hotline.agent.Messages;
import org.hotline.agent.connection.DeskSession;
import org.hotline.agent.connection.Fingerprint;
import org.hotline.agent.connection.GrpcSoftphone;
import org.hotline.agent.connection.GrpcWorkOrders;
import org.hotline.agent.connection.LinkState;
import org.hotline.agent.connection.ServerAddress;
import org.hotline.agent.connection.ServerConnection;
import org.hotline.agent.desk.DeskAlerts;
import org.hotline.agent.desk.DeskEventRouter;
import org.hotline.agent.desk.DeskViewModel;
import org.hotline.agent.desk.LinkViewModel;
import org.hotline.agent.testing.TcpProxy;
import org.hotline.api.v1.AgentState;
import org.hotline.api.v1.GetWorkOrderRequest;
import org.hotline.api.v1.LoginRequest;
import org.hotline.api.v1.SearchWorkOrdersRequest;
import org.hotline.api.v1.WorkOrder;
import org.hotline.api.v1.WorkOrderPriority;
import org.hotline.api.v1.WorkOrderQuery;
import org.hotline.api.v1.WorkOrderStatus;
import org.hotline.api.v1.WorkOrdersGrpc;
import org.hotline.cti.bench.BearerToken;
import org.hotline.cti.server.HotlineServer;
import org.hotline.cti.switching.sim.IvrScript;
import org.hotline.cti.switching.sim.SimSwitch;
import org.hotline.cti.testing.DeskClient;
import org.hotline.cti.testing.TestDatabase;
import org.hotline.cti.testing.TestServers;
import org.hotline.cti.workorders.WorkOrderDemoData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The check, against a real in-process server on the simulated switch: a desk behind a
 * TCP proxy takes a call, the agent fills the work-order form, the network is pulled, the agent
 * saves (the draft is on disk and the form says it will be sent), the network comes back, and
 * the order is on the server exactly once, with what was typed, linked to the call, dispatched.
 */
class WorkOrderDraftEndToEndTest {
    private static final Duration WAIT = Duration.ofSeconds(40);
    private static final String CALLER = "13900000077";
    private static final Messages EN = Messages.forLocale(Locale.ENGLISH);

    private Path dir;
    private TestDatabase db;
    private HotlineServer server;
    private TcpProxy proxy;
    private DeskSession session;
    private ManagedChannel direct;
    /** The team lead's view of the server, not through the proxy. */
    private WorkOrdersGrpc.WorkOrdersBlockingStub lead;
    private final ExecutorService fx = Executors.newSingleThreadExecutor(r -> new Thread(r, "test-fx"));
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();

    private LinkViewModel link;
    private DeskViewModel desk;
    private WorkOrderFormViewModel form;
    private DraftStore drafts;

    @BeforeEach
    void start() throws Exception {
        dir = Files.createTempDirectory("hotline-wo-e2e");
        db = TestDatabase.h2(dir);
        TestServers.seed(db.config());
        server = HotlineServer.start(TestServers.options(dir, db.config(), 0));
        WorkOrderDemoData.seedIfEmpty(server.workOrders(), ZoneId.of("Asia/Shanghai"));
        proxy = new TcpProxy(server.grpcPort());
        session = ServerConnection.open(new ServerAddress("127.0.0.1", proxy.port()), Fingerprint.parse(server.fingerprint()),
                false).login(LoginRequest.newBuilder().setAgentId("2001").setPassword(TestServers.PASSWORD)
                .setExtension("2001").setClientName("e2e").build(), fx).get(15, TimeUnit.SECONDS);
        drafts = new DraftStore(dir.resolve("desk").resolve("drafts"));
        onFx(() -> {
            link = new LinkViewModel(EN);
            desk = new DeskViewModel(new GrpcSoftphone(session), EN, Clock.systemUTC(), DeskAlerts.NONE, session.agentId(),
                    session.extension(), session.reasonCodes());
            DeskEventRouter router = new DeskEventRouter(link);
            router.add(desk::apply);
            WorkOrderContext context = new WorkOrderContext();
            context.followCall(desk.activeCallProperty());
            form = new WorkOrderFormViewModel(new GrpcWorkOrders(session), drafts, context, link.stateProperty(), EN,
                    Clock.systemUTC(), (after, task) -> timer.schedule(() -> fx.execute(task), after.toMillis(),
                    TimeUnit.MILLISECONDS), () -> UUID.randomUUID().toString());
            form.start();
            session.start(router);
            return null;
        });
        direct = TestServers.channel(server);
    }

    @AfterEach
    void stop() throws Exception {
        if (session != null) {
            session.close();
        }
        if (direct != null) {
            direct.shutdownNow();
        }
        if (proxy != null) {
            proxy.close();
        }
        if (server != null) {
            server.close();
        }
        if (db != null) {
            db.close();
        }
        fx.shutdownNow();
        timer.shutdownNow();
    }

    @Test
    void orderSavedWhileTheNetworkIsDownReachesTheServerOnceWhenItIsBack() throws Exception {
        await("desk connected, types and departments loaded", () -> link.stateProperty().get() == LinkState.CONNECTED
                && !form.types().isEmpty() && !form.departments().isEmpty());
        onFx(() -> {
            desk.ready();
            return null;
        });
        await("agent ready", () -> desk.stateProperty().get() == AgentState.AGENT_STATE_READY);
        ((SimSwitch) server.switchPort()).inboundCall(CALLER, "95001", new IvrScript("3", "general", "", Duration.ZERO));
        await("call ringing on the desk", () -> desk.activeCallProperty().get() != null);
        String callId = onFx(() -> desk.activeCallProperty().get().getCallId());
        onFx(() -> {
            desk.answer();
            return null;
        });
        assertThat(onFx(() -> form.callerNumberProperty().get())).as("pre-filled from the call").isEqualTo(CALLER);
        assertThat(onFx(() -> form.sourceCallIdProperty().get())).isEqualTo(callId);

        onFx(() -> {
            form.selectType("gas_leak");
            form.priorityProperty().set(WorkOrderPriority.WORK_ORDER_URGENT);
            form.titleProperty().set("樓道有燃氣味");
            form.addressProperty().set("東城區中山路1號2棟");
            form.field("site_address").valueProperty().set("東城區中山路1號2棟3單元");
            form.field("smell_strength").valueProperty().set("4");
            form.field("evacuated").valueProperty().set(FormField.YES);
            form.selectDepartment("gas", "gas-east");
            return null;
        });
        assertThat(onFx(() -> form.canSaveProperty().get())).isTrue();

        proxy.cut();
        await("the desk noticed the network is gone", () -> link.stateProperty().get() != LinkState.CONNECTED);
        onFx(() -> {
            form.save();
            return null;
        });

        assertThat(onFx(() -> form.statusProperty().get())).as("the form says it will be sent")
                .isEqualTo(EN.get("wo.status.queued", 1));
        assertThat(drafts.readAll()).singleElement().satisfies(d -> {
            assertThat(d.state()).isEqualTo(Draft.State.SUBMITTED);
            assertThat(d.create().getTitle()).isEqualTo("樓道有燃氣味");
            assertThat(d.create().getSourceCallId()).isEqualTo(callId);
        });
        assertThat(orders()).as("nothing reached the server while cut").isEmpty();

        proxy.restore();
        await("the queued order was sent and its draft deleted", () -> form.pending().isEmpty()
                && !form.lastOrderNoProperty().get().isEmpty());

        assertThat(drafts.readAll()).as("acknowledged: the draft is gone").isEmpty();
        List<WorkOrder> orders = orders();
        assertThat(orders).as("exactly once").hasSize(1);
        WorkOrder o = lead.get(GetWorkOrderRequest.newBuilder().setOrderNo(orders.get(0).getOrderNo()).build()).getOrder();
        assertThat(o.getOrderNo()).isEqualTo(onFx(() -> form.lastOrderNoProperty().get()));
        assertThat(o.getTypeCode()).isEqualTo("gas_leak");
        assertThat(o.getPriority()).isEqualTo(WorkOrderPriority.WORK_ORDER_URGENT);
        assertThat(o.getTitle()).isEqualTo("樓道有燃氣味");
        assertThat(o.getAddress()).isEqualTo("東城區中山路1號2棟");
        assertThat(o.getFieldsMap()).containsEntry("site_address", "東城區中山路1號2棟3單元")
                .containsEntry("smell_strength", "4").containsEntry("evacuated", "true");
        assertThat(o.getSourceCallId()).as("linked to the call").isEqualTo(callId);
        assertThat(o.getCreatorId()).isEqualTo("2001");
        assertThat(o.getStatus()).isEqualTo(WorkOrderStatus.WORK_ORDER_DISPATCHED);
        assertThat(o.getDepartmentId()).isEqualTo("gas");
        assertThat(o.getTeamId()).isEqualTo("gas-east");
        assertThat(onFx(() -> link.stateProperty().get())).isEqualTo(LinkState.CONNECTED);
    }

    private List<WorkOrder> orders() {
        if (lead == null) {
            lead = WorkOrdersGrpc.newBlockingStub(direct).withCallCredentials(new BearerToken(
                    DeskClient.login(direct, "2099", TestServers.PASSWORD).token));
        }
        return lead.search(SearchWorkOrdersRequest.newBuilder().setQuery(WorkOrderQuery.newBuilder().setCallerNumber(CALLER))
                        .build()).getOrdersList();
    }

    private <T> T onFx(Callable<T> c) throws Exception {
        return fx.submit(c).get(15, TimeUnit.SECONDS);
    }

    private void await(String what, Callable<Boolean> condition) throws Exception {
        long end = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < end) {
            if (onFx(condition)) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("timed out after " + WAIT.toSeconds() + " s waiting for: " + what
                + " (link " + onFx(() -> link.stateProperty().get()) + ", status \"" + onFx(() -> form.statusProperty().get())
                + "\", pending " + onFx(() -> form.pending().size()) + ")");
    }
}

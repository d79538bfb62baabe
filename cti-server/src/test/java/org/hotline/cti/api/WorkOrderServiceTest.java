package org.hotline.cti.api;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.google.protobuf.Timestamp;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import org.hotline.api.v1.CreateWorkOrderRequest;
import org.hotline.api.v1.DispatchWorkOrderRequest;
import org.hotline.api.v1.ExportWorkOrdersRequest;
import org.hotline.api.v1.GetWorkOrderRequest;
import org.hotline.api.v1.ListOrgUnitsRequest;
import org.hotline.api.v1.LoginRequest;
import org.hotline.api.v1.ResolveWorkOrderRequest;
import org.hotline.api.v1.SaveWorkOrderTypeRequest;
import org.hotline.api.v1.SearchWorkOrdersRequest;
import org.hotline.api.v1.SessionGrpc;
import org.hotline.api.v1.WorkOrderExportFormat;
import org.hotline.api.v1.WorkOrderHistoryRequest;
import org.hotline.api.v1.WorkOrderNotificationsRequest;
import org.hotline.api.v1.WorkOrderPriority;
import org.hotline.api.v1.WorkOrderQuery;
import org.hotline.api.v1.WorkOrderStatus;
import org.hotline.api.v1.WorkOrderSummaryPeriod;
import org.hotline.api.v1.WorkOrderSummaryRequest;
import org.hotline.api.v1.WorkOrdersGrpc;
import org.hotline.cti.agents.AgentProfile;
import org.hotline.cti.bench.BearerToken;
import org.hotline.cti.security.PasswordHasher;
import org.hotline.cti.storage.Database;
import org.hotline.cti.storage.DirectoryAdmin;
import org.hotline.cti.security.AuditEntry;
import org.hotline.cti.security.Permission;
import org.hotline.cti.security.Role;
import org.hotline.cti.server.HotlineServer;
import org.hotline.cti.testing.DeskClient;
import org.hotline.cti.testing.TestDatabase;
import org.hotline.cti.testing.TestServers;
import org.hotline.cti.workorders.FieldDefinition;
import org.hotline.cti.workorders.FieldKind;
import org.hotline.cti.workorders.OrgUnit;
import org.hotline.cti.workorders.Priority;
import org.hotline.cti.workorders.SlaPolicy;
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
 * The WorkOrders service end to end: a real server over TLS, sessions from Login, role checks,
 * status codes (PERMISSION_DENIED, ABORTED, INVALID_ARGUMENT), on H2 and on MariaDB.
 */
class WorkOrderServiceTest {
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

    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    abstract static class Contract {
        private Path dir;
        private TestDatabase db;
        private HotlineServer server;
        private ManagedChannel channel;
        private WorkOrdersGrpc.WorkOrdersBlockingStub agent;
        private WorkOrdersGrpc.WorkOrdersBlockingStub lead;

        abstract TestDatabase.Kind kind();

        @BeforeAll
        void start() throws Exception {
            dir = Files.createTempDirectory("hotline-wo-api");
            db = TestDatabase.create(kind(), dir);
            TestServers.seed(db.config());
            try (Database d = Database.open(db.config())) {
                new DirectoryAdmin(d.sessionFactory(), "main", new PasswordHasher(4), Clock.systemUTC()).saveAgents(List.of(
                        new DirectoryAdmin.Account(new AgentProfile("wb", "Wallboard", Role.WALLBOARD, "", "", Map.of(), "main"),
                                TestServers.PASSWORD)));
            }
            server = HotlineServer.start(TestServers.options(dir, db.config(), 0));
            WorkOrderFeature f = server.workOrders();
            f.admin().saveUnit(new OrgUnit("gas", null, OrgUnit.Kind.DEPARTMENT, "燃氣搶修部", "2099"));
            f.admin().saveUnit(new OrgUnit("gas-east", "gas", OrgUnit.Kind.TEAM, "東區搶修班", null));
            f.admin().saveType(new WorkOrderType("repair", "報修", false, List.of(
                    FieldDefinition.of("meter_id", "表號", FieldKind.TEXT, true))));
            f.admin().saveType(new WorkOrderType("complaint", "投訴", true, List.of()));
            for (String type : List.of("repair", "complaint")) {
                f.admin().savePolicy(new SlaPolicy(type, Priority.NORMAL, Duration.ofHours(1), Duration.ofHours(8), 75,
                        Duration.ofHours(1), null));
            }
            f.permissions().grant(Role.TEAM_LEAD, Permission.COMPLAINT_ACCESS);
            channel = TestServers.channel(server);
            agent = stub(DeskClient.login(channel, "2001", TestServers.PASSWORD));
            lead = stub(DeskClient.login(channel, "2099", TestServers.PASSWORD));
        }

        @AfterAll
        void stop() throws Exception {
            channel.shutdownNow();
            server.close();
            db.close();
        }

        private static WorkOrdersGrpc.WorkOrdersBlockingStub stub(DeskClient c) {
            return WorkOrdersGrpc.newBlockingStub(c.stub().getChannel()).withCallCredentials(new BearerToken(c.token));
        }

        private static CreateWorkOrderRequest.Builder repair(String requestId) {
            return CreateWorkOrderRequest.newBuilder().setRequestId(requestId).setTypeCode("repair")
                    .setPriority(WorkOrderPriority.WORK_ORDER_NORMAL).setTitle("廚房無氣").setCustomerId("C-1")
                    .setSourceCallId("call-77").setCallerNumber("13800138000").setArea("東區").setAddress("人民路1號")
                    .putFields("meter_id", "M-1");
        }

        @Test
        void agentListsTheDepartmentsAndTeamsToDispatchTo() {
            var units = agent.listOrgUnits(ListOrgUnitsRequest.getDefaultInstance()).getUnitsList();

            assertThat(units).extracting(u -> u.getUnitId() + "<" + u.getParentUnitId() + ":" + u.getKind() + ":" + u.getName())
                    .containsExactly("gas<:ORG_UNIT_DEPARTMENT:燃氣搶修部", "gas-east<gas:ORG_UNIT_TEAM:東區搶修班");
        }

        @Test
        void wallboardMayNotListOrgUnits() {
            String token = SessionGrpc.newBlockingStub(channel).login(LoginRequest.newBuilder().setAgentId("wb")
                    .setPassword(TestServers.PASSWORD).setClientName("test").setTakeOver(true).build()).getSessionToken();
            var wallboard = WorkOrdersGrpc.newBlockingStub(channel).withCallCredentials(new BearerToken(token));

            assertThatThrownBy(() -> wallboard.listOrgUnits(ListOrgUnitsRequest.getDefaultInstance()))
                    .isInstanceOfSatisfying(StatusRuntimeException.class, e -> assertThat(e.getStatus().getCode())
                            .isEqualTo(Status.Code.PERMISSION_DENIED));
        }

        @Test
        void wallboardReadsTheDaysCountsButNoOrder() {
            var created = agent.create(repair("wb-1").build()).getOrder();
            String token = SessionGrpc.newBlockingStub(channel).login(LoginRequest.newBuilder().setAgentId("wb")
                    .setPassword(TestServers.PASSWORD).setClientName("test").setTakeOver(true).build()).getSessionToken();
            var wallboard = WorkOrdersGrpc.newBlockingStub(channel).withCallCredentials(new BearerToken(token));
            long now = System.currentTimeMillis() / 1000;

            var today = wallboard.summary(WorkOrderSummaryRequest.newBuilder()
                    .setPeriod(WorkOrderSummaryPeriod.WORK_ORDER_SUMMARY_DAY)
                    .setFrom(Timestamp.newBuilder().setSeconds(now - 3600)).setTo(Timestamp.newBuilder().setSeconds(now + 3600))
                    .build());

            assertThat(today.getRowsList()).isNotEmpty();
            assertThat(today.getRowsList().stream().mapToLong(r -> r.getCreated()).sum()).isGreaterThanOrEqualTo(1);
            assertThat(today.getRowsList()).allSatisfy(r -> assertThat(r.getPeriodStart()).matches("\\d{4}-\\d{2}-\\d{2}"));
            assertThatThrownBy(() -> wallboard.get(GetWorkOrderRequest.newBuilder().setOrderNo(created.getOrderNo()).build()))
                    .isInstanceOfSatisfying(StatusRuntimeException.class, e -> assertThat(e.getStatus().getCode())
                            .isEqualTo(Status.Code.PERMISSION_DENIED));
        }

        @Test
        void agentCreatesOnceForARetriedRequestThenDispatchesAndResolves() {
            var first = agent.create(repair("req-1").build()).getOrder();
            var retry = agent.create(repair("req-1").build()).getOrder();
            assertThat(retry.getOrderNo()).isEqualTo(first.getOrderNo());
            assertThat(first.getStatus()).isEqualTo(WorkOrderStatus.WORK_ORDER_NEW);
            assertThat(first.getSourceCallId()).isEqualTo("call-77");

            var dispatched = agent.dispatch(DispatchWorkOrderRequest.newBuilder().setOrderNo(first.getOrderNo())
                    .setVersion(first.getVersion()).setDepartmentId("gas").setNote("盡快").build()).getOrder();
            assertThat(dispatched.getStatus()).isEqualTo(WorkOrderStatus.WORK_ORDER_DISPATCHED);
            var resolved = agent.resolve(ResolveWorkOrderRequest.newBuilder().setOrderNo(first.getOrderNo())
                    .setVersion(dispatched.getVersion()).setResolution("已恢復供氣").build()).getOrder();

            assertThat(resolved.getStatus()).isEqualTo(WorkOrderStatus.WORK_ORDER_RESOLVED);
            assertThat(agent.history(WorkOrderHistoryRequest.newBuilder().setOrderNo(first.getOrderNo()).build())
                    .getEventsList()).extracting(e -> e.getAction()).containsExactly("CREATE", "DISPATCH", "RESOLVE");
            assertThat(lead.notifications(WorkOrderNotificationsRequest.getDefaultInstance()).getNotificationsList())
                    .extracting(n -> n.getKind()).contains("DISPATCHED");
            assertThat(agent.search(SearchWorkOrdersRequest.newBuilder().setQuery(WorkOrderQuery.newBuilder()
                    .setCallerNumber("13800138000").addStatuses(WorkOrderStatus.WORK_ORDER_RESOLVED)).build())
                    .getOrdersList()).extracting(o -> o.getOrderNo()).contains(first.getOrderNo());
        }

        @Test
        void staleVersionIsAbortedAndBadFieldsAreInvalidArgument() {
            var o = agent.create(repair("req-2").build()).getOrder();
            agent.dispatch(DispatchWorkOrderRequest.newBuilder().setOrderNo(o.getOrderNo()).setVersion(o.getVersion())
                    .setDepartmentId("gas").build());

            assertThatThrownBy(() -> agent.resolve(ResolveWorkOrderRequest.newBuilder().setOrderNo(o.getOrderNo())
                    .setVersion(o.getVersion()).setResolution("x").build()))
                    .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
                        assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.ABORTED);
                        assertThat(e.getStatus().getDescription()).contains("was changed by someone else");
                    });
            assertThatThrownBy(() -> agent.create(repair("req-3").clearFields().build()))
                    .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
                        assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
                        assertThat(e.getStatus().getDescription())
                                .isEqualTo("work order form of type repair: field meter_id (表號) is required (expected: text)");
                    });
        }

        @Test
        void confidentialComplaintIsPermissionDeniedToAnAgentAndTheAttemptIsAudited() {
            var c = lead.create(CreateWorkOrderRequest.newBuilder().setRequestId("req-c").setTypeCode("complaint")
                    .setPriority(WorkOrderPriority.WORK_ORDER_NORMAL).setTitle("投訴收費員").build()).getOrder();

            assertThatThrownBy(() -> agent.get(GetWorkOrderRequest.newBuilder().setOrderNo(c.getOrderNo()).build()))
                    .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
                        assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);
                        assertThat(e.getStatus().getDescription()).contains("is confidential: role AGENT has no complaint access");
                    });
            assertThat(lead.get(GetWorkOrderRequest.newBuilder().setOrderNo(c.getOrderNo()).build()).getOrder().getTitle())
                    .isEqualTo("投訴收費員");

            assertThat(server.workOrders().audit().forTarget(c.getOrderNo(), 10))
                    .extracting(AuditEntry::actorId, AuditEntry::outcome)
                    .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("2001", AuditEntry.Outcome.DENIED),
                            // the order in Create's response is a view too
                            org.assertj.core.groups.Tuple.tuple("2099", AuditEntry.Outcome.ALLOWED),
                            org.assertj.core.groups.Tuple.tuple("2099", AuditEntry.Outcome.ALLOWED));
        }

        @Test
        void leadsEscalateAndCountOverTheApiAgentsMayNot() {
            var o = agent.create(repair("req-esc").build()).getOrder();
            o = agent.dispatch(DispatchWorkOrderRequest.newBuilder().setOrderNo(o.getOrderNo()).setVersion(o.getVersion())
                    .setDepartmentId("gas").build()).getOrder();
            var order = o;
            assertThatThrownBy(() -> agent.escalate(org.hotline.api.v1.EscalateWorkOrderRequest.newBuilder()
                    .setOrderNo(order.getOrderNo()).setVersion(order.getVersion()).setReason("x").build()))
                    .isInstanceOfSatisfying(StatusRuntimeException.class, e ->
                            assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED));
            var up = lead.escalate(org.hotline.api.v1.EscalateWorkOrderRequest.newBuilder().setOrderNo(o.getOrderNo())
                    .setVersion(o.getVersion()).setReason("第三次來電").build()).getOrder();
            assertThat(up.getEscalationLevel()).isEqualTo(1);

            var counts = lead.counts(org.hotline.api.v1.WorkOrderCountsRequest.newBuilder()
                    .setDimension(org.hotline.api.v1.WorkOrderDimension.WORK_ORDER_DIMENSION_DEPARTMENT).setOpenOnly(true)
                    .build()).getCountsList();
            assertThat(counts).filteredOn(c -> c.getKey().equals("gas")).singleElement()
                    .satisfies(c -> assertThat(c.getTotal()).isGreaterThanOrEqualTo(1));
            assertThatThrownBy(() -> lead.counts(org.hotline.api.v1.WorkOrderCountsRequest.getDefaultInstance()))
                    .isInstanceOfSatisfying(StatusRuntimeException.class, e ->
                            assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT));
            assertThat(lead.search(SearchWorkOrdersRequest.newBuilder().setQuery(WorkOrderQuery.newBuilder()
                    .addSlaStates(org.hotline.api.v1.WorkOrderSlaState.WORK_ORDER_OVERDUE)).build()).getOrdersList())
                    .as("nothing is overdue on a fresh server").isEmpty();
            assertThat(lead.search(SearchWorkOrdersRequest.newBuilder().setQuery(WorkOrderQuery.newBuilder()
                    .addSlaStates(org.hotline.api.v1.WorkOrderSlaState.WORK_ORDER_ON_TIME)).build()).getOrdersList())
                    .extracting(x -> x.getOrderNo()).contains(o.getOrderNo());
        }

        @Test
        void exportAndSummaryAreForLeadsAndTypesForAdministrators() throws Exception {
            agent.create(repair("req-4").build());

            assertThatThrownBy(() -> agent.export(ExportWorkOrdersRequest.newBuilder()
                    .setFormat(WorkOrderExportFormat.WORK_ORDER_EXPORT_CSV).build()).hasNext())
                    .isInstanceOfSatisfying(StatusRuntimeException.class, e ->
                            assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED));
            assertThatThrownBy(() -> lead.saveType(SaveWorkOrderTypeRequest.getDefaultInstance()))
                    .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
                        assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);
                        assertThat(e.getStatus().getDescription()).isEqualTo(
                                "role TEAM_LEAD may not define work-order types (expected: admin)");
                    });

            ByteArrayOutputStream csv = new ByteArrayOutputStream();
            lead.export(ExportWorkOrdersRequest.newBuilder().setFormat(WorkOrderExportFormat.WORK_ORDER_EXPORT_CSV).build())
                    .forEachRemaining(chunk -> csv.writeBytes(chunk.getData().toByteArray()));
            assertThat(csv.toString(StandardCharsets.UTF_8)).startsWith("\uFEFForder_no,").contains("廚房無氣");

            var summary = lead.summary(WorkOrderSummaryRequest.newBuilder().setPeriod(WorkOrderSummaryPeriod.WORK_ORDER_SUMMARY_YEAR)
                    .setFrom(Timestamp.newBuilder().setSeconds(0)).setTo(Timestamp.newBuilder().setSeconds(4_102_444_800L))
                    .build());
            assertThat(summary.getRowsList()).isNotEmpty();
            assertThat(summary.getRowsList().stream().mapToLong(r -> r.getCreated()).sum()).isGreaterThanOrEqualTo(1);
            assertThatThrownBy(() -> agent.summary(WorkOrderSummaryRequest.getDefaultInstance()))
                    .isInstanceOfSatisfying(StatusRuntimeException.class, e ->
                            assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED));
        }
    }
}

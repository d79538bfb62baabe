package org.hotline.cti.api;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import com.google.protobuf.Timestamp;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import org.hotline.api.v1.AgentStateReportRequest;
import org.hotline.api.v1.CallReportRequest;
import org.hotline.api.v1.CallReportResponse;
import org.hotline.api.v1.CallReportRow;
import org.hotline.api.v1.ReportGranularity;
import org.hotline.api.v1.ReportGrouping;
import org.hotline.api.v1.ReportsGrpc;
import org.hotline.cti.bench.BearerToken;
import org.hotline.cti.calls.CallDetailRecord;
import org.hotline.cti.calls.CallSegment;
import org.hotline.cti.calls.SegmentKind;
import org.hotline.cti.server.HotlineServer;
import org.hotline.cti.testing.DeskClient;
import org.hotline.cti.testing.TestDatabase;
import org.hotline.cti.testing.TestServers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The Reports service end to end: a real server over TLS, records through its outbox, role checks. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportServiceTest {
    private final ZoneId zone = ZoneId.systemDefault();
    private final LocalDate day = LocalDate.of(2027, 3, 10);
    private TestDatabase db;
    private HotlineServer server;
    private ManagedChannel channel;
    private ReportsGrpc.ReportsBlockingStub agent;
    private ReportsGrpc.ReportsBlockingStub lead;
    private ReportsGrpc.ReportsBlockingStub wallboard;

    @BeforeAll
    void start() throws Exception {
        Path dir = Files.createTempDirectory("hotline-reports-api");
        db = TestDatabase.h2(dir);
        TestServers.seed(db.config());
        try (org.hotline.cti.storage.Database d = org.hotline.cti.storage.Database.open(db.config())) {
            new org.hotline.cti.storage.DirectoryAdmin(d.sessionFactory(), "main", new org.hotline.cti.security.PasswordHasher(4),
                    java.time.Clock.systemUTC()).saveAgents(java.util.List.of(new org.hotline.cti.storage.DirectoryAdmin.Account(
                    new org.hotline.cti.agents.AgentProfile("wb", "Wallboard", org.hotline.cti.security.Role.WALLBOARD, "", "",
                            Map.of(), "main"), TestServers.PASSWORD)));
        }
        server = HotlineServer.start(TestServers.options(dir, db.config(), 0));
        channel = TestServers.channel(server);
        agent = stub(DeskClient.login(channel, "2001", TestServers.PASSWORD));
        lead = stub(DeskClient.login(channel, "2099", TestServers.PASSWORD));
        String token = org.hotline.api.v1.SessionGrpc.newBlockingStub(channel).login(org.hotline.api.v1.LoginRequest
                .newBuilder().setAgentId("wb").setPassword(TestServers.PASSWORD).setClientName("test").build()).getSessionToken();
        wallboard = ReportsGrpc.newBlockingStub(channel).withCallCredentials(new BearerToken(token));

        Instant start = day.atTime(10, 0, 3).atZone(zone).toInstant();
        Instant answered = start.plusSeconds(12);
        Instant ended = answered.plusSeconds(95);
        server.outbox().segmentEnded(new CallSegment("seg-1", "main", "c-1", 1, SegmentKind.TALK, "2001", "2001", "general",
                answered, ended, "ended"));
        server.outbox().callEnded(new CallDetailRecord("cdr-1", "main", "c-1", CallDetailRecord.Direction.INBOUND, "13800000000",
                "95001", "general", "2001", start, answered, ended, 12_000, "answered", null, Map.of()), () -> {});
        Instant lost = start.plusSeconds(600);
        server.outbox().callEnded(new CallDetailRecord("cdr-2", "main", "c-2", CallDetailRecord.Direction.INBOUND, "13800000001",
                "95001", "general", null, lost, null, lost.plusSeconds(3), 3_000, "abandoned", null, Map.of()), () -> {});
        server.outbox().ivrVisited(new org.hotline.cti.calls.IvrVisit(null, "main", "c-1", "13800000000", "95001",
                start.minusSeconds(20), start, "3", "general", org.hotline.cti.switching.IvrOutcome.ROUTED));
        server.outbox().ivrVisited(new org.hotline.cti.calls.IvrVisit(null, "main", "c-3", "13800000002", "95001",
                start, start.plusSeconds(40), "3", "", org.hotline.cti.switching.IvrOutcome.HUNG_UP));
        assertThat(server.outbox().awaitDelivered(Duration.ofSeconds(30))).as("records delivered").isTrue();
    }

    @Test
    void aTeamLeadReadsTheDaysIvrUsageWithItsTotalAndOthersMayNot() {
        org.hotline.api.v1.IvrReportRequest req = org.hotline.api.v1.IvrReportRequest.newBuilder()
                .setGranularity(ReportGranularity.REPORT_GRANULARITY_DAY).setFrom(ts(day.atStartOfDay(zone).toInstant()))
                .setTo(ts(day.plusDays(1).atStartOfDay(zone).toInstant())).build();

        org.hotline.api.v1.IvrReportResponse r = lead.ivrReport(req);

        assertThat(r.getRowsList()).hasSize(1);
        org.hotline.api.v1.IvrReportRow row = r.getRows(0);
        assertThat(row.getMenuPath()).isEqualTo("3");
        assertThat(row.getVisits()).isEqualTo(2);
        assertThat(row.getRouted()).isEqualTo(1);
        assertThat(row.getHungUp()).isEqualTo(1);
        assertThat(row.getIvrMillis()).isEqualTo(60_000);
        assertThat(row.getAverageIvrSeconds()).isEqualTo(30.0);
        assertThat(row.getHungUpPercent()).isEqualTo(50.0);
        assertThat(r.getTotal().getVisits()).isEqualTo(2);
        assertThat(r.getTotal().getBucketStart()).isEqualTo(ts(day.atStartOfDay(zone).toInstant()));
        for (ReportsGrpc.ReportsBlockingStub refused : List.of(agent, wallboard)) {
            assertThatThrownBy(() -> refused.ivrReport(req)).isInstanceOfSatisfying(StatusRuntimeException.class,
                    e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED));
        }
    }

    @AfterAll
    void stop() throws Exception {
        channel.shutdownNow();
        server.close();
        db.close();
    }

    @Test
    void agentsMayNotReadReports() {
        assertThatThrownBy(() -> agent.callReport(dayReport(ReportGrouping.REPORT_GROUPING_QUEUE)))
                .isInstanceOfSatisfying(StatusRuntimeException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED));
        assertThatThrownBy(() -> agent.agentStateReport(AgentStateReportRequest.newBuilder()
                .setGrouping(ReportGrouping.REPORT_GROUPING_AGENT).setGranularity(ReportGranularity.REPORT_GRANULARITY_DAY)
                .setFrom(ts(day.atStartOfDay(zone).toInstant())).setTo(ts(day.plusDays(1).atStartOfDay(zone).toInstant()))
                .build()))
                .isInstanceOfSatisfying(StatusRuntimeException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED));
    }

    @Test
    void aTeamLeadGetsTheDayOfAQueueFromTheRecordsTheOutboxWrote() {
        CallReportResponse r = lead.callReport(dayReport(ReportGrouping.REPORT_GROUPING_QUEUE));

        assertThat(r.getTimeZone()).isEqualTo(zone.getId());
        assertThat(r.getRowsList()).hasSize(1);
        CallReportRow row = r.getRows(0);
        assertThat(row.getKey()).isEqualTo("general");
        assertThat(row.getBucketStart()).isEqualTo(ts(day.atStartOfDay(zone).toInstant()));
        assertThat(row.getOffered()).isEqualTo(2);
        assertThat(row.getAnswered()).isEqualTo(1);
        assertThat(row.getAbandoned()).isEqualTo(1);
        assertThat(row.getShortAbandoned()).isEqualTo(1);
        // 12 s wait within the 20 s of the queue; the short abandon is left out of the base.
        assertThat(row.getServiceLevelPercent()).isEqualTo(100.0);
        assertThat(row.getAverageSpeedOfAnswerSeconds()).isEqualTo(12.0);
        assertThat(row.getTalkMillis()).isEqualTo(95_000);
        assertThat(row.getAverageHandleSeconds()).isEqualTo(95.0);
    }

    @Test
    void aWallboardReadsCallReportsByQueueButNoPersonsFigures() {
        CallReportResponse r = wallboard.callReport(dayReport(ReportGrouping.REPORT_GROUPING_QUEUE));

        assertThat(r.getRowsList()).extracting(CallReportRow::getKey, CallReportRow::getOffered)
                .containsExactly(org.assertj.core.api.Assertions.tuple("general", 2L));
        for (ReportGrouping personal : new ReportGrouping[] {ReportGrouping.REPORT_GROUPING_AGENT, ReportGrouping.REPORT_GROUPING_TEAM}) {
            assertThatThrownBy(() -> wallboard.callReport(dayReport(personal)))
                    .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
                        assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);
                        assertThat(e.getStatus().getDescription()).contains("by queue only");
                    });
        }
        assertThatThrownBy(() -> wallboard.agentStateReport(AgentStateReportRequest.newBuilder()
                .setGrouping(ReportGrouping.REPORT_GROUPING_AGENT).setGranularity(ReportGranularity.REPORT_GRANULARITY_DAY)
                .setFrom(ts(day.atStartOfDay(zone).toInstant())).setTo(ts(day.plusDays(1).atStartOfDay(zone).toInstant()))
                .build()))
                .isInstanceOfSatisfying(StatusRuntimeException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED));
    }

    @Test
    void anUnspecifiedGroupingIsAnInvalidArgument() {
        assertThatThrownBy(() -> lead.callReport(dayReport(ReportGrouping.REPORT_GROUPING_UNSPECIFIED)))
                .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
                    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
                    assertThat(e.getStatus().getDescription()).contains("expected: QUEUE, AGENT or TEAM");
                });
    }

    @Test
    void aTeamLeadCountsTodaysWorkOrdersPerTypeAndMinuteBucketsAreRefused() {
        org.hotline.cti.workorders.WorkOrderDemoData.seedIfEmpty(server.workOrders(), zone);
        org.hotline.cti.workorders.WorkOrderType type = server.workOrders().admin().types().stream()
                .filter(t -> !t.confidential() && t.fields().stream().noneMatch(f -> f.required())).findFirst().orElseThrow();
        for (int i = 0; i < 2; i++) {
            server.workOrders().orders().create(new org.hotline.cti.workorders.Actor("2001",
                    org.hotline.cti.security.Role.AGENT), new org.hotline.cti.workorders.NewWorkOrder(type.code(),
                    org.hotline.cti.workorders.Priority.NORMAL, "水表讀數 " + i, "", null, null, "13800000000", "東區", null,
                    Map.of()));
        }
        LocalDate today = LocalDate.now(zone);
        org.hotline.api.v1.WorkOrderReportRequest req = org.hotline.api.v1.WorkOrderReportRequest.newBuilder()
                .setGrouping(org.hotline.api.v1.WorkOrderReportGrouping.WORK_ORDER_REPORT_GROUPING_TYPE)
                .setGranularity(ReportGranularity.REPORT_GRANULARITY_DAY).setFrom(ts(today.atStartOfDay(zone).toInstant()))
                .setTo(ts(today.plusDays(1).atStartOfDay(zone).toInstant())).build();

        org.hotline.api.v1.WorkOrderReportResponse r = lead.workOrderReport(req);
        assertThat(r.getRowsList()).singleElement().satisfies(row -> {
            assertThat(row.getKey()).isEqualTo(type.code());
            assertThat(row.getCreated()).isEqualTo(2);
            assertThat(row.getOpen()).isEqualTo(2);
        });
        assertThatThrownBy(() -> agent.workOrderReport(req)).isInstanceOfSatisfying(StatusRuntimeException.class,
                e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED));
        assertThatThrownBy(() -> lead.workOrderReport(req.toBuilder()
                .setGranularity(ReportGranularity.REPORT_GRANULARITY_MINUTES_60).build()))
                .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
                    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
                    assertThat(e.getStatus().getDescription()).contains("expected: DAY, MONTH or YEAR");
                });
    }

    private CallReportRequest dayReport(ReportGrouping grouping) {
        return CallReportRequest.newBuilder().setGrouping(grouping).setGranularity(ReportGranularity.REPORT_GRANULARITY_DAY)
                .setFrom(ts(day.atStartOfDay(zone).toInstant())).setTo(ts(day.plusDays(1).atStartOfDay(zone).toInstant()))
                .build();
    }

    private static Timestamp ts(Instant t) {
        return Timestamp.newBuilder().setSeconds(t.getEpochSecond()).setNanos(t.getNano()).build();
    }

    private static ReportsGrpc.ReportsBlockingStub stub(DeskClient c) {
        return ReportsGrpc.newBlockingStub(c.stub().getChannel()).withCallCredentials(new BearerToken(c.token));
    }
}

package org.hotline.cti.api;

import java.time.Instant;
import java.util.concurrent.Executor;

import com.google.protobuf.Timestamp;
import io.grpc.stub.StreamObserver;
import org.hotline.api.v1.AgentStateReportRequest;
import org.hotline.api.v1.AgentStateReportResponse;
import org.hotline.api.v1.AgentStateReportRow;
import org.hotline.api.v1.CallReportRequest;
import org.hotline.api.v1.CallReportResponse;
import org.hotline.api.v1.CallReportRow;
import org.hotline.api.v1.IvrReportRequest;
import org.hotline.api.v1.IvrReportResponse;
import org.hotline.api.v1.IvrReportRow;
import org.hotline.api.v1.ReasonTime;
import org.hotline.api.v1.ReportGranularity;
import org.hotline.api.v1.ReportGrouping;
import org.hotline.api.v1.ReportsGrpc;
import org.hotline.api.v1.WorkOrderReportGrouping;
import org.hotline.api.v1.WorkOrderReportRequest;
import org.hotline.api.v1.WorkOrderReportResponse;
import org.hotline.api.v1.WorkOrderReportRow;
import org.hotline.cti.agents.AgentState;
import org.hotline.cti.security.Session;
import org.hotline.cti.stats.CallFigures;
import org.hotline.cti.stats.Granularity;
import org.hotline.cti.stats.Grouping;
import org.hotline.cti.stats.IvrFigures;
import org.hotline.cti.stats.Reports;
import org.hotline.cti.stats.StateFigures;
import org.hotline.cti.stats.WorkOrderFigures;
import org.hotline.cti.stats.WorkOrderGrouping;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The Reports gRPC service: team leads and administrators only; the figures come from the rollups. */
final class ReportService extends ReportsGrpc.ReportsImplBase {
    private static final Logger log = LoggerFactory.getLogger(ReportService.class);

    private final Reports reports;
    private final String siteId;
    private final Executor workers;

    ReportService(Reports reports, String siteId, Executor workers) {
        this.reports = reports;
        this.siteId = siteId;
        this.workers = workers;
    }

    private static Session lead() {
        Session s = AuthInterceptor.session();
        if (!s.role().canSupervise()) {
            throw Errors.permission("role " + s.role() + " may not read reports (expected: team lead or admin)");
        }
        return s;
    }

    /**
     * The big screen shows the room's figures: a wallboard may read call reports by queue, never
     * per agent or team (those are a person's figures, for the lead's eyes).
     */
    private static Session callReader(ReportGrouping grouping) {
        Session s = AuthInterceptor.session();
        if (s.role() == org.hotline.cti.security.Role.WALLBOARD) {
            if (grouping != ReportGrouping.REPORT_GROUPING_QUEUE) {
                throw Errors.permission("role WALLBOARD may read call reports by queue only, not " + grouping
                        + " (expected: REPORT_GROUPING_QUEUE)");
            }
            return s;
        }
        return lead();
    }

    @Override
    public void callReport(CallReportRequest req, StreamObserver<CallReportResponse> out) {
        Session[] caller = new Session[1];
        Unary.answer(out, () -> caller[0] = callReader(req.getGrouping()), workers, () -> {
            Grouping grouping = grouping(req.getGrouping());
            Granularity granularity = granularity(req.getGranularity());
            long t0 = System.nanoTime();
            CallReportResponse.Builder b = CallReportResponse.newBuilder().setTimeZone(reports.zone().getId());
            for (Reports.CallRow r : reports.calls(siteId, grouping, granularity, instant(req.getFrom(), "from"),
                    instant(req.getTo(), "to"))) {
                b.addRows(row(r));
            }
            log.info("call report {} by {} per {} for {}: {} rows in {} ms", granularity, grouping, caller[0].agentId(),
                    siteId, b.getRowsCount(), (System.nanoTime() - t0) / 1_000_000);
            return b.build();
        });
    }

    @Override
    public void agentStateReport(AgentStateReportRequest req, StreamObserver<AgentStateReportResponse> out) {
        Session[] caller = new Session[1];
        Unary.answer(out, () -> caller[0] = lead(), workers, () -> {
            Grouping grouping = grouping(req.getGrouping());
            Granularity granularity = granularity(req.getGranularity());
            long t0 = System.nanoTime();
            AgentStateReportResponse.Builder b = AgentStateReportResponse.newBuilder().setTimeZone(reports.zone().getId());
            for (Reports.StateRow r : reports.states(siteId, grouping, granularity, instant(req.getFrom(), "from"),
                    instant(req.getTo(), "to"))) {
                b.addRows(row(r));
            }
            log.info("agent state report {} by {} per {} for {}: {} rows in {} ms", granularity, grouping,
                    caller[0].agentId(), siteId, b.getRowsCount(), (System.nanoTime() - t0) / 1_000_000);
            return b.build();
        });
    }

    @Override
    public void workOrderReport(WorkOrderReportRequest req, StreamObserver<WorkOrderReportResponse> out) {
        Session[] caller = new Session[1];
        Unary.answer(out, () -> caller[0] = lead(), workers, () -> {
            WorkOrderGrouping grouping = switch (req.getGrouping()) {
                case WORK_ORDER_REPORT_GROUPING_TYPE -> WorkOrderGrouping.TYPE;
                case WORK_ORDER_REPORT_GROUPING_STATUS -> WorkOrderGrouping.STATUS;
                case WORK_ORDER_REPORT_GROUPING_AREA -> WorkOrderGrouping.AREA;
                case WORK_ORDER_REPORT_GROUPING_DEPARTMENT -> WorkOrderGrouping.DEPARTMENT;
                default -> throw Errors.invalid("grouping: " + req.getGrouping()
                        + " (expected: TYPE, STATUS, AREA or DEPARTMENT)");
            };
            Granularity granularity = granularity(req.getGranularity());
            long t0 = System.nanoTime();
            WorkOrderReportResponse.Builder b = WorkOrderReportResponse.newBuilder().setTimeZone(reports.zone().getId());
            for (Reports.WorkOrderRow r : reports.workOrders(siteId, grouping, granularity, instant(req.getFrom(), "from"),
                    instant(req.getTo(), "to"))) {
                WorkOrderFigures f = r.figures();
                b.addRows(WorkOrderReportRow.newBuilder().setBucketStart(timestamp(r.bucketStart())).setKey(r.key())
                        .setCreated(f.created()).setOpen(f.open()).setResolved(f.resolved()).setClosed(f.closed())
                        .setReturned(f.returned()).setOverdue(f.overdue()).setSatisfied(f.satisfied())
                        .setDissatisfied(f.dissatisfied()).setNoAnswer(f.noAnswer())
                        .setSatisfactionPercent(f.satisfactionPercent()));
            }
            log.info("work-order report {} by {} per {} for {}: {} rows in {} ms", granularity, grouping,
                    caller[0].agentId(), siteId, b.getRowsCount(), (System.nanoTime() - t0) / 1_000_000);
            return b.build();
        });
    }

    @Override
    public void ivrReport(IvrReportRequest req, StreamObserver<IvrReportResponse> out) {
        Session[] caller = new Session[1];
        Unary.answer(out, () -> caller[0] = lead(), workers, () -> {
            Granularity granularity = granularity(req.getGranularity());
            Instant from = instant(req.getFrom(), "from");
            long t0 = System.nanoTime();
            IvrReportResponse.Builder b = IvrReportResponse.newBuilder().setTimeZone(reports.zone().getId());
            IvrFigures total = IvrFigures.none();
            for (Reports.IvrRow r : reports.ivr(siteId, granularity, from, instant(req.getTo(), "to"))) {
                b.addRows(row(r.bucketStart(), r.menuPath(), r.figures()));
                total = total.plus(r.figures());
            }
            b.setTotal(row(from, "", total));
            log.info("IVR report {} per {} for {}: {} rows in {} ms", granularity, caller[0].agentId(), siteId,
                    b.getRowsCount(), (System.nanoTime() - t0) / 1_000_000);
            return b.build();
        });
    }

    private static IvrReportRow row(Instant bucket, String path, IvrFigures f) {
        return IvrReportRow.newBuilder().setBucketStart(timestamp(bucket)).setMenuPath(path).setVisits(f.visits())
                .setRouted(f.routed()).setNoInput(f.noInput()).setHungUp(f.hungUp()).setClosed(f.closed())
                .setBlocked(f.blocked()).setIvrMillis(f.ivrMillis()).setAverageIvrSeconds(f.averageSeconds())
                .setHungUpPercent(f.hungUpPercent()).build();
    }

    private static CallReportRow row(Reports.CallRow r) {
        CallFigures f = r.figures();
        return CallReportRow.newBuilder().setBucketStart(timestamp(r.bucketStart())).setKey(r.key())
                .setOffered(f.offered()).setAnswered(f.answered()).setAnsweredInServiceLevel(f.answeredInServiceLevel())
                .setAbandoned(f.abandoned()).setShortAbandoned(f.shortAbandoned()).setHandled(f.handled())
                .setTransferred(f.transferred()).setHeld(f.held()).setServiceLevelPercent(f.serviceLevelPercent())
                .setAbandonPercent(f.abandonPercent()).setAverageSpeedOfAnswerSeconds(f.averageSpeedOfAnswerSeconds())
                .setAverageAbandonWaitSeconds(f.averageAbandonWaitSeconds())
                .setAverageHandleSeconds(f.averageHandleSeconds()).setAverageTalkSeconds(f.averageTalkSeconds())
                .setAverageHoldSeconds(f.averageHoldSeconds())
                .setAverageAfterCallWorkSeconds(f.averageAfterCallWorkSeconds())
                .setAnswerWaitMillis(f.answerWaitMillis()).setAbandonWaitMillis(f.abandonWaitMillis())
                .setTalkMillis(f.talkMillis()).setHoldMillis(f.holdMillis())
                .setAfterCallWorkMillis(f.afterCallWorkMillis()).build();
    }

    private static AgentStateReportRow row(Reports.StateRow r) {
        StateFigures f = r.figures();
        AgentStateReportRow.Builder b = AgentStateReportRow.newBuilder().setBucketStart(timestamp(r.bucketStart()))
                .setKey(r.key()).setLoginMillis(f.loginMillis()).setReadyMillis(f.millis(AgentState.READY))
                .setNotReadyMillis(f.millis(AgentState.NOT_READY)).setReservedMillis(f.millis(AgentState.RESERVED))
                .setOnCallMillis(f.millis(AgentState.ON_CALL)).setHeldMillis(f.millis(AgentState.HELD))
                .setAfterCallWorkMillis(f.millis(AgentState.AFTER_CALL_WORK)).setOccupancyPercent(f.occupancyPercent());
        f.notReadyMillisByReason().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey()).forEach(e ->
                b.addNotReadyByReason(ReasonTime.newBuilder().setReasonCode(e.getKey()).setMillis(e.getValue())));
        return b.build();
    }

    private static Grouping grouping(ReportGrouping g) {
        return switch (g) {
            case REPORT_GROUPING_QUEUE -> Grouping.QUEUE;
            case REPORT_GROUPING_AGENT -> Grouping.AGENT;
            case REPORT_GROUPING_TEAM -> Grouping.TEAM;
            default -> throw Errors.invalid("grouping: " + g + " (expected: QUEUE, AGENT or TEAM)");
        };
    }

    private static Granularity granularity(ReportGranularity g) {
        return switch (g) {
            case REPORT_GRANULARITY_MINUTES_15 -> Granularity.MINUTES_15;
            case REPORT_GRANULARITY_MINUTES_30 -> Granularity.MINUTES_30;
            case REPORT_GRANULARITY_MINUTES_60 -> Granularity.MINUTES_60;
            case REPORT_GRANULARITY_DAY -> Granularity.DAY;
            case REPORT_GRANULARITY_MONTH -> Granularity.MONTH;
            case REPORT_GRANULARITY_YEAR -> Granularity.YEAR;
            default -> throw Errors.invalid("granularity: " + g + " (expected: MINUTES_15/30/60, DAY, MONTH or YEAR)");
        };
    }

    private static Instant instant(Timestamp t, String what) {
        if (t.getSeconds() == 0 && t.getNanos() == 0) {
            throw Errors.invalid(what + ": not set (expected: a timestamp)");
        }
        return Instant.ofEpochSecond(t.getSeconds(), t.getNanos());
    }

    private static Timestamp timestamp(Instant t) {
        return Timestamp.newBuilder().setSeconds(t.getEpochSecond()).setNanos(t.getNano()).build();
    }
}

package org.hotline.supervisor.reports;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import com.google.protobuf.Timestamp;
import org.hotline.agent.Messages;
import org.hotline.api.v1.AgentStateReportResponse;
import org.hotline.api.v1.AgentStateReportRow;
import org.hotline.api.v1.CallReportResponse;
import org.hotline.api.v1.CallReportRow;
import org.hotline.api.v1.IvrReportResponse;
import org.hotline.api.v1.IvrReportRow;
import org.hotline.api.v1.ReasonTime;
import org.hotline.api.v1.ReportGranularity;
import org.hotline.api.v1.WorkOrderReportResponse;
import org.hotline.api.v1.WorkOrderReportRow;
import org.hotline.supervisor.reports.ReportTable.Column;
import org.hotline.supervisor.reports.ReportTable.Row;
import org.hotline.supervisor.reports.ReportTable.Unit;

import static java.util.Objects.requireNonNull;

/** Turns the server's report rows into a {@link ReportTable} with the columns' names in the desk's language. */
final class ReportRows {
    private static final double MINUTE = 60_000.0;

    private final Messages texts;

    ReportRows(Messages texts) {
        this.texts = requireNonNull(texts, "texts");
    }

    ReportTable calls(CallReportResponse r, Heading h) {
        List<Column> columns = columns(Unit.COUNT, "offered", "answered", "abandoned", "short_abandoned", "answered_in_sl");
        columns.addAll(columns(Unit.PERCENT, "service_level", "abandon_rate"));
        columns.addAll(columns(Unit.SECONDS, "speed_of_answer", "handle", "talk", "hold", "after_call_work"));
        ZoneId zone = zone(r.getTimeZone(), h);
        List<Row> rows = new ArrayList<>();
        for (CallReportRow x : r.getRowsList()) {
            rows.add(new Row(bucket(x.getBucketStart(), zone, h), key(x.getKey()), List.of((double) x.getOffered(),
                    (double) x.getAnswered(), (double) x.getAbandoned(), (double) x.getShortAbandoned(),
                    (double) x.getAnsweredInServiceLevel(), x.getServiceLevelPercent(), x.getAbandonPercent(),
                    x.getAverageSpeedOfAnswerSeconds(), x.getAverageHandleSeconds(), x.getAverageTalkSeconds(),
                    x.getAverageHoldSeconds(), x.getAverageAfterCallWorkSeconds())));
        }
        return table(h, columns, rows);
    }

    ReportTable agentStates(AgentStateReportResponse r, Heading h) {
        List<Column> columns = columns(Unit.MINUTES, "login", "ready", "not_ready", "reserved", "on_call", "held",
                "after_call_work_time");
        columns.addAll(columns(Unit.PERCENT, "occupancy"));
        // One column per NotReady reason that occurs in the answer.
        TreeSet<String> reasons = new TreeSet<>();
        r.getRowsList().forEach(x -> x.getNotReadyByReasonList().forEach(t -> reasons.add(t.getReasonCode())));
        for (String reason : reasons) {
            columns.add(new Column(texts.get("reports.column.not_ready_reason",
                    reason.isEmpty() ? texts.get("reports.no_reason") : reason), Unit.MINUTES));
        }
        ZoneId zone = zone(r.getTimeZone(), h);
        List<Row> rows = new ArrayList<>();
        for (AgentStateReportRow x : r.getRowsList()) {
            List<Double> v = new ArrayList<>(List.of(x.getLoginMillis() / MINUTE, x.getReadyMillis() / MINUTE,
                    x.getNotReadyMillis() / MINUTE, x.getReservedMillis() / MINUTE, x.getOnCallMillis() / MINUTE,
                    x.getHeldMillis() / MINUTE, x.getAfterCallWorkMillis() / MINUTE, x.getOccupancyPercent()));
            for (String reason : reasons) {
                v.add(x.getNotReadyByReasonList().stream().filter(t -> t.getReasonCode().equals(reason))
                        .mapToLong(ReasonTime::getMillis).sum() / MINUTE);
            }
            rows.add(new Row(bucket(x.getBucketStart(), zone, h), key(x.getKey()), v));
        }
        return table(h, columns, rows);
    }

    ReportTable workOrders(WorkOrderReportResponse r, Heading h) {
        List<Column> columns = columns(Unit.COUNT, "created", "open", "resolved", "closed", "returned", "overdue",
                "satisfied", "dissatisfied", "no_answer");
        columns.addAll(columns(Unit.PERCENT, "satisfaction"));
        ZoneId zone = zone(r.getTimeZone(), h);
        List<Row> rows = new ArrayList<>();
        for (WorkOrderReportRow x : r.getRowsList()) {
            rows.add(new Row(bucket(x.getBucketStart(), zone, h), key(x.getKey()), List.of((double) x.getCreated(),
                    (double) x.getOpen(), (double) x.getResolved(), (double) x.getClosed(), (double) x.getReturned(),
                    (double) x.getOverdue(), (double) x.getSatisfied(), (double) x.getDissatisfied(),
                    (double) x.getNoAnswer(), x.getSatisfactionPercent())));
        }
        return table(h, columns, rows);
    }

    ReportTable ivr(IvrReportResponse r, Heading h) {
        List<Column> columns = columns(Unit.COUNT, "visits", "routed", "no_input", "hung_up", "closed", "blocked");
        columns.addAll(columns(Unit.PERCENT, "hung_up_rate"));
        columns.addAll(columns(Unit.SECONDS, "ivr_average"));
        columns.addAll(columns(Unit.MINUTES, "ivr_time"));
        ZoneId zone = zone(r.getTimeZone(), h);
        List<Row> rows = new ArrayList<>();
        for (IvrReportRow x : r.getRowsList()) {
            rows.add(new Row(bucket(x.getBucketStart(), zone, h), menuPath(x.getMenuPath()), List.of((double) x.getVisits(),
                    (double) x.getRouted(), (double) x.getNoInput(), (double) x.getHungUp(), (double) x.getClosed(),
                    (double) x.getBlocked(), x.getHungUpPercent(), x.getAverageIvrSeconds(), x.getIvrMillis() / MINUTE)));
        }
        return table(h, columns, rows);
    }

    /** The server's total of an IVR report as one line. */
    String ivrTotal(IvrReportResponse r) {
        IvrReportRow t = r.getTotal();
        return texts.get("reports.ivr.total", t.getVisits(), t.getRouted() + t.getNoInput(), t.getHungUp(),
                String.format(java.util.Locale.ROOT, "%.1f", t.getHungUpPercent()),
                String.format(java.util.Locale.ROOT, "%.1f", t.getAverageIvrSeconds()),
                String.format(java.util.Locale.ROOT, "%.1f", t.getIvrMillis() / MINUTE));
    }

    /** "1>3" reads as "1 › 3"; no key pressed has its own name. */
    private String menuPath(String path) {
        return path.isEmpty() ? texts.get("reports.ivr.no_key") : path.replace(">", " › ");
    }

    /** What the table is titled and how its buckets read. */
    record Heading(ReportKind kind, ReportGroup group, ReportGranularity granularity, String period, ZoneId zone) {}

    private ReportTable table(Heading h, List<Column> columns, List<Row> rows) {
        String title = texts.get(h.kind().textKey()) + " – " + texts.get("reports.per", texts.get(h.group().textKey()))
                + " – " + texts.get("reports.granularity." + h.granularity().name()
                .substring("REPORT_GRANULARITY_".length()).toLowerCase(java.util.Locale.ROOT));
        return new ReportTable(title, h.period(), texts.get("reports.column.bucket"), texts.get(h.group().textKey()),
                columns, rows);
    }

    private List<Column> columns(Unit unit, String... keys) {
        List<Column> out = new ArrayList<>();
        for (String k : keys) {
            out.add(new Column(texts.get("reports.column." + k), unit));
        }
        return out;
    }

    private String key(String key) {
        return key.isEmpty() ? texts.get("reports.none") : key;
    }

    private static ZoneId zone(String id, Heading h) {
        try {
            return id.isEmpty() ? h.zone() : ZoneId.of(id);
        } catch (java.time.DateTimeException e) {
            return h.zone();
        }
    }

    private static String bucket(Timestamp t, ZoneId zone, Heading h) {
        DateTimeFormatter f = ReportRange.bucketFormat(h.granularity());
        return f.format(Instant.ofEpochSecond(t.getSeconds()).atZone(zone));
    }
}

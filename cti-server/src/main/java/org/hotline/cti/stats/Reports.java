package org.hotline.cti.stats;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import javax.sql.DataSource;

import org.hotline.cti.agents.AgentState;
import org.hotline.cti.core.CommandException;

import static java.util.Objects.requireNonNull;

/**
 * Call, agent-state, work-order and IVR reports read from the rollup tables (never from the raw records): any
 * range, per queue, agent or team, in 15/30/60-minute buckets (from the 15-minute rollups), per
 * day (daily rollups) or per month or year of the report zone (monthly rollups: a month-by-agent
 * report over a year reads one row per month, queue and agent).
 */
public final class Reports {
    /** Minute reports cover at most this much (a month of 15-minute rows per agent is plenty for a screen). */
    public static final Duration MAX_MINUTE_RANGE = Duration.ofDays(31);
    /** Calendar reports cover at most this many years. */
    public static final int MAX_YEARS = 10;

    private final DataSource dataSource;
    private final RollupSettings settings;

    /** One row: a bucket (its start) and a queue, agent or team id. */
    public record CallRow(Instant bucketStart, String key, CallFigures figures) {}

    public record StateRow(Instant bucketStart, String key, StateFigures figures) {}

    /** A work-order row: a bucket of creation days and a type, status, area or department ({@code ""}: none). */
    public record WorkOrderRow(Instant bucketStart, String key, WorkOrderFigures figures) {}

    /** An IVR row: a bucket and a menu path (the keys pressed, "1>3"; {@code ""}: none). */
    public record IvrRow(Instant bucketStart, String menuPath, IvrFigures figures) {}

    public Reports(DataSource dataSource, RollupSettings settings) {
        this.dataSource = requireNonNull(dataSource, "dataSource");
        this.settings = requireNonNull(settings, "settings");
    }

    /** The zone of day, month and year buckets. */
    public ZoneId zone() {
        return settings.zone();
    }

    /** Call figures of {@code siteId} from {@code from} (inclusive) to {@code to} (exclusive). */
    public List<CallRow> calls(String siteId, Grouping grouping, Granularity granularity, Instant from, Instant to) {
        requireNonNull(siteId, "siteId");
        requireNonNull(grouping, "grouping");
        Bounds b = bounds(granularity, from, to);
        String key = keyExpression(grouping);
        StringBuilder sql = new StringBuilder("SELECT ").append(b.bucketColumns()).append(", ").append(key).append(" AS k");
        RollupBatch.CALL_COLUMNS.forEach(c -> sql.append(", SUM(r.").append(c).append(')'));
        sql.append(" FROM ").append(b.table("report_call_")).append(" r")
                .append(join(grouping)).append(" WHERE r.site_id = ? AND r.").append(b.timeColumn()).append(" >= ? AND r.")
                .append(b.timeColumn()).append(" < ? AND ").append(grouping == Grouping.QUEUE ? "r.queue_id" : "r.agent_id")
                .append(" <> '' GROUP BY ").append(b.bucketColumns()).append(", ").append(key);
        Map<Instant, Map<String, long[]>> buckets = new TreeMap<>();
        int width = RollupBatch.CALL_COLUMNS.size();
        query(sql.toString(), siteId, b, rs -> {
            int n = b.bucketColumnCount();
            Instant bucket = bucketOf(granularity, rs);
            long[] sums = buckets.computeIfAbsent(bucket, k -> new TreeMap<>())
                    .computeIfAbsent(rs.getString(n + 1), k -> new long[width]);
            for (int i = 0; i < width; i++) {
                sums[i] += rs.getLong(n + 2 + i);
            }
        });
        List<CallRow> rows = new ArrayList<>();
        buckets.forEach((bucket, byKey) -> byKey.forEach((k, v) -> rows.add(new CallRow(bucket, k, CallFigures.of(v)))));
        return rows;
    }

    /** Agent-state figures per agent or team (a state counts in the buckets it was spent in). */
    public List<StateRow> states(String siteId, Grouping grouping, Granularity granularity, Instant from, Instant to) {
        requireNonNull(siteId, "siteId");
        requireNonNull(grouping, "grouping");
        if (grouping == Grouping.QUEUE) {
            throw new IllegalArgumentException("grouping: QUEUE (expected: AGENT or TEAM; agent states belong to no queue)");
        }
        Bounds b = bounds(granularity, from, to);
        String key = keyExpression(grouping);
        String sql = "SELECT " + b.bucketColumns() + ", " + key + " AS k, r.state, r.reason_code, SUM(r.millis) FROM "
                + b.table("report_state_") + " r" + join(grouping)
                + " WHERE r.site_id = ? AND r." + b.timeColumn() + " >= ? AND r." + b.timeColumn() + " < ? GROUP BY "
                + b.bucketColumns() + ", " + key + ", r.state, r.reason_code";
        Map<Instant, Map<String, Acc>> buckets = new TreeMap<>();
        query(sql, siteId, b, rs -> {
            int n = b.bucketColumnCount();
            Acc acc = buckets.computeIfAbsent(bucketOf(granularity, rs), k -> new TreeMap<>())
                    .computeIfAbsent(rs.getString(n + 1), k -> new Acc());
            AgentState state = AgentState.valueOf(rs.getString(n + 2));
            long millis = rs.getLong(n + 4);
            acc.byState.merge(state, millis, Long::sum);
            if (state == AgentState.NOT_READY) {
                acc.byReason.merge(rs.getString(n + 3), millis, Long::sum);
            }
        });
        List<StateRow> rows = new ArrayList<>();
        buckets.forEach((bucket, byKey) -> byKey.forEach((k, acc) ->
                rows.add(new StateRow(bucket, k, new StateFigures(acc.byState, acc.byReason)))));
        return rows;
    }

    /**
     * Work-order counts of the orders created in the buckets (days, months or years of the report
     * zone; minute buckets are refused: orders are counted per day of creation), per type, current
     * status, area or current department.
     */
    public List<WorkOrderRow> workOrders(String siteId, WorkOrderGrouping grouping, Granularity granularity, Instant from,
                                         Instant to) {
        requireNonNull(siteId, "siteId");
        requireNonNull(grouping, "grouping");
        requireNonNull(granularity, "granularity");
        if (!granularity.isCalendar()) {
            throw new IllegalArgumentException("granularity: " + granularity + " for work orders (expected: DAY, MONTH or"
                    + " YEAR; orders are counted per day of creation)");
        }
        Bounds b = bounds(granularity, from, to);
        String sql = "SELECT " + b.bucketColumns() + ", r." + grouping.column() + ", r.status, r.sla_state, r.returned,"
                + " r.satisfaction, SUM(r.orders) FROM " + b.table("report_work_order_") + " r WHERE r.site_id = ? AND r."
                + b.timeColumn() + " >= ? AND r." + b.timeColumn() + " < ? GROUP BY " + b.bucketColumns() + ", r."
                + grouping.column() + ", r.status, r.sla_state, r.returned, r.satisfaction";
        Map<Instant, Map<String, WorkOrderFigures>> buckets = new TreeMap<>();
        query(sql, siteId, b, rs -> {
            long orders = rs.getLong(7);
            if (orders != 0) {
                buckets.computeIfAbsent(bucketOf(granularity, rs), k -> new TreeMap<>()).merge(rs.getString(2),
                        WorkOrderFigures.none().plus(rs.getString(3), rs.getString(4), rs.getInt(5) == 1,
                                rs.getString(6), orders), WorkOrderFigures::add);
            }
        });
        List<WorkOrderRow> rows = new ArrayList<>();
        buckets.forEach((bucket, byKey) -> byKey.forEach((k, f) -> rows.add(new WorkOrderRow(bucket, k, f))));
        return rows;
    }

    /** IVR usage per menu path: the visits that started in each bucket and how they ended. */
    public List<IvrRow> ivr(String siteId, Granularity granularity, Instant from, Instant to) {
        requireNonNull(siteId, "siteId");
        Bounds b = bounds(granularity, from, to);
        StringBuilder sql = new StringBuilder("SELECT ").append(b.bucketColumns()).append(", r.menu_path");
        RollupBatch.IVR_COLUMNS.forEach(c -> sql.append(", SUM(r.").append(c).append(')'));
        sql.append(" FROM ").append(b.table("report_ivr_")).append(" r WHERE r.site_id = ? AND r.").append(b.timeColumn())
                .append(" >= ? AND r.").append(b.timeColumn()).append(" < ? GROUP BY ").append(b.bucketColumns())
                .append(", r.menu_path");
        Map<Instant, Map<String, long[]>> buckets = new TreeMap<>();
        int width = RollupBatch.IVR_COLUMNS.size();
        query(sql.toString(), siteId, b, rs -> {
            long[] sums = buckets.computeIfAbsent(bucketOf(granularity, rs), k -> new TreeMap<>())
                    .computeIfAbsent(rs.getString(2), k -> new long[width]);
            for (int i = 0; i < width; i++) {
                sums[i] += rs.getLong(3 + i);
            }
        });
        List<IvrRow> rows = new ArrayList<>();
        buckets.forEach((bucket, byPath) -> byPath.forEach((path, v) -> rows.add(new IvrRow(bucket, path, IvrFigures.of(v)))));
        return rows;
    }

    private static String keyExpression(Grouping grouping) {
        return switch (grouping) {
            case QUEUE -> "r.queue_id";
            case AGENT -> "r.agent_id";
            case TEAM -> "COALESCE(u.team_id, '')";
        };
    }

    private static String join(Grouping grouping) {
        return grouping == Grouping.TEAM ? " LEFT JOIN users u ON u.site_id = r.site_id AND u.agent_id = r.agent_id" : "";
    }

    private Bounds bounds(Granularity granularity, Instant from, Instant to) {
        requireNonNull(granularity, "granularity");
        requireNonNull(from, "from");
        requireNonNull(to, "to");
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("range: " + from + " to " + to + " (expected: from before to)");
        }
        if (!granularity.isCalendar()) {
            if (from.getEpochSecond() % Intervals.SECONDS != 0 || from.getNano() != 0
                    || to.getEpochSecond() % Intervals.SECONDS != 0 || to.getNano() != 0) {
                throw new IllegalArgumentException("range: " + from + " to " + to
                        + " (expected: both on a quarter hour, the rollup grid)");
            }
            if (Duration.between(from, to).compareTo(MAX_MINUTE_RANGE) > 0) {
                throw new IllegalArgumentException("range: " + Duration.between(from, to).toDays() + " days for "
                        + granularity + " (expected: at most " + MAX_MINUTE_RANGE.toDays() + "; use DAY or longer buckets)");
            }
            return new Bounds("interval", "interval_start", "r.interval_start", 1, Intervals.sql(from), Intervals.sql(to));
        }
        ZoneId zone = settings.zone();
        LocalDate fromDay = LocalDate.ofInstant(from, zone);
        LocalDate toDay = LocalDate.ofInstant(to, zone);
        if (!fromDay.atStartOfDay(zone).toInstant().equals(from) || !toDay.atStartOfDay(zone).toInstant().equals(to)) {
            throw new IllegalArgumentException("range: " + from + " to " + to + " (expected: both at midnight in the report zone "
                    + zone + " for " + granularity + " buckets)");
        }
        if (fromDay.plusYears(MAX_YEARS).isBefore(toDay)) {
            throw new IllegalArgumentException("range: " + fromDay + " to " + toDay + " (expected: at most " + MAX_YEARS + " years)");
        }
        if (granularity == Granularity.DAY) {
            return new Bounds("daily", "report_day", "r.report_day", 1, fromDay.toString(), toDay.toString());
        }
        if (fromDay.getDayOfMonth() != 1 || toDay.getDayOfMonth() != 1) {
            throw new IllegalArgumentException("range: " + fromDay + " to " + toDay + " (expected: both on the first of a month"
                    + " for " + granularity + " buckets, which read the monthly rollups)");
        }
        return granularity == Granularity.MONTH
                ? new Bounds("monthly", "report_month", "r.report_month", 1, fromDay.toString(), toDay.toString())
                : new Bounds("monthly", "report_month", "YEAR(r.report_month)", 1, fromDay.toString(), toDay.toString());
    }

    private Instant bucketOf(Granularity granularity, ResultSet rs) throws SQLException {
        ZoneId zone = settings.zone();
        return switch (granularity) {
            case MINUTES_15, MINUTES_30, MINUTES_60 -> {
                ZonedDateTime t = Intervals.fromSql(rs.getObject(1, LocalDateTime.class)).atZone(zone);
                ZonedDateTime midnight = t.truncatedTo(ChronoUnit.DAYS);
                long minutes = Duration.between(midnight, t).toMinutes();
                yield midnight.plusMinutes(minutes - minutes % granularity.minutes()).toInstant();
            }
            case DAY -> rs.getObject(1, LocalDate.class).atStartOfDay(zone).toInstant();
            case MONTH -> rs.getObject(1, LocalDate.class).atStartOfDay(zone).toInstant();
            case YEAR -> LocalDate.of(rs.getInt(1), 1, 1).atStartOfDay(zone).toInstant();
        };
    }

    private void query(String sql, String siteId, Bounds b, RowHandler handler) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, siteId);
            ps.setString(2, b.from());
            ps.setString(3, b.to());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    handler.row(rs);
                }
            }
        } catch (SQLException e) {
            throw new CommandException(CommandException.Code.UNAVAILABLE, "report: database unavailable (" + e.getMessage() + ")");
        }
    }

    @FunctionalInterface
    private interface RowHandler {
        void row(ResultSet rs) throws SQLException;
    }

    private record Bounds(String tableSuffix, String timeColumn, String bucketColumns, int bucketColumnCount, String from,
                          String to) {
        String table(String prefix) {
            return prefix + tableSuffix;
        }
    }

    private static final class Acc {
        final Map<AgentState, Long> byState = new EnumMap<>(AgentState.class);
        final Map<String, Long> byReason = new HashMap<>();
    }
}

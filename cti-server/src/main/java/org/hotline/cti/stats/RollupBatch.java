package org.hotline.cti.stats;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.hotline.cti.agents.AgentState;
import org.hotline.cti.calls.CallDetailRecord;
import org.hotline.cti.calls.CallSegment;
import org.hotline.cti.calls.IvrVisit;
import org.hotline.cti.calls.SegmentKind;

import static java.util.Objects.requireNonNull;

/**
 * The increments one batch of records adds to the rollup tables, summed in memory per key and
 * then written with one {@code INSERT ... ON DUPLICATE KEY UPDATE col = col + VALUES(col)} per
 * table. The caller decides which records are new (a replayed record must not be added twice)
 * and runs {@link #write} in the transaction that stores those records, so the rollups and the
 * raw rows cannot disagree.
 *
 * <p>The rules, in one place (the reports' test recomputes them from the raw rows):
 * <ul>
 *   <li>A call counts when it is inbound, has a queue and was not blocked or closed; it lands in
 *       the 15-minute interval of its start, under its queue and the agent of its first talk
 *       segment ({@code ""} when nobody answered).</li>
 *   <li>Answered: {@code answered_at} set; within the service level when the queue wait is at most
 *       the queue's threshold. Abandoned: outcome {@code abandoned} and never answered; short when
 *       the wait is below {@link RollupSettings#shortAbandon()}.</li>
 *   <li>Per agent with a talk segment in the call (same interval and queue): handled 1, talk =
 *       talk segments minus that agent's hold segments, hold = hold segments, transferred 1 when
 *       one of its talk segments ended by a transfer, held 1 when it held the caller.</li>
 *   <li>After-call work lands in the interval it began, under the queue of the agent's last talk
 *       segment before it.</li>
 *   <li>Agent state time is split at interval boundaries; NotReady keeps its reason.</li>
 *   <li>An IVR visit lands in the 15-minute interval of its start, under its menu path: visits 1,
 *       one of routed, no input, hung up, closed or blocked by its outcome, and its time in the IVR
 *       (end minus start).</li>
 * </ul>
 */
public final class RollupBatch {
    static final int OFFERED = 0;
    static final int ANSWERED = 1;
    static final int ANSWERED_IN_SL = 2;
    static final int ABANDONED = 3;
    static final int SHORT_ABANDONED = 4;
    static final int ANSWER_WAIT_MS = 5;
    static final int ABANDON_WAIT_MS = 6;
    static final int HANDLED = 7;
    static final int TRANSFERRED = 8;
    static final int HELD = 9;
    static final int TALK_MS = 10;
    static final int HOLD_MS = 11;
    static final int ACW_COUNT = 12;
    static final int ACW_MS = 13;
    static final List<String> CALL_COLUMNS = List.of("offered", "answered", "answered_in_sl", "abandoned",
            "short_abandoned", "answer_wait_ms", "abandon_wait_ms", "handled", "transferred", "held", "talk_ms",
            "hold_ms", "acw_count", "acw_ms");
    static final int IVR_VISITS = 0;
    static final int IVR_ROUTED = 1;
    static final int IVR_NO_INPUT = 2;
    static final int IVR_HUNG_UP = 3;
    static final int IVR_CLOSED = 4;
    static final int IVR_BLOCKED = 5;
    static final int IVR_MS = 6;
    static final List<String> IVR_COLUMNS = List.of("visits", "routed", "no_input", "hung_up", "closed", "blocked",
            "ivr_ms");
    private static final Set<String> NOT_OFFERED = Set.of("blocked", "closed");

    private final RollupSettings settings;
    private final Map<CallKey, long[]> callIntervals = new TreeMap<>();
    private final Map<StateKey, long[]> stateIntervals = new TreeMap<>();
    private final Map<IvrIntervalKey, long[]> ivrIntervals = new TreeMap<>();
    private long records;

    public RollupBatch(RollupSettings settings) {
        this.settings = requireNonNull(settings, "settings");
    }

    /** True when a call record would count in the reports (see the rules above). */
    public static boolean counts(CallDetailRecord c) {
        return c.direction() == CallDetailRecord.Direction.INBOUND && c.queueId() != null && !c.queueId().isEmpty()
                && !NOT_OFFERED.contains(c.outcome());
    }

    /**
     * Adds a finished call.
     *
     * @param segments            the call's segments (others are ignored)
     * @param serviceLevel        the service-level threshold of the call's queue
     */
    public void addCall(CallDetailRecord c, List<CallSegment> segments, Duration serviceLevel) {
        records++;
        if (!counts(c)) {
            return;
        }
        Instant interval = Intervals.floor(c.startedAt());
        List<CallSegment> mine = new ArrayList<>();
        for (CallSegment s : segments) {
            if (s.callId().equals(c.callId()) && s.siteId().equals(c.siteId()) && s.endedAt() != null) {
                mine.add(s);
            }
        }
        mine.sort(Comparator.comparingInt(CallSegment::sequence));
        Map<String, long[]> legs = new LinkedHashMap<>();
        for (CallSegment s : mine) {
            String agent = s.agentId() == null ? "" : s.agentId();
            long ms = Math.max(0, s.endedAt().toEpochMilli() - s.startedAt().toEpochMilli());
            if (s.kind() == SegmentKind.TALK) {
                long[] leg = legs.computeIfAbsent(agent, k -> new long[CALL_COLUMNS.size()]);
                leg[HANDLED] = 1;
                leg[TALK_MS] += ms;
                if ("transferred".equals(s.outcome())) {
                    leg[TRANSFERRED] = 1;
                }
            }
        }
        for (CallSegment s : mine) {
            String agent = s.agentId() == null ? "" : s.agentId();
            long[] leg = legs.get(agent);
            if (s.kind() == SegmentKind.HOLD && leg != null) {
                leg[HOLD_MS] += Math.max(0, s.endedAt().toEpochMilli() - s.startedAt().toEpochMilli());
                leg[HELD] = 1;
            }
        }
        String answeringAgent = legs.isEmpty() ? (c.answeredAt() != null && c.agentId() != null ? c.agentId() : "")
                : legs.keySet().iterator().next();
        long[] call = new long[CALL_COLUMNS.size()];
        call[OFFERED] = 1;
        long wait = Math.max(0, c.queueWaitMillis());
        if (c.answeredAt() != null) {
            call[ANSWERED] = 1;
            call[ANSWER_WAIT_MS] = wait;
            if (wait <= serviceLevel.toMillis()) {
                call[ANSWERED_IN_SL] = 1;
            }
        } else if ("abandoned".equals(c.outcome())) {
            call[ABANDONED] = 1;
            call[ABANDON_WAIT_MS] = wait;
            if (wait < settings.shortAbandon().toMillis()) {
                call[SHORT_ABANDONED] = 1;
            }
        }
        add(new CallKey(c.siteId(), interval, c.queueId(), answeringAgent), call);
        for (Map.Entry<String, long[]> e : legs.entrySet()) {
            long[] leg = e.getValue();
            leg[TALK_MS] = Math.max(0, leg[TALK_MS] - leg[HOLD_MS]);
            add(new CallKey(c.siteId(), interval, c.queueId(), e.getKey()), leg);
        }
    }

    /** Adds an agent's after-call work that began at {@code start} and lasted {@code millis}. */
    public void addAfterCallWork(String siteId, String agentId, String queueId, Instant start, long millis) {
        long[] acw = new long[CALL_COLUMNS.size()];
        acw[ACW_COUNT] = 1;
        acw[ACW_MS] = Math.max(0, millis);
        add(new CallKey(siteId, Intervals.floor(start), queueId == null ? "" : queueId, agentId), acw);
    }

    /** Adds the time an agent spent in {@code state} (with {@code reason} for NotReady) from {@code from} to {@code to}. */
    public void addStateTime(String siteId, String agentId, AgentState state, String reason, Instant from, Instant to) {
        records++;
        if (!to.isAfter(from)) {
            return;
        }
        String r = state == AgentState.NOT_READY && reason != null ? reason : "";
        Instant cursor = from;
        while (cursor.isBefore(to)) {
            Instant interval = Intervals.floor(cursor);
            Instant next = interval.plusSeconds(Intervals.SECONDS);
            Instant end = next.isBefore(to) ? next : to;
            long[] v = stateIntervals.computeIfAbsent(new StateKey(siteId, interval, agentId, state.name(), r),
                    k -> new long[1]);
            v[0] += end.toEpochMilli() - cursor.toEpochMilli();
            cursor = end;
        }
    }

    /** Adds a settled IVR visit. */
    public void addIvrVisit(IvrVisit v) {
        records++;
        long[] values = new long[IVR_COLUMNS.size()];
        values[IVR_VISITS] = 1;
        values[switch (v.outcome()) {
            case ROUTED -> IVR_ROUTED;
            case NO_INPUT -> IVR_NO_INPUT;
            case HUNG_UP -> IVR_HUNG_UP;
            case CLOSED -> IVR_CLOSED;
            case BLOCKED -> IVR_BLOCKED;
        }] = 1;
        values[IVR_MS] = v.millis();
        addInto(ivrIntervals.computeIfAbsent(new IvrIntervalKey(v.siteId(), Intervals.floor(v.startedAt()), v.menuPath()),
                k -> new long[IVR_COLUMNS.size()]), values);
    }

    /** Records (calls, state changes and IVR visits) handed to this batch. */
    public long records() {
        return records;
    }

    public boolean isEmpty() {
        return callIntervals.isEmpty() && stateIntervals.isEmpty() && ivrIntervals.isEmpty();
    }

    /** Adds everything to the rollup tables; run it in the transaction that stores the records. */
    public void write(Connection connection) throws SQLException {
        if (!callIntervals.isEmpty()) {
            Map<DayKey, long[]> daily = new TreeMap<>();
            Map<DayKey, long[]> monthly = new TreeMap<>();
            for (Map.Entry<CallKey, long[]> e : callIntervals.entrySet()) {
                CallKey k = e.getKey();
                LocalDate day = day(k.interval());
                addInto(daily.computeIfAbsent(new DayKey(k.siteId(), day, k.queueId(), k.agentId()),
                        x -> new long[CALL_COLUMNS.size()]), e.getValue());
                addInto(monthly.computeIfAbsent(new DayKey(k.siteId(), day.withDayOfMonth(1), k.queueId(), k.agentId()),
                        x -> new long[CALL_COLUMNS.size()]), e.getValue());
            }
            try (PreparedStatement ps = connection.prepareStatement(upsertCalls("report_call_interval", "interval_start"))) {
                for (Map.Entry<CallKey, long[]> e : callIntervals.entrySet()) {
                    CallKey k = e.getKey();
                    bindCall(ps, k.siteId(), Intervals.sql(k.interval()), k.queueId(), k.agentId(), e.getValue());
                }
                ps.executeBatch();
            }
            writeCalls(connection, "report_call_daily", "report_day", daily);
            writeCalls(connection, "report_call_monthly", "report_month", monthly);
        }
        if (!stateIntervals.isEmpty()) {
            Map<StateDayKey, long[]> daily = new TreeMap<>();
            Map<StateDayKey, long[]> monthly = new TreeMap<>();
            for (Map.Entry<StateKey, long[]> e : stateIntervals.entrySet()) {
                StateKey k = e.getKey();
                LocalDate day = day(k.interval());
                daily.computeIfAbsent(new StateDayKey(k.siteId(), day, k.agentId(), k.state(), k.reason()),
                        x -> new long[1])[0] += e.getValue()[0];
                monthly.computeIfAbsent(new StateDayKey(k.siteId(), day.withDayOfMonth(1), k.agentId(), k.state(),
                        k.reason()), x -> new long[1])[0] += e.getValue()[0];
            }
            try (PreparedStatement ps = connection.prepareStatement(upsertStates("report_state_interval", "interval_start"))) {
                for (Map.Entry<StateKey, long[]> e : stateIntervals.entrySet()) {
                    StateKey k = e.getKey();
                    bindState(ps, k.siteId(), Intervals.sql(k.interval()), k.agentId(), k.state(), k.reason(), e.getValue()[0]);
                }
                ps.executeBatch();
            }
            writeStates(connection, "report_state_daily", "report_day", daily);
            writeStates(connection, "report_state_monthly", "report_month", monthly);
        }
        if (!ivrIntervals.isEmpty()) {
            writeIvr(connection);
        }
    }

    private void writeIvr(Connection connection) throws SQLException {
        Map<IvrKey, long[]> interval = new TreeMap<>();
        Map<IvrKey, long[]> daily = new TreeMap<>();
        Map<IvrKey, long[]> monthly = new TreeMap<>();
        for (Map.Entry<IvrIntervalKey, long[]> e : ivrIntervals.entrySet()) {
            IvrIntervalKey k = e.getKey();
            LocalDate day = day(k.interval());
            addInto(interval.computeIfAbsent(new IvrKey(k.siteId(), Intervals.sql(k.interval()), k.menuPath()),
                    x -> new long[IVR_COLUMNS.size()]), e.getValue());
            addInto(daily.computeIfAbsent(new IvrKey(k.siteId(), day.toString(), k.menuPath()),
                    x -> new long[IVR_COLUMNS.size()]), e.getValue());
            addInto(monthly.computeIfAbsent(new IvrKey(k.siteId(), day.withDayOfMonth(1).toString(), k.menuPath()),
                    x -> new long[IVR_COLUMNS.size()]), e.getValue());
        }
        writeIvr(connection, "report_ivr_interval", "interval_start", interval);
        writeIvr(connection, "report_ivr_daily", "report_day", daily);
        writeIvr(connection, "report_ivr_monthly", "report_month", monthly);
    }

    private static void writeIvr(Connection connection, String table, String timeColumn, Map<IvrKey, long[]> rows)
            throws SQLException {
        StringBuilder sql = new StringBuilder("INSERT INTO ").append(table).append(" (site_id, ").append(timeColumn)
                .append(", menu_path");
        IVR_COLUMNS.forEach(c -> sql.append(", ").append(c));
        sql.append(") VALUES (?, ?, ?").append(", ?".repeat(IVR_COLUMNS.size())).append(") ON DUPLICATE KEY UPDATE ");
        for (int i = 0; i < IVR_COLUMNS.size(); i++) {
            String c = IVR_COLUMNS.get(i);
            sql.append(i == 0 ? "" : ", ").append(c).append(" = ").append(c).append(" + VALUES(").append(c).append(')');
        }
        try (PreparedStatement ps = connection.prepareStatement(sql.toString())) {
            for (Map.Entry<IvrKey, long[]> e : rows.entrySet()) {
                IvrKey k = e.getKey();
                ps.setString(1, k.siteId());
                ps.setString(2, k.time());
                ps.setString(3, k.menuPath());
                long[] values = e.getValue();
                for (int i = 0; i < values.length; i++) {
                    ps.setLong(4 + i, values[i]);
                }
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static void writeCalls(Connection connection, String table, String dayColumn, Map<DayKey, long[]> rows)
            throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(upsertCalls(table, dayColumn))) {
            for (Map.Entry<DayKey, long[]> e : rows.entrySet()) {
                DayKey k = e.getKey();
                bindCall(ps, k.siteId(), k.day().toString(), k.queueId(), k.agentId(), e.getValue());
            }
            ps.executeBatch();
        }
    }

    private static void writeStates(Connection connection, String table, String dayColumn, Map<StateDayKey, long[]> rows)
            throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(upsertStates(table, dayColumn))) {
            for (Map.Entry<StateDayKey, long[]> e : rows.entrySet()) {
                StateDayKey k = e.getKey();
                bindState(ps, k.siteId(), k.day().toString(), k.agentId(), k.state(), k.reason(), e.getValue()[0]);
            }
            ps.executeBatch();
        }
    }

    /** Forgets what was added (after a successful {@link #write}, for the next chunk of a bulk load). */
    public void clear() {
        callIntervals.clear();
        stateIntervals.clear();
        ivrIntervals.clear();
        records = 0;
    }

    private LocalDate day(Instant interval) {
        return LocalDate.ofInstant(interval, settings.zone());
    }

    private void add(CallKey key, long[] values) {
        addInto(callIntervals.computeIfAbsent(key, k -> new long[CALL_COLUMNS.size()]), values);
    }

    private static void addInto(long[] target, long[] values) {
        for (int i = 0; i < values.length; i++) {
            target[i] += values[i];
        }
    }

    private static String upsertCalls(String table, String timeColumn) {
        StringBuilder sql = new StringBuilder("INSERT INTO ").append(table).append(" (site_id, ").append(timeColumn)
                .append(", queue_id, agent_id");
        CALL_COLUMNS.forEach(c -> sql.append(", ").append(c));
        sql.append(") VALUES (?, ?, ?, ?").append(", ?".repeat(CALL_COLUMNS.size())).append(") ON DUPLICATE KEY UPDATE ");
        for (int i = 0; i < CALL_COLUMNS.size(); i++) {
            String c = CALL_COLUMNS.get(i);
            sql.append(i == 0 ? "" : ", ").append(c).append(" = ").append(c).append(" + VALUES(").append(c).append(')');
        }
        return sql.toString();
    }

    private static String upsertStates(String table, String timeColumn) {
        return "INSERT INTO " + table + " (site_id, " + timeColumn + ", agent_id, state, reason_code, millis)"
                + " VALUES (?, ?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE millis = millis + VALUES(millis)";
    }

    private static void bindCall(PreparedStatement ps, String site, String time, String queue, String agent,
                                 long[] values) throws SQLException {
        ps.setString(1, site);
        ps.setString(2, time);
        ps.setString(3, queue);
        ps.setString(4, agent);
        for (int i = 0; i < values.length; i++) {
            ps.setLong(5 + i, values[i]);
        }
        ps.addBatch();
    }

    private static void bindState(PreparedStatement ps, String site, String time, String agent, String state,
                                  String reason, long millis) throws SQLException {
        ps.setString(1, site);
        ps.setString(2, time);
        ps.setString(3, agent);
        ps.setString(4, state);
        ps.setString(5, reason);
        ps.setLong(6, millis);
        ps.addBatch();
    }

    private record CallKey(String siteId, Instant interval, String queueId, String agentId) implements Comparable<CallKey> {
        private static final Comparator<CallKey> ORDER = Comparator.comparing(CallKey::siteId)
                .thenComparing(CallKey::interval).thenComparing(CallKey::queueId).thenComparing(CallKey::agentId);

        @Override
        public int compareTo(CallKey o) {
            return ORDER.compare(this, o);
        }
    }

    private record DayKey(String siteId, LocalDate day, String queueId, String agentId) implements Comparable<DayKey> {
        private static final Comparator<DayKey> ORDER = Comparator.comparing(DayKey::siteId)
                .thenComparing(DayKey::day).thenComparing(DayKey::queueId).thenComparing(DayKey::agentId);

        @Override
        public int compareTo(DayKey o) {
            return ORDER.compare(this, o);
        }
    }

    private record StateKey(String siteId, Instant interval, String agentId, String state, String reason)
            implements Comparable<StateKey> {
        private static final Comparator<StateKey> ORDER = Comparator.comparing(StateKey::siteId)
                .thenComparing(StateKey::interval).thenComparing(StateKey::agentId).thenComparing(StateKey::state)
                .thenComparing(StateKey::reason);

        @Override
        public int compareTo(StateKey o) {
            return ORDER.compare(this, o);
        }
    }

    private record StateDayKey(String siteId, LocalDate day, String agentId, String state, String reason)
            implements Comparable<StateDayKey> {
        private static final Comparator<StateDayKey> ORDER = Comparator.comparing(StateDayKey::siteId)
                .thenComparing(StateDayKey::day).thenComparing(StateDayKey::agentId).thenComparing(StateDayKey::state)
                .thenComparing(StateDayKey::reason);

        @Override
        public int compareTo(StateDayKey o) {
            return ORDER.compare(this, o);
        }
    }

    private record IvrIntervalKey(String siteId, Instant interval, String menuPath) implements Comparable<IvrIntervalKey> {
        private static final Comparator<IvrIntervalKey> ORDER = Comparator.comparing(IvrIntervalKey::siteId)
                .thenComparing(IvrIntervalKey::interval).thenComparing(IvrIntervalKey::menuPath);

        @Override
        public int compareTo(IvrIntervalKey o) {
            return ORDER.compare(this, o);
        }
    }

    /** A row of an IVR rollup table; {@code time} as written (interval start, day or first of the month). */
    private record IvrKey(String siteId, String time, String menuPath) implements Comparable<IvrKey> {
        private static final Comparator<IvrKey> ORDER = Comparator.comparing(IvrKey::siteId)
                .thenComparing(IvrKey::time).thenComparing(IvrKey::menuPath);

        @Override
        public int compareTo(IvrKey o) {
            return ORDER.compare(this, o);
        }
    }
}

package org.hotline.cti.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;

import javax.sql.DataSource;

import org.hotline.cti.agents.AgentState;
import org.hotline.cti.agents.AgentStateChange;
import org.hotline.cti.calls.AgentHistory;
import org.hotline.cti.calls.CallDetailRecord;
import org.hotline.cti.calls.CallHistoryEntry;
import org.hotline.cti.calls.CallHistoryQuery;
import org.hotline.cti.calls.CallSegment;
import org.hotline.cti.calls.SegmentKind;

import static java.util.Objects.requireNonNull;

/**
 * {@link AgentHistory} on the tables the outbox writes ({@code agent_state_log},
 * {@code call_segments}, {@code call_detail_records}), with the customer from the contact
 * history and the work order from {@code work_orders.source_call_id}. Plain JDBC: each screen
 * is one or two indexed range queries.
 */
public final class JdbcAgentHistory implements AgentHistory {
    /** A talk leg can hardly last longer: bounds the index range of "legs that ended after t". */
    private static final Duration LONGEST_LEG = Duration.ofDays(1);
    private static final String STATE_COLUMNS = "record_id, site_id, agent_id, from_state, to_state, reason_code, "
            + "changed_at, millis_in_previous";
    private static final String SEGMENT_COLUMNS = "record_id, site_id, call_id, seq_no, kind, agent_id, device, "
            + "queue_id, started_at, ended_at, outcome";

    private final DataSource dataSource;
    private final String siteId;

    public JdbcAgentHistory(DataSource dataSource, String siteId) {
        this.dataSource = requireNonNull(dataSource, "dataSource");
        this.siteId = requireNonNull(siteId, "siteId");
    }

    @Override
    public List<AgentStateChange> stateChangesSince(String agentId, Instant from) {
        requireNonNull(agentId, "agentId");
        requireNonNull(from, "from");
        return Sql.run(dataSource, "agent state log", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + STATE_COLUMNS + " FROM agent_state_log"
                    + " WHERE site_id = ? AND agent_id = ? AND changed_at >= ? ORDER BY changed_at, id")) {
                ps.setString(1, siteId);
                ps.setString(2, agentId);
                SqlTimes.set(ps, 3, from);
                return stateChanges(ps);
            }
        });
    }

    @Override
    public Optional<AgentStateChange> lastStateChangeBefore(String agentId, Instant t) {
        requireNonNull(agentId, "agentId");
        requireNonNull(t, "t");
        return Sql.run(dataSource, "agent state log", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + STATE_COLUMNS + " FROM agent_state_log"
                    + " WHERE site_id = ? AND agent_id = ? AND changed_at < ? ORDER BY changed_at DESC, id DESC LIMIT 1")) {
                ps.setString(1, siteId);
                ps.setString(2, agentId);
                SqlTimes.set(ps, 3, t);
                return stateChanges(ps).stream().findFirst();
            }
        });
    }

    @Override
    public List<CallSegment> talkSegmentsEndingAfter(String agentId, Instant from) {
        requireNonNull(agentId, "agentId");
        requireNonNull(from, "from");
        return Sql.run(dataSource, "agent talk segments", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + SEGMENT_COLUMNS + " FROM call_segments"
                    + " WHERE site_id = ? AND agent_id = ? AND started_at >= ? AND kind = ? AND ended_at > ?"
                    + " ORDER BY started_at, id")) {
                ps.setString(1, siteId);
                ps.setString(2, agentId);
                SqlTimes.set(ps, 3, from.minus(LONGEST_LEG));
                ps.setString(4, SegmentKind.TALK.name());
                SqlTimes.set(ps, 5, from);
                return segments(ps);
            }
        });
    }

    @Override
    public List<CallHistoryEntry> calls(CallHistoryQuery q) {
        requireNonNull(q, "q");
        StringBuilder sql = new StringBuilder("""
                SELECT c.record_id, c.call_id, c.direction, c.caller_number, c.dialled_number, c.queue_id, c.agent_id,
                    c.started_at, c.answered_at, c.ended_at, c.queue_wait_ms, c.outcome, c.recording_path,
                    (SELECT MIN(w.order_no) FROM work_orders w
                        WHERE w.site_id = c.site_id AND w.source_call_id = c.call_id) AS work_order_no,
                    (SELECT MIN(cu.account_no) FROM contact_history h JOIN customers cu ON cu.id = h.customer_id
                        WHERE h.call_id = c.call_id AND h.site_id = c.site_id) AS account_no
                FROM call_detail_records c
                WHERE c.site_id = ? AND c.call_id IN (SELECT s.call_id FROM call_segments s
                    WHERE s.site_id = ? AND s.agent_id = ? AND s.kind IN ('TALK', 'DIALING'))""");
        List<Object> args = new ArrayList<>(List.of(siteId, siteId, q.agentId()));
        if (q.from() != null) {
            sql.append(" AND c.started_at >= ?");
            args.add(q.from());
        }
        if (q.until() != null) {
            sql.append(" AND c.started_at < ?");
            args.add(q.until());
        }
        if (q.direction() != null) {
            sql.append(" AND c.direction = ?");
            args.add(q.direction().name());
        }
        if (!q.numberFragment().isEmpty()) {
            sql.append(" AND (c.caller_number LIKE ? OR c.dialled_number LIKE ?)");
            String pattern = SqlTimes.contains(q.numberFragment());
            args.add(pattern);
            args.add(pattern);
        }
        sql.append(" ORDER BY c.started_at DESC, c.id DESC LIMIT ?");
        args.add(q.limit());
        return Sql.run(dataSource, "agent call history", c -> {
            List<Row> rows = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
                for (int i = 0; i < args.size(); i++) {
                    Object a = args.get(i);
                    if (a instanceof Instant t) {
                        SqlTimes.set(ps, i + 1, t);
                    } else if (a instanceof Integer n) {
                        ps.setInt(i + 1, n);
                    } else {
                        ps.setString(i + 1, (String) a);
                    }
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rows.add(new Row(rs, siteId));
                    }
                }
            }
            Map<String, Long> talk = talkMillis(c, q.agentId(), rows);
            List<CallHistoryEntry> out = new ArrayList<>(rows.size());
            for (Row r : rows) {
                out.add(new CallHistoryEntry(r.record(), talk.getOrDefault(r.record().callId(), 0L), r.account(),
                        r.workOrder()));
            }
            return out;
        });
    }

    /** The agent's talk per call of {@code rows}, in one more query. */
    private Map<String, Long> talkMillis(Connection c, String agentId, List<Row> rows) throws SQLException {
        Map<String, Long> out = new HashMap<>();
        if (rows.isEmpty()) {
            return out;
        }
        StringJoiner in = new StringJoiner(",", "(", ")");
        rows.forEach(r -> in.add("?"));
        try (PreparedStatement ps = c.prepareStatement("SELECT call_id, started_at, ended_at FROM call_segments"
                + " WHERE call_id IN " + in + " AND site_id = ? AND agent_id = ? AND kind = ?")) {
            int i = 1;
            for (Row r : rows) {
                ps.setString(i++, r.record().callId());
            }
            ps.setString(i++, siteId);
            ps.setString(i++, agentId);
            ps.setString(i, SegmentKind.TALK.name());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Instant start = SqlTimes.get(rs, "started_at");
                    Instant end = SqlTimes.get(rs, "ended_at");
                    if (end != null && end.isAfter(start)) {
                        out.merge(rs.getString("call_id"), Duration.between(start, end).toMillis(), Long::sum);
                    }
                }
            }
        }
        return out;
    }

    private record Row(CallDetailRecord record, String account, String workOrder) {
        Row(ResultSet rs, String siteId) throws SQLException {
            this(new CallDetailRecord(rs.getString("record_id"), siteId, rs.getString("call_id"),
                    CallDetailRecord.Direction.valueOf(rs.getString("direction")), rs.getString("caller_number"),
                    rs.getString("dialled_number"), rs.getString("queue_id"), rs.getString("agent_id"),
                    SqlTimes.get(rs, "started_at"), SqlTimes.get(rs, "answered_at"), SqlTimes.get(rs, "ended_at"),
                    rs.getLong("queue_wait_ms"), rs.getString("outcome"), rs.getString("recording_path"), Map.of()),
                    rs.getString("account_no"), rs.getString("work_order_no"));
        }
    }

    private static List<AgentStateChange> stateChanges(PreparedStatement ps) throws SQLException {
        List<AgentStateChange> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new AgentStateChange(rs.getString("record_id"), rs.getString("site_id"), rs.getString("agent_id"),
                        AgentState.valueOf(rs.getString("from_state")), AgentState.valueOf(rs.getString("to_state")),
                        rs.getString("reason_code"), SqlTimes.get(rs, "changed_at"), rs.getLong("millis_in_previous")));
            }
        }
        return out;
    }

    private static List<CallSegment> segments(PreparedStatement ps) throws SQLException {
        List<CallSegment> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new CallSegment(rs.getString("record_id"), rs.getString("site_id"), rs.getString("call_id"),
                        rs.getInt("seq_no"), SegmentKind.valueOf(rs.getString("kind")), rs.getString("agent_id"),
                        rs.getString("device"), rs.getString("queue_id"), SqlTimes.get(rs, "started_at"),
                        SqlTimes.get(rs, "ended_at"), rs.getString("outcome")));
            }
        }
        return out;
    }
}

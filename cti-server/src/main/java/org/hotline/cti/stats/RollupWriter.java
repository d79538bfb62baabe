package org.hotline.cti.stats;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.hotline.cti.agents.AgentState;
import org.hotline.cti.agents.AgentStateChange;
import org.hotline.cti.calls.CallDetailRecord;
import org.hotline.cti.calls.CallSegment;
import org.hotline.cti.calls.IvrVisit;
import org.hotline.cti.calls.SegmentKind;

import static java.util.Objects.requireNonNull;

/**
 * Keeps the rollup tables in step with the outbox: the record sink calls {@link #begin} and
 * {@link Pass#finish} inside the transaction that inserts a batch, handing over only the records
 * that were not in the database yet, so a batch replayed after a crash adds nothing twice.
 *
 * <p>What a record alone does not tell is read in the same transaction: a call's segments (the
 * outbox writes them before the call's record, in this batch or an earlier one), the queue's
 * service-level threshold, the reason of the NotReady state a change leaves (on the agent's
 * previous change), and the queue of the call an after-call work belongs to.
 */
public final class RollupWriter {
    private static final String LAST_CHANGE = """
            SELECT to_state, reason_code FROM agent_state_log WHERE site_id = ? AND agent_id = ?
            ORDER BY changed_at DESC, id DESC LIMIT 1""";
    private static final String LAST_TALK_QUEUE = """
            SELECT queue_id FROM call_segments WHERE site_id = ? AND agent_id = ? AND kind = 'TALK' AND started_at <= ?
            ORDER BY started_at DESC, id DESC LIMIT 1""";
    private static final String SERVICE_LEVEL = "SELECT service_level_seconds FROM queues WHERE site_id = ? AND queue_id = ?";
    private static final int IN_LIST = 200;

    private final RollupSettings settings;

    public RollupWriter(RollupSettings settings) {
        this.settings = requireNonNull(settings, "settings");
    }

    public RollupSettings settings() {
        return settings;
    }

    /**
     * Reads, before the batch's state changes are inserted, each agent's last logged state and
     * reason: the state the agent's first change in the batch leaves.
     */
    public Pass begin(Connection connection, List<AgentStateChange> batchStates) throws SQLException {
        Map<String, Last> last = new HashMap<>();
        if (!batchStates.isEmpty()) {
            try (PreparedStatement ps = connection.prepareStatement(LAST_CHANGE)) {
                for (AgentStateChange a : batchStates) {
                    String key = key(a.siteId(), a.agentId());
                    if (last.containsKey(key)) {
                        continue;
                    }
                    ps.setString(1, a.siteId());
                    ps.setString(2, a.agentId());
                    try (ResultSet rs = ps.executeQuery()) {
                        last.put(key, rs.next() ? new Last(rs.getString(1), rs.getString(2)) : null);
                    }
                }
            }
        }
        return new Pass(last);
    }

    /** One batch between {@link #begin} and {@link #finish}. */
    public final class Pass {
        private final Map<String, Last> lastBefore;

        private Pass(Map<String, Last> lastBefore) {
            this.lastBefore = lastBefore;
        }

        /**
         * Adds the new records of the batch to the rollups, after the batch's rows are inserted.
         *
         * @param newCalls     call records that were not in the database before this batch
         * @param batchStates  every state change of the batch, in order (replayed ones too: they
         *                     tell what state the next change leaves)
         * @param newStateIds  record ids of the state changes that were not in the database
         * @param newVisits    IVR visits that were not in the database before this batch
         */
        public void finish(Connection connection, List<CallDetailRecord> newCalls, List<AgentStateChange> batchStates,
                           Set<String> newStateIds, List<IvrVisit> newVisits) throws SQLException {
            RollupBatch batch = new RollupBatch(settings);
            addCalls(connection, batch, newCalls);
            addStates(connection, batch, batchStates, newStateIds);
            newVisits.forEach(batch::addIvrVisit);
            batch.write(connection);
        }

        private void addStates(Connection connection, RollupBatch batch, List<AgentStateChange> states,
                               Set<String> newIds) throws SQLException {
            if (states.isEmpty()) {
                return;
            }
            Map<String, Last> last = new HashMap<>(lastBefore);
            try (PreparedStatement talk = connection.prepareStatement(LAST_TALK_QUEUE)) {
                for (AgentStateChange a : states) {
                    String key = key(a.siteId(), a.agentId());
                    Last before = last.get(key);
                    last.put(key, new Last(a.to().name(), a.reasonCode()));
                    if (!newIds.contains(a.recordId()) || a.from() == AgentState.LOGGED_OUT
                            || a.millisInPreviousState() <= 0) {
                        continue;
                    }
                    Instant start = a.at().minusMillis(a.millisInPreviousState());
                    String reason = a.from() == AgentState.NOT_READY && before != null
                            && AgentState.NOT_READY.name().equals(before.state()) && before.reason() != null
                            ? before.reason() : "";
                    batch.addStateTime(a.siteId(), a.agentId(), a.from(), reason, start, a.at());
                    if (a.from() == AgentState.AFTER_CALL_WORK) {
                        talk.setString(1, a.siteId());
                        talk.setString(2, a.agentId());
                        talk.setString(3, Intervals.SQL_DATETIME.format(LocalDateTime.ofInstant(start, ZoneOffset.UTC))
                                + String.format(".%03d", start.getNano() / 1_000_000));
                        String queue = "";
                        try (ResultSet rs = talk.executeQuery()) {
                            if (rs.next() && rs.getString(1) != null) {
                                queue = rs.getString(1);
                            }
                        }
                        batch.addAfterCallWork(a.siteId(), a.agentId(), queue, start, a.millisInPreviousState());
                    }
                }
            }
        }
    }

    private void addCalls(Connection connection, RollupBatch batch, List<CallDetailRecord> calls) throws SQLException {
        List<CallDetailRecord> counted = calls.stream().filter(RollupBatch::counts).toList();
        if (counted.isEmpty()) {
            return;
        }
        Map<String, List<CallSegment>> segments = segmentsOf(connection, counted);
        Map<String, Duration> serviceLevels = new HashMap<>();
        try (PreparedStatement ps = connection.prepareStatement(SERVICE_LEVEL)) {
            for (CallDetailRecord c : counted) {
                String key = key(c.siteId(), c.queueId());
                Duration sl = serviceLevels.get(key);
                if (sl == null) {
                    ps.setString(1, c.siteId());
                    ps.setString(2, c.queueId());
                    try (ResultSet rs = ps.executeQuery()) {
                        sl = rs.next() ? Duration.ofSeconds(rs.getInt(1)) : settings.defaultServiceLevel();
                    }
                    serviceLevels.put(key, sl);
                }
                batch.addCall(c, segments.getOrDefault(c.callId(), List.of()), sl);
            }
        }
    }

    private static Map<String, List<CallSegment>> segmentsOf(Connection connection, List<CallDetailRecord> calls)
            throws SQLException {
        Map<String, List<CallSegment>> byCall = new HashMap<>();
        List<String> ids = calls.stream().map(CallDetailRecord::callId).distinct().toList();
        for (int from = 0; from < ids.size(); from += IN_LIST) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + IN_LIST));
            String sql = "SELECT record_id, site_id, call_id, seq_no, kind, agent_id, device, queue_id, started_at, ended_at,"
                    + " outcome FROM call_segments WHERE call_id IN (" + "?, ".repeat(chunk.size() - 1) + "?)"
                    + " AND kind IN ('TALK', 'HOLD')";
            try (PreparedStatement ps = connection.prepareStatement(sql)) {
                for (int i = 0; i < chunk.size(); i++) {
                    ps.setString(i + 1, chunk.get(i));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        CallSegment s = new CallSegment(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4),
                                SegmentKind.valueOf(rs.getString(5)), rs.getString(6), rs.getString(7), rs.getString(8),
                                instant(rs, 9), instant(rs, 10), rs.getString(11));
                        byCall.computeIfAbsent(s.callId(), k -> new ArrayList<>()).add(s);
                    }
                }
            }
        }
        return byCall;
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        LocalDateTime t = rs.getObject(column, LocalDateTime.class);
        return t == null ? null : t.toInstant(ZoneOffset.UTC);
    }

    private static String key(String site, String id) {
        return site + '\u0000' + id;
    }

    private record Last(String state, String reason) {}
}

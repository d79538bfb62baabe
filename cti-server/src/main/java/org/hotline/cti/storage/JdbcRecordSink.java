package org.hotline.cti.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import org.hotline.cti.agents.AgentStateChange;
import org.hotline.cti.calls.CallDetailRecord;
import org.hotline.cti.calls.CallSegment;
import org.hotline.cti.calls.IvrVisit;
import org.hotline.cti.stats.RollupSettings;
import org.hotline.cti.stats.RollupWriter;

import static java.util.Objects.requireNonNull;

/**
 * Writes outbox batches with plain JDBC batch inserts (no entity state to manage for
 * append-only rows). {@code ON DUPLICATE KEY UPDATE} on the unique record id, understood by
 * MySQL, MariaDB and H2 in MySQL mode, makes a replayed record a no-op, while other errors
 * (too long a value) still fail, unlike {@code INSERT IGNORE}.
 *
 * <p>The report rollups (calls, agent states, IVR visits) are updated in the same transaction
 * (ADR 0011): the records of the batch that were not in the database before it are handed to
 * the {@link RollupWriter}, so replaying a batch changes neither the raw rows nor the rollups.
 */
final class JdbcRecordSink implements RecordSink {
    private static final String INSERT_CALL = """
            INSERT INTO call_detail_records (record_id, site_id, call_id, direction, caller_number, dialled_number,
                queue_id, agent_id, started_at, answered_at, ended_at, queue_wait_ms, outcome, recording_path)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON DUPLICATE KEY UPDATE record_id = record_id""";
    private static final String INSERT_CALL_DATA = """
            INSERT INTO call_detail_data (cdr_record_id, data_key, data_value) VALUES (?, ?, ?)
            ON DUPLICATE KEY UPDATE data_key = data_key""";
    private static final String INSERT_SEGMENT = """
            INSERT INTO call_segments (record_id, site_id, call_id, seq_no, kind, agent_id, device, queue_id,
                started_at, ended_at, outcome)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON DUPLICATE KEY UPDATE record_id = record_id""";
    private static final String INSERT_STATE = """
            INSERT INTO agent_state_log (record_id, site_id, agent_id, from_state, to_state, reason_code, changed_at,
                millis_in_previous)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            ON DUPLICATE KEY UPDATE record_id = record_id""";

    private static final String INSERT_IVR_VISIT = """
            INSERT INTO ivr_visits (record_id, site_id, call_id, caller_number, dialled_number, started_at, ended_at,
                menu_path, queue_id, outcome)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON DUPLICATE KEY UPDATE record_id = record_id""";

    private static final DateTimeFormatter DATETIME_UTC =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS").withZone(ZoneOffset.UTC);

    private static final int IN_LIST = 200;

    private final DataSource dataSource;
    private final RollupWriter rollups;

    JdbcRecordSink(DataSource dataSource) {
        this(dataSource, new RollupWriter(RollupSettings.defaults()));
    }

    JdbcRecordSink(DataSource dataSource, RollupWriter rollups) {
        this.dataSource = requireNonNull(dataSource, "dataSource");
        this.rollups = requireNonNull(rollups, "rollups");
    }

    @Override
    public void write(List<Object> records) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement calls = connection.prepareStatement(INSERT_CALL);
                 PreparedStatement data = connection.prepareStatement(INSERT_CALL_DATA);
                 PreparedStatement segments = connection.prepareStatement(INSERT_SEGMENT);
                 PreparedStatement states = connection.prepareStatement(INSERT_STATE);
                 PreparedStatement visits = connection.prepareStatement(INSERT_IVR_VISIT)) {
                Map<String, CallDetailRecord> batchCalls = new LinkedHashMap<>();
                List<AgentStateChange> batchStates = new ArrayList<>();
                Map<String, IvrVisit> batchVisits = new LinkedHashMap<>();
                for (Object record : records) {
                    if (record instanceof CallDetailRecord c) {
                        batchCalls.putIfAbsent(c.recordId(), c);
                    } else if (record instanceof AgentStateChange a) {
                        batchStates.add(a);
                    } else if (record instanceof IvrVisit v) {
                        batchVisits.putIfAbsent(v.recordId(), v);
                    }
                }
                Set<String> storedCalls = existing(connection, "call_detail_records", batchCalls.keySet());
                Set<String> storedVisits = existing(connection, "ivr_visits", batchVisits.keySet());
                Set<String> newStates = new HashSet<>();
                batchStates.forEach(a -> newStates.add(a.recordId()));
                newStates.removeAll(existing(connection, "agent_state_log", newStates));
                RollupWriter.Pass rollup = rollups.begin(connection, batchStates);
                int callCount = 0;
                int dataCount = 0;
                int segmentCount = 0;
                int stateCount = 0;
                int visitCount = 0;
                for (Object record : records) {
                    if (record instanceof CallDetailRecord c) {
                        bindCall(calls, c);
                        calls.addBatch();
                        callCount++;
                        for (Map.Entry<String, String> e : c.data().entrySet()) {
                            data.setString(1, c.recordId());
                            data.setString(2, e.getKey());
                            data.setString(3, e.getValue());
                            data.addBatch();
                            dataCount++;
                        }
                    } else if (record instanceof CallSegment s) {
                        bindSegment(segments, s);
                        segments.addBatch();
                        segmentCount++;
                    } else if (record instanceof AgentStateChange a) {
                        bindState(states, a);
                        states.addBatch();
                        stateCount++;
                    } else if (record instanceof IvrVisit v) {
                        bindVisit(visits, v);
                        visits.addBatch();
                        visitCount++;
                    } else {
                        throw new IllegalArgumentException("record: " + record.getClass().getName()
                                + " (expected: CallSegment, CallDetailRecord, AgentStateChange or IvrVisit)");
                    }
                }
                if (callCount > 0) {
                    calls.executeBatch();
                }
                if (dataCount > 0) {
                    data.executeBatch();
                }
                if (segmentCount > 0) {
                    segments.executeBatch();
                }
                if (stateCount > 0) {
                    states.executeBatch();
                }
                if (visitCount > 0) {
                    visits.executeBatch();
                }
                List<CallDetailRecord> newCalls = batchCalls.values().stream()
                        .filter(c -> !storedCalls.contains(c.recordId())).toList();
                List<IvrVisit> newVisits = batchVisits.values().stream()
                        .filter(v -> !storedVisits.contains(v.recordId())).toList();
                rollup.finish(connection, newCalls, batchStates, newStates, newVisits);
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(connection, e);
                throw e;
            }
        }
    }

    /** The record ids among {@code ids} already in {@code table}: their rollups are counted. */
    private static Set<String> existing(Connection connection, String table, Set<String> ids) throws SQLException {
        Set<String> found = new HashSet<>();
        List<String> all = new ArrayList<>(ids);
        for (int from = 0; from < all.size(); from += IN_LIST) {
            List<String> chunk = all.subList(from, Math.min(all.size(), from + IN_LIST));
            String sql = "SELECT record_id FROM " + table + " WHERE record_id IN (" + "?, ".repeat(chunk.size() - 1) + "?)";
            try (PreparedStatement ps = connection.prepareStatement(sql)) {
                for (int i = 0; i < chunk.size(); i++) {
                    ps.setString(i + 1, chunk.get(i));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        found.add(rs.getString(1));
                    }
                }
            }
        }
        return found;
    }

    @Override
    public boolean isAvailable() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(2);
        } catch (SQLException | RuntimeException e) {
            return false;
        }
    }

    private static void bindCall(PreparedStatement ps, CallDetailRecord c) throws SQLException {
        ps.setString(1, c.recordId());
        ps.setString(2, c.siteId());
        ps.setString(3, c.callId());
        ps.setString(4, c.direction().name());
        ps.setString(5, c.callerNumber());
        ps.setString(6, c.dialledNumber());
        ps.setString(7, c.queueId());
        ps.setString(8, c.agentId());
        setInstant(ps, 9, c.startedAt());
        setInstant(ps, 10, c.answeredAt());
        setInstant(ps, 11, c.endedAt());
        ps.setLong(12, c.queueWaitMillis());
        ps.setString(13, c.outcome());
        ps.setString(14, c.recordingPath());
    }

    private static void bindSegment(PreparedStatement ps, CallSegment s) throws SQLException {
        ps.setString(1, s.recordId());
        ps.setString(2, s.siteId());
        ps.setString(3, s.callId());
        ps.setInt(4, s.sequence());
        ps.setString(5, s.kind().name());
        ps.setString(6, s.agentId());
        ps.setString(7, s.device());
        ps.setString(8, s.queueId());
        setInstant(ps, 9, s.startedAt());
        setInstant(ps, 10, s.endedAt());
        ps.setString(11, s.outcome());
    }

    private static void bindState(PreparedStatement ps, AgentStateChange a) throws SQLException {
        ps.setString(1, a.recordId());
        ps.setString(2, a.siteId());
        ps.setString(3, a.agentId());
        ps.setString(4, a.from().name());
        ps.setString(5, a.to().name());
        ps.setString(6, a.reasonCode());
        setInstant(ps, 7, a.at());
        ps.setLong(8, a.millisInPreviousState());
    }

    private static void bindVisit(PreparedStatement ps, IvrVisit v) throws SQLException {
        ps.setString(1, v.recordId());
        ps.setString(2, v.siteId());
        ps.setString(3, v.callId());
        ps.setString(4, v.callerNumber());
        ps.setString(5, v.dialledNumber());
        setInstant(ps, 6, v.startedAt());
        setInstant(ps, 7, v.endedAt());
        ps.setString(8, v.menuPath());
        ps.setString(9, v.queueId());
        ps.setString(10, v.outcome().name());
    }

    /**
     * DATETIME holds UTC (as Hibernate's {@code hibernate.jdbc.time_zone=UTC} reads it back). Bound
     * as a literal because mysql-connector-j takes MariaDB 10 for MySQL 5.5.5 (its handshake
     * prefix) and would drop the milliseconds of a {@code setTimestamp}.
     */
    private static void setInstant(PreparedStatement ps, int index, Instant value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.TIMESTAMP);
        } else {
            ps.setString(index, DATETIME_UTC.format(value));
        }
    }

    private static void rollbackQuietly(Connection connection, Exception cause) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }
}

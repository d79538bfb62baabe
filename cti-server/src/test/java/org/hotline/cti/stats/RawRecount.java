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
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import javax.sql.DataSource;

import org.hotline.cti.agents.AgentState;

/**
 * The report figures recomputed straight from call_detail_records, call_segments and
 * agent_state_log, without the rollup tables: what the reports must agree with. State time is
 * cut at the report's own bucket boundaries here (the rollups cut at quarter hours and add up).
 */
final class RawRecount {
    record Key(Instant bucket, String key) implements Comparable<Key> {
        @Override
        public int compareTo(Key o) {
            int c = bucket.compareTo(o.bucket);
            return c != 0 ? c : key.compareTo(o.key);
        }
    }

    private record Call(String callId, String direction, String queueId, String agentId, Instant startedAt,
                        Instant answeredAt, long waitMs, String outcome) {}

    private record Segment(long id, String callId, int seq, String kind, String agentId, String queueId,
                           Instant startedAt, Instant endedAt, String outcome) {}

    private record Change(String agentId, String from, String to, String reason, Instant at, long millis) {}

    private final ZoneId zone;
    private final Duration shortAbandon;
    private final List<Call> calls = new ArrayList<>();
    private final Map<String, List<Segment>> segmentsByCall = new HashMap<>();
    private final Map<String, List<Segment>> talkByAgent = new HashMap<>();
    private final List<Change> changes = new ArrayList<>();
    private final Map<String, Integer> serviceLevelSeconds = new HashMap<>();
    private final Map<String, String> teams = new HashMap<>();

    RawRecount(DataSource dataSource, String site, ZoneId zone, Duration shortAbandon) throws SQLException {
        this.zone = zone;
        this.shortAbandon = shortAbandon;
        try (Connection c = dataSource.getConnection()) {
            query(c, "SELECT call_id, direction, queue_id, agent_id, started_at, answered_at, queue_wait_ms, outcome"
                    + " FROM call_detail_records WHERE site_id = ?", site, rs -> calls.add(new Call(rs.getString(1),
                    rs.getString(2), rs.getString(3), rs.getString(4), t(rs, 5), t(rs, 6), rs.getLong(7), rs.getString(8))));
            query(c, "SELECT id, call_id, seq_no, kind, agent_id, queue_id, started_at, ended_at, outcome FROM call_segments"
                    + " WHERE site_id = ?", site, rs -> {
                Segment s = new Segment(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), t(rs, 7), t(rs, 8), rs.getString(9));
                segmentsByCall.computeIfAbsent(s.callId(), k -> new ArrayList<>()).add(s);
                if (s.kind().equals("TALK") && s.agentId() != null) {
                    talkByAgent.computeIfAbsent(s.agentId(), k -> new ArrayList<>()).add(s);
                }
            });
            query(c, "SELECT agent_id, from_state, to_state, reason_code, changed_at, millis_in_previous FROM agent_state_log"
                    + " WHERE site_id = ? ORDER BY agent_id, changed_at, id", site, rs -> changes.add(new Change(
                    rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), t(rs, 5), rs.getLong(6))));
            query(c, "SELECT queue_id, service_level_seconds FROM queues WHERE site_id = ?", site,
                    rs -> serviceLevelSeconds.put(rs.getString(1), rs.getInt(2)));
            query(c, "SELECT agent_id, team_id FROM users WHERE site_id = ?", site,
                    rs -> teams.put(rs.getString(1), rs.getString(2)));
        }
        segmentsByCall.values().forEach(l -> l.sort((a, b) -> Integer.compare(a.seq(), b.seq())));
    }

    int callRecords() {
        return calls.size();
    }

    /** Expected call figures per bucket and queue/agent/team, in {@link RollupBatch#CALL_COLUMNS} order. */
    Map<Key, long[]> calls(Grouping grouping, Granularity granularity, Instant from, Instant to) {
        Map<Key, long[]> out = new TreeMap<>();
        for (Call c : calls) {
            if (!c.direction().equals("INBOUND") || c.queueId() == null || c.queueId().isEmpty()
                    || c.outcome().equals("blocked") || c.outcome().equals("closed")
                    || c.startedAt().isBefore(from) || !c.startedAt().isBefore(to)) {
                continue;
            }
            Instant bucket = bucket(granularity, c.startedAt());
            List<Segment> segs = segmentsByCall.getOrDefault(c.callId(), List.of());
            // Agent legs: every agent with a finished talk segment, in the order they answered.
            Map<String, long[]> legs = new java.util.LinkedHashMap<>();
            for (Segment s : segs) {
                if (s.kind().equals("TALK") && s.endedAt() != null) {
                    long[] leg = legs.computeIfAbsent(nz(s.agentId()), k -> new long[14]);
                    leg[7] = 1;
                    leg[10] += ms(s);
                    if ("transferred".equals(s.outcome())) {
                        leg[8] = 1;
                    }
                }
            }
            for (Segment s : segs) {
                long[] leg = legs.get(nz(s.agentId()));
                if (s.kind().equals("HOLD") && s.endedAt() != null && leg != null) {
                    leg[11] += ms(s);
                    leg[9] = 1;
                }
            }
            legs.values().forEach(leg -> leg[10] = Math.max(0, leg[10] - leg[11]));
            String answeredBy = legs.isEmpty() ? (c.answeredAt() != null ? nz(c.agentId()) : "")
                    : legs.keySet().iterator().next();
            long[] v = new long[14];
            v[0] = 1;
            if (c.answeredAt() != null) {
                v[1] = 1;
                v[5] = c.waitMs();
                int sl = serviceLevelSeconds.getOrDefault(c.queueId(), 20);
                v[2] = c.waitMs() <= sl * 1000L ? 1 : 0;
            } else if (c.outcome().equals("abandoned")) {
                v[3] = 1;
                v[6] = c.waitMs();
                v[4] = c.waitMs() < shortAbandon.toMillis() ? 1 : 0;
            }
            add(out, grouping, bucket, c.queueId(), answeredBy, v);
            legs.forEach((agent, leg) -> add(out, grouping, bucket, c.queueId(), agent, leg));
        }
        for (Change ch : changes) {
            if (!ch.from().equals("AFTER_CALL_WORK") || ch.millis() <= 0) {
                continue;
            }
            Instant start = ch.at().minusMillis(ch.millis());
            if (start.isBefore(from) || !start.isBefore(to)) {
                continue;
            }
            Segment last = null;
            for (Segment s : talkByAgent.getOrDefault(ch.agentId(), List.of())) {
                if (!s.startedAt().isAfter(start) && (last == null || s.startedAt().isAfter(last.startedAt())
                        || (s.startedAt().equals(last.startedAt()) && s.id() > last.id()))) {
                    last = s;
                }
            }
            long[] v = new long[14];
            v[12] = 1;
            v[13] = ch.millis();
            add(out, grouping, bucket(granularity, start), last == null ? "" : nz(last.queueId()), ch.agentId(), v);
        }
        return out;
    }

    /** Expected milliseconds per bucket, agent/team, state and reason ("" unless NotReady). */
    Map<Key, Map<String, Long>> states(Grouping grouping, Granularity granularity, Instant from, Instant to) {
        Map<Key, Map<String, Long>> out = new TreeMap<>();
        Map<String, Change> previous = new HashMap<>();
        for (Change ch : changes) {
            Change before = previous.put(ch.agentId(), ch);
            if (ch.from().equals("LOGGED_OUT") || ch.millis() <= 0) {
                continue;
            }
            String reason = ch.from().equals("NOT_READY") && before != null && before.to().equals("NOT_READY")
                    ? nz(before.reason()) : "";
            String key = grouping == Grouping.TEAM ? teams.getOrDefault(ch.agentId(), "") : ch.agentId();
            Instant start = ch.at().minusMillis(ch.millis());
            // Cut the period at this report's bucket boundaries.
            Instant cursor = start.isBefore(from) ? from : start;
            Instant end = ch.at().isAfter(to) ? to : ch.at();
            while (cursor.isBefore(end)) {
                Instant bucket = bucket(granularity, cursor);
                Instant next = nextBucket(granularity, bucket);
                Instant pieceEnd = next.isBefore(end) ? next : end;
                out.computeIfAbsent(new Key(bucket, key), k -> new TreeMap<>())
                        .merge(ch.from() + "/" + reason, pieceEnd.toEpochMilli() - cursor.toEpochMilli(), Long::sum);
                cursor = pieceEnd;
            }
        }
        return out;
    }

    static Map<String, Long> flatten(StateFigures f) {
        Map<String, Long> m = new TreeMap<>();
        f.millisByState().forEach((state, ms) -> {
            if (state != AgentState.NOT_READY) {
                m.put(state.name() + "/", ms);
            }
        });
        f.notReadyMillisByReason().forEach((reason, ms) -> m.put("NOT_READY/" + reason, ms));
        return m;
    }

    private void add(Map<Key, long[]> out, Grouping grouping, Instant bucket, String queue, String agent, long[] v) {
        String key = switch (grouping) {
            case QUEUE -> queue;
            case AGENT -> agent;
            case TEAM -> agent.isEmpty() ? "" : teams.getOrDefault(agent, "");
        };
        if ((grouping == Grouping.QUEUE ? queue : agent).isEmpty()) {
            return;
        }
        long[] sum = out.computeIfAbsent(new Key(bucket, key), k -> new long[14]);
        for (int i = 0; i < v.length; i++) {
            sum[i] += v[i];
        }
    }

    private Instant bucket(Granularity g, Instant t) {
        ZonedDateTime z = t.atZone(zone);
        return switch (g) {
            case MINUTES_15, MINUTES_30, MINUTES_60 -> {
                ZonedDateTime midnight = z.truncatedTo(ChronoUnit.DAYS);
                long minutes = Duration.between(midnight, z).toMinutes();
                yield midnight.plusMinutes(minutes - minutes % g.minutes()).toInstant();
            }
            case DAY -> z.toLocalDate().atStartOfDay(zone).toInstant();
            case MONTH -> z.toLocalDate().withDayOfMonth(1).atStartOfDay(zone).toInstant();
            case YEAR -> LocalDate.of(z.getYear(), 1, 1).atStartOfDay(zone).toInstant();
        };
    }

    private Instant nextBucket(Granularity g, Instant bucket) {
        ZonedDateTime z = bucket.atZone(zone);
        return switch (g) {
            case MINUTES_15, MINUTES_30, MINUTES_60 -> bucket.plus(Duration.ofMinutes(g.minutes()));
            case DAY -> z.plusDays(1).toInstant();
            case MONTH -> z.plusMonths(1).toInstant();
            case YEAR -> z.plusYears(1).toInstant();
        };
    }

    private static long ms(Segment s) {
        return Math.max(0, s.endedAt().toEpochMilli() - s.startedAt().toEpochMilli());
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static Instant t(ResultSet rs, int column) throws SQLException {
        LocalDateTime v = rs.getObject(column, LocalDateTime.class);
        return v == null ? null : v.toInstant(ZoneOffset.UTC);
    }

    @FunctionalInterface
    private interface Row {
        void accept(ResultSet rs) throws SQLException;
    }

    private static void query(Connection c, String sql, String site, Row row) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, site);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    row.accept(rs);
                }
            }
        }
    }

}

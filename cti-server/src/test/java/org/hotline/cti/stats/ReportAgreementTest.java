package org.hotline.cti.stats;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.hotline.cti.agents.AgentStateChange;
import org.hotline.cti.calls.CallDetailRecord;
import org.hotline.cti.calls.CallSegment;
import org.hotline.cti.storage.Database;
import org.hotline.cti.storage.DurableOutbox;
import org.hotline.cti.storage.OutboxSettings;
import org.hotline.cti.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every report figure agrees with a recomputation from the raw call detail records, segments and
 * state log, after four days of generated traffic went through the real durable outbox and JDBC
 * sink in small batches (so a call's segments and its record often land in different
 * transactions), on H2 and on MariaDB.
 */
class ReportAgreementTest {
    static final String SITE = "rep";
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final RollupSettings SETTINGS = new RollupSettings(ZONE, Duration.ofSeconds(5), Duration.ofSeconds(20));
    /** Across a month end, so month buckets split the data. */
    static final LocalDate FIRST_DAY = LocalDate.of(2027, 1, 30);
    static final int DAYS = 4;

    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    abstract static class Contract {
        private Path dir;
        private TestDatabase testDatabase;
        private Database database;
        private Reports reports;
        private RawRecount raw;
        private List<Object> traffic;
        private final Instant from = FIRST_DAY.atStartOfDay(ZONE).toInstant();
        private final Instant to = FIRST_DAY.plusDays(DAYS).atStartOfDay(ZONE).toInstant();
        /** Month and year buckets read the monthly rollups: their ranges start on the first of a month. */
        private final Instant monthFrom = FIRST_DAY.withDayOfMonth(1).atStartOfDay(ZONE).toInstant();
        private final Instant monthTo = FIRST_DAY.plusDays(DAYS).withDayOfMonth(1).plusMonths(1).atStartOfDay(ZONE).toInstant();

        protected abstract TestDatabase.Kind kind();

        @BeforeAll
        void deliverTraffic() throws Exception {
            dir = Files.createTempDirectory("hotline-reports");
            testDatabase = TestDatabase.create(kind(), dir);
            database = Database.open(testDatabase.config());
            seedDirectory();
            traffic = CallTraffic.generate(SITE, ZONE, FIRST_DAY, DAYS, 7);
            deliver(dir.resolve("outbox"), traffic);
            reports = new Reports(database.dataSource(), SETTINGS);
            raw = new RawRecount(database.dataSource(), SITE, ZONE, SETTINGS.shortAbandon());
        }

        @AfterAll
        void close() throws Exception {
            if (database != null) {
                database.close();
            }
            if (testDatabase != null) {
                testDatabase.close();
            }
        }

        @Test
        void theTrafficHasEveryKindOfCall() {
            long calls = traffic.stream().filter(r -> r instanceof CallDetailRecord).count();
            assertThat(raw.callRecords()).as("call records stored").isEqualTo((int) calls);
            Map<RawRecount.Key, long[]> perQueue = raw.calls(Grouping.QUEUE, Granularity.YEAR, from, to);
            long[] total = new long[RollupBatch.CALL_COLUMNS.size()];
            perQueue.values().forEach(v -> {
                for (int i = 0; i < v.length; i++) {
                    total[i] += v[i];
                }
            });
            assertThat(total[RollupBatch.ANSWERED]).as("answered").isGreaterThan(1000);
            assertThat(total[RollupBatch.SHORT_ABANDONED]).as("short abandons").isGreaterThan(50);
            assertThat(total[RollupBatch.ABANDONED] - total[RollupBatch.SHORT_ABANDONED]).as("long abandons").isGreaterThan(100);
            assertThat(total[RollupBatch.TRANSFERRED]).as("transferred").isGreaterThan(50);
            assertThat(total[RollupBatch.HELD]).as("held").isGreaterThan(200);
            assertThat(total[RollupBatch.ACW_COUNT]).as("after-call work").isGreaterThan(1000);
            assertThat(total[RollupBatch.ANSWERED_IN_SL]).as("within service level")
                    .isBetween(1L, total[RollupBatch.ANSWERED] - 1);
        }

        @Test
        void callFiguresPerQueueAgreeWithTheRawRecords() {
            checkCalls(Grouping.QUEUE);
        }

        @Test
        void callFiguresPerAgentAgreeWithTheRawRecords() {
            checkCalls(Grouping.AGENT);
        }

        @Test
        void callFiguresPerTeamAgreeWithTheRawRecords() {
            checkCalls(Grouping.TEAM);
        }

        @Test
        void agentStateFiguresAgreeWithTheStateLog() {
            Instant dayTwo = from.plus(Duration.ofDays(1));
            for (Grouping grouping : List.of(Grouping.AGENT, Grouping.TEAM)) {
                checkStates(grouping, Granularity.MINUTES_15, dayTwo, dayTwo.plus(Duration.ofDays(1)));
                checkStates(grouping, Granularity.MINUTES_30, dayTwo, dayTwo.plus(Duration.ofDays(1)));
                checkStates(grouping, Granularity.MINUTES_60, from, to);
                checkStates(grouping, Granularity.DAY, from, to);
                checkStates(grouping, Granularity.MONTH, monthFrom, monthTo);
                checkStates(grouping, Granularity.YEAR, monthFrom, monthTo);
            }
        }

        @Test
        void derivedRatesFollowFromTheRawCounts() {
            Map<RawRecount.Key, long[]> expected = raw.calls(Grouping.QUEUE, Granularity.MONTH, monthFrom, monthTo);
            for (Reports.CallRow row : reports.calls(SITE, Grouping.QUEUE, Granularity.MONTH, monthFrom, monthTo)) {
                long[] e = expected.get(new RawRecount.Key(row.bucketStart(), row.key()));
                CallFigures f = row.figures();
                assertThat(f.serviceLevelPercent()).as("service level of %s", row.key()).isCloseTo(
                        100.0 * e[RollupBatch.ANSWERED_IN_SL] / (e[RollupBatch.OFFERED] - e[RollupBatch.SHORT_ABANDONED]),
                        org.assertj.core.data.Offset.offset(1e-9));
                assertThat(f.averageSpeedOfAnswerSeconds()).as("ASA of %s", row.key())
                        .isCloseTo(e[RollupBatch.ANSWER_WAIT_MS] / 1000.0 / e[RollupBatch.ANSWERED],
                                org.assertj.core.data.Offset.offset(1e-9));
                assertThat(f.averageHandleSeconds()).as("AHT of %s", row.key()).isCloseTo(
                        (e[RollupBatch.TALK_MS] + e[RollupBatch.HOLD_MS] + e[RollupBatch.ACW_MS]) / 1000.0
                                / e[RollupBatch.HANDLED], org.assertj.core.data.Offset.offset(1e-9));
            }
        }

        @Test
        void replayingDeliveredRecordsChangesNoFigure() throws Exception {
            List<Reports.CallRow> calls = reports.calls(SITE, Grouping.AGENT, Granularity.DAY, from, to);
            List<Reports.StateRow> states = reports.states(SITE, Grouping.AGENT, Granularity.DAY, from, to);
            long rollupRows = count("report_call_interval");
            // As after a crash between commit and checkpoint: the same records (same ids) once more,
            // in other batch boundaries.
            deliver(dir.resolve("outbox-replay"), traffic.subList(traffic.size() / 3, traffic.size()));

            assertThat(reports.calls(SITE, Grouping.AGENT, Granularity.DAY, from, to)).isEqualTo(calls);
            assertThat(reports.states(SITE, Grouping.AGENT, Granularity.DAY, from, to)).isEqualTo(states);
            assertThat(count("report_call_interval")).isEqualTo(rollupRows);
        }

        @Test
        void rangesOffTheRollupGridAreRefused() {
            assertThatThrownBy(() -> reports.calls(SITE, Grouping.QUEUE, Granularity.MINUTES_15, from.plusSeconds(60), to))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("quarter hour");
            assertThatThrownBy(() -> reports.calls(SITE, Grouping.QUEUE, Granularity.DAY, from.plusSeconds(900), to))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("midnight in the report zone");
            assertThatThrownBy(() -> reports.calls(SITE, Grouping.AGENT, Granularity.MONTH, from, to))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("first of a month");
            assertThatThrownBy(() -> reports.states(SITE, Grouping.QUEUE, Granularity.DAY, from, to))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("expected: AGENT or TEAM");
        }

        private void checkCalls(Grouping grouping) {
            Instant dayOne = from;
            checkCalls(grouping, Granularity.MINUTES_15, dayOne, dayOne.plus(Duration.ofDays(1)));
            checkCalls(grouping, Granularity.MINUTES_30, dayOne, dayOne.plus(Duration.ofDays(2)));
            checkCalls(grouping, Granularity.MINUTES_60, from, to);
            checkCalls(grouping, Granularity.DAY, from, to);
            checkCalls(grouping, Granularity.MONTH, monthFrom, monthTo);
            checkCalls(grouping, Granularity.YEAR, monthFrom, monthTo);
        }

        private void checkCalls(Grouping grouping, Granularity granularity, Instant rangeFrom, Instant rangeTo) {
            Map<RawRecount.Key, CallFigures> expected = new TreeMap<>();
            raw.calls(grouping, granularity, rangeFrom, rangeTo).forEach((k, v) -> expected.put(k, CallFigures.of(v)));
            Map<RawRecount.Key, CallFigures> actual = new TreeMap<>();
            for (Reports.CallRow r : reports.calls(SITE, grouping, granularity, rangeFrom, rangeTo)) {
                assertThat(actual.put(new RawRecount.Key(r.bucketStart(), r.key()), r.figures())).as("one row per bucket and key")
                        .isNull();
            }
            assertThat(expected).as("expected rows for %s per %s", grouping, granularity).isNotEmpty();
            assertThat(actual).as("calls by %s per %s", grouping, granularity).isEqualTo(expected);
        }

        private void checkStates(Grouping grouping, Granularity granularity, Instant rangeFrom, Instant rangeTo) {
            Map<RawRecount.Key, Map<String, Long>> expected = raw.states(grouping, granularity, rangeFrom, rangeTo);
            Map<RawRecount.Key, Map<String, Long>> actual = new TreeMap<>();
            for (Reports.StateRow r : reports.states(SITE, grouping, granularity, rangeFrom, rangeTo)) {
                actual.put(new RawRecount.Key(r.bucketStart(), r.key()), RawRecount.flatten(r.figures()));
            }
            assertThat(expected).as("expected state rows for %s per %s", grouping, granularity).isNotEmpty();
            assertThat(actual).as("states by %s per %s", grouping, granularity).isEqualTo(expected);
        }

        private void deliver(Path journal, List<Object> records) {
            // Small batches: a call's segments and its record often end up in different transactions.
            try (DurableOutbox outbox = DurableOutbox.open(journal, database.dataSource(),
                    OutboxSettings.defaults().withMaxBatch(97), SETTINGS)) {
                for (Object r : records) {
                    if (r instanceof CallSegment s) {
                        outbox.segmentEnded(s);
                    } else if (r instanceof CallDetailRecord c) {
                        outbox.callEnded(c, () -> {});
                    } else {
                        outbox.agentStateChanged((AgentStateChange) r);
                    }
                }
                assertThat(outbox.awaitDelivered(Duration.ofSeconds(120))).as("delivered within 120 s").isTrue();
                assertThat(outbox.rejected()).as("records refused").isZero();
            }
        }

        private long count(String table) throws Exception {
            try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
                rs.next();
                return rs.getLong(1);
            }
        }

        private void seedDirectory() throws Exception {
            Map<String, Integer> serviceLevels = new LinkedHashMap<>();
            serviceLevels.put("general", 20);
            serviceLevels.put("billing", 30);
            serviceLevels.put("repair", 15);
            String now = "2027-01-01 00:00:00.000";
            try (Connection c = database.dataSource().getConnection()) {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO queues (site_id, queue_id, name, priority,"
                        + " overflow_after_seconds, service_level_seconds, time_zone, version, created_at, updated_at)"
                        + " VALUES (?, ?, ?, 5, 60, ?, 'Asia/Shanghai', 0, ?, ?)")) {
                    for (Map.Entry<String, Integer> q : serviceLevels.entrySet()) {
                        ps.setString(1, SITE);
                        ps.setString(2, q.getKey());
                        ps.setString(3, q.getKey());
                        ps.setInt(4, q.getValue());
                        ps.setString(5, now);
                        ps.setString(6, now);
                        ps.executeUpdate();
                    }
                }
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO users (site_id, agent_id, name, role, extension,"
                        + " team_id, password_hash, failed_logins, locked, version, created_at, updated_at)"
                        + " VALUES (?, ?, ?, 'AGENT', ?, ?, 'x', 0, FALSE, 0, ?, ?)")) {
                    for (String agent : List.of("a1", "a2", "a3", "a4", "a5", "a6", CallTraffic.BACK_OFFICE)) {
                        ps.setString(1, SITE);
                        ps.setString(2, agent);
                        ps.setString(3, agent);
                        ps.setString(4, "ext-" + agent);
                        ps.setString(5, agent.equals(CallTraffic.BACK_OFFICE) ? "office" : agent.compareTo("a4") < 0 ? "t1" : "t2");
                        ps.setString(6, now);
                        ps.setString(7, now);
                        ps.executeUpdate();
                    }
                }
            }
        }
    }

    @Nested
    class OnH2 extends Contract {
        @Override
        protected TestDatabase.Kind kind() {
            return TestDatabase.Kind.H2;
        }
    }

    @Nested
    class OnMariaDb extends Contract {
        @Override
        protected TestDatabase.Kind kind() {
            return TestDatabase.Kind.MARIADB;
        }
    }
}

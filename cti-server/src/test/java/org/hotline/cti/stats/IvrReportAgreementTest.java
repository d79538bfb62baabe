package org.hotline.cti.stats;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

import org.hotline.cti.calls.IvrVisit;
import org.hotline.cti.storage.Database;
import org.hotline.cti.storage.DurableOutbox;
import org.hotline.cti.storage.OutboxSettings;
import org.hotline.cti.switching.IvrOutcome;
import org.hotline.cti.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every IVR report figure agrees with a recount straight from the raw {@code ivr_visits} rows,
 * after four days of generated visits (every outcome, several menu paths, visits across quarter
 * hours, midnight and a month end) went through the real durable outbox and JDBC sink in small
 * batches, on H2 and on MariaDB; replaying delivered visits changes nothing.
 */
class IvrReportAgreementTest {
    static final String SITE = "ivr";
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final RollupSettings SETTINGS = new RollupSettings(ZONE, Duration.ofSeconds(5), Duration.ofSeconds(20));
    static final LocalDate FIRST_DAY = LocalDate.of(2027, 1, 30);
    static final int DAYS = 4;
    static final List<String> PATHS = List.of("1", "2", "3", "3>1", "3>2", "4", "0", "");

    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    abstract static class Contract {
        private Path dir;
        private TestDatabase testDatabase;
        private Database database;
        private Reports reports;
        private List<IvrVisit> visits;
        private final Instant from = FIRST_DAY.atStartOfDay(ZONE).toInstant();
        private final Instant to = FIRST_DAY.plusDays(DAYS).atStartOfDay(ZONE).toInstant();
        private final Instant monthFrom = FIRST_DAY.withDayOfMonth(1).atStartOfDay(ZONE).toInstant();
        private final Instant monthTo = FIRST_DAY.plusDays(DAYS).withDayOfMonth(1).plusMonths(1).atStartOfDay(ZONE).toInstant();

        protected abstract TestDatabase.Kind kind();

        @BeforeAll
        void deliverVisits() throws Exception {
            dir = Files.createTempDirectory("hotline-ivr-reports");
            testDatabase = TestDatabase.create(kind(), dir);
            database = Database.open(testDatabase.config());
            visits = generate(3_000, 11);
            deliver(dir.resolve("outbox"), visits);
            reports = new Reports(database.dataSource(), SETTINGS);
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
        void theVisitsHaveEveryOutcome() throws Exception {
            long[] total = new long[RollupBatch.IVR_COLUMNS.size()];
            rawRecount(Granularity.YEAR, monthFrom, monthTo).values().forEach(v -> {
                for (int i = 0; i < v.length; i++) {
                    total[i] += v[i];
                }
            });
            assertThat(total[RollupBatch.IVR_VISITS]).as("visits stored").isEqualTo(visits.size());
            for (int column : new int[] {RollupBatch.IVR_ROUTED, RollupBatch.IVR_NO_INPUT, RollupBatch.IVR_HUNG_UP,
                    RollupBatch.IVR_CLOSED, RollupBatch.IVR_BLOCKED}) {
                assertThat(total[column]).as(RollupBatch.IVR_COLUMNS.get(column)).isGreaterThan(20);
            }
        }

        @Test
        void ivrFiguresAgreeWithTheRawVisitsAtEveryGranularity() throws Exception {
            Instant dayTwo = from.plus(Duration.ofDays(1));
            check(Granularity.MINUTES_15, dayTwo, dayTwo.plus(Duration.ofDays(1)));
            check(Granularity.MINUTES_30, from, to);
            check(Granularity.MINUTES_60, from, to);
            check(Granularity.DAY, from, to);
            check(Granularity.MONTH, monthFrom, monthTo);
            check(Granularity.YEAR, monthFrom, monthTo);
        }

        @Test
        void everyVisitEndsOneWayAndTheAverageFollowsFromTheTotal() {
            for (Reports.IvrRow row : reports.ivr(SITE, Granularity.DAY, from, to)) {
                IvrFigures f = row.figures();
                assertThat(f.routed() + f.noInput() + f.hungUp() + f.closed() + f.blocked()).as("outcomes of %s", row)
                        .isEqualTo(f.visits());
                assertThat(f.averageSeconds()).isCloseTo(f.ivrMillis() / 1000.0 / f.visits(),
                        org.assertj.core.data.Offset.offset(1e-9));
            }
        }

        @Test
        void replayingDeliveredVisitsChangesNoFigure() throws Exception {
            List<Reports.IvrRow> before = reports.ivr(SITE, Granularity.MINUTES_15, from, from.plus(Duration.ofDays(2)));
            deliver(dir.resolve("outbox-replay"), visits.subList(visits.size() / 3, visits.size()));
            assertThat(reports.ivr(SITE, Granularity.MINUTES_15, from, from.plus(Duration.ofDays(2)))).isEqualTo(before);
        }

        private void check(Granularity granularity, Instant rangeFrom, Instant rangeTo) throws Exception {
            Map<RawRecount.Key, IvrFigures> expected = new TreeMap<>();
            rawRecount(granularity, rangeFrom, rangeTo).forEach((k, v) -> expected.put(k, IvrFigures.of(v)));
            Map<RawRecount.Key, IvrFigures> actual = new TreeMap<>();
            for (Reports.IvrRow r : reports.ivr(SITE, granularity, rangeFrom, rangeTo)) {
                assertThat(actual.put(new RawRecount.Key(r.bucketStart(), r.menuPath()), r.figures()))
                        .as("one row per bucket and menu path").isNull();
            }
            assertThat(expected).as("expected rows per %s", granularity).isNotEmpty();
            assertThat(actual).as("IVR usage per %s", granularity).isEqualTo(expected);
        }

        /** The figures recounted from ivr_visits alone, bucketed by the visit's start in the report's own buckets. */
        private Map<RawRecount.Key, long[]> rawRecount(Granularity granularity, Instant rangeFrom, Instant rangeTo)
                throws Exception {
            Map<RawRecount.Key, long[]> out = new TreeMap<>();
            try (Connection c = database.dataSource().getConnection();
                 PreparedStatement ps = c.prepareStatement("SELECT started_at, ended_at, menu_path, outcome FROM ivr_visits"
                         + " WHERE site_id = ?")) {
                ps.setString(1, SITE);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Instant started = rs.getObject(1, LocalDateTime.class).toInstant(ZoneOffset.UTC);
                        Instant ended = rs.getObject(2, LocalDateTime.class).toInstant(ZoneOffset.UTC);
                        if (started.isBefore(rangeFrom) || !started.isBefore(rangeTo)) {
                            continue;
                        }
                        long[] v = out.computeIfAbsent(new RawRecount.Key(bucket(granularity, started), rs.getString(3)),
                                k -> new long[RollupBatch.IVR_COLUMNS.size()]);
                        v[RollupBatch.IVR_VISITS]++;
                        v[RollupBatch.IVR_COLUMNS.indexOf(switch (IvrOutcome.valueOf(rs.getString(4))) {
                            case ROUTED -> "routed";
                            case NO_INPUT -> "no_input";
                            case HUNG_UP -> "hung_up";
                            case CLOSED -> "closed";
                            case BLOCKED -> "blocked";
                        })]++;
                        v[RollupBatch.IVR_MS] += ended.toEpochMilli() - started.toEpochMilli();
                    }
                }
            }
            return out;
        }

        private static Instant bucket(Granularity granularity, Instant t) {
            ZonedDateTime local = t.atZone(ZONE);
            return switch (granularity) {
                case MINUTES_15, MINUTES_30, MINUTES_60 -> {
                    ZonedDateTime midnight = local.truncatedTo(ChronoUnit.DAYS);
                    long minutes = Duration.between(midnight, local).toMinutes();
                    yield midnight.plusMinutes(minutes - minutes % granularity.minutes()).toInstant();
                }
                case DAY -> local.toLocalDate().atStartOfDay(ZONE).toInstant();
                case MONTH -> local.toLocalDate().withDayOfMonth(1).atStartOfDay(ZONE).toInstant();
                case YEAR -> local.toLocalDate().withDayOfYear(1).atStartOfDay(ZONE).toInstant();
            };
        }

        private void deliver(Path journal, List<IvrVisit> records) {
            try (DurableOutbox outbox = DurableOutbox.open(journal, database.dataSource(),
                    OutboxSettings.defaults().withMaxBatch(97), SETTINGS)) {
                records.forEach(outbox::ivrVisited);
                assertThat(outbox.awaitDelivered(Duration.ofSeconds(120))).as("delivered within 120 s").isTrue();
                assertThat(outbox.rejected()).as("records refused").isZero();
            }
        }
    }

    /**
     * Visits spread over the days, a few minutes to a few hours apart, each with a record id (as the
     * outbox gives it), millisecond times and an outcome drawn per menu path (billing's "3" paths
     * end in the self-service more often).
     */
    static List<IvrVisit> generate(int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Instant start = FIRST_DAY.atStartOfDay(ZONE).toInstant();
        long span = Duration.ofDays(DAYS).toMillis();
        List<IvrVisit> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Instant entered = start.plusMillis(random.nextLong(span - 600_000));
            String path = PATHS.get(random.nextInt(PATHS.size()));
            double x = random.nextDouble();
            IvrOutcome outcome = x < (path.startsWith("3") ? 0.35 : 0.1) ? IvrOutcome.HUNG_UP
                    : x < 0.45 ? (path.isEmpty() ? IvrOutcome.NO_INPUT : IvrOutcome.ROUTED)
                    : x < 0.9 ? IvrOutcome.ROUTED : x < 0.95 ? IvrOutcome.CLOSED : IvrOutcome.BLOCKED;
            if (path.isEmpty() && outcome == IvrOutcome.ROUTED) {
                outcome = IvrOutcome.NO_INPUT;
            }
            // Long enough now and then to end in the next quarter hour (counted where it started).
            Instant left = entered.plusMillis(2_000 + random.nextLong(random.nextInt(10) == 0 ? 1_200_000 : 90_000));
            String queue = outcome == IvrOutcome.HUNG_UP ? "" : path.startsWith("3") ? "billing" : "general";
            out.add(new IvrVisit("ivr-" + i, SITE, "c-" + i, "1380000" + (1000 + random.nextInt(9000)), "95001",
                    entered, left, path, queue, outcome));
        }
        return out;
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

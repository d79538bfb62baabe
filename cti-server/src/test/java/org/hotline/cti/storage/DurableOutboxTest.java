package org.hotline.cti.storage;

import org.hotline.cti.testing.TestDatabase;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

import org.hotline.cti.agents.AgentState;
import org.hotline.cti.agents.AgentStateChange;
import org.hotline.cti.calls.CallDetailRecord;
import org.hotline.cti.calls.CallSegment;
import org.hotline.cti.calls.SegmentKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import ch.qos.logback.classic.Level;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DurableOutboxTest {
    private static final Instant T0 = Instant.parse("2026-11-21T08:00:00.125Z");
    private static final Duration WAIT = Duration.ofSeconds(30);

    abstract static class Contract extends DatabaseFixture {
        private final OutboxSettings settings = OutboxSettings.defaults()
                .withBackoff(Duration.ofMillis(5), Duration.ofMillis(40))
                .withStartupReplayWait(WAIT)
                .withCloseWait(WAIT);
        private Path journalDir;
        private SwitchableDataSource dataSource;
        private CallRecords records;
        private DurableOutbox outbox;

        @BeforeEach
        void freshJournal() {
            journalDir = dataDir.resolve("outbox-" + UUID.randomUUID());
            dataSource = new SwitchableDataSource(database.dataSource());
            records = new CallRecords(database.sessionFactory(), SITE);
        }

        @AfterEach
        void closeOutbox() {
            if (outbox != null) {
                outbox.close();
            }
        }

        private DurableOutbox open(OutboxSettings with) {
            outbox = DurableOutbox.open(journalDir, dataSource, with);
            return outbox;
        }

        @Test
        void deliversRecordsAndAcknowledgesThemOnceDurable() throws Exception {
            open(settings);
            CountDownLatch durable = new CountDownLatch(1);
            CallDetailRecord call = call("call-1", 0);
            CallSegment queued = segment("call-1", 1, SegmentKind.QUEUE);
            CallSegment talk = segment("call-1", 2, SegmentKind.TALK);

            outbox.segmentEnded(queued);
            outbox.segmentEnded(talk);
            outbox.callEnded(call, durable::countDown);

            assertThat(durable.await(30, TimeUnit.SECONDS)).isTrue();
            assertThat(outbox.awaitDelivered(WAIT)).isTrue();
            assertThat(records.findCall("call-1")).hasValueSatisfying(stored -> {
                assertThat(stored.record()).isEqualTo(call);
                assertThat(stored.segments()).containsExactly(queued, talk);
            });
            assertThat(outbox.depth()).isZero();
        }

        @Test
        void storesTimesAsUtcWhateverTheZoneOfTheServer() throws Exception {
            java.util.TimeZone jvmZone = java.util.TimeZone.getDefault();
            java.util.TimeZone.setDefault(java.util.TimeZone.getTimeZone("Asia/Shanghai"));
            try {
                open(settings);
                outbox.callEnded(call("utc", 0), () -> {});
                assertThat(outbox.awaitDelivered(WAIT)).isTrue();
            } finally {
                java.util.TimeZone.setDefault(jvmZone);
            }
            try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT started_at FROM call_detail_records")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("2026-11-21 08:00:00.125");
            }
        }

        @Test
        void givesARecordIdToRecordsWithoutOne() {
            open(settings);
            CallDetailRecord call = call("call-2", 0);
            outbox.callEnded(new CallDetailRecord(null, SITE, "call-2", call.direction(), call.callerNumber(),
                    call.dialledNumber(), call.queueId(), call.agentId(), call.startedAt(), call.answeredAt(),
                    call.endedAt(), call.queueWaitMillis(), call.outcome(), null, Map.of()), () -> {});
            outbox.segmentEnded(new CallSegment(null, SITE, "call-2", 1, SegmentKind.RING, "1001", "1001", null, T0, T0, "answered"));

            assertThat(outbox.awaitDelivered(WAIT)).isTrue();
            assertThat(records.findCall("call-2").orElseThrow().record().recordId()).isNotBlank();
            assertThat(records.segments("call-2")).singleElement().satisfies(s -> assertThat(s.recordId()).isNotBlank());
        }

        @Test
        void batchesManyRecordsIntoFewTransactions() throws Exception {
            open(settings.withMaxBatch(250));
            dataSource.down();
            CountDownLatch durable = new CountDownLatch(1000);
            for (int i = 0; i < 1000; i++) {
                outbox.callEnded(call("batch-" + i, i), durable::countDown);
            }
            assertThat(durable.await(30, TimeUnit.SECONDS)).isTrue();

            dataSource.up();

            assertThat(outbox.awaitDelivered(WAIT)).isTrue();
            assertThat(records.countCallRecords()).isEqualTo(1000);
            assertThat(outbox.transactions()).isBetween(1L, 4L);
        }

        @Test
        void acknowledgedRecordsSurviveADatabaseOutage() throws Exception {
            open(settings);
            try (LogCapture logs = new LogCapture(DurableOutbox.class)) {
                dataSource.down();
                CountDownLatch durable = new CountDownLatch(300);
                for (int i = 0; i < 300; i++) {
                    outbox.callEnded(call("outage-" + i, i), durable::countDown);
                    outbox.agentStateChanged(state("1001", i));
                }
                assertThat(durable.await(30, TimeUnit.SECONDS)).isTrue();
                eventually(() -> dataSource.refused() >= 10);
                assertThat(outbox.depth()).isGreaterThanOrEqualTo(300);
                assertThat(records.countCallRecords()).isZero();

                dataSource.up();

                assertThat(outbox.awaitDelivered(WAIT)).isTrue();
                assertThat(records.countCallRecords()).isEqualTo(300);
                assertThat(distinct("call_id", "call_detail_records")).isEqualTo(300);
                assertThat(records.countStateChanges()).isEqualTo(300);
                assertThat(logs.lines(Level.WARN, "database unavailable, outbox keeps journalling")).hasSize(1);
                assertThat(logs.lines(Level.INFO, "database back after")).hasSize(1);
                assertThat(logs.anyStackTrace()).isFalse();
            }
        }

        @Test
        void acknowledgedRecordsSurviveACrashAndAreReplayedAtTheNextStart() throws Exception {
            open(settings);
            dataSource.down();
            CountDownLatch durable = new CountDownLatch(200);
            for (int i = 0; i < 200; i++) {
                outbox.callEnded(call("crash-" + i, i), durable::countDown);
            }
            assertThat(durable.await(30, TimeUnit.SECONDS)).isTrue();
            outbox.halt();
            dataSource.up();

            open(settings);

            assertThat(records.countCallRecords()).isEqualTo(200);
            assertThat(outbox.depth()).isZero();
        }

        @Test
        void aCrashDuringDeliveryLosesNoAcknowledgedRecordAndDuplicatesNone() throws Exception {
            open(settings.withMaxBatch(50));
            Set<String> acknowledged = ConcurrentHashMap.newKeySet();
            CountDownLatch halfway = new CountDownLatch(500);
            CompletableFuture<Void> crash = CompletableFuture.runAsync(() -> {
                try {
                    halfway.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                outbox.halt();
            });
            int handedIn = 0;
            try {
                for (; handedIn < 3000; handedIn++) {
                    String callId = "mid-" + handedIn;
                    outbox.callEnded(call(callId, handedIn), () -> {
                        acknowledged.add(callId);
                        halfway.countDown();
                    });
                }
            } catch (IllegalStateException closedByCrash) {
                // the crash came before all were handed in
            }
            crash.get(30, TimeUnit.SECONDS);
            Set<String> ackedAtCrash = Set.copyOf(acknowledged);

            open(settings);

            assertThat(outbox.awaitDelivered(WAIT)).isTrue();
            Set<String> stored = callIds();
            assertThat(stored).containsAll(ackedAtCrash);
            assertThat(records.countCallRecords()).isEqualTo(stored.size()).isLessThanOrEqualTo(handedIn);
            assertThat(ackedAtCrash).hasSizeGreaterThanOrEqualTo(500);
        }

        @Test
        void replayingRecordsTheDatabaseAlreadyHasStoresThemOnce() throws Exception {
            open(settings);
            for (int i = 0; i < 50; i++) {
                outbox.callEnded(call("again-" + i, i), () -> {});
            }
            assertThat(outbox.awaitDelivered(WAIT)).isTrue();
            outbox.close();
            // As if the server died between a commit and saving the checkpoint.
            Files.delete(journalDir.resolve("checkpoint"));

            try (LogCapture logs = new LogCapture(DurableOutbox.class)) {
                open(settings);

                assertThat(logs.lines(Level.INFO, "50 records of the last run replayed")).hasSize(1);
            }
            assertThat(records.countCallRecords()).isEqualTo(50);
        }

        @Test
        void aTornJournalTailIsSkippedWithAWarning() throws Exception {
            open(settings);
            dataSource.down();
            CountDownLatch durable = new CountDownLatch(10);
            for (int i = 0; i < 10; i++) {
                outbox.callEnded(call("torn-" + i, i), durable::countDown);
            }
            assertThat(durable.await(30, TimeUnit.SECONDS)).isTrue();
            outbox.halt();
            // A write the crash cut off: a header announcing 100 bytes, and only 20 of them.
            Path segment = lastSegment();
            long sizeBefore = Files.size(segment);
            Files.write(segment, ByteBuffer.allocate(28).putInt(100).putInt(12345).array(), StandardOpenOption.APPEND);
            dataSource.up();

            try (LogCapture logs = new LogCapture(Journal.class)) {
                open(settings);

                assertThat(logs.lines(Level.WARN, "torn tail at offset " + sizeBefore)).hasSize(1);
                assertThat(logs.anyStackTrace()).isFalse();
            }
            assertThat(records.countCallRecords()).isEqualTo(10);
            for (int i = 10; i < 15; i++) {
                outbox.callEnded(call("torn-" + i, i), () -> {});
            }
            assertThat(outbox.awaitDelivered(WAIT)).isTrue();
            assertThat(records.countCallRecords()).isEqualTo(15);
        }

        @Test
        void journalFilesRemovedBehindItsBackDoNotWedgeDelivery() throws Exception {
            open(settings);
            for (int i = 0; i < 5; i++) {
                outbox.callEnded(call("before-" + i, i), () -> {});
            }
            assertThat(outbox.awaitDelivered(WAIT)).isTrue();
            outbox.close();
            for (Path segment : segments()) {
                Files.delete(segment);
            }

            try (LogCapture logs = new LogCapture(Journal.class)) {
                open(settings);

                assertThat(logs.lines(Level.WARN, "points past the journal on disk")).hasSize(1);
            }
            for (int i = 0; i < 3; i++) {
                outbox.callEnded(call("after-" + i, i), () -> {});
            }
            assertThat(outbox.awaitDelivered(WAIT)).isTrue();
            assertThat(records.countCallRecords()).isEqualTo(8);
        }

        @Test
        void aRecordTheDatabaseRefusesIsSetAsideWithoutHoldingUpTheOthers() throws Exception {
            open(settings);
            try (LogCapture logs = new LogCapture(DurableOutbox.class)) {
                for (int i = 0; i < 5; i++) {
                    outbox.callEnded(call("fine-" + i, i), () -> {});
                }
                CallDetailRecord good = call("refused", 5);
                outbox.callEnded(new CallDetailRecord("refused-record", SITE, "refused", good.direction(),
                        good.callerNumber(), good.dialledNumber(), good.queueId(), good.agentId(), good.startedAt(),
                        good.answeredAt(), good.endedAt(), 0, "x".repeat(40), null, Map.of()), () -> {});
                for (int i = 6; i < 11; i++) {
                    outbox.callEnded(call("fine-" + i, i), () -> {});
                }

                assertThat(outbox.awaitDelivered(WAIT)).isTrue();
                assertThat(records.countCallRecords()).isEqualTo(10);
                assertThat(records.findCall("refused")).isEmpty();
                assertThat(outbox.rejected()).isEqualTo(1);
                assertThat(journalDir.resolve("rejected.log")).isNotEmptyFile();
                assertThat(logs.lines(Level.ERROR, "refused call record refused-record")).hasSize(1);
                assertThat(logs.lines(Level.WARN, "database unavailable")).isEmpty();
            }
        }

        @Test
        void aDeadlockIsRetriedNotMistakenForARefusedRecord() throws Exception {
            JdbcRecordSink real = new JdbcRecordSink(dataSource);
            java.util.concurrent.atomic.AtomicInteger deadlocks = new java.util.concurrent.atomic.AtomicInteger(2);
            RecordSink deadlocking = new RecordSink() {
                @Override
                public void write(List<Object> batch) throws Exception {
                    if (deadlocks.getAndDecrement() > 0) {
                        throw new java.sql.SQLTransactionRollbackException("Deadlock found when trying to get lock", "40001", 1213);
                    }
                    real.write(batch);
                }

                @Override
                public boolean isAvailable() {
                    return real.isAvailable();
                }
            };
            outbox = DurableOutbox.open(journalDir, deadlocking, settings);

            outbox.callEnded(call("deadlocked", 0), () -> {});

            assertThat(outbox.awaitDelivered(WAIT)).isTrue();
            assertThat(records.findCall("deadlocked")).isPresent();
            assertThat(outbox.rejected()).isZero();
        }

        @Test
        void deliveredJournalSegmentsAreDeleted() throws Exception {
            open(settings.withSegmentBytes(1024).withMaxBatch(3));
            dataSource.down();
            CountDownLatch durable = new CountDownLatch(100);
            for (int i = 0; i < 100; i++) {
                outbox.callEnded(call("rotate-" + i, i), durable::countDown);
            }
            assertThat(durable.await(30, TimeUnit.SECONDS)).isTrue();
            assertThat(segments()).hasSizeGreaterThan(5);

            dataSource.up();

            assertThat(outbox.awaitDelivered(WAIT)).isTrue();
            assertThat(records.countCallRecords()).isEqualTo(100);
            assertThat(segments()).hasSize(1);
        }

        @Test
        void lastStatesAreTheLatestLoggedChangeOfEachAgent() {
            open(settings);
            AgentStateChange ready = new AgentStateChange("s1", SITE, "1001", AgentState.NOT_READY, AgentState.READY, null, T0, 1000);
            AgentStateChange onCall = new AgentStateChange("s2", SITE, "1001", AgentState.READY, AgentState.ON_CALL, null,
                    T0.plusSeconds(5), 5000);
            AgentStateChange lunch = new AgentStateChange("s3", SITE, "1002", AgentState.READY, AgentState.NOT_READY,
                    "lunch", T0.plusSeconds(7), 7000);
            outbox.agentStateChanged(ready);
            outbox.agentStateChanged(onCall);
            outbox.agentStateChanged(lunch);
            outbox.agentStateChanged(new AgentStateChange("s4", "site-2", "1001", AgentState.READY, AgentState.LOGGED_OUT,
                    null, T0.plusSeconds(9), 1));

            assertThat(outbox.awaitDelivered(WAIT)).isTrue();
            assertThat(new HibernateAgentDirectory(database.sessionFactory(), SITE).lastStates())
                    .containsExactlyInAnyOrderEntriesOf(Map.of("1001", onCall, "1002", lunch));
            assertThat(records.stateChanges("1001")).containsExactly(ready, onCall);
        }

        @Test
        void closeDeliversWhatWasHandedInAndThenRefusesMore() {
            open(settings);
            for (int i = 0; i < 100; i++) {
                outbox.segmentEnded(segment("close-" + i, 1, SegmentKind.TALK));
            }

            outbox.close();

            assertThat(records.countSegments()).isEqualTo(100);
            assertThatThrownBy(() -> outbox.callEnded(call("late", 0), () -> {}))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageStartingWith("outbox closed: call record");
        }

        @Test
        void closingWhileTheDatabaseIsDownKeepsRecordsForTheNextStart() throws Exception {
            open(settings.withCloseWait(Duration.ofMillis(100)));
            dataSource.down();
            for (int i = 0; i < 20; i++) {
                outbox.callEnded(call("kept-" + i, i), () -> {});
            }

            try (LogCapture logs = new LogCapture(DurableOutbox.class)) {
                outbox.close();

                assertThat(logs.lines(Level.WARN, "outbox closed with 20 records not yet in the database")).hasSize(1);
            }
            dataSource.up();
            open(settings);
            assertThat(records.countCallRecords()).isEqualTo(20);
        }

        private Path lastSegment() throws Exception {
            List<Path> all = segments();
            return all.get(all.size() - 1);
        }

        private List<Path> segments() throws Exception {
            try (Stream<Path> files = Files.list(journalDir)) {
                return files.filter(p -> p.getFileName().toString().startsWith("journal-")).sorted().toList();
            }
        }

        private long distinct(String column, String table) throws SQLException {
            try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT COUNT(DISTINCT " + column + ") FROM " + table)) {
                rs.next();
                return rs.getLong(1);
            }
        }

        private Set<String> callIds() throws SQLException {
            Set<String> ids = new HashSet<>();
            try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT call_id FROM call_detail_records")) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
            return ids;
        }
    }

    @Test
    void acknowledgementsNeverWaitForTheDatabase(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        RecordSink hung = new RecordSink() {
            @Override
            public void write(List<Object> batch) throws InterruptedException {
                release.await();
            }

            @Override
            public boolean isAvailable() {
                return true;
            }
        };
        DurableOutbox outbox = DurableOutbox.open(dir, hung, OutboxSettings.defaults().withCloseWait(Duration.ofMillis(50)));
        try {
            CountDownLatch durable = new CountDownLatch(1000);
            long start = System.nanoTime();
            for (int i = 0; i < 1000; i++) {
                outbox.callEnded(call("hung-" + i, i), durable::countDown);
            }
            long handInMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

            assertThat(durable.await(30, TimeUnit.SECONDS)).isTrue();
            assertThat(handInMillis).as("1000 hand-ins while the database hangs").isLessThan(5_000);
            assertThat(outbox.depth()).isEqualTo(1000);
        } finally {
            release.countDown();
            outbox.close();
        }
    }

    @Test
    void aSecondOutboxOnTheSameJournalIsRefused(@org.junit.jupiter.api.io.TempDir Path dir) {
        RecordSink unused = new RecordSink() {
            @Override
            public void write(List<Object> batch) {}

            @Override
            public boolean isAvailable() {
                return true;
            }
        };
        try (DurableOutbox first = DurableOutbox.open(dir, unused, OutboxSettings.defaults())) {
            assertThatThrownBy(() -> DurableOutbox.open(dir, unused, OutboxSettings.defaults()))
                    .hasMessage("cannot open the outbox journal in " + dir
                            + ": in use by another outbox (expected: one server per data folder)");
        }
        DurableOutbox.open(dir, unused, OutboxSettings.defaults()).close();
    }

    @Test
    void journalRecordsDecodeToWhatWasEncodedIncludingNulls() {
        CallDetailRecord sparse = new CallDetailRecord("r1", "s", "c", CallDetailRecord.Direction.OUTBOUND, null, null,
                null, null, T0, null, null, 0, "failed", null, Map.of());
        CallDetailRecord full = call("全-call", 3);
        CallSegment segment = new CallSegment("r2", "s", "c", 7, SegmentKind.MONITOR, null, null, null,
                Instant.ofEpochSecond(1, 123_456_789), null, null);
        AgentStateChange change = new AgentStateChange("r3", "s", "1001", AgentState.NOT_READY, AgentState.READY,
                "小休", T0, Long.MAX_VALUE);

        for (Object record : List.of(sparse, full, segment, change)) {
            assertThat(RecordCodec.decode(RecordCodec.encode(record))).isEqualTo(record);
        }
    }

    static CallDetailRecord call(String callId, int i) {
        Instant start = T0.plusMillis(1_001L * i);
        return new CallDetailRecord("cdr-" + callId, DatabaseFixture.SITE, callId, CallDetailRecord.Direction.INBOUND,
                "13800138000", "95001", "general", "1001", start, start.plusMillis(4_250), start.plusSeconds(65),
                4_250, "answered", null, Map.of("ivr", "1", "account", "A-" + i));
    }

    static CallSegment segment(String callId, int sequence, SegmentKind kind) {
        return new CallSegment("seg-" + callId + "-" + sequence, DatabaseFixture.SITE, callId, sequence, kind, "1001",
                "1001", "general", T0.plusMillis(sequence), T0.plusMillis(sequence * 1_000L + 1), "answered");
    }

    static AgentStateChange state(String agentId, int i) {
        return new AgentStateChange(null, DatabaseFixture.SITE, agentId, AgentState.READY, AgentState.ON_CALL, null,
                T0.plusMillis(i), i);
    }

    /** Waits for a condition another thread makes true (polling; there is no event to wait on). */
    static void eventually(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime() - deadline).as("condition met within 30 s").isNegative();
            Thread.sleep(5);
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

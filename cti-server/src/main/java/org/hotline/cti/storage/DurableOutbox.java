package org.hotline.cti.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.ClosedChannelException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import javax.sql.DataSource;

import org.hotline.cti.agents.AgentStateChange;
import org.hotline.cti.calls.CallDetailRecord;
import org.hotline.cti.calls.CallSegment;
import org.hotline.cti.calls.CdrWriter;
import org.hotline.cti.calls.IvrVisit;
import org.hotline.cti.stats.RollupSettings;
import org.hotline.cti.stats.RollupWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static java.util.Objects.requireNonNull;

/**
 * The {@link CdrWriter} of the server: call records, segments, agent state changes and IVR visits go
 * through a durable outbox so the event loop never waits for a disk or a database.
 *
 * <ol>
 *   <li>The caller only queues the record (and gives it a record id when it has none).</li>
 *   <li>The journal thread appends whatever has queued up to the journal file and forces it to
 *       disk once for the whole group; then it runs the {@code onDurable} callbacks.</li>
 *   <li>The delivery thread reads the journal from the checkpoint and writes batches into the
 *       database, one transaction each, then moves the checkpoint. While the database is down it
 *       retries with growing pauses (and the journal keeps growing on disk); it logs one line when
 *       the database goes away and one when it is back.</li>
 * </ol>
 *
 * On open, what the journal holds beyond the checkpoint (the last run's undelivered records) is
 * delivered first. Record ids make every insert idempotent, so a record delivered twice (a crash
 * between commit and checkpoint) is stored once. A record the database refuses while it is up
 * (a value too long for its column) is set aside in {@code rejected.log} with an error line, so
 * it cannot hold up the others.
 */
public final class DurableOutbox implements CdrWriter, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(DurableOutbox.class);
    private static final Pending STOP = new Pending(null, null);

    private final Journal journal;
    private final RecordSink sink;
    private final OutboxSettings settings;
    private final LinkedBlockingQueue<Pending> incoming = new LinkedBlockingQueue<>();
    private final ReentrantLock lock = new ReentrantLock();
    /** Signalled when records became durable, the journal thread ended, or close/halt began. */
    private final Condition work = lock.newCondition();
    /** Signalled when records reached the database. */
    private final Condition progress = lock.newCondition();

    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong journalled = new AtomicLong();
    private final AtomicLong settled = new AtomicLong();
    private final AtomicLong transactions = new AtomicLong();
    private final AtomicLong forces = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private volatile JournalPosition durableEnd;
    private volatile boolean closed;
    private volatile boolean halted;
    private volatile boolean journalDone;
    private volatile boolean deliveryDone;
    private volatile boolean closing;
    private volatile long deliveryDeadline;

    private final Thread journalThread;
    private final Thread deliveryThread;

    private DurableOutbox(Journal journal, RecordSink sink, OutboxSettings settings) {
        this.journal = journal;
        this.sink = sink;
        this.settings = settings;
        this.durableEnd = journal.end();
        this.accepted.set(journal.backlog());
        this.journalled.set(journal.backlog());
        this.journalThread = new Thread(this::journalLoop, "outbox-journal");
        this.deliveryThread = new Thread(this::deliveryLoop, "outbox-delivery");
        journalThread.setDaemon(true);
        deliveryThread.setDaemon(true);
    }

    /**
     * Opens the outbox whose journal lives in {@code directory} (created if needed) and which
     * delivers into the database behind {@code dataSource}. Waits up to
     * {@link OutboxSettings#startupReplayWait()} for the last run's records to reach the database.
     */
    public static DurableOutbox open(Path directory, DataSource dataSource, OutboxSettings settings) {
        return open(directory, dataSource, settings, RollupSettings.defaults());
    }

    /** As {@link #open(Path, DataSource, OutboxSettings)}, rolling call records up for reports with {@code rollups}. */
    public static DurableOutbox open(Path directory, DataSource dataSource, OutboxSettings settings,
                                     RollupSettings rollups) {
        return open(directory, new JdbcRecordSink(requireNonNull(dataSource, "dataSource"),
                new RollupWriter(requireNonNull(rollups, "rollups"))), settings);
    }

    static DurableOutbox open(Path directory, RecordSink sink, OutboxSettings settings) {
        requireNonNull(directory, "directory");
        requireNonNull(sink, "sink");
        requireNonNull(settings, "settings");
        Journal journal;
        try {
            journal = Journal.open(directory, settings.segmentBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the outbox journal in " + directory + ": " + e.getMessage(), e);
        }
        DurableOutbox outbox = new DurableOutbox(journal, sink, settings);
        outbox.start();
        return outbox;
    }

    private void start() {
        long backlog = journal.backlog();
        journalThread.start();
        deliveryThread.start();
        if (backlog == 0) {
            return;
        }
        log.info("outbox: {} records of the last run in the journal, delivering them first", backlog);
        if (awaitDelivered(settings.startupReplayWait())) {
            log.info("outbox: {} records of the last run replayed into the database", backlog);
        } else {
            log.warn("outbox: {} records of the last run still wait for the database", depth());
        }
    }

    @Override
    public void segmentEnded(CallSegment segment) {
        requireNonNull(segment, "segment");
        requireNonNull(segment.siteId(), "siteId");
        requireNonNull(segment.callId(), "callId");
        requireNonNull(segment.kind(), "kind");
        requireNonNull(segment.startedAt(), "startedAt");
        CallSegment s = segment.recordId() != null ? segment
                : new CallSegment(newRecordId(), segment.siteId(), segment.callId(), segment.sequence(),
                segment.kind(), segment.agentId(), segment.device(), segment.queueId(), segment.startedAt(),
                segment.endedAt(), segment.outcome());
        enqueue(s, null);
    }

    @Override
    public void callEnded(CallDetailRecord record, Runnable onDurable) {
        requireNonNull(record, "record");
        requireNonNull(record.siteId(), "siteId");
        requireNonNull(record.callId(), "callId");
        requireNonNull(record.direction(), "direction");
        requireNonNull(record.startedAt(), "startedAt");
        requireNonNull(record.outcome(), "outcome");
        CallDetailRecord c = record.recordId() != null ? record
                : new CallDetailRecord(newRecordId(), record.siteId(), record.callId(), record.direction(),
                record.callerNumber(), record.dialledNumber(), record.queueId(), record.agentId(),
                record.startedAt(), record.answeredAt(), record.endedAt(), record.queueWaitMillis(),
                record.outcome(), record.recordingPath(), record.data());
        enqueue(c, onDurable);
    }

    @Override
    public void agentStateChanged(AgentStateChange change) {
        requireNonNull(change, "change");
        requireNonNull(change.siteId(), "siteId");
        requireNonNull(change.agentId(), "agentId");
        requireNonNull(change.from(), "from");
        requireNonNull(change.to(), "to");
        requireNonNull(change.at(), "at");
        AgentStateChange a = change.recordId() != null ? change
                : new AgentStateChange(newRecordId(), change.siteId(), change.agentId(), change.from(), change.to(),
                change.reasonCode(), change.at(), change.millisInPreviousState());
        enqueue(a, null);
    }

    @Override
    public void ivrVisited(IvrVisit visit) {
        requireNonNull(visit, "visit");
        enqueue(visit.recordId() != null ? visit : visit.withRecordId(newRecordId()), null);
    }

    /** Records journalled but not yet in the database (nor set aside): the outbox depth metric. */
    public long depth() {
        return journalled.get() - settled.get();
    }

    /** Records handed in but not yet forced to the journal. */
    public long waitingForJournal() {
        return accepted.get() - journalled.get();
    }

    /** Database transactions that wrote records. */
    public long transactions() {
        return transactions.get();
    }

    /** Journal forces (one per group of records). */
    public long forces() {
        return forces.get();
    }

    /** Records the database refused and that were set aside in {@code rejected.log}. */
    public long rejected() {
        return rejected.get();
    }

    /** Waits until every record handed in so far is in the database; false on timeout. */
    public boolean awaitDelivered(Duration timeout) {
        long target = accepted.get();
        long remaining = timeout.toNanos();
        lock.lock();
        try {
            while (settled.get() < target) {
                if (remaining <= 0 || deliveryDone) {
                    return settled.get() >= target;
                }
                remaining = progress.awaitNanos(remaining);
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Journals what is queued, delivers for up to {@link OutboxSettings#closeWait()}, then stops.
     * Whatever is not delivered by then stays in the journal for the next start.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        incoming.add(STOP);
        joinQuietly(journalThread, settings.closeWait().toMillis() + 5_000);
        if (journalThread.isAlive()) {
            // The disk refuses writes: what is still queued was never acknowledged to anyone.
            log.warn("outbox closed while the journal could not be written; {} records handed in were not kept",
                    waitingForJournal());
            journalThread.interrupt();
            joinQuietly(journalThread, 5_000);
        }
        deliveryDeadline = System.nanoTime() + settings.closeWait().toNanos();
        closing = true;
        signal(work);
        joinQuietly(deliveryThread, settings.closeWait().toMillis() + 5_000);
        if (deliveryThread.isAlive()) {
            halted = true;
            signal(work);
            joinQuietly(deliveryThread, 5_000);
        }
        long left = depth();
        if (left > 0) {
            log.warn("outbox closed with {} records not yet in the database; they wait in the journal for the next start",
                    left);
        }
        journal.close();
    }

    /**
     * Stops both threads as a crash would: nothing queued is journalled, no batch in flight is
     * finished, the checkpoint stays where it is. For tests of recovery.
     */
    void halt() {
        closed = true;
        halted = true;
        journalThread.interrupt();
        signal(work);
        joinQuietly(journalThread, 5_000);
        joinQuietly(deliveryThread, 10_000);
        journal.close();
    }

    private void enqueue(Object record, Runnable onDurable) {
        if (closed) {
            throw new IllegalStateException("outbox closed: " + describe(record) + " (expected: an open outbox)");
        }
        accepted.incrementAndGet();
        incoming.add(new Pending(record, onDurable));
    }

    private void journalLoop() {
        List<Pending> batch = new ArrayList<>(settings.maxBatch());
        boolean stopping = false;
        try {
            while (!stopping || !incoming.isEmpty()) {
                if (!stopping) {
                    batch.add(incoming.take());
                }
                incoming.drainTo(batch, settings.maxBatch() - batch.size());
                stopping |= batch.removeIf(p -> p == STOP);
                if (!batch.isEmpty()) {
                    writeDurably(batch);
                }
                batch.clear();
            }
        } catch (InterruptedException | ClosedChannelException e) {
            // halted: what is not forced was never acknowledged
        } finally {
            journalDone = true;
            signal(work);
        }
    }

    private void writeDurably(List<Pending> batch) throws InterruptedException, ClosedChannelException {
        List<byte[]> payloads = new ArrayList<>(batch.size());
        batch.forEach(p -> payloads.add(RecordCodec.encode(p.record())));
        long backoff = settings.initialBackoff().toNanos();
        boolean failing = false;
        JournalPosition end;
        while (true) {
            try {
                end = journal.append(payloads);
                break;
            } catch (ClosedChannelException e) {
                throw e;
            } catch (IOException e) {
                if (!failing) {
                    log.error("outbox journal write failed, retrying; nothing is acknowledged meanwhile: {}", e.toString());
                    failing = true;
                }
                TimeUnit.NANOSECONDS.sleep(backoff);
                backoff = Math.min(backoff * 2, settings.maxBackoff().toNanos());
            }
        }
        if (failing) {
            log.info("outbox journal writes again");
        }
        forces.incrementAndGet();
        journalled.addAndGet(payloads.size());
        durableEnd = end;
        signal(work);
        for (Pending p : batch) {
            if (p.onDurable() == null) {
                continue;
            }
            try {
                p.onDurable().run();
            } catch (RuntimeException e) {
                log.warn("onDurable callback of {} failed: {}", describe(p.record()), e.toString());
            }
        }
    }

    private void deliveryLoop() {
        JournalPosition checkpoint = journal.checkpoint();
        long backoff = settings.initialBackoff().toNanos();
        long downSince = 0;
        boolean down = false;
        try {
            while (!halted) {
                JournalPosition end = durableEnd;
                if (!checkpoint.isBefore(end)) {
                    // journalDone is set after the last durableEnd: read it first, then look again.
                    if (journalDone && !checkpoint.isBefore(durableEnd)) {
                        return;
                    }
                    awaitWork(checkpoint);
                    continue;
                }
                if (deadlinePassed()) {
                    return;
                }
                Journal.Batch batch = journal.read(checkpoint, end, settings.maxBatch());
                Delivery delivery = deliver(batch.payloads());
                if (halted) {
                    return;
                }
                if (delivery.failure() != null) {
                    if (!down) {
                        down = true;
                        downSince = System.nanoTime();
                        log.warn("database unavailable, outbox keeps journalling ({} records waiting): {}",
                                depth(), delivery.failure());
                    }
                    pause(backoff);
                    backoff = Math.min(backoff * 2, settings.maxBackoff().toNanos());
                    continue;
                }
                if (down) {
                    down = false;
                    log.info("database back after {} s, outbox delivering {} waiting records",
                            String.format("%.1f", (System.nanoTime() - downSince) / 1e9), depth());
                }
                backoff = settings.initialBackoff().toNanos();
                checkpoint = batch.next();
                try {
                    journal.advanceCheckpoint(checkpoint);
                } catch (IOException e) {
                    // Harmless for correctness: a stale checkpoint replays records the database ignores.
                    log.warn("outbox checkpoint not saved: {}", e.toString());
                }
                settled.addAndGet(batch.payloads().size());
                signal(progress);
            }
        } catch (IOException e) {
            log.error("outbox delivery stopped, the journal cannot be read: {}", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            deliveryDone = true;
            signal(progress);
        }
    }

    /** Writes a batch; on failure tells an outage (retry later) from records the database refuses. */
    private Delivery deliver(List<byte[]> payloads) {
        List<Object> records = new ArrayList<>(payloads.size());
        List<byte[]> decoded = new ArrayList<>(payloads.size());
        for (byte[] payload : payloads) {
            try {
                records.add(RecordCodec.decode(payload));
                decoded.add(payload);
            } catch (RuntimeException e) {
                setAside(payload, "undecodable journal entry", e);
            }
        }
        if (records.isEmpty()) {
            return Delivery.OK;
        }
        try {
            sink.write(records);
            transactions.incrementAndGet();
            return Delivery.OK;
        } catch (Exception e) {
            if (halted || isTransient(e) || !sink.isAvailable()) {
                return new Delivery(e.toString());
            }
        }
        // The database answers but refused the batch: write one by one to find the culprit.
        for (int i = 0; i < records.size(); i++) {
            try {
                sink.write(List.of(records.get(i)));
                transactions.incrementAndGet();
            } catch (Exception e) {
                if (halted || isTransient(e) || !sink.isAvailable()) {
                    return new Delivery(e.toString());
                }
                setAside(decoded.get(i), describe(records.get(i)), e);
            }
        }
        return Delivery.OK;
    }

    /**
     * A failure worth retrying as it is (lost connection, deadlock, lock wait timeout), as
     * opposed to a record the database will never take.
     */
    static boolean isTransient(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLTransientException || t instanceof SQLRecoverableException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getNextException() != null && isTransient(sql.getNextException())) {
                return true;
            }
        }
        return false;
    }

    private void setAside(byte[] payload, String what, Exception cause) {
        rejected.incrementAndGet();
        try {
            journal.setAside(payload);
            log.error("outbox: the database refused {} ({}); set aside in {}", what, cause.getMessage(),
                    journal.rejectedPath());
        } catch (IOException e) {
            log.error("outbox: the database refused {} ({}) and it could not be set aside: {}", what,
                    cause.getMessage(), e.toString());
        }
    }

    private void awaitWork(JournalPosition checkpoint) throws InterruptedException {
        lock.lock();
        try {
            while (!checkpoint.isBefore(durableEnd) && !journalDone && !halted) {
                work.await();
            }
        } finally {
            lock.unlock();
        }
    }

    /** Waits out a backoff; new records do not cut it short, the end of close's wait and halt do. */
    private void pause(long nanos) throws InterruptedException {
        lock.lock();
        try {
            long remaining = nanos;
            while (remaining > 0 && !halted && !deadlinePassed()) {
                long wait = closing ? Math.min(remaining, deliveryDeadline - System.nanoTime()) : remaining;
                long left = work.awaitNanos(wait);
                remaining -= wait - left;
            }
        } finally {
            lock.unlock();
        }
    }

    private boolean deadlinePassed() {
        return closing && System.nanoTime() - deliveryDeadline >= 0;
    }

    private void signal(Condition condition) {
        lock.lock();
        try {
            condition.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private static void joinQuietly(Thread thread, long millis) {
        try {
            thread.join(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String newRecordId() {
        return UUID.randomUUID().toString();
    }

    private static String describe(Object record) {
        if (record instanceof CallDetailRecord c) {
            return "call record " + c.recordId() + " of call " + c.callId();
        }
        if (record instanceof CallSegment s) {
            return "segment " + s.recordId() + " of call " + s.callId();
        }
        if (record instanceof AgentStateChange a) {
            return "state change " + a.recordId() + " of agent " + a.agentId();
        }
        if (record instanceof IvrVisit v) {
            return "IVR visit " + v.recordId() + " of call " + v.callId();
        }
        return String.valueOf(record);
    }

    private record Pending(Object record, Runnable onDurable) {}

    private record Delivery(String failure) {
        static final Delivery OK = new Delivery(null);
    }
}

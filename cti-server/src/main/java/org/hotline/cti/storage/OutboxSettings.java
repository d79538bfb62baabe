package org.hotline.cti.storage;

import java.time.Duration;

import static java.util.Objects.requireNonNull;

/**
 * Tuning of the {@link DurableOutbox}.
 *
 * @param maxBatch           records per journal force and per database transaction
 * @param segmentBytes       size after which the journal starts a new segment file
 * @param initialBackoff     first wait after the database failed; doubles up to {@code maxBackoff}
 * @param maxBackoff         longest wait between two attempts while the database is down
 * @param startupReplayWait  how long {@link DurableOutbox#open} waits for the journal of the last
 *                           run to reach the database before returning
 * @param closeWait          how long {@link DurableOutbox#close} keeps delivering; the rest waits
 *                           in the journal for the next start
 */
public record OutboxSettings(int maxBatch, long segmentBytes, Duration initialBackoff, Duration maxBackoff,
                             Duration startupReplayWait, Duration closeWait) {
    public OutboxSettings {
        if (maxBatch < 1) {
            throw new IllegalArgumentException("maxBatch: " + maxBatch + " (expected: >= 1)");
        }
        if (segmentBytes < 1024) {
            throw new IllegalArgumentException("segmentBytes: " + segmentBytes + " (expected: >= 1024)");
        }
        requireNonNull(initialBackoff, "initialBackoff");
        requireNonNull(maxBackoff, "maxBackoff");
        if (initialBackoff.isNegative() || initialBackoff.isZero() || maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("backoff: " + initialBackoff + " to " + maxBackoff
                    + " (expected: 0 < initial <= max)");
        }
        requireNonNull(startupReplayWait, "startupReplayWait");
        requireNonNull(closeWait, "closeWait");
    }

    public static OutboxSettings defaults() {
        return new OutboxSettings(500, 64L << 20, Duration.ofMillis(100), Duration.ofSeconds(5),
                Duration.ofSeconds(30), Duration.ofSeconds(5));
    }

    public OutboxSettings withMaxBatch(int maxBatch) {
        return new OutboxSettings(maxBatch, segmentBytes, initialBackoff, maxBackoff, startupReplayWait, closeWait);
    }

    public OutboxSettings withSegmentBytes(long segmentBytes) {
        return new OutboxSettings(maxBatch, segmentBytes, initialBackoff, maxBackoff, startupReplayWait, closeWait);
    }

    public OutboxSettings withBackoff(Duration initialBackoff, Duration maxBackoff) {
        return new OutboxSettings(maxBatch, segmentBytes, initialBackoff, maxBackoff, startupReplayWait, closeWait);
    }

    public OutboxSettings withStartupReplayWait(Duration startupReplayWait) {
        return new OutboxSettings(maxBatch, segmentBytes, initialBackoff, maxBackoff, startupReplayWait, closeWait);
    }

    public OutboxSettings withCloseWait(Duration closeWait) {
        return new OutboxSettings(maxBatch, segmentBytes, initialBackoff, maxBackoff, startupReplayWait, closeWait);
    }
}

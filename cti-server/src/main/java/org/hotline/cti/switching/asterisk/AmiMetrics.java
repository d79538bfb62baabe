package org.hotline.cti.switching.asterisk;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counters of what the adapter read and did with it. Every event frame read lands in exactly one
 * of applied, ignored, unknown or truncated, so a frame can never vanish without a count.
 * Plain counters (not a registry) so the adapter needs no metrics backend; the composition root
 * exposes them to Prometheus.
 */
public final class AmiMetrics {
    final LongAdder framesRead = new LongAdder();
    final LongAdder eventsApplied = new LongAdder();
    final LongAdder eventsIgnored = new LongAdder();
    final LongAdder unknownEvents = new LongAdder();
    final LongAdder truncatedFrames = new LongAdder();
    final LongAdder malformedLines = new LongAdder();
    final LongAdder oversizedFrames = new LongAdder();
    final LongAdder nonEventFrames = new LongAdder();
    final LongAdder portEvents = new LongAdder();
    final AtomicLong peakBacklog = new AtomicLong();

    public long framesRead() {
        return framesRead.sum();
    }

    /** Event frames that changed or confirmed the live model. */
    public long eventsApplied() {
        return eventsApplied.sum();
    }

    /** Known event frames the adapter does not need (VarSet of other variables, RTCP ...). */
    public long eventsIgnored() {
        return eventsIgnored.sum();
    }

    /** Frames whose Event name the adapter does not know: warned once per name, counted always. */
    public long unknownEvents() {
        return unknownEvents.sum();
    }

    /** Frames cut off by a broken link; warned and not applied. */
    public long truncatedFrames() {
        return truncatedFrames.sum();
    }

    /** Header lines that were not {@code Name: value}; the rest of their frame is still used. */
    public long malformedLines() {
        return malformedLines.sum();
    }

    /** Frames with a line or a line count over the limits; cut to the limit and still used. */
    public long oversizedFrames() {
        return oversizedFrames.sum();
    }

    /** Responses and frames without an Event header (asterisk-java handles responses). */
    public long nonEventFrames() {
        return nonEventFrames.sum();
    }

    /** Port events emitted to the listener. */
    public long portEvents() {
        return portEvents.sum();
    }

    /** Largest number of frames waiting between the reader thread and the model thread. */
    public long peakBacklog() {
        return peakBacklog.get();
    }

    /** Every event frame read is accounted for in one bucket. */
    public long eventFramesAccounted() {
        return eventsApplied() + eventsIgnored() + unknownEvents();
    }

    @Override
    public String toString() {
        return "read=" + framesRead() + " applied=" + eventsApplied() + " ignored=" + eventsIgnored()
                + " unknown=" + unknownEvents() + " truncated=" + truncatedFrames() + " malformedLines="
                + malformedLines() + " oversized=" + oversizedFrames() + " nonEvent=" + nonEventFrames()
                + " portEvents=" + portEvents();
    }
}

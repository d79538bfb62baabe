package org.hotline.cti.ops;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * A lock-free latency histogram in nanoseconds (HdrHistogram) that any thread may record into
 * and a reader may take interval snapshots of. Used for routing decision time and event
 * latency, by the metrics endpoint and the benchmarks alike.
 */
public final class LatencyRecorder {
    private final Recorder recorder = new Recorder(3);
    private final Histogram total = new Histogram(3);

    public void recordNanos(long nanos) {
        recorder.recordValue(Math.max(0, nanos));
    }

    /** Everything recorded since the start, merged from the recorder. */
    public synchronized Histogram snapshot() {
        total.add(recorder.getIntervalHistogram());
        return total.copy();
    }

    public synchronized void reset() {
        recorder.reset();
        total.reset();
    }
}

package org.hotline.agent.bench;

import java.util.Arrays;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javafx.animation.AnimationTimer;
import javafx.application.Platform;

/**
 * Measures how busy the FX thread is while the desk works: for every pulse, the time from the
 * pulse's animation phase to a runnable queued then (it runs right after the pulse: CSS,
 * layout and the render sync are in between); and the delay of a probe posted every 5 ms from
 * another thread (any long handler, pulse or not, shows up there as a stall). Used by every
 * desktop's bench (desk, wallboard).
 */
public final class FxStallMonitor {
    private final long[] frames = new long[1 << 20];
    private final long[] probes = new long[1 << 20];
    private int frameCount;
    private int probeCount;
    private final ScheduledExecutorService prober = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "fx-probe");
        t.setDaemon(true);
        return t;
    });
    private AnimationTimer timer;

    /** Call on the FX thread. */
    public void start() {
        timer = new AnimationTimer() {
            @Override
            public void handle(long now) {
                long start = System.nanoTime();
                Platform.runLater(() -> record(frames, System.nanoTime() - start, true));
            }
        };
        timer.start();
        prober.scheduleAtFixedRate(() -> {
            long posted = System.nanoTime();
            Platform.runLater(() -> record(probes, System.nanoTime() - posted, false));
        }, 5, 5, TimeUnit.MILLISECONDS);
    }

    private void record(long[] into, long nanos, boolean frame) {
        if (frame) {
            if (frameCount < into.length) {
                into[frameCount++] = nanos;
            }
        } else if (probeCount < into.length) {
            into[probeCount++] = nanos;
        }
    }

    /** Call on the FX thread; returns {frames, frame p50 ms, frame p99 ms, frame max ms, probes, stall p99 ms, stall max ms}. */
    public double[] stop() {
        timer.stop();
        prober.shutdownNow();
        long[] f = Arrays.copyOf(frames, frameCount);
        long[] p = Arrays.copyOf(probes, probeCount);
        Arrays.sort(f);
        Arrays.sort(p);
        return new double[] {f.length, ms(f, 0.50), ms(f, 0.99), ms(f, 1.0), p.length, ms(p, 0.99), ms(p, 1.0)};
    }

    private static double ms(long[] sorted, double q) {
        if (sorted.length == 0) {
            return 0;
        }
        int i = (int) Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1);
        return sorted[Math.max(0, i)] / 1e6;
    }
}

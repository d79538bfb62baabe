package org.hotline.agent.desk;

import java.time.Duration;

/** Clock texts the desk shows: {@code m:ss} under an hour, {@code h:mm:ss} above. */
public final class Durations {
    private Durations() {
    }

    public static String clock(Duration d) {
        long s = Math.max(0, d.getSeconds());
        long h = s / 3600;
        long m = s / 60 % 60;
        long sec = s % 60;
        return h > 0 ? String.format("%d:%02d:%02d", h, m, sec) : String.format("%d:%02d", m, sec);
    }
}

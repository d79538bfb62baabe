package org.hotline.cti.core;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Record ids: time-ordered and unique across restarts and sites without a round trip to the
 * database (the outbox replays by id, so ids must never repeat).
 */
public final class Ids {
    private static final AtomicLong COUNTER = new AtomicLong(ThreadLocalRandom.current().nextInt(1 << 20));
    private static final String NODE = Long.toString(ThreadLocalRandom.current().nextLong() & 0xFFFFFFFFL, 36);

    private Ids() {}

    public static String next() {
        return Long.toString(System.currentTimeMillis(), 36) + "-" + NODE + "-"
                + Long.toString(COUNTER.incrementAndGet(), 36);
    }
}

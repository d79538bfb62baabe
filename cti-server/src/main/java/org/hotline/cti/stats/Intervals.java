package org.hotline.cti.stats;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** The 15-minute grid every rollup is keyed on (UTC, so every real zone's midnight is on it). */
final class Intervals {
    static final long SECONDS = 15 * 60;
    static final DateTimeFormatter SQL_DATETIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private Intervals() {}

    static Instant floor(Instant t) {
        return Instant.ofEpochSecond(Math.floorDiv(t.getEpochSecond(), SECONDS) * SECONDS);
    }

    static String sql(Instant intervalStart) {
        return SQL_DATETIME.format(LocalDateTime.ofInstant(intervalStart, ZoneOffset.UTC));
    }

    static Instant fromSql(LocalDateTime utc) {
        return utc.toInstant(ZoneOffset.UTC);
    }
}

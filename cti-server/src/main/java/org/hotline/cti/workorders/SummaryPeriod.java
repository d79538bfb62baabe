package org.hotline.cti.workorders;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;

/** The buckets of summary counts. */
public enum SummaryPeriod {
    DAY,
    WEEK,
    MONTH,
    YEAR;

    /** The first day of the bucket that holds {@code day} (weeks start on Monday). */
    public LocalDate start(LocalDate day) {
        return switch (this) {
            case DAY -> day;
            case WEEK -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH -> day.withDayOfMonth(1);
            case YEAR -> day.withDayOfYear(1);
        };
    }
}

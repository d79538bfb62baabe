package org.hotline.cti.stats;

/** The time buckets of a report. Minute buckets read the 15-minute rollups; the others the daily ones. */
public enum Granularity {
    MINUTES_15(15),
    MINUTES_30(30),
    MINUTES_60(60),
    DAY(0),
    MONTH(0),
    YEAR(0);

    private final int minutes;

    Granularity(int minutes) {
        this.minutes = minutes;
    }

    /** Minutes per bucket, 0 for calendar buckets. */
    public int minutes() {
        return minutes;
    }

    public boolean isCalendar() {
        return minutes == 0;
    }
}

package org.hotline.supervisor.reports;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import com.google.protobuf.Timestamp;
import org.hotline.api.v1.ReportGranularity;

import static java.util.Objects.requireNonNull;

/**
 * The [from, to) the server expects for the chosen days: whole days for day and minute buckets,
 * whole months or years for month and year buckets, at midnight of the report zone.
 */
public record ReportRange(Instant from, Instant to) {
    public static ReportRange of(ReportGranularity granularity, LocalDate first, LocalDate last, ZoneId zone) {
        requireNonNull(granularity, "granularity");
        if (last.isBefore(first)) {
            throw new IllegalArgumentException("range: " + first + " to " + last + " (expected: the last day on or after the first)");
        }
        LocalDate from = switch (granularity) {
            case REPORT_GRANULARITY_MONTH -> first.withDayOfMonth(1);
            case REPORT_GRANULARITY_YEAR -> first.withDayOfYear(1);
            default -> first;
        };
        LocalDate to = switch (granularity) {
            case REPORT_GRANULARITY_MONTH -> last.withDayOfMonth(1).plusMonths(1);
            case REPORT_GRANULARITY_YEAR -> last.withDayOfYear(1).plusYears(1);
            default -> last.plusDays(1);
        };
        return new ReportRange(from.atStartOfDay(zone).toInstant(), to.atStartOfDay(zone).toInstant());
    }

    Timestamp fromTimestamp() {
        return Timestamp.newBuilder().setSeconds(from.getEpochSecond()).build();
    }

    Timestamp toTimestamp() {
        return Timestamp.newBuilder().setSeconds(to.getEpochSecond()).build();
    }

    /** How a bucket start reads for a granularity. */
    static DateTimeFormatter bucketFormat(ReportGranularity granularity) {
        return DateTimeFormatter.ofPattern(switch (granularity) {
            case REPORT_GRANULARITY_DAY -> "yyyy-MM-dd";
            case REPORT_GRANULARITY_MONTH -> "yyyy-MM";
            case REPORT_GRANULARITY_YEAR -> "yyyy";
            default -> "yyyy-MM-dd HH:mm";
        });
    }
}

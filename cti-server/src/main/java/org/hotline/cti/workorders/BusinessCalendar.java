package org.hotline.cti.workorders;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Set;

import org.hotline.cti.routing.BusinessHours;

import static java.util.Objects.requireNonNull;

/**
 * Working time for SLA clocks: weekly hours in a time zone and the holidays on which no time
 * counts. {@link #plus} is where "resolve within 8 working hours" becomes an instant.
 */
public record BusinessCalendar(String calendarId, BusinessHours hours, Set<LocalDate> holidays) {
    /** Enough to cross any run of holidays an administrator may enter. */
    private static final int MAX_DAYS = 3_700;

    public BusinessCalendar {
        requireNonNull(calendarId, "calendarId");
        requireNonNull(hours, "hours");
        holidays = Set.copyOf(requireNonNull(holidays, "holidays"));
        if (hours.days().isEmpty()) {
            throw new IllegalArgumentException("calendar " + calendarId + " has no working day (expected: hours on at least one weekday)");
        }
    }

    /** Every minute counts: emergency lines. */
    public static BusinessCalendar aroundTheClock(ZoneId zone) {
        return new BusinessCalendar("24x7", BusinessHours.always(zone), Set.of());
    }

    public ZoneId zone() {
        return hours.zone();
    }

    /** The instant when {@code workingTime} of working time has passed after {@code start}. */
    public Instant plus(Instant start, Duration workingTime) {
        requireNonNull(start, "start");
        requireNonNull(workingTime, "workingTime");
        if (workingTime.isNegative()) {
            throw new IllegalArgumentException("workingTime: " + workingTime + " (expected: >= 0)");
        }
        ZoneId zone = zone();
        LocalDateTime cursor = LocalDateTime.ofInstant(start, zone);
        Duration remaining = workingTime;
        for (int day = 0; day < MAX_DAYS; day++) {
            LocalDate date = cursor.toLocalDate();
            BusinessHours.Window w = holidays.contains(date) ? null : hours.days().get(date.getDayOfWeek());
            if (w != null) {
                LocalDateTime open = date.atTime(w.open());
                LocalDateTime close = w.close().equals(LocalTime.MIDNIGHT) ? date.plusDays(1).atStartOfDay()
                        : date.atTime(w.close());
                if (cursor.isBefore(open)) {
                    cursor = open;
                }
                if (cursor.isBefore(close)) {
                    Duration available = Duration.between(cursor.atZone(zone), close.atZone(zone));
                    if (remaining.compareTo(available) <= 0) {
                        return cursor.atZone(zone).toInstant().plus(remaining);
                    }
                    remaining = remaining.minus(available);
                }
            }
            cursor = date.plusDays(1).atStartOfDay();
        }
        throw new IllegalArgumentException("calendar " + calendarId + ": " + workingTime + " of working time after "
                + start + " does not fit in " + MAX_DAYS + " days (expected: fewer holidays or a shorter limit)");
    }
}

package org.hotline.cti.routing;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumMap;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/** Weekly opening hours in a time zone. A day without an entry is closed. */
public record BusinessHours(ZoneId zone, Map<DayOfWeek, Window> days) {
    public record Window(LocalTime open, LocalTime close) {
        public Window {
            requireNonNull(open, "open");
            requireNonNull(close, "close");
            if (!close.isAfter(open) && !close.equals(LocalTime.MIDNIGHT)) {
                throw new IllegalArgumentException("window " + open + "-" + close + " (expected: close after open)");
            }
        }

        boolean contains(LocalTime t) {
            return !t.isBefore(open) && (close.equals(LocalTime.MIDNIGHT) || t.isBefore(close));
        }
    }

    public BusinessHours {
        requireNonNull(zone, "zone");
        days = Map.copyOf(days);
    }

    /** Open around the clock, every day (utility emergency lines). */
    public static BusinessHours always(ZoneId zone) {
        Map<DayOfWeek, Window> all = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek d : DayOfWeek.values()) {
            all.put(d, new Window(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT));
        }
        return new BusinessHours(zone, all);
    }

    public boolean isOpen(Instant at) {
        ZonedDateTime local = at.atZone(zone);
        Window w = days.get(local.getDayOfWeek());
        return w != null && w.contains(local.toLocalTime());
    }
}

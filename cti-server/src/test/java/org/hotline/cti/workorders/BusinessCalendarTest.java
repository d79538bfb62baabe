package org.hotline.cti.workorders;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

import org.hotline.cti.routing.BusinessHours;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BusinessCalendarTest {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private static BusinessCalendar office(Set<LocalDate> holidays) {
        Map<DayOfWeek, BusinessHours.Window> days = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek d : new DayOfWeek[] {DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY,
                DayOfWeek.THURSDAY, DayOfWeek.FRIDAY}) {
            days.put(d, new BusinessHours.Window(LocalTime.of(9, 0), LocalTime.of(17, 0)));
        }
        return new BusinessCalendar("office", new BusinessHours(SHANGHAI, days), holidays);
    }

    private static Instant local(String dateTime) {
        return java.time.LocalDateTime.parse(dateTime).atZone(SHANGHAI).toInstant();
    }

    @Test
    void timeWithinOneWorkingDayIsPlainAddition() {
        assertThat(office(Set.of()).plus(local("2026-11-23T10:00"), Duration.ofHours(3))).isEqualTo(local("2026-11-23T13:00"));
    }

    @Test
    void timeCarriesOverTheNightToTheNextOpening() {
        assertThat(office(Set.of()).plus(local("2026-11-23T16:00"), Duration.ofHours(2))).isEqualTo(local("2026-11-24T10:00"));
    }

    @Test
    void startOutsideHoursCountsFromTheNextOpeningAndSkipsTheWeekend() {
        assertThat(office(Set.of()).plus(local("2026-11-27T18:30"), Duration.ofHours(1))).isEqualTo(local("2026-11-30T10:00"));
        assertThat(office(Set.of()).plus(local("2026-11-28T12:00"), Duration.ZERO)).isEqualTo(local("2026-11-30T09:00"));
    }

    @Test
    void holidaysCountNoTime() {
        BusinessCalendar c = office(Set.of(LocalDate.of(2026, 11, 24), LocalDate.of(2026, 11, 25)));
        assertThat(c.plus(local("2026-11-23T16:00"), Duration.ofHours(2))).isEqualTo(local("2026-11-26T10:00"));
    }

    @Test
    void aroundTheClockCountsEveryMinute() {
        Instant start = local("2026-11-28T23:30");
        assertThat(BusinessCalendar.aroundTheClock(SHANGHAI).plus(start, Duration.ofHours(49)))
                .isEqualTo(start.plus(Duration.ofHours(49)));
    }

    @Test
    void aCalendarWithoutWorkingDaysIsRefused() {
        assertThatThrownBy(() -> new BusinessCalendar("never", new BusinessHours(SHANGHAI, Map.of()), Set.of()))
                .hasMessage("calendar never has no working day (expected: hours on at least one weekday)");
    }
}

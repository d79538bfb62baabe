package org.hotline.supervisor.admin;

import java.util.Arrays;
import java.util.List;

import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.hotline.agent.Messages;
import org.hotline.api.v1.BusinessCalendar;

/** A business calendar SLA clocks count in: weekly working hours in a time zone, and holidays. */
public final class CalendarForm extends EntityForm<BusinessCalendar> {
    private final StringProperty id = new SimpleStringProperty("");
    private final StringProperty timeZone = new SimpleStringProperty("");
    private final StringProperty holidays = new SimpleStringProperty("");
    private final WeekHours hours = new WeekHours();
    private final String defaultZone;

    public CalendarForm(Messages texts, String defaultZone) {
        super(texts);
        this.defaultZone = defaultZone;
        watch(id, timeZone, holidays, hours.days());
    }

    @Override
    public String key(BusinessCalendar c) {
        return c.getCalendarId();
    }

    @Override
    public String auditTarget(BusinessCalendar c) {
        return "calendar:" + c.getCalendarId();
    }

    @Override
    public boolean canDelete(BusinessCalendar c) {
        return true;
    }

    @Override
    protected void fill(BusinessCalendar c) {
        id.set(c == null ? "" : c.getCalendarId());
        timeZone.set(c == null ? defaultZone : c.getTimeZone());
        holidays.set(c == null ? "" : String.join("\n", c.getHolidaysList()));
        hours.set(c == null ? List.of() : c.getHoursList(), "", "");
        if (c == null) {
            hours.days().stream().limit(5).forEach(d -> {
                d.openProperty().set(true);
                d.opensProperty().set("09:00");
                d.closesProperty().set("17:00");
            });
        }
    }

    /** The holidays as typed: one date per line (commas and spaces separate too). */
    private List<String> holidayList() {
        return Arrays.stream(text(holidays).split("[,\\s]+")).filter(s -> !s.isEmpty()).distinct().sorted().toList();
    }

    @Override
    protected BusinessCalendar build() {
        return BusinessCalendar.newBuilder().setCalendarId(text(id)).setTimeZone(text(timeZone)).addAllHours(hours.value())
                .addAllHolidays(holidayList()).build();
    }

    @Override
    protected void check(Problems p) {
        p.id("calendar_id", id.get());
        p.zone("time_zone", timeZone.get());
        hours.check(p, "working_hours", true);
        p.dates("holidays", holidayList());
    }

    public StringProperty idProperty() {
        return id;
    }

    public StringProperty timeZoneProperty() {
        return timeZone;
    }

    /** One "YYYY-MM-DD" per line. */
    public StringProperty holidaysProperty() {
        return holidays;
    }

    public WeekHours hours() {
        return hours;
    }
}

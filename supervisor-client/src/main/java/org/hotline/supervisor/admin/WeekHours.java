package org.hotline.supervisor.admin;

import java.util.ArrayList;
import java.util.List;

import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.hotline.api.v1.OpeningHours;

/** Opening or working hours of a week, Monday to Sunday: a day is open from HH:MM to HH:MM, or closed. */
public final class WeekHours {
    /** One weekday; "00:00" as the closing time means the end of the day. */
    public static final class Day {
        private final int dayOfWeek;
        private final BooleanProperty open = new SimpleBooleanProperty();
        private final StringProperty opens = new SimpleStringProperty("");
        private final StringProperty closes = new SimpleStringProperty("");

        Day(int dayOfWeek) {
            this.dayOfWeek = dayOfWeek;
        }

        /** 1 = Monday .. 7 = Sunday. */
        public int dayOfWeek() {
            return dayOfWeek;
        }

        public BooleanProperty openProperty() {
            return open;
        }

        public StringProperty opensProperty() {
            return opens;
        }

        public StringProperty closesProperty() {
            return closes;
        }
    }

    private final ObservableList<Day> days = FXCollections.observableArrayList(d -> new Observable[] {d.open, d.opens, d.closes});

    public WeekHours() {
        for (int d = 1; d <= 7; d++) {
            days.add(new Day(d));
        }
    }

    public ObservableList<Day> days() {
        return days;
    }

    /** The stored hours; for a new item, {@code open}..{@code close} on every day. */
    void set(List<OpeningHours> hours, String open, String close) {
        for (Day d : days) {
            OpeningHours h = hours.stream().filter(x -> x.getDayOfWeek() == d.dayOfWeek).findFirst().orElse(null);
            d.open.set(h != null || hours.isEmpty() && !open.isEmpty());
            d.opens.set(h != null ? h.getOpensAt() : open);
            d.closes.set(h != null ? h.getClosesAt() : close);
        }
    }

    List<OpeningHours> value() {
        List<OpeningHours> out = new ArrayList<>();
        for (Day d : days) {
            if (d.open.get()) {
                out.add(OpeningHours.newBuilder().setDayOfWeek(d.dayOfWeek).setOpensAt(d.opens.get().strip())
                        .setClosesAt(d.closes.get().strip()).build());
            }
        }
        return out;
    }

    /** Each open day has HH:MM times with the closing after the opening (or "00:00", the end of the day). */
    void check(Problems p, String field, boolean atLeastOneDay) {
        boolean any = false;
        for (Day d : days) {
            if (!d.open.get()) {
                continue;
            }
            any = true;
            String opens = d.opens.get() == null ? "" : d.opens.get().strip();
            String closes = d.closes.get() == null ? "" : d.closes.get().strip();
            String day = p.label("day." + d.dayOfWeek);
            if (!p.time(field, opens, day) || !p.time(field, closes, day)) {
                return;
            }
            if (!closes.equals("00:00") && closes.compareTo(opens) <= 0) {
                p.of(field, "closes_before_opens", day, opens, closes);
                return;
            }
        }
        if (atLeastOneDay && !any) {
            p.of(field, "no_day");
        }
    }
}

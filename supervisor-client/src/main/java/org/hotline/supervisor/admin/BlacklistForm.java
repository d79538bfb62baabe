package org.hotline.supervisor.admin;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import com.google.protobuf.Timestamp;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.hotline.agent.Messages;
import org.hotline.api.v1.BlacklistEntry;

/**
 * A blocked calling number (the caller hears an announcement and never reaches a queue): why,
 * and for how many days (0: until removed). Saving an entry again replaces its reason and time.
 */
public final class BlacklistForm extends EntityForm<BlacklistEntry> {
    static final int MAX_DAYS = 3_650;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private final StringProperty phone = new SimpleStringProperty("");
    private final StringProperty reason = new SimpleStringProperty("");
    private final StringProperty days = new SimpleStringProperty("");
    private final Clock clock;
    private final ZoneId zone;

    public BlacklistForm(Messages texts, Clock clock) {
        super(texts);
        this.clock = clock;
        this.zone = clock.getZone();
        watch(phone, reason, days);
    }

    @Override
    public Access access() {
        return Access.SUPERVISORS;
    }

    @Override
    public String key(BlacklistEntry e) {
        return e.getPhone();
    }

    @Override
    public String title(BlacklistEntry e) {
        String until = e.hasExpiresAt() ? DAY.format(Instant.ofEpochSecond(e.getExpiresAt().getSeconds()).atZone(zone))
                : texts.get("admin.blacklist.forever");
        return e.getPhone() + "  " + (e.getActive() ? texts.get("admin.blacklist.until", until) : texts.get("admin.blacklist.expired"));
    }

    @Override
    public String auditTarget(BlacklistEntry e) {
        return "blacklist:" + e.getPhone();
    }

    @Override
    public boolean canDelete(BlacklistEntry e) {
        return true;
    }

    @Override
    protected void fill(BlacklistEntry e) {
        phone.set(e == null ? "" : e.getPhone());
        reason.set(e == null ? "" : e.getReason());
        if (e == null || !e.hasExpiresAt()) {
            days.set("0");
        } else {
            // The days still to run, rounded up: saving again keeps about the same end.
            long seconds = e.getExpiresAt().getSeconds() - e.getAddedAt().getSeconds();
            days.set(String.valueOf(Math.max(0, (seconds + Duration.ofDays(1).toSeconds() - 1) / Duration.ofDays(1).toSeconds())));
        }
    }

    /** The entry to add: blocked from now for the days typed (no end for 0). */
    @Override
    protected BlacklistEntry build() {
        Instant now = clock.instant();
        int d = Integer.parseInt(text(days));
        BlacklistEntry.Builder b = BlacklistEntry.newBuilder().setPhone(text(phone)).setReason(text(reason))
                .setAddedAt(Timestamp.newBuilder().setSeconds(now.getEpochSecond()));
        if (d > 0) {
            b.setExpiresAt(Timestamp.newBuilder().setSeconds(now.plus(Duration.ofDays(d)).getEpochSecond()));
        }
        return b.build();
    }

    /** The days an entry to add is blocked for: 0 for until removed. */
    static int days(BlacklistEntry e) {
        return e.hasExpiresAt() ? (int) Duration.ofSeconds(e.getExpiresAt().getSeconds() - e.getAddedAt().getSeconds()).toDays() : 0;
    }

    @Override
    protected void check(Problems p) {
        if (p.required("phone", phone.get()) && text(phone).length() > 32) {
            p.of("phone", "length", String.valueOf(text(phone).length()), "1", "32");
        }
        if (p.required("reason", reason.get()) && text(reason).length() > 255) {
            p.of("reason", "length", String.valueOf(text(reason).length()), "1", "255");
        }
        p.number("days", days.get(), 0, MAX_DAYS);
    }

    public StringProperty phoneProperty() {
        return phone;
    }

    public StringProperty reasonProperty() {
        return reason;
    }

    public StringProperty daysProperty() {
        return days;
    }
}

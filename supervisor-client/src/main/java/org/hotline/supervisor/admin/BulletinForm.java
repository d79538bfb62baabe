package org.hotline.supervisor.admin;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;

import com.google.protobuf.Timestamp;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ObservableList;
import org.hotline.agent.Messages;
import org.hotline.api.v1.Bulletin;
import org.hotline.api.v1.BulletinAudience;

/**
 * A bulletin for the desks (all, or one team) or the wallboard, valid from a time (empty: now)
 * until a time. Published bulletins are not changed: a correction is a new bulletin.
 */
public final class BulletinForm extends EntityForm<Bulletin> {
    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    public static final List<BulletinAudience> AUDIENCES = List.of(BulletinAudience.BULLETIN_AUDIENCE_ALL,
            BulletinAudience.BULLETIN_AUDIENCE_TEAM, BulletinAudience.BULLETIN_AUDIENCE_WALLBOARD);

    private final StringProperty title = new SimpleStringProperty("");
    private final StringProperty body = new SimpleStringProperty("");
    private final ObjectProperty<BulletinAudience> audience = new SimpleObjectProperty<>(BulletinAudience.BULLETIN_AUDIENCE_ALL);
    private final StringProperty team = new SimpleStringProperty("");
    private final StringProperty from = new SimpleStringProperty("");
    private final StringProperty until = new SimpleStringProperty("");
    private final ObservableList<String> teams;
    private final Clock clock;

    public BulletinForm(Messages texts, ObservableList<String> teams, Clock clock) {
        super(texts);
        this.teams = teams;
        this.clock = clock;
        watch(title, body, audience, team, from, until);
    }

    @Override
    public Access access() {
        return Access.SUPERVISORS;
    }

    @Override
    public boolean canUpdate() {
        return false;
    }

    @Override
    public String key(Bulletin b) {
        return String.format("%012d", b.getId());
    }

    @Override
    public String title(Bulletin b) {
        return format(b.getValidFrom()) + "  " + b.getTitle();
    }

    @Override
    public String auditTarget(Bulletin b) {
        return "bulletin:" + b.getId();
    }

    private String format(Timestamp t) {
        return WHEN.format(Instant.ofEpochSecond(t.getSeconds()).atZone(clock.getZone()));
    }

    @Override
    protected void fill(Bulletin b) {
        title.set(b == null ? "" : b.getTitle());
        body.set(b == null ? "" : b.getBody());
        audience.set(b == null ? BulletinAudience.BULLETIN_AUDIENCE_ALL : b.getAudience());
        team.set(b == null ? "" : b.getTeamId());
        from.set(b == null ? "" : format(b.getValidFrom()));
        until.set(b == null ? WHEN.format(clock.instant().plus(Duration.ofDays(1)).atZone(clock.getZone())) : format(b.getValidUntil()));
    }

    @Override
    protected Bulletin build() {
        Bulletin.Builder b = Bulletin.newBuilder().setTitle(text(title)).setBody(text(body)).setAudience(audience.get())
                .setTeamId(audience.get() == BulletinAudience.BULLETIN_AUDIENCE_TEAM ? text(team) : "")
                .setValidUntil(timestamp(parse(text(until))));
        if (!text(from).isEmpty()) {
            b.setValidFrom(timestamp(parse(text(from))));
        }
        return b.build();
    }

    private static Timestamp timestamp(Instant i) {
        return Timestamp.newBuilder().setSeconds(i.getEpochSecond()).build();
    }

    /** "yyyy-MM-dd HH:mm" in this desk's zone, or null. */
    private Instant parse(String s) {
        try {
            return LocalDateTime.parse(s, WHEN).atZone(clock.getZone()).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    @Override
    protected void check(Problems p) {
        p.required("title", title.get());
        p.required("body", body.get());
        if (audience.get() == BulletinAudience.BULLETIN_AUDIENCE_TEAM && p.required("team", team.get())
                && !teams.isEmpty() && !teams.contains(text(team))) {
            p.of("team", "unknown", text(team));
        }
        Instant start = clock.instant();
        if (!text(from).isEmpty()) {
            start = parse(text(from));
            if (start == null) {
                p.of("valid_from", "when", text(from));
            }
        }
        Instant end = parse(text(until));
        if (end == null) {
            p.of("valid_until", "when", text(until));
        } else if (start != null && !end.isAfter(start) || !end.isAfter(clock.instant())) {
            p.of("valid_until", "until_after", text(until));
        }
    }

    public StringProperty titleProperty() {
        return title;
    }

    public StringProperty bodyProperty() {
        return body;
    }

    public ObjectProperty<BulletinAudience> audienceProperty() {
        return audience;
    }

    public StringProperty teamProperty() {
        return team;
    }

    /** "yyyy-MM-dd HH:mm"; empty: from now. */
    public StringProperty fromProperty() {
        return from;
    }

    public StringProperty untilProperty() {
        return until;
    }

    public ObservableList<String> teams() {
        return teams;
    }
}

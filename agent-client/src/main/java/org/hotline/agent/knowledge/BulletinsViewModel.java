package org.hotline.agent.knowledge;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.google.protobuf.Timestamp;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.hotline.api.v1.Bulletin;
import org.hotline.api.v1.DeskEvent;

import static java.util.Objects.requireNonNull;

/**
 * The bulletins (通知公告) of this desk: those of the snapshot and those pushed since, of which
 * only the ones valid now (from inclusive, until exclusive, by the clock) are shown, taking
 * turns on the ticker. Expired ones drop out at the next {@link #tick()}, with no restart.
 */
public final class BulletinsViewModel {
    /** How long each bulletin stays on the ticker before the next one. */
    public static final Duration TURN = Duration.ofSeconds(8);

    private final Clock clock;
    private final Map<Long, Bulletin> known = new LinkedHashMap<>();
    private final ObservableList<Bulletin> current = FXCollections.observableArrayList();
    private final ObjectProperty<Bulletin> shown = new SimpleObjectProperty<>();

    public BulletinsViewModel(Clock clock) {
        this.clock = requireNonNull(clock, "clock");
    }

    /** Takes the snapshot's bulletins (replacing what was known: a reconnect resyncs) and pushed ones. */
    public void apply(DeskEvent e) {
        if (e.hasSnapshot()) {
            known.clear();
            e.getSnapshot().getBulletinsList().forEach(b -> known.put(b.getId(), b));
            tick();
        } else if (e.hasBulletin()) {
            known.put(e.getBulletin().getId(), e.getBulletin());
            tick();
        }
    }

    /**
     * Takes a complete list of the bulletins valid now (the wallboard's statistics carry it every
     * second), replacing what was known; an unchanged list changes nothing.
     */
    public void show(List<Bulletin> all) {
        if (known.size() == all.size() && known.values().containsAll(all)) {
            return;
        }
        known.clear();
        all.forEach(b -> known.put(b.getId(), b));
        tick();
    }

    /** Re-reads the clock: drops expired bulletins, adds those whose start came, turns the ticker. */
    public void tick() {
        Instant now = clock.instant();
        known.values().removeIf(b -> b.hasValidUntil() && !now.isBefore(instant(b.getValidUntil())));
        List<Bulletin> valid = new ArrayList<>();
        for (Bulletin b : known.values()) {
            if (!b.hasValidFrom() || !now.isBefore(instant(b.getValidFrom()))) {
                valid.add(b);
            }
        }
        valid.sort(Comparator.comparing((Bulletin b) -> b.hasValidFrom() ? instant(b.getValidFrom()) : Instant.EPOCH)
                .thenComparingLong(Bulletin::getId));
        if (!valid.equals(current)) {
            current.setAll(valid);
        }
        Bulletin next = valid.isEmpty() ? null : valid.get((int) (now.getEpochSecond() / TURN.getSeconds() % valid.size()));
        if (!java.util.Objects.equals(next, shown.get())) {
            shown.set(next);
        }
    }

    private static Instant instant(Timestamp t) {
        return Instant.ofEpochSecond(t.getSeconds(), t.getNanos());
    }

    /** Bulletins valid now, by start. */
    public ObservableList<Bulletin> current() {
        return FXCollections.unmodifiableObservableList(current);
    }

    /** The one on the ticker now, or null when none is valid. */
    public ReadOnlyObjectProperty<Bulletin> shownProperty() {
        return shown;
    }
}

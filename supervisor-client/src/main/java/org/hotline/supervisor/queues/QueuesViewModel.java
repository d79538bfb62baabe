package org.hotline.supervisor.queues;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.hotline.agent.Messages;
import org.hotline.agent.desk.Durations;
import org.hotline.api.v1.QueueStatus;
import org.hotline.api.v1.SupervisionEvent;
import org.hotline.api.v1.WaitingCall;

import static java.util.Objects.requireNonNull;

/**
 * The queues panel: per queue the calls waiting and the longest wait (ticking), today's service
 * level (answered within the queue's T seconds over offered), average speed of answer,
 * abandonment rate and agents Ready / busy / Not ready; amber and red by {@link QueueThresholds},
 * a sound when a queue turns red, and the waiting calls of the selected queue.
 */
public final class QueuesViewModel {
    /** How many alert lines the panel keeps (newest first). */
    static final int ALERTS_KEPT = 50;
    private static final DateTimeFormatter HH_MM_SS = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final Messages texts;
    private final Clock clock;
    private final QueueThresholds thresholds;
    private final QueueAlarm alarm;
    private final Map<String, QueueRow> byId = new HashMap<>();
    private final ObservableList<QueueRow> rows = FXCollections.observableArrayList();
    private final ObservableList<WaitingRow> waiting = FXCollections.observableArrayList();
    private final ObservableList<String> alerts = FXCollections.observableArrayList();
    private final ObjectProperty<QueueRow> selected = new SimpleObjectProperty<>();

    public QueuesViewModel(Messages texts, Clock clock, QueueThresholds thresholds, QueueAlarm alarm) {
        this.texts = requireNonNull(texts, "texts");
        this.clock = requireNonNull(clock, "clock");
        this.thresholds = requireNonNull(thresholds, "thresholds");
        this.alarm = requireNonNull(alarm, "alarm");
        selected.addListener((o, a, b) -> refreshWaiting(clock.instant()));
    }

    /** A waiting call of the selected queue. */
    public record WaitingRow(String callId, String caller, int priority, String waited) {
    }

    public void apply(SupervisionEvent e) {
        Instant now = clock.instant();
        if (e.hasSnapshot()) {
            Set<String> ids = new HashSet<>();
            for (QueueStatus q : e.getSnapshot().getQueuesList()) {
                ids.add(q.getQueueId());
                upsert(q, now, false); // listed as alerts, but no sound for what was already red
            }
            byId.keySet().removeIf(id -> !ids.contains(id));
            rows.removeIf(r -> !ids.contains(r.queueId()));
            if (selected.get() != null && !byId.containsKey(selected.get().queueId())) {
                selected.set(null);
            }
            refreshWaiting(now);
        } else if (e.hasQueue()) {
            upsert(e.getQueue(), now, true);
            if (selected.get() != null && selected.get().queueId().equals(e.getQueue().getQueueId())) {
                refreshWaiting(now);
            }
        }
    }

    private void upsert(QueueStatus q, Instant now, boolean sound) {
        QueueRow r = byId.get(q.getQueueId());
        if (r == null) {
            r = new QueueRow(q.getQueueId());
            byId.put(q.getQueueId(), r);
            rows.add(r);
            FXCollections.sort(rows, Comparator.comparing(QueueRow::queueId));
        }
        refresh(r, q, now, sound);
    }

    /** Every second: the longest waits tick on. */
    public void tick() {
        Instant now = clock.instant();
        for (QueueRow r : rows) {
            refresh(r, r.status(), now, true);
        }
        refreshWaiting(now);
    }

    private void refresh(QueueRow r, QueueStatus q, Instant now, boolean sound) {
        long longest = longestWait(q, now);
        QueueThresholds.Level was = r.status() == null ? QueueThresholds.Level.OK : r.levelProperty().get();
        QueueThresholds.Level level = thresholds.level(q, longest);
        String sl = q.getOfferedToday() == 0 ? "–" : String.format(Locale.ROOT, "%.1f%%", q.getServiceLevelPercent());
        String asa = q.getAnsweredToday() == 0 ? "–" : Durations.clock(Duration.ofSeconds(Math.round(q.getAverageSpeedOfAnswerSeconds())));
        String abandon = q.getOfferedToday() == 0 ? "–"
                : String.format(Locale.ROOT, "%.1f%%", 100.0 * q.getAbandonedToday() / q.getOfferedToday());
        r.set(q, q.getWaiting() == 0 ? "" : Durations.clock(Duration.ofSeconds(longest)), sl, asa, abandon,
                texts.get("queues.offered_value", q.getOfferedToday(), q.getAnsweredToday(), q.getAbandonedToday()),
                texts.get("queues.agents_value", q.getAgentsReady(), q.getAgentsBusy(), q.getAgentsNotReady()), level);
        if (level == QueueThresholds.Level.ALARM && was != QueueThresholds.Level.ALARM) {
            String at = LocalTime.ofInstant(now, zone()).format(HH_MM_SS);
            alerts.add(0, texts.get("queues.alert", at, r.nameProperty().get(), r.longestWaitProperty().get().isEmpty()
                    ? "0:00" : r.longestWaitProperty().get(), q.getServiceLevelThresholdSeconds(), sl));
            if (alerts.size() > ALERTS_KEPT) {
                alerts.remove(ALERTS_KEPT, alerts.size());
            }
            if (sound) {
                alarm.sound();
            }
        }
    }

    private ZoneId zone() {
        return clock.getZone();
    }

    /** The oldest waiting call's wait now, or the server's figure when the calls are not listed. */
    private static long longestWait(QueueStatus q, Instant now) {
        if (q.getWaiting() == 0) {
            return 0;
        }
        long oldest = Long.MAX_VALUE;
        for (WaitingCall c : q.getWaitingCallsList()) {
            if (c.hasQueuedAt()) {
                oldest = Math.min(oldest, c.getQueuedAt().getSeconds());
            }
        }
        return oldest == Long.MAX_VALUE ? q.getLongestWaitSeconds() : Math.max(0, now.getEpochSecond() - oldest);
    }

    private void refreshWaiting(Instant now) {
        QueueRow r = selected.get();
        if (r == null || r.status() == null) {
            waiting.clear();
            return;
        }
        List<WaitingRow> calls = r.status().getWaitingCallsList().stream()
                .sorted(Comparator.comparingInt(WaitingCall::getPriority).reversed()
                        .thenComparingLong(c -> c.getQueuedAt().getSeconds()))
                .map(c -> new WaitingRow(c.getCallId(), c.getCallerNumber(), c.getPriority(),
                        Durations.clock(Duration.ofSeconds(Math.max(0, now.getEpochSecond() - c.getQueuedAt().getSeconds())))))
                .toList();
        waiting.setAll(calls);
    }

    public ObservableList<QueueRow> rows() {
        return rows;
    }

    public ObservableList<WaitingRow> waitingCalls() {
        return waiting;
    }

    public ObservableList<String> alerts() {
        return alerts;
    }

    public ObjectProperty<QueueRow> selectedProperty() {
        return selected;
    }
}

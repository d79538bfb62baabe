package org.hotline.agent.history;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.hotline.agent.ErrorTexts;
import org.hotline.agent.Messages;
import org.hotline.agent.desk.Durations;
import org.hotline.agent.ui.ListUpdates;
import org.hotline.api.v1.AgentState;
import org.hotline.api.v1.DeskEvent;
import org.hotline.api.v1.GetMyDayResponse;
import org.hotline.api.v1.StateTime;

import static java.util.Objects.requireNonNull;

/**
 * My day: calls handled, average handle time, talk time and time in each state since midnight,
 * as the server counts them; fetched again every minute and after each call record (while on screen;
 * a record that ends while they are hidden has them fetched when shown).
 */
public final class MyDayViewModel {
    /** How often the figures are fetched again without a call ending. */
    public static final Duration EVERY = Duration.ofMinutes(1);
    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    private final HistoryGateway gateway;
    private final Messages messages;
    private final ErrorTexts errors;
    private final Clock clock;

    private final StringProperty callsHandled = new SimpleStringProperty("–");
    private final StringProperty averageHandle = new SimpleStringProperty("–");
    private final StringProperty talk = new SimpleStringProperty("–");
    private final StringProperty asOf = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty("");
    private final ObservableList<StateRow> states = FXCollections.observableArrayList();
    private final ObservableList<StateRow> statesView = FXCollections.unmodifiableObservableList(states);
    private Instant lastAsked;
    private boolean asking;
    private boolean showing;
    /** A call ended while the figures were hidden. */
    private boolean stale;

    /** One line of the time-in-state table. */
    public record StateRow(AgentState state, String label, String time) {
    }

    public MyDayViewModel(HistoryGateway gateway, Messages messages, Clock clock) {
        this.gateway = requireNonNull(gateway, "gateway");
        this.messages = requireNonNull(messages, "messages");
        this.errors = new ErrorTexts(messages);
        this.clock = requireNonNull(clock, "clock");
    }

    /** A call record became durable: the figures changed (fetched now when they are on screen, else when shown). */
    public void apply(DeskEvent e) {
        if (e.hasRecorded()) {
            if (showing) {
                refresh();
            } else {
                stale = true;
            }
        } else if (e.hasSnapshot() && lastAsked == null) {
            refresh();
        }
    }

    /** Whether the figures are on screen; showing them fetches them when a call ended since, or a minute has passed. */
    public void setShowing(boolean showing) {
        this.showing = showing;
        if (showing && stale) {
            refresh();
        } else if (showing) {
            tick();
        }
    }

    /** Called every few seconds by the view: fetches again once a minute has passed. */
    public void tick() {
        if (lastAsked == null || !clock.instant().isBefore(lastAsked.plus(EVERY))) {
            refresh();
        }
    }

    public void refresh() {
        if (asking) {
            return; // one at a time: the answer in flight already counts everything up to now
        }
        asking = true;
        stale = false;
        lastAsked = clock.instant();
        gateway.myDay().whenComplete((r, e) -> {
            asking = false;
            if (e != null) {
                error.set(errors.of(e));
                return;
            }
            error.set("");
            show(r);
        });
    }

    private void show(GetMyDayResponse r) {
        callsHandled.set(Integer.toString(r.getCallsHandled()));
        averageHandle.set(r.getCallsHandled() == 0 ? "–" : Durations.clock(Duration.ofSeconds(r.getAverageHandleSeconds())));
        talk.set(Durations.clock(Duration.ofSeconds(r.getTalkSeconds())));
        ZoneId zone = clock.getZone();
        asOf.set(r.hasAsOf() ? messages.get("my.as_of",
                HH_MM.format(Instant.ofEpochSecond(r.getAsOf().getSeconds()).atZone(zone))) : "");
        ListUpdates.replace(states, r.getStateTimesList().stream()
                .filter(s -> s.getState() != AgentState.AGENT_STATE_LOGGED_OUT && s.getState() != AgentState.AGENT_STATE_UNSPECIFIED)
                .sorted(java.util.Comparator.comparingInt(s -> s.getState().getNumber()))
                .map(this::row).toList());
    }

    private StateRow row(StateTime s) {
        String key = "state." + s.getState().name().substring("AGENT_STATE_".length()).toLowerCase(Locale.ROOT);
        return new StateRow(s.getState(), messages.get(key), Durations.clock(Duration.ofSeconds(s.getSeconds())));
    }

    public ReadOnlyStringProperty callsHandledProperty() {
        return callsHandled;
    }

    public ReadOnlyStringProperty averageHandleProperty() {
        return averageHandle;
    }

    public ReadOnlyStringProperty talkProperty() {
        return talk;
    }

    public ReadOnlyStringProperty asOfProperty() {
        return asOf;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error;
    }

    public ObservableList<StateRow> states() {
        return statesView;
    }
}

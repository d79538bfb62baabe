package org.hotline.agent.history;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.function.Consumer;

import com.google.protobuf.Timestamp;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.hotline.agent.ErrorTexts;
import org.hotline.agent.Messages;
import org.hotline.agent.desk.Durations;
import org.hotline.agent.ui.ListUpdates;
import org.hotline.api.v1.CallDirection;
import org.hotline.api.v1.CallHistoryEntry;
import org.hotline.api.v1.DeskEvent;
import org.hotline.api.v1.ListMyCallsRequest;

import static java.util.Objects.requireNonNull;

/**
 * My call history: the agent's calls, newest first, filtered by time range, direction and a
 * fragment of the number; a number in the list dials back with one click.
 */
public final class CallHistoryViewModel {
    static final int LIMIT = 200;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /** The time ranges offered, in the clock's zone (days start at local midnight). */
    public enum Range { TODAY, YESTERDAY, LAST_7_DAYS, LAST_30_DAYS, ANY }

    private final HistoryGateway gateway;
    private final Messages messages;
    private final ErrorTexts errors;
    private final Clock clock;
    private final Consumer<String> dialer;

    private final ObjectProperty<Range> range = new SimpleObjectProperty<>(Range.TODAY);
    private final ObjectProperty<CallDirection> direction = new SimpleObjectProperty<>(CallDirection.CALL_DIRECTION_UNSPECIFIED);
    private final StringProperty number = new SimpleStringProperty("");
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final ObservableList<Row> rowsView = FXCollections.unmodifiableObservableList(rows);
    private final StringProperty status = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty("");
    private long seq;
    private boolean showing;

    /** One call as the table shows it; {@code number} is the other party, the one to dial back. */
    public record Row(String callId, String when, String direction, String number, String queue, String talk,
                      String customer, String workOrder, boolean answered) {
    }

    public CallHistoryViewModel(HistoryGateway gateway, Messages messages, Clock clock, Consumer<String> dialer) {
        this.gateway = requireNonNull(gateway, "gateway");
        this.messages = requireNonNull(messages, "messages");
        this.errors = new ErrorTexts(messages);
        this.clock = requireNonNull(clock, "clock");
        this.dialer = requireNonNull(dialer, "dialer");
    }

    /** A finished call is on record: the list may have a new first line (fetched when the list is on screen). */
    public void apply(DeskEvent e) {
        if (e.hasRecorded() && showing) {
            search();
        }
    }

    /**
     * Whether the list is on screen. A hidden list is not fetched again at every call (each a table
     * of up to {@value #LIMIT} rows rebuilt on the FX thread); showing it fetches it.
     */
    public void setShowing(boolean showing) {
        this.showing = showing;
        if (showing) {
            search();
        }
    }

    /** The request the current filters stand for, or null (with the reason in {@link #errorProperty()}) when invalid. */
    ListMyCallsRequest request() {
        String raw = number.get() == null ? "" : number.get().strip();
        String digits = raw.replaceAll("[\\s\\-()+]", "");
        if (!digits.matches("[0-9*#]*")) {
            error.set(messages.get("history.bad_number", raw));
            return null;
        }
        ListMyCallsRequest.Builder r = ListMyCallsRequest.newBuilder().setDirection(direction.get())
                .setNumberFragment(digits).setLimit(LIMIT);
        ZoneId zone = clock.getZone();
        LocalDate today = LocalDate.now(clock);
        switch (range.get()) {
            case TODAY -> r.setFrom(ts(today.atStartOfDay(zone).toInstant()));
            case YESTERDAY -> r.setFrom(ts(today.minusDays(1).atStartOfDay(zone).toInstant()))
                    .setUntil(ts(today.atStartOfDay(zone).toInstant()));
            case LAST_7_DAYS -> r.setFrom(ts(today.minusDays(6).atStartOfDay(zone).toInstant()));
            case LAST_30_DAYS -> r.setFrom(ts(today.minusDays(29).atStartOfDay(zone).toInstant()));
            case ANY -> { }
        }
        return r.build();
    }

    public void search() {
        ListMyCallsRequest r = request();
        if (r == null) {
            rows.clear();
            return;
        }
        error.set("");
        long mine = ++seq;
        status.set(messages.get("history.loading"));
        gateway.myCalls(r).whenComplete((resp, e) -> {
            if (mine != seq) {
                return;
            }
            if (e != null) {
                status.set("");
                error.set(errors.of(e));
                return;
            }
            ListUpdates.replace(rows, resp.getCallsList().stream().map(this::row).toList());
            status.set(rows.isEmpty() ? messages.get("history.none") : messages.get("history.count", rows.size()));
        });
    }

    private Row row(CallHistoryEntry c) {
        boolean inbound = c.getDirection() == CallDirection.CALL_DIRECTION_INBOUND;
        String other = inbound || c.getDialledNumber().isEmpty() ? c.getCallerNumber() : c.getDialledNumber();
        return new Row(c.getCallId(), WHEN.format(instant(c.getStartedAt()).atZone(clock.getZone())),
                directionLabel(c.getDirection()), other, c.getQueue(),
                c.hasAnsweredAt() ? Durations.clock(Duration.ofSeconds(c.getTalkSeconds())) : messages.get("history.unanswered"),
                c.getCustomerId(), c.getWorkOrderNo(), c.hasAnsweredAt());
    }

    public String directionLabel(CallDirection d) {
        return messages.get("history.direction." + d.name().substring("CALL_DIRECTION_".length()).toLowerCase(Locale.ROOT));
    }

    public String rangeLabel(Range r) {
        return messages.get("history.range." + r.name().toLowerCase(Locale.ROOT));
    }

    /** Click-to-dial on a row's number. */
    public void dial(Row row) {
        if (row != null && !row.number().isBlank()) {
            dialer.accept(row.number());
        }
    }

    private static Timestamp ts(Instant i) {
        return Timestamp.newBuilder().setSeconds(i.getEpochSecond()).setNanos(i.getNano()).build();
    }

    private static Instant instant(Timestamp t) {
        return Instant.ofEpochSecond(t.getSeconds(), t.getNanos());
    }

    public ObjectProperty<Range> rangeProperty() {
        return range;
    }

    public ObjectProperty<CallDirection> directionProperty() {
        return direction;
    }

    public StringProperty numberProperty() {
        return number;
    }

    public ObservableList<Row> rows() {
        return rowsView;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error;
    }
}

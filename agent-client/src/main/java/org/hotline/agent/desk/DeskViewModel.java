package org.hotline.agent.desk;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.hotline.agent.ErrorTexts;
import org.hotline.agent.Messages;
import org.hotline.agent.desk.CallActions.Action;
import org.hotline.api.v1.AgentState;
import org.hotline.api.v1.AgentStatus;
import org.hotline.api.v1.Call;
import org.hotline.api.v1.CallUpdate;
import org.hotline.api.v1.CommandResponse;
import org.hotline.api.v1.ConnectionState;
import org.hotline.api.v1.DeskEvent;
import org.hotline.api.v1.DeskSnapshot;
import org.hotline.api.v1.ReasonCode;

import static java.util.Objects.requireNonNull;

/**
 * The softphone bar and the agent's state: what the desk shows about its calls and which actions
 * are valid, and the commands behind the buttons. Lives on the FX thread (events and command
 * results arrive there); holds no node, so it is tested without a screen.
 */
public final class DeskViewModel {
    private final SoftphoneGateway phone;
    private final Messages messages;
    private final ErrorTexts errors;
    private final Clock clock;
    private final DeskAlerts alerts;
    private final CallActions actions;

    private final ObjectProperty<AgentState> state = new SimpleObjectProperty<>(AgentState.AGENT_STATE_LOGGED_OUT);
    private final StringProperty reasonCode = new SimpleStringProperty("");
    private final ObjectProperty<Instant> stateSince = new SimpleObjectProperty<>();
    private final StringProperty stateText = new SimpleStringProperty("");
    private final StringProperty timeInState = new SimpleStringProperty("");
    private final StringProperty pendingText = new SimpleStringProperty("");
    private final ObservableList<ReasonCode> reasonCodes = FXCollections.observableArrayList();
    private final ObservableList<Call> calls = FXCollections.observableArrayList();
    // One read-only wrapper each, handed out every time: a listener on a fresh wrapper would be lost to the GC.
    private final ObservableList<ReasonCode> reasonCodesView = FXCollections.unmodifiableObservableList(reasonCodes);
    private final ObservableList<Call> callsView = FXCollections.unmodifiableObservableList(calls);
    private final ObjectProperty<Call> activeCall = new SimpleObjectProperty<>();
    private final StringProperty callerText = new SimpleStringProperty("");
    private final StringProperty callDetail = new SimpleStringProperty("");
    private final StringProperty callTime = new SimpleStringProperty("");
    private final BooleanProperty ringing = new SimpleBooleanProperty();
    private final BooleanProperty muted = new SimpleBooleanProperty();
    private final StringProperty error = new SimpleStringProperty("");
    private final StringProperty notice = new SimpleStringProperty("");
    private final Map<Action, BooleanProperty> enabled = new EnumMap<>(Action.class);
    private final List<Consumer<String>> recordedListeners = new ArrayList<>();
    private java.util.function.Supplier<Map<String, String>> handOver = Map::of;

    public DeskViewModel(SoftphoneGateway phone, Messages messages, Clock clock, DeskAlerts alerts, String agentId,
                         String extension, List<ReasonCode> reasonCodes) {
        this.phone = requireNonNull(phone, "phone");
        this.messages = requireNonNull(messages, "messages");
        this.errors = new ErrorTexts(messages);
        this.clock = requireNonNull(clock, "clock");
        this.alerts = requireNonNull(alerts, "alerts");
        this.actions = new CallActions(extension, agentId);
        this.reasonCodes.setAll(reasonCodes);
        for (Action a : Action.values()) {
            enabled.put(a, new SimpleBooleanProperty());
        }
        refresh();
    }

    // --- events from the server ---

    /** Applies one desk event; a snapshot replaces everything (after a reconnect, too). */
    public void apply(DeskEvent e) {
        switch (e.getKindCase()) {
            case SNAPSHOT -> applySnapshot(e.getSnapshot());
            case AGENT -> applyAgent(e.getAgent());
            case CALL -> applyCall(e.getCall());
            case RECORDED -> recordedListeners.forEach(l -> l.accept(e.getRecorded().getCallId()));
            case NOTICE -> notice.set(e.getNotice().getCode().isEmpty() || !messages.bundle().containsKey(e.getNotice().getCode())
                    ? e.getNotice().getText() : messages.get(e.getNotice().getCode()) + (e.getNotice().getText().isEmpty() ? ""
                    : ": " + e.getNotice().getText()));
            default -> { }
        }
    }

    private void applySnapshot(DeskSnapshot s) {
        if (s.getReasonCodesCount() > 0) {
            reasonCodes.setAll(s.getReasonCodesList());
        }
        applyAgent(s.getAgent());
        calls.setAll(s.getCallsList());
        pendingText.set(s.getPendingState() == AgentState.AGENT_STATE_UNSPECIFIED ? ""
                : messages.get("state.pending", stateLabel(s.getPendingState(), s.getPendingReasonCode())));
        refresh();
    }

    private void applyAgent(AgentStatus a) {
        state.set(a.getState());
        reasonCode.set(a.getReasonCode());
        stateSince.set(a.hasStateSince() ? Instant.ofEpochSecond(a.getStateSince().getSeconds(), a.getStateSince().getNanos())
                : clock.instant());
        if (a.getState() != AgentState.AGENT_STATE_ON_CALL && a.getState() != AgentState.AGENT_STATE_HELD
                && a.getState() != AgentState.AGENT_STATE_RESERVED) {
            pendingText.set("");
        }
        refresh();
    }

    private void applyCall(CallUpdate u) {
        Call c = u.getCall();
        int at = indexOf(c.getCallId());
        if (u.getKind() == CallUpdate.Kind.KIND_ENDED) {
            if (at >= 0) {
                calls.remove(at);
            }
        } else if (at >= 0) {
            calls.set(at, c);
        } else {
            calls.add(c);
            // A new call: yesterday's news (a missed call, a forced state) leaves the status line.
            notice.set("");
        }
        refresh();
    }

    private int indexOf(String callId) {
        for (int i = 0; i < calls.size(); i++) {
            if (calls.get(i).getCallId().equals(callId)) {
                return i;
            }
        }
        return -1;
    }

    /** Called every second by the view (and by tests with their own clock). */
    public void tick() {
        Instant since = stateSince.get();
        timeInState.set(since == null ? "" : Durations.clock(Duration.between(since, clock.instant())));
        Call c = activeCall.get();
        if (c == null) {
            callTime.set("");
        } else if (actions.myState(c) == ConnectionState.CONNECTION_STATE_ALERTING || !c.hasAnsweredAt()) {
            callTime.set(messages.get("call.waiting", Durations.clock(Duration.between(instant(c.getStartedAt()), clock.instant()))));
        } else {
            callTime.set(messages.get("call.talking", Durations.clock(Duration.between(instant(c.getAnsweredAt()), clock.instant()))));
        }
    }

    private void refresh() {
        stateText.set(stateLabel(state.get(), reasonCode.get()));
        Optional<Call> active = actions.active(calls);
        activeCall.set(active.orElse(null));
        boolean loggedIn = state.get() != AgentState.AGENT_STATE_LOGGED_OUT;
        boolean nowRinging = active.isPresent() && actions.myState(active.get()) == ConnectionState.CONNECTION_STATE_ALERTING;
        if (nowRinging && !ringing.get()) {
            alerts.ringing();
        } else if (!nowRinging && ringing.get()) {
            alerts.quiet();
        }
        ringing.set(nowRinging);
        muted.set(active.map(Call::getMuted).orElse(false));
        callerText.set(active.map(this::partyOf).orElse(""));
        callDetail.set(active.map(this::detailOf).orElse(""));
        tick();
        Set<Action> valid = actions.valid(calls, loggedIn);
        enabled.forEach((a, p) -> p.set(valid.contains(a)));
    }

    private String partyOf(Call c) {
        String caller = c.getData().getCallerNumber();
        return caller.isEmpty() ? c.getData().getDialledNumber() : caller;
    }

    private String detailOf(Call c) {
        List<String> parts = new ArrayList<>();
        if (!c.getData().getQueue().isEmpty()) {
            parts.add(messages.get("call.queue", c.getData().getQueue()));
        }
        if (c.getData().getIvrPathCount() > 0) {
            parts.add(messages.get("call.ivr", String.join(" › ", c.getData().getIvrPathList())));
        }
        if (!c.getData().getEnteredAccount().isEmpty()) {
            parts.add(messages.get("call.entered", c.getData().getEnteredAccount()));
        }
        if (!c.getConsultedFromCallId().isEmpty()) {
            parts.add(messages.get("call.consultation"));
        }
        return String.join("  ·  ", parts);
    }

    public String stateLabel(AgentState s, String reason) {
        String base = messages.get("state." + s.name().substring("AGENT_STATE_".length()).toLowerCase(java.util.Locale.ROOT));
        if (s == AgentState.AGENT_STATE_NOT_READY && reason != null && !reason.isEmpty()) {
            return base + " · " + reasonLabel(reason);
        }
        return base;
    }

    /** The label of a reason code: the bundle's text for a built-in one, else the label the server gave. */
    public String reasonLabel(String code) {
        String key = "reason." + code;
        if (messages.bundle().containsKey(key)) {
            return messages.get(key);
        }
        return reasonCodes.stream().filter(r -> r.getCode().equals(code)).map(ReasonCode::getLabel).findFirst().orElse(code);
    }

    private static Instant instant(com.google.protobuf.Timestamp t) {
        return Instant.ofEpochSecond(t.getSeconds(), t.getNanos());
    }

    // --- commands ---

    private Optional<String> activeId() {
        return Optional.ofNullable(activeCall.get()).map(Call::getCallId);
    }

    private void run(Action a, java.util.function.Function<String, CompletableFuture<CommandResponse>> command) {
        if (!enabled.get(a).get()) {
            return;
        }
        activeId().ifPresent(id -> track(command.apply(id)));
    }

    private void track(CompletableFuture<?> f) {
        error.set("");
        f.whenComplete((r, e) -> {
            if (e != null) {
                error.set(errors.of(e));
            }
        });
    }

    public void answer() {
        run(Action.ANSWER, phone::answer);
    }

    public void hangup() {
        run(Action.HANGUP, phone::hangup);
    }

    /** Hold when talking, retrieve when held: one key for both. */
    public void toggleHold() {
        if (enabled(Action.RETRIEVE).get()) {
            run(Action.RETRIEVE, phone::retrieve);
        } else {
            run(Action.HOLD, phone::hold);
        }
    }

    public void consult(String destination) {
        if (destination == null || destination.isBlank()) {
            error.set(messages.get("error.destination"));
            return;
        }
        run(Action.CONSULT, id -> withHandOver(id, () -> phone.consult(id, destination.trim())));
    }

    public void blindTransfer(String destination) {
        if (destination == null || destination.isBlank()) {
            error.set(messages.get("error.destination"));
            return;
        }
        run(Action.BLIND_TRANSFER, id -> withHandOver(id, () -> phone.blindTransfer(id, destination.trim())));
    }

    public void completeTransfer() {
        heldOriginal().ifPresent(held -> {
            if (enabled(Action.COMPLETE_TRANSFER).get()) {
                track(withHandOver(held, () -> phone.completeTransfer(held)));
            }
        });
    }

    public void conference() {
        heldOriginal().ifPresent(held -> {
            if (enabled(Action.CONFERENCE).get()) {
                track(withHandOver(held, () -> phone.conference(held)));
            }
        });
    }

    private Optional<String> heldOriginal() {
        return Optional.ofNullable(activeCall.get()).flatMap(c -> actions.consultedFrom(c, calls)).map(Call::getCallId);
    }

    /** Dials a number; the text may hold spaces or dashes as written on a bill. */
    public void dial(String number) {
        String n = number == null ? "" : number.replaceAll("[\\s\\-()]", "");
        if (!n.matches("\\+?[0-9*#]{2,32}")) {
            error.set(messages.get("error.number", number == null ? "" : number));
            return;
        }
        if (!enabled(Action.DIAL).get()) {
            error.set(messages.get("error.busy"));
            return;
        }
        track(phone.dial(n, Map.of()));
    }

    public void sendDigits(String digits) {
        if (digits == null || !digits.matches("[0-9*#A-D]+")) {
            return;
        }
        run(Action.DIGITS, id -> phone.sendDigits(id, digits));
    }

    public void toggleMute() {
        run(Action.MUTE, id -> phone.mute(id, !muted.get()));
    }

    public void ready() {
        track(phone.setState(AgentState.AGENT_STATE_READY, ""));
    }

    public void notReady(String reason) {
        track(phone.setState(AgentState.AGENT_STATE_NOT_READY, reason));
    }

    public void afterCallWork() {
        track(phone.setState(AgentState.AGENT_STATE_AFTER_CALL_WORK, ""));
    }

    /**
     * What goes with a call this agent hands over (the unsaved work order): attached to the call
     * before consult, transfer or conference, so the receiving desk shows it too.
     */
    public void setHandOver(java.util.function.Supplier<Map<String, String>> values) {
        this.handOver = requireNonNull(values, "values");
    }

    private CompletableFuture<CommandResponse> withHandOver(String callId,
                                                            java.util.function.Supplier<CompletableFuture<CommandResponse>> command) {
        Map<String, String> values = handOver.get();
        if (values.isEmpty()) {
            return command.get();
        }
        return phone.attachData(callId, values, "").thenCompose(r -> command.get());
    }

    /** Someone (the pop, the work-order form) wants to know when a call's record is durable. */
    public void onRecorded(Consumer<String> callIdListener) {
        recordedListeners.add(requireNonNull(callIdListener, "callIdListener"));
    }

    public void clearNotice() {
        notice.set("");
    }

    // --- properties for the view ---

    public ReadOnlyBooleanProperty enabled(Action a) {
        return enabled.get(a);
    }

    public ReadOnlyObjectProperty<AgentState> stateProperty() {
        return state;
    }

    public ReadOnlyStringProperty reasonCodeProperty() {
        return reasonCode;
    }

    public ReadOnlyStringProperty stateTextProperty() {
        return stateText;
    }

    public ReadOnlyStringProperty timeInStateProperty() {
        return timeInState;
    }

    public ReadOnlyStringProperty pendingTextProperty() {
        return pendingText;
    }

    public ObservableList<ReasonCode> reasonCodes() {
        return reasonCodesView;
    }

    public ObservableList<Call> calls() {
        return callsView;
    }

    public ReadOnlyObjectProperty<Call> activeCallProperty() {
        return activeCall;
    }

    public ReadOnlyStringProperty callerTextProperty() {
        return callerText;
    }

    public ReadOnlyStringProperty callDetailProperty() {
        return callDetail;
    }

    public ReadOnlyStringProperty callTimeProperty() {
        return callTime;
    }

    public ReadOnlyBooleanProperty ringingProperty() {
        return ringing;
    }

    public ReadOnlyBooleanProperty mutedProperty() {
        return muted;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error;
    }

    public ReadOnlyStringProperty noticeProperty() {
        return notice;
    }

    /** The state of this desk's own party in a call (for lists that show several calls). */
    public ConnectionState myState(Call c) {
        return actions.myState(c);
    }
}

package org.hotline.supervisor.agents;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;

import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import org.hotline.agent.ErrorTexts;
import org.hotline.agent.Messages;
import org.hotline.agent.desk.Durations;
import org.hotline.api.v1.AgentState;
import org.hotline.api.v1.AgentStatus;
import org.hotline.api.v1.ReasonCode;
import org.hotline.api.v1.SupervisionEvent;
import org.hotline.api.v1.SupervisionResponse;

import static java.util.Objects.requireNonNull;

/**
 * The live agents grid: one row per agent from the supervision stream (a snapshot after every
 * (re)connect, then deltas), time in state and colours refreshed each second, filters by team,
 * queue and skill, and the team lead's actions on the selected agent.
 */
public final class AgentsViewModel {
    /** The filters' "every team / queue / skill" value. */
    public static final String ALL = "";

    private final SupervisionGateway gateway;
    private final Messages desk;
    private final Messages texts;
    private final ErrorTexts errors;
    private final Clock clock;
    private final Thresholds thresholds;
    private final List<ReasonCode> reasons;

    private final Map<String, AgentRow> byId = new HashMap<>();
    private final ObservableList<AgentRow> rows = FXCollections.observableArrayList(
            r -> new Observable[] {r.queueProperty()});
    private final FilteredList<AgentRow> visible = new FilteredList<>(rows);
    private final ObservableList<String> teams = FXCollections.observableArrayList();
    private final ObservableList<String> skills = FXCollections.observableArrayList();
    private final ObservableList<String> queues = FXCollections.observableArrayList();
    private final StringProperty team = new SimpleStringProperty(ALL);
    private final StringProperty queue = new SimpleStringProperty(ALL);
    private final StringProperty skill = new SimpleStringProperty(ALL);
    private final ObjectProperty<AgentRow> selected = new SimpleObjectProperty<>();
    private final BooleanProperty canMonitor = new SimpleBooleanProperty();
    private final BooleanProperty canAct = new SimpleBooleanProperty();
    private final StringProperty summary = new SimpleStringProperty("");
    /** The clock the grid's time-in-state cells read, one tick a second (only the cells on screen format it). */
    private final javafx.beans.property.LongProperty now = new javafx.beans.property.SimpleLongProperty();
    private final Map<AgentState, Integer> byState = new java.util.EnumMap<>(AgentState.class);
    private final StringProperty notice = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty("");

    public AgentsViewModel(SupervisionGateway gateway, Messages desk, Messages texts, Clock clock, Thresholds thresholds,
                           List<ReasonCode> reasons) {
        this.gateway = requireNonNull(gateway, "gateway");
        this.desk = requireNonNull(desk, "desk");
        this.texts = requireNonNull(texts, "texts");
        this.errors = new ErrorTexts(desk);
        this.clock = requireNonNull(clock, "clock");
        this.thresholds = requireNonNull(thresholds, "thresholds");
        this.reasons = List.copyOf(reasons);
        team.addListener((o, a, b) -> refilter());
        queue.addListener((o, a, b) -> refilter());
        skill.addListener((o, a, b) -> refilter());
        selected.addListener((o, a, b) -> {
            error.set("");
            selectionChanged();
        });
    }

    /** A supervision event, on the FX thread. */
    public void apply(SupervisionEvent e) {
        switch (e.getKindCase()) {
            case SNAPSHOT -> snapshot(e.getSnapshot().getAgentsList(), e.getSnapshot().getQueuesList());
            case AGENT -> {
                upsert(e.getAgent());
                if (selected.get() != null && selected.get().agentId().equals(e.getAgent().getAgentId())) {
                    selectionChanged();
                }
            }
            case QUEUE -> {
                if (!queues.contains(e.getQueue().getQueueId())) {
                    queues.add(e.getQueue().getQueueId());
                    FXCollections.sort(queues);
                }
            }
            default -> { }
        }
    }

    private void snapshot(List<AgentStatus> agents, List<org.hotline.api.v1.QueueStatus> qs) {
        Set<String> now = new HashSet<>();
        for (AgentStatus a : agents) {
            now.add(a.getAgentId());
            upsert(a);
        }
        byId.keySet().removeIf(id -> !now.contains(id));
        rows.removeIf(r -> !now.contains(r.agentId()));
        byState.clear();
        rows.forEach(r -> byState.merge(r.status().getState(), 1, Integer::sum));
        queues.setAll(new TreeSet<>(qs.stream().map(org.hotline.api.v1.QueueStatus::getQueueId).toList()));
        if (selected.get() != null && !byId.containsKey(selected.get().agentId())) {
            selected.set(null);
        }
        selectionChanged();
        refreshSummary();
    }

    private void upsert(AgentStatus a) {
        AgentRow r = byId.get(a.getAgentId());
        AgentState was = r == null ? null : r.status().getState();
        if (was != null) {
            byState.merge(was, -1, Integer::sum);
        }
        byState.merge(a.getState(), 1, Integer::sum);
        if (r == null) {
            r = new AgentRow(a.getAgentId());
            r.status(a);
            byId.put(a.getAgentId(), r);
            rows.add(r);
            addSorted(teams, a.getTeam());
            a.getSkillsList().forEach(s -> addSorted(skills, skillName(s)));
        } else {
            r.status(a);
        }
        refresh(r, clock.instant());
        if (was != a.getState()) {
            refreshSummary();
        }
    }

    private static String skillName(String skillAndLevel) {
        int colon = skillAndLevel.indexOf(':');
        return colon < 0 ? skillAndLevel : skillAndLevel.substring(0, colon);
    }

    private static void addSorted(ObservableList<String> list, String value) {
        if (!value.isEmpty() && !list.contains(value)) {
            list.add(value);
            FXCollections.sort(list);
        }
    }

    /**
     * Every second: time in state and colours. Only arithmetic per row: the texts are formatted
     * by the cells on screen ({@link #timeInState}), so 2,000 agents cost no 2,000 strings a second.
     */
    public void tick() {
        Instant at = clock.instant();
        for (AgentRow r : rows) {
            age(r, at);
        }
        now.set(at.getEpochSecond());
    }

    private void age(AgentRow r, Instant at) {
        AgentStatus s = r.status();
        long in = s.hasStateSince() ? Math.max(0, at.getEpochSecond() - s.getStateSince().getSeconds()) : 0;
        r.secondsInState(in);
        r.level(thresholds.level(s.getState(), Duration.ofSeconds(in)));
    }

    private void refresh(AgentRow r, Instant at) {
        AgentStatus s = r.status();
        age(r, at);
        r.stateText(stateLabel(s));
        r.averageHandle(s.getCallsToday() == 0 ? "" : Durations.clock(Duration.ofSeconds(s.getHandleSecondsToday() / s.getCallsToday())));
    }

    /** The row's time in its state as the grid shows it ({@code m:ss}, {@code h:mm:ss}), as of the last tick. */
    public String timeInState(AgentRow r) {
        return Durations.clock(Duration.ofSeconds(r.secondsInState()));
    }

    /** Advances once a second; the time-in-state cells listen to it. */
    public javafx.beans.value.ObservableLongValue nowProperty() {
        return now;
    }

    private String stateLabel(AgentStatus s) {
        String base = desk.get("state." + s.getState().name().substring("AGENT_STATE_".length()).toLowerCase(Locale.ROOT));
        if (s.getState() != AgentState.AGENT_STATE_NOT_READY || s.getReasonCode().isEmpty()) {
            return base;
        }
        String reason = reasons.stream().filter(c -> c.getCode().equals(s.getReasonCode())).map(ReasonCode::getLabel)
                .findFirst().orElse(s.getReasonCode());
        return base + " · " + reason;
    }

    private void refreshSummary() {
        int busy = count(AgentState.AGENT_STATE_RESERVED) + count(AgentState.AGENT_STATE_ON_CALL)
                + count(AgentState.AGENT_STATE_HELD);
        summary.set(texts.get("agents.summary", rows.size(), count(AgentState.AGENT_STATE_READY), busy,
                count(AgentState.AGENT_STATE_AFTER_CALL_WORK), count(AgentState.AGENT_STATE_NOT_READY)));
    }

    private int count(AgentState s) {
        return byState.getOrDefault(s, 0);
    }

    private void refilter() {
        String t = team.get();
        String q = queue.get();
        String k = skill.get();
        Predicate<AgentRow> p = r -> (t.isEmpty() || t.equals(r.teamProperty().get()))
                && (q.isEmpty() || q.equals(r.queueProperty().get()))
                && (k.isEmpty() || r.skills().stream().anyMatch(s -> skillName(s).equals(k)));
        visible.setPredicate(p);
    }

    private void selectionChanged() {
        AgentRow r = selected.get();
        boolean loggedIn = r != null && r.status().getState() != AgentState.AGENT_STATE_LOGGED_OUT;
        canAct.set(loggedIn);
        canMonitor.set(loggedIn && r.onCall());
    }

    public void listen() {
        act("action.listen", gateway::listen);
    }

    public void whisper() {
        act("action.whisper", gateway::whisper);
    }

    public void barge() {
        act("action.barge", gateway::barge);
    }

    public void forceReady() {
        act("action.force_ready", id -> gateway.forceState(id, AgentState.AGENT_STATE_READY, ""));
    }

    public void forceNotReady(ReasonCode reason) {
        act("action.force_not_ready", id -> gateway.forceState(id, AgentState.AGENT_STATE_NOT_READY, reason.getCode()));
    }

    public void forceLogout() {
        act("action.force_logout", gateway::forceLogout);
    }

    /** Sends {@code text} to the selected agent's desk; blank text is not sent. */
    public void sendMessage(String text) {
        if (text == null || text.isBlank()) {
            error.set(texts.get("message.empty"));
            return;
        }
        act("action.message", id -> gateway.sendMessage(id, text.strip()));
    }

    private void act(String what, java.util.function.Function<String, CompletableFuture<SupervisionResponse>> action) {
        AgentRow r = selected.get();
        if (r == null) {
            error.set(texts.get("agents.none_selected"));
            return;
        }
        String who = r.nameProperty().get() + " (" + r.agentId() + ")";
        error.set("");
        notice.set("");
        action.apply(r.agentId()).whenComplete((ok, t) -> {
            if (t == null) {
                notice.set(texts.get(what + ".done", who));
            } else {
                error.set(texts.get(what) + " — " + who + ": " + errors.of(t));
            }
        });
    }

    /** The reasons a team lead can put an agent Not ready with. */
    public List<ReasonCode> reasons() {
        return reasons;
    }

    public ObservableList<AgentRow> visibleRows() {
        return visible;
    }

    public ObservableList<AgentRow> allRows() {
        return FXCollections.unmodifiableObservableList(rows);
    }

    public ObservableList<String> teams() {
        return teams;
    }

    public ObservableList<String> skills() {
        return skills;
    }

    public ObservableList<String> queues() {
        return queues;
    }

    public StringProperty teamProperty() {
        return team;
    }

    public StringProperty queueProperty() {
        return queue;
    }

    public StringProperty skillProperty() {
        return skill;
    }

    public ObjectProperty<AgentRow> selectedProperty() {
        return selected;
    }

    public ReadOnlyBooleanProperty canMonitorProperty() {
        return canMonitor;
    }

    public ReadOnlyBooleanProperty canActProperty() {
        return canAct;
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary;
    }

    public ReadOnlyStringProperty noticeProperty() {
        return notice;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error;
    }
}

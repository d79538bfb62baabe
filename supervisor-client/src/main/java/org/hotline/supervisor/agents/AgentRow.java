package org.hotline.supervisor.agents;

import java.time.Instant;
import java.util.List;

import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.hotline.api.v1.AgentState;
import org.hotline.api.v1.AgentStatus;

/**
 * One agent in the live grid. The row object stays while the agent is known, so updates touch
 * only the cells whose value changed; texts are computed by the view model.
 */
public final class AgentRow {
    private final String agentId;
    private AgentStatus status;
    private final StringProperty name = new SimpleStringProperty("");
    private final StringProperty team = new SimpleStringProperty("");
    private final StringProperty extension = new SimpleStringProperty("");
    private final ObjectProperty<AgentState> state = new SimpleObjectProperty<>(AgentState.AGENT_STATE_LOGGED_OUT);
    private final StringProperty stateText = new SimpleStringProperty("");
    private final StringProperty caller = new SimpleStringProperty("");
    private final StringProperty queue = new SimpleStringProperty("");
    private final IntegerProperty callsToday = new SimpleIntegerProperty();
    private final StringProperty averageHandle = new SimpleStringProperty("");
    private final ObjectProperty<Thresholds.Level> level = new SimpleObjectProperty<>(Thresholds.Level.OK);
    private long secondsInState;

    AgentRow(String agentId) {
        this.agentId = agentId;
    }

    public String agentId() {
        return agentId;
    }

    public AgentStatus status() {
        return status;
    }

    void status(AgentStatus s) {
        status = s;
        name.set(s.getName());
        team.set(s.getTeam());
        extension.set(s.getExtension());
        state.set(s.getState());
        caller.set(s.getCurrentCaller());
        queue.set(s.getCurrentQueue());
        callsToday.set(s.getCallsToday());
    }

    Instant since() {
        return Instant.ofEpochSecond(status.getStateSince().getSeconds(), status.getStateSince().getNanos());
    }

    /** The agent's skills as "skill:level". */
    public List<String> skills() {
        return status.getSkillsList();
    }

    public boolean onCall() {
        return !status.getCurrentCallId().isEmpty();
    }

    void secondsInState(long s) {
        secondsInState = s;
    }

    void stateText(String s) {
        stateText.set(s);
    }

    void averageHandle(String s) {
        averageHandle.set(s);
    }

    void level(Thresholds.Level l) {
        level.set(l);
    }

    public long secondsInState() {
        return secondsInState;
    }

    public ReadOnlyStringProperty nameProperty() {
        return name;
    }

    public ReadOnlyStringProperty teamProperty() {
        return team;
    }

    public ReadOnlyStringProperty extensionProperty() {
        return extension;
    }

    public ReadOnlyObjectProperty<AgentState> stateProperty() {
        return state;
    }

    public ReadOnlyStringProperty stateTextProperty() {
        return stateText;
    }

    public ReadOnlyStringProperty callerProperty() {
        return caller;
    }

    public ReadOnlyStringProperty queueProperty() {
        return queue;
    }

    public ReadOnlyIntegerProperty callsTodayProperty() {
        return callsToday;
    }

    public ReadOnlyStringProperty averageHandleProperty() {
        return averageHandle;
    }

    public ReadOnlyObjectProperty<Thresholds.Level> levelProperty() {
        return level;
    }
}

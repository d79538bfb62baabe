package org.hotline.cti.stats;

import java.util.Map;
import java.util.TreeMap;

import org.hotline.cti.agents.AgentState;
import org.hotline.cti.agents.AgentStateMachine;

/**
 * The agent-state figures of one report row: milliseconds per state and per NotReady reason
 * (reason {@code ""} when none was given), of the state periods that ended (a state an agent is
 * still in counts once it is left).
 */
public record StateFigures(Map<AgentState, Long> millisByState, Map<String, Long> notReadyMillisByReason) {
    public StateFigures {
        millisByState = Map.copyOf(millisByState);
        notReadyMillisByReason = Map.copyOf(new TreeMap<>(notReadyMillisByReason));
    }

    public long millis(AgentState state) {
        return millisByState.getOrDefault(state, 0L);
    }

    /** Logged in: every state but LOGGED_OUT. */
    public long loginMillis() {
        long sum = 0;
        for (Map.Entry<AgentState, Long> e : millisByState.entrySet()) {
            if (e.getKey() != AgentState.LOGGED_OUT) {
                sum += e.getValue();
            }
        }
        return sum;
    }

    /** Busy with calls (ringing, talking, holding) and after-call work. */
    public long occupiedMillis() {
        long sum = millis(AgentState.AFTER_CALL_WORK);
        for (AgentState s : AgentState.values()) {
            if (AgentStateMachine.isBusy(s)) {
                sum += millis(s);
            }
        }
        return sum;
    }

    /** Occupied time in percent of occupied + Ready time; 0 without either. */
    public double occupancyPercent() {
        long base = occupiedMillis() + millis(AgentState.READY);
        return base == 0 ? 0 : 100.0 * occupiedMillis() / base;
    }
}

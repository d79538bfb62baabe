package org.hotline.cti.agents;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import static org.hotline.cti.agents.AgentState.AFTER_CALL_WORK;
import static org.hotline.cti.agents.AgentState.HELD;
import static org.hotline.cti.agents.AgentState.LOGGED_OUT;
import static org.hotline.cti.agents.AgentState.NOT_READY;
import static org.hotline.cti.agents.AgentState.ON_CALL;
import static org.hotline.cti.agents.AgentState.READY;
import static org.hotline.cti.agents.AgentState.RESERVED;

/**
 * Which agent state changes are legal. Two kinds of change exist: those an agent (or a team
 * lead) asks for, and those that calls cause. Keeping both in one table is what stops states
 * from getting stuck: every state has a way out.
 */
public final class AgentStateMachine {
    private static final Map<AgentState, Set<AgentState>> REQUESTABLE = new EnumMap<>(AgentState.class);
    private static final Map<AgentState, Set<AgentState>> CALL_DRIVEN = new EnumMap<>(AgentState.class);

    static {
        REQUESTABLE.put(LOGGED_OUT, EnumSet.of(NOT_READY));
        REQUESTABLE.put(NOT_READY, EnumSet.of(READY, NOT_READY, LOGGED_OUT));
        REQUESTABLE.put(READY, EnumSet.of(NOT_READY, AFTER_CALL_WORK, LOGGED_OUT));
        REQUESTABLE.put(RESERVED, EnumSet.noneOf(AgentState.class));
        REQUESTABLE.put(ON_CALL, EnumSet.noneOf(AgentState.class));
        REQUESTABLE.put(HELD, EnumSet.noneOf(AgentState.class));
        REQUESTABLE.put(AFTER_CALL_WORK, EnumSet.of(READY, NOT_READY, AFTER_CALL_WORK, LOGGED_OUT));

        CALL_DRIVEN.put(LOGGED_OUT, EnumSet.noneOf(AgentState.class));
        CALL_DRIVEN.put(NOT_READY, EnumSet.of(RESERVED, ON_CALL));
        CALL_DRIVEN.put(READY, EnumSet.of(RESERVED, ON_CALL));
        CALL_DRIVEN.put(RESERVED, EnumSet.of(ON_CALL, READY, NOT_READY, AFTER_CALL_WORK));
        CALL_DRIVEN.put(ON_CALL, EnumSet.of(HELD, AFTER_CALL_WORK, RESERVED));
        CALL_DRIVEN.put(HELD, EnumSet.of(ON_CALL, AFTER_CALL_WORK));
        CALL_DRIVEN.put(AFTER_CALL_WORK, EnumSet.of(RESERVED, ON_CALL, READY, NOT_READY));
    }

    private AgentStateMachine() {}

    /** An agent or team lead asks for {@code to}: allowed only outside calls. */
    public static boolean canRequest(AgentState from, AgentState to) {
        return REQUESTABLE.get(from).contains(to);
    }

    /** A call (or the after-call-work timer) moves the agent to {@code to}. */
    public static boolean canFollowCall(AgentState from, AgentState to) {
        return from == to || CALL_DRIVEN.get(from).contains(to);
    }

    /** States in which the agent is busy with a call and so counts as occupied. */
    public static boolean isBusy(AgentState s) {
        return s == RESERVED || s == ON_CALL || s == HELD;
    }
}

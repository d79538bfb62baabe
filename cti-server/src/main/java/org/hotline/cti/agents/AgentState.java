package org.hotline.cti.agents;

/** States of the agent state machine. */
public enum AgentState {
    LOGGED_OUT,
    NOT_READY,
    READY,
    /** A call rings on the agent's extension. */
    RESERVED,
    ON_CALL,
    HELD,
    AFTER_CALL_WORK
}

package org.hotline.cti.switching;

/** How a supervisor joins an agent's call (CSTA SingleStepConference participation). */
public enum MonitorMode {
    /** Neither party hears the supervisor. */
    LISTEN,
    /** Only the agent hears the supervisor. */
    WHISPER,
    /** Everybody hears everybody. */
    BARGE
}

package org.hotline.cti.switching;

/** How a caller's visit to the IVR ended. */
public enum IvrOutcome {
    /** A menu choice led to a queue; the call is offered to the CTI server. */
    ROUTED,
    /** No key pressed before the menu timed out: the call goes to the default queue. */
    NO_INPUT,
    /** The caller hung up in the IVR (after self-service, or gave up); the call never reached a queue. */
    HUNG_UP,
    /**
     * The CTI server answered the route request with the closed announcement. Set by the live
     * model when it settles the visit, never by a switch.
     */
    CLOSED,
    /** The CTI server played the blacklisted caller the blocked announcement (set by the live model). */
    BLOCKED
}

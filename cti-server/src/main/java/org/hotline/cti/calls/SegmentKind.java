package org.hotline.cti.calls;

/** The legs a call detail record is made of. */
public enum SegmentKind {
    /** Waiting in a queue until delivered to an agent or abandoned. */
    QUEUE,
    /** Ringing at an agent until answered or not. */
    RING,
    /** An agent talking with the caller (one per agent leg: a transfer starts a new one). */
    TALK,
    /** The caller on hold by an agent. */
    HOLD,
    /** An agent's consultation call to a colleague or number. */
    CONSULT,
    /** A third party in a conference. */
    CONFERENCE,
    /** A supervisor listening, whispering or barging. */
    MONITOR,
    /** An outbound call before it is answered. */
    DIALING
}

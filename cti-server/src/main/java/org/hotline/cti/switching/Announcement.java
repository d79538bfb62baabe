package org.hotline.cti.switching;

/** Recorded messages the CTI server asks the switch to play to a waiting caller. */
public enum Announcement {
    /** Outside business hours: the call is cleared after the message. */
    CLOSED,
    /** The number is blacklisted: the call is cleared after the message. */
    BLOCKED,
    /** "All agents are busy, please hold": the caller stays queued. */
    ALL_BUSY,
    /** Position and expected wait: the caller stays queued. */
    POSITION
}

package org.hotline.cti.switching;

/** Why a connection or call ended or failed (a small subset of CSTA event causes). */
public enum Cause {
    NORMAL_CLEARING,
    /** The caller hung up before anyone answered. */
    ABANDONED,
    BUSY,
    NO_ANSWER,
    DEST_NOT_OBTAINABLE,
    /** The connection ended because the call was transferred. */
    TRANSFER,
    /** Rejected by policy (blacklist, closed hours after the announcement). */
    BLOCKED,
    NETWORK_CONGESTION,
    /** The switch gave no usable cause (Asterisk often says 0). */
    UNKNOWN
}

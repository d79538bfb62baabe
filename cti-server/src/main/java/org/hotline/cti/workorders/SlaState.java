package org.hotline.cti.workorders;

/** Where a work order stands against its time limits, computed by {@link SlaClock}. */
public enum SlaState {
    ON_TIME,
    /** The warning share of the resolve time is used up. */
    WARNING,
    /** The respond-by or resolve-by time has passed without a response or a resolution. */
    OVERDUE
}

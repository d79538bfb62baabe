package org.hotline.cti.workorders;

/** The customer's answer on the follow-up call. */
public enum Satisfaction {
    SATISFIED,
    DISSATISFIED,
    NO_ANSWER
}

package org.hotline.cti.knowledge;

/** Who sees a bulletin: every desk and the wallboard, the desks of one team, or only the wallboard. */
public enum Audience {
    ALL,
    TEAM,
    WALLBOARD
}

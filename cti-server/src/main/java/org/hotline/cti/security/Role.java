package org.hotline.cti.security;

/** What a user may do. Checked by the server on every RPC. */
public enum Role {
    AGENT,
    TEAM_LEAD,
    ADMIN,
    WALLBOARD;

    /** Team leads and administrators have every agent function. */
    public boolean canWorkCalls() {
        return this == AGENT || this == TEAM_LEAD || this == ADMIN;
    }

    public boolean canSupervise() {
        return this == TEAM_LEAD || this == ADMIN;
    }

    public boolean canSeeWallboard() {
        return this != AGENT;
    }
}

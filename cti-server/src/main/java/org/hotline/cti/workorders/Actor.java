package org.hotline.cti.workorders;

import org.hotline.cti.security.Role;

import static java.util.Objects.requireNonNull;

/** Who does something to a work order: a user with a role, or the SLA scheduler. */
public record Actor(String agentId, Role role) {
    /** The scheduler's name in the history. */
    public static final Actor SYSTEM = new Actor("system", Role.ADMIN);

    public Actor {
        requireNonNull(agentId, "agentId");
        requireNonNull(role, "role");
    }
}

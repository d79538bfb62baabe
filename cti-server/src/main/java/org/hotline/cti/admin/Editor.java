package org.hotline.cti.admin;

import org.hotline.cti.security.Role;

import static java.util.Objects.requireNonNull;

/** Who asks for an administration list or change: a logged-in user and its role. */
public record Editor(String agentId, Role role) {
    public Editor {
        requireNonNull(agentId, "agentId");
        requireNonNull(role, "role");
    }
}

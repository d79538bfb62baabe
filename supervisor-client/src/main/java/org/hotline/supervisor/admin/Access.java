package org.hotline.supervisor.admin;

import org.hotline.api.v1.Role;

/** Who may change a kind of configuration (everyone who sees the Administration tab may list it). */
public enum Access {
    /** The Administration service: administrators only. */
    ADMINS,
    /** The blacklist and bulletins: team leads too. */
    SUPERVISORS;

    public boolean mayChange(Role role) {
        return role == Role.ROLE_ADMIN || this == SUPERVISORS && role == Role.ROLE_TEAM_LEAD;
    }
}

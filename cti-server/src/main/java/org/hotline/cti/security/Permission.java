package org.hotline.cti.security;

/** Grants beyond a role's built-in functions, given to roles as data (table {@code role_permissions}). */
public enum Permission {
    /** May view confidential complaints; every view is audited. */
    COMPLAINT_ACCESS
}

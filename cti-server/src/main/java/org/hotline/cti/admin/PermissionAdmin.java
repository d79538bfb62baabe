package org.hotline.cti.admin;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.hotline.cti.security.Permission;
import org.hotline.cti.security.Role;
import org.hotline.cti.security.RolePermissions;

import static java.util.Objects.requireNonNull;

/**
 * Permissions granted to roles beyond their built-in functions. Goes through
 * {@link RolePermissions}'s public methods only, which apply a grant or revocation to the next
 * check.
 */
public final class PermissionAdmin {
    private final RolePermissions permissions;
    private final AdminAudit audit;

    public PermissionAdmin(RolePermissions permissions, AdminAudit audit) {
        this.permissions = requireNonNull(permissions, "permissions");
        this.audit = requireNonNull(audit, "audit");
    }

    /** Every role with the permissions it holds (possibly none). */
    public Map<Role, Set<Permission>> grants(Editor editor) {
        audit.requireReader(editor, "role permissions");
        Map<Role, Set<Permission>> out = new EnumMap<>(Role.class);
        for (Role r : Role.values()) {
            Set<Permission> held = EnumSet.noneOf(Permission.class);
            for (Permission p : Permission.values()) {
                if (permissions.granted(r, p)) {
                    held.add(p);
                }
            }
            out.put(r, held);
        }
        return out;
    }

    /** Grants or revokes; returns whether the role holds it now. */
    public boolean set(Editor editor, Role role, Permission permission, boolean granted) {
        requireNonNull(role, "role");
        requireNonNull(permission, "permission");
        String target = "role_permission:" + role + "/" + permission;
        String action = granted ? "admin.permission.grant" : "admin.permission.revoke";
        audit.requireAdmin(editor, action, target);
        boolean before = permissions.granted(role, permission);
        if (granted) {
            permissions.grant(role, permission);
        } else {
            permissions.revoke(role, permission);
        }
        audit.changed(editor, action, target, before ? "granted" : "not granted", granted ? "granted" : "not granted");
        return granted;
    }
}

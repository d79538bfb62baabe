package org.hotline.supervisor.admin;

import java.util.Locale;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import org.hotline.agent.Messages;
import org.hotline.api.v1.Permission;
import org.hotline.api.v1.RolePermission;
import org.hotline.api.v1.Role;

/** Whether a role holds a permission beyond its built-in functions (complaint access); every pair is listed. */
public final class RolePermissionForm extends EntityForm<RolePermission> {
    private final BooleanProperty granted = new SimpleBooleanProperty();
    private Role role = Role.ROLE_UNSPECIFIED;
    private Permission permission = Permission.PERMISSION_UNSPECIFIED;

    public RolePermissionForm(Messages texts) {
        super(texts);
        watch(granted);
    }

    @Override
    public boolean canCreate() {
        return false;
    }

    @Override
    public String key(RolePermission p) {
        return p.getRole().name().substring("ROLE_".length()) + "/" + p.getPermission().name().substring("PERMISSION_".length());
    }

    @Override
    public String title(RolePermission p) {
        return roleName(p.getRole()) + " · " + permissionName(p.getPermission()) + ": "
                + texts.get(p.getGranted() ? "admin.permission.granted" : "admin.permission.not_granted");
    }

    public String roleName(Role r) {
        return texts.get("admin.role." + r.name().substring("ROLE_".length()).toLowerCase(Locale.ROOT));
    }

    public String permissionName(Permission p) {
        return texts.get("admin.permission." + p.name().substring("PERMISSION_".length()).toLowerCase(Locale.ROOT));
    }

    @Override
    public String auditTarget(RolePermission p) {
        return "role_permission:" + key(p);
    }

    @Override
    protected void fill(RolePermission p) {
        role = p == null ? Role.ROLE_UNSPECIFIED : p.getRole();
        permission = p == null ? Permission.PERMISSION_UNSPECIFIED : p.getPermission();
        granted.set(p != null && p.getGranted());
    }

    @Override
    protected RolePermission build() {
        return RolePermission.newBuilder().setRole(role).setPermission(permission).setGranted(granted.get()).build();
    }

    @Override
    protected void check(Problems p) {
        // A role and a permission from the list, granted or not: nothing to get wrong.
    }

    /** The role and permission shown, as text ("" before one is selected). */
    public String describe() {
        return role == Role.ROLE_UNSPECIFIED ? "" : roleName(role) + " · " + permissionName(permission);
    }

    public BooleanProperty grantedProperty() {
        return granted;
    }
}

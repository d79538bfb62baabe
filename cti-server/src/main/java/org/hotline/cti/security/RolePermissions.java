package org.hotline.cti.security;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import org.hotline.cti.core.CachedSnapshot;

import static java.util.Objects.requireNonNull;

/**
 * Which roles hold which {@link Permission} at one site, from {@code role_permissions}. Checked
 * on every search and every view of a work order, so the site's grants are kept in memory: read
 * once, and read again after {@link #grant}, {@link #revoke} or {@link #invalidate()}. A grant or
 * revocation through this object applies to the very next check; one made any other way (an
 * administration RPC writing the table itself, SQL by an operator) applies once
 * {@link #invalidate()} is called.
 */
public final class RolePermissions {
    private final DataSource dataSource;
    private final String siteId;
    private final CachedSnapshot<Map<Role, Set<Permission>>> grants;

    public RolePermissions(DataSource dataSource, String siteId) {
        this.dataSource = requireNonNull(dataSource, "dataSource");
        this.siteId = requireNonNull(siteId, "siteId");
        this.grants = new CachedSnapshot<>(this::load);
    }

    public boolean granted(Role role, Permission permission) {
        requireNonNull(role, "role");
        requireNonNull(permission, "permission");
        Set<Permission> held = grants.get().get(role);
        return held != null && held.contains(permission);
    }

    public void grant(Role role, Permission permission) {
        try {
            if (!inDatabase(role, permission)) {
                update("INSERT INTO role_permissions (site_id, role, permission) VALUES (?, ?, ?)", role, permission);
            }
        } finally {
            grants.invalidate();
        }
    }

    public void revoke(Role role, Permission permission) {
        try {
            update("DELETE FROM role_permissions WHERE site_id = ? AND role = ? AND permission = ?", role, permission);
        } finally {
            grants.invalidate();
        }
    }

    /**
     * Forgets the cached grants: the next check reads {@code role_permissions} again. For code
     * that changes the table other than through {@link #grant} and {@link #revoke}; call it after
     * the change commits.
     */
    public void invalidate() {
        grants.invalidate();
    }

    private Map<Role, Set<Permission>> load() {
        Map<Role, Set<Permission>> out = new EnumMap<>(Role.class);
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT role, permission FROM role_permissions WHERE site_id = ?")) {
            s.setString(1, siteId);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    Role role = parse(Role.class, r.getString(1));
                    Permission permission = parse(Permission.class, r.getString(2));
                    if (role != null && permission != null) {
                        out.computeIfAbsent(role, k -> EnumSet.noneOf(Permission.class)).add(permission);
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("permissions unavailable: " + e.getMessage(), e);
        }
        Map<Role, Set<Permission>> frozen = new EnumMap<>(Role.class);
        out.forEach((role, held) -> frozen.put(role, Set.copyOf(held)));
        return Map.copyOf(frozen);
    }

    /** A row naming a role or permission this server does not know (a newer server's) grants nothing here. */
    private static <E extends Enum<E>> E parse(Class<E> type, String name) {
        try {
            return Enum.valueOf(type, name);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private boolean inDatabase(Role role, Permission permission) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT 1 FROM role_permissions WHERE site_id = ? AND role = ? AND permission = ?")) {
            s.setString(1, siteId);
            s.setString(2, role.name());
            s.setString(3, permission.name());
            try (ResultSet r = s.executeQuery()) {
                return r.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("permissions unavailable: " + e.getMessage(), e);
        }
    }

    private void update(String sql, Role role, Permission permission) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, siteId);
            s.setString(2, role.name());
            s.setString(3, permission.name());
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("permissions unavailable: " + e.getMessage(), e);
        }
    }
}

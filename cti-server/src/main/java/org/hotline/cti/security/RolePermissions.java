package org.hotline.cti.security;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import javax.sql.DataSource;

import static java.util.Objects.requireNonNull;

/**
 * Which roles hold which {@link Permission} at one site, read from {@code role_permissions} on
 * every check so that a grant or a revocation by an administrator applies at once.
 */
public final class RolePermissions {
    private final DataSource dataSource;
    private final String siteId;

    public RolePermissions(DataSource dataSource, String siteId) {
        this.dataSource = requireNonNull(dataSource, "dataSource");
        this.siteId = requireNonNull(siteId, "siteId");
    }

    public boolean granted(Role role, Permission permission) {
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

    public void grant(Role role, Permission permission) {
        if (granted(role, permission)) {
            return;
        }
        update("INSERT INTO role_permissions (site_id, role, permission) VALUES (?, ?, ?)", role, permission);
    }

    public void revoke(Role role, Permission permission) {
        update("DELETE FROM role_permissions WHERE site_id = ? AND role = ? AND permission = ?", role, permission);
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

package org.hotline.cti.security;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static java.util.Objects.requireNonNull;

/** The audit log in table {@code audit_log} of one site, written synchronously (see {@link AuditLog}). */
public final class JdbcAuditLog implements AuditLog {
    private static final Logger log = LoggerFactory.getLogger(JdbcAuditLog.class);

    private final DataSource dataSource;
    private final String siteId;

    public JdbcAuditLog(DataSource dataSource, String siteId) {
        this.dataSource = requireNonNull(dataSource, "dataSource");
        this.siteId = requireNonNull(siteId, "siteId");
    }

    @Override
    public void record(AuditEntry e) {
        requireNonNull(e, "entry");
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "INSERT INTO audit_log (site_id, occurred_at, actor_id, actor_role, action, target, outcome, detail)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            s.setString(1, siteId);
            s.setTimestamp(2, Timestamp.valueOf(LocalDateTime.ofInstant(e.at(), ZoneOffset.UTC)));
            s.setString(3, e.actorId());
            s.setString(4, e.actorRole().name());
            s.setString(5, e.action());
            s.setString(6, e.target());
            s.setString(7, e.outcome().name());
            s.setString(8, e.detail() == null ? null : truncate(e.detail(), 1000));
            s.executeUpdate();
        } catch (SQLException ex) {
            throw new IllegalStateException("audit log unavailable: " + ex.getMessage(), ex);
        }
        if (e.outcome() == AuditEntry.Outcome.DENIED) {
            log.info("audit: {} ({}) denied {} on {}", e.actorId(), e.actorRole(), e.action(), e.target());
        }
    }

    @Override
    public List<AuditEntry> forTarget(String target, int limit) {
        List<AuditEntry> entries = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT occurred_at, actor_id, actor_role, action, target, outcome, detail FROM audit_log"
                        + " WHERE site_id = ? AND target = ? ORDER BY occurred_at DESC, id DESC LIMIT ?")) {
            s.setString(1, siteId);
            s.setString(2, target);
            s.setInt(3, limit);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    entries.add(new AuditEntry(r.getTimestamp(1).toLocalDateTime().toInstant(ZoneOffset.UTC),
                            r.getString(2), Role.valueOf(r.getString(3)), r.getString(4), r.getString(5),
                            AuditEntry.Outcome.valueOf(r.getString(6)), r.getString(7)));
                }
            }
        } catch (SQLException ex) {
            throw new IllegalStateException("audit log unavailable: " + ex.getMessage(), ex);
        }
        return entries;
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}

package org.hotline.cti.admin;

import java.time.Clock;
import java.util.List;

import org.hotline.cti.core.CommandException;
import org.hotline.cti.security.AuditEntry;
import org.hotline.cti.security.AuditLog;
import org.hotline.cti.security.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static java.util.Objects.requireNonNull;

/**
 * The role rule of administration and its trace in the audit log: team leads and administrators
 * may look, only administrators change; every change (and every refused attempt to change) is
 * an audit entry with a before/after summary. Also used by the services that change
 * configuration outside {@code Administration} (work-order types, blacklist, bulletins).
 */
public final class AdminAudit {
    private static final Logger log = LoggerFactory.getLogger(AdminAudit.class);
    /** What a summary says of something that did not exist before or does not exist after. */
    public static final String NONE = "none";

    private final AuditLog audit;
    private final Clock clock;

    public AdminAudit(AuditLog audit, Clock clock) {
        this.audit = requireNonNull(audit, "audit");
        this.clock = requireNonNull(clock, "clock");
    }

    /** Team leads and administrators may list the configuration. */
    public void requireReader(Editor editor, String what) {
        if (!editor.role().canSupervise()) {
            throw new CommandException(CommandException.Code.PERMISSION_DENIED, "role " + editor.role()
                    + " may not list " + what + " (expected: team lead or admin)");
        }
    }

    /** Only administrators change it; a refused attempt is audited as DENIED. */
    public void requireAdmin(Editor editor, String action, String target) {
        if (editor.role() != Role.ADMIN) {
            denied(editor, action, target);
            throw new CommandException(CommandException.Code.PERMISSION_DENIED, "role " + editor.role()
                    + " may not change the configuration (" + action + " on " + target + "; expected: admin)");
        }
    }

    /** Records a refused attempt to change the configuration (for services with their own role check). */
    public void denied(Editor editor, String action, String target) {
        audit.record(new AuditEntry(clock.instant(), editor.agentId(), editor.role(), action, target,
                AuditEntry.Outcome.DENIED, "administrators only"));
    }

    /** Writes one change; a failure to write fails the caller (an unaudited change must not pass silently). */
    public void changed(Editor editor, String action, String target, String before, String after) {
        String detail = "before: " + before + "; after: " + after;
        audit.record(new AuditEntry(clock.instant(), editor.agentId(), editor.role(), action, target,
                AuditEntry.Outcome.ALLOWED, detail));
        log.info("admin: {} {} {}", editor.agentId(), action, target);
    }

    /** The newest entries about {@code target} (administrators only). */
    public List<AuditEntry> entries(Editor editor, String target, int limit) {
        if (editor.role() != Role.ADMIN) {
            throw new CommandException(CommandException.Code.PERMISSION_DENIED, "role " + editor.role()
                    + " may not read the audit log (expected: admin)");
        }
        if (limit < 1 || limit > 500) {
            throw Checks.invalid("limit: " + limit + " (expected: 1-500)");
        }
        return audit.forTarget(requireNonNull(target, "target"), limit);
    }
}

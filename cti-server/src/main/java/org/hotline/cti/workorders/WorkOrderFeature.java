package org.hotline.cti.workorders;

import java.time.Clock;

import javax.sql.DataSource;

import org.hotline.cti.security.AuditLog;
import org.hotline.cti.security.JdbcAuditLog;
import org.hotline.cti.security.RolePermissions;
import org.hotline.cti.stats.WorkOrderRollup;

import static java.util.Objects.requireNonNull;

/**
 * The work-order feature wired on one database, for the composition root and the API: the
 * service, its administration, the notifier (subscribe for live notifications), the audit log
 * and the role permissions. The SLA scheduler is started separately ({@link SlaScheduler}).
 */
public record WorkOrderFeature(WorkOrders orders, WorkOrderAdmin admin, Notifier notifier, AuditLog audit,
                               RolePermissions permissions) {
    public WorkOrderFeature {
        requireNonNull(orders, "orders");
        requireNonNull(admin, "admin");
        requireNonNull(notifier, "notifier");
        requireNonNull(audit, "audit");
        requireNonNull(permissions, "permissions");
    }

    public static WorkOrderFeature open(DataSource dataSource, WorkOrders.Settings settings, Clock clock) {
        return open(dataSource, settings, clock, settings.zone());
    }

    /** @param reportZone the zone whose days the work-order report counts (the call reports' zone) */
    public static WorkOrderFeature open(DataSource dataSource, WorkOrders.Settings settings, Clock clock,
                                        java.time.ZoneId reportZone) {
        WorkOrderAdmin admin = new WorkOrderAdmin(dataSource, settings.siteId(), clock);
        Notifier notifier = new JdbcNotifier(dataSource, settings.siteId(), clock);
        AuditLog audit = new JdbcAuditLog(dataSource, settings.siteId());
        RolePermissions permissions = new RolePermissions(dataSource, settings.siteId());
        WorkOrders orders = new WorkOrders(dataSource, settings, admin, notifier, audit, permissions, clock,
                new WorkOrderRollup(reportZone));
        return new WorkOrderFeature(orders, admin, notifier, audit, permissions);
    }
}

package org.hotline.cti.admin;

import java.time.Clock;

import org.hotline.cti.agents.AgentDirectory;
import org.hotline.cti.core.CallCenter;
import org.hotline.cti.routing.QueueDirectory;
import org.hotline.cti.storage.DirectoryAdmin;
import org.hotline.cti.workorders.WorkOrderFeature;

import static java.util.Objects.requireNonNull;

/**
 * Administration of one site wired for the composition root and the API: each part owns one
 * kind of configuration, validates it, stores it, applies it to the live model where the live
 * model keeps a copy, and audits it through {@link #audit}.
 */
public record AdminFeature(UserAdmin users, SkillAdmin skills, QueueAdmin queues, ReasonCodeAdmin reasonCodes,
                           OrganisationAdmin organisation, SlaAdmin sla, PermissionAdmin permissions, AdminAudit audit,
                           String siteId) {
    public AdminFeature {
        requireNonNull(users, "users");
        requireNonNull(skills, "skills");
        requireNonNull(queues, "queues");
        requireNonNull(reasonCodes, "reasonCodes");
        requireNonNull(organisation, "organisation");
        requireNonNull(sla, "sla");
        requireNonNull(permissions, "permissions");
        requireNonNull(audit, "audit");
        requireNonNull(siteId, "siteId");
    }

    public static AdminFeature open(DirectoryAdmin directory, AgentDirectory agents, QueueDirectory queueDirectory,
                                    WorkOrderFeature workOrders, CallCenter center, Clock clock) {
        AdminAudit audit = new AdminAudit(workOrders.audit(), clock);
        return new AdminFeature(new UserAdmin(directory, center, audit), new SkillAdmin(directory, queueDirectory, audit),
                new QueueAdmin(directory, queueDirectory, center, audit),
                new ReasonCodeAdmin(directory, agents, center, audit),
                new OrganisationAdmin(workOrders.admin(), directory, audit), new SlaAdmin(workOrders.admin(), audit),
                new PermissionAdmin(workOrders.permissions(), audit), audit, directory.siteId());
    }
}

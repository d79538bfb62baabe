package org.hotline.supervisor.admin;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.hotline.api.v1.AuditEntry;
import org.hotline.api.v1.BlacklistEntry;
import org.hotline.api.v1.Bulletin;
import org.hotline.api.v1.BusinessCalendar;
import org.hotline.api.v1.OrgUnit;
import org.hotline.api.v1.Queue;
import org.hotline.api.v1.ReasonCode;
import org.hotline.api.v1.RolePermission;
import org.hotline.api.v1.Skill;
import org.hotline.api.v1.SlaPolicy;
import org.hotline.api.v1.Team;
import org.hotline.api.v1.User;
import org.hotline.api.v1.WorkOrderType;

/** The server's administration: one gateway per kind, the password reset and the audit log; futures complete on the FX thread. */
public interface AdminGateway {
    EntityGateway<User> users();

    EntityGateway<Skill> skills();

    EntityGateway<Team> teams();

    EntityGateway<OrgUnit> departments();

    EntityGateway<Queue> queues();

    EntityGateway<ReasonCode> reasonCodes();

    EntityGateway<WorkOrderType> workOrderTypes();

    EntityGateway<SlaPolicy> slaPolicies();

    EntityGateway<BusinessCalendar> calendars();

    EntityGateway<BlacklistEntry> blacklist();

    EntityGateway<Bulletin> bulletins();

    EntityGateway<RolePermission> permissions();

    /** Sets a temporary password (the server keeps only its hash) and unlocks the account. */
    CompletableFuture<Void> resetPassword(String agentId, String password);

    /** The newest audit entries about one target, newest first. */
    CompletableFuture<List<AuditEntry>> audit(String target, int limit);
}

package org.hotline.cti.admin;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.hotline.cti.storage.DirectoryAdmin;
import org.hotline.cti.workorders.OrgTree;
import org.hotline.cti.workorders.OrgUnit;
import org.hotline.cti.workorders.WorkOrderAdmin;

import static java.util.Objects.requireNonNull;

/**
 * Departments and their teams, the tree work orders are dispatched and escalated along. Work
 * orders read the tree from the database on every dispatch and escalation, so a change applies
 * to the next one.
 */
public final class OrganisationAdmin {
    private final WorkOrderAdmin workOrders;
    private final DirectoryAdmin directory;
    private final AdminAudit audit;

    public OrganisationAdmin(WorkOrderAdmin workOrders, DirectoryAdmin directory, AdminAudit audit) {
        this.workOrders = requireNonNull(workOrders, "workOrders");
        this.directory = requireNonNull(directory, "directory");
        this.audit = requireNonNull(audit, "audit");
    }

    public List<OrgUnit> units(Editor editor) {
        audit.requireReader(editor, "departments");
        return workOrders.orgTree().units();
    }

    public OrgUnit save(Editor editor, OrgUnit unit, boolean create) {
        requireNonNull(unit, "unit");
        String action = create ? "admin.org_unit.create" : "admin.org_unit.update";
        String target = "org_unit:" + unit.unitId();
        audit.requireAdmin(editor, action, target);
        Checks.name("name", unit.name());
        OrgTree tree = workOrders.orgTree();
        Optional<OrgUnit> before = tree.unit(unit.unitId());
        Checks.createOrUpdate("department or team", unit.unitId(), before.isPresent(), create);
        if (unit.parentUnitId() != null) {
            OrgUnit parent = tree.unit(unit.parentUnitId()).orElseThrow(() -> Checks.invalid("parent_unit_id: unknown unit '"
                    + unit.parentUnitId() + "' (expected empty or one of " + ids(tree) + ")"));
            if (parent.kind() != OrgUnit.Kind.DEPARTMENT) {
                throw Checks.invalid("parent_unit_id: " + parent.unitId() + " is a team (expected: a department; teams"
                        + " hold no units)");
            }
            Set<String> seen = new HashSet<>();
            for (OrgUnit up = parent; up != null && seen.add(up.unitId());
                 up = up.parentUnitId() == null ? null : tree.unit(up.parentUnitId()).orElse(null)) {
                if (up.unitId().equals(unit.unitId())) {
                    throw Checks.inUse("parent_unit_id: " + parent.unitId() + " is below " + unit.unitId()
                            + " (expected: a unit outside its own branch; the tree may not loop)");
                }
            }
        } else if (unit.kind() == OrgUnit.Kind.TEAM) {
            throw Checks.invalid("team " + unit.unitId() + " has no department (expected: parent_unit_id of a department)");
        }
        if (unit.kind() == OrgUnit.Kind.TEAM) {
            List<String> below = children(tree, unit.unitId());
            if (!below.isEmpty()) {
                throw Checks.inUse("unit " + unit.unitId() + " holds " + Checks.some(below)
                        + " (expected: a department while units are below it)");
            }
        }
        if (unit.leadAgentId() != null && directory.user(unit.leadAgentId()).isEmpty()) {
            throw Checks.invalid("lead_agent_id: unknown user '" + unit.leadAgentId() + "' (expected empty or a user of ListUsers)");
        }
        OrgUnit clean = new OrgUnit(unit.unitId(), unit.parentUnitId(), unit.kind(), unit.name().strip(), unit.leadAgentId());
        workOrders.saveUnit(clean);
        audit.changed(editor, action, target, before.map(OrganisationAdmin::describe).orElse(AdminAudit.NONE),
                describe(clean));
        return clean;
    }

    public void delete(Editor editor, String unitId) {
        String target = "org_unit:" + unitId;
        audit.requireAdmin(editor, "admin.org_unit.delete", target);
        OrgTree tree = workOrders.orgTree();
        OrgUnit before = tree.unit(unitId).orElseThrow(() -> Checks.notFound("department or team '" + unitId
                + "' (no such unit)"));
        List<String> below = children(tree, unitId);
        if (!below.isEmpty()) {
            throw Checks.inUse("unit " + unitId + " still holds " + Checks.some(below) + " (expected: delete or move them first)");
        }
        long orders = workOrders.ordersOfUnit(unitId);
        if (orders > 0) {
            throw Checks.inUse("unit " + unitId + " is named by " + orders + " work order(s) (expected: a unit no"
                    + " order was dispatched to; rename it instead)");
        }
        workOrders.deleteUnit(unitId);
        audit.changed(editor, "admin.org_unit.delete", target, describe(before), AdminAudit.NONE);
    }

    private static List<String> children(OrgTree tree, String unitId) {
        return tree.units().stream().filter(u -> unitId.equals(u.parentUnitId())).map(OrgUnit::unitId).toList();
    }

    private static List<String> ids(OrgTree tree) {
        return tree.units().stream().map(OrgUnit::unitId).toList();
    }

    private static String describe(OrgUnit u) {
        return u.kind() + " name=" + u.name() + ", parent=" + (u.parentUnitId() == null ? "" : u.parentUnitId())
                + ", lead=" + (u.leadAgentId() == null ? "" : u.leadAgentId());
    }
}

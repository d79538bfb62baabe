package org.hotline.cti.admin;

import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

import org.hotline.cti.workorders.BusinessCalendar;
import org.hotline.cti.workorders.Priority;
import org.hotline.cti.workorders.SlaPolicy;
import org.hotline.cti.workorders.WorkOrderAdmin;
import org.hotline.cti.workorders.WorkOrderType;

import static java.util.Objects.requireNonNull;

/**
 * SLA policies (time limits per work-order type and priority) and the business calendars they
 * count in (working hours and holidays). Work orders read both from the database when an order
 * is created or its clock is moved, so a change applies to the next order; orders already open
 * keep the deadlines they were given.
 */
public final class SlaAdmin {
    /** A year of minutes: a longer limit is a typing error. */
    static final int MAX_MINUTES = 525_600;

    private final WorkOrderAdmin workOrders;
    private final AdminAudit audit;

    public SlaAdmin(WorkOrderAdmin workOrders, AdminAudit audit) {
        this.workOrders = requireNonNull(workOrders, "workOrders");
        this.audit = requireNonNull(audit, "audit");
    }

    public List<BusinessCalendar> calendars(Editor editor) {
        audit.requireReader(editor, "business calendars");
        return workOrders.calendars();
    }

    public BusinessCalendar saveCalendar(Editor editor, BusinessCalendar calendar, boolean create) {
        requireNonNull(calendar, "calendar");
        String action = create ? "admin.calendar.create" : "admin.calendar.update";
        String target = "calendar:" + calendar.calendarId();
        audit.requireAdmin(editor, action, target);
        Checks.id("calendar_id", calendar.calendarId());
        Optional<BusinessCalendar> before = workOrders.calendar(calendar.calendarId());
        Checks.createOrUpdate("business calendar", calendar.calendarId(), before.isPresent(), create);
        workOrders.saveCalendar(calendar);
        audit.changed(editor, action, target, before.map(SlaAdmin::describe).orElse(AdminAudit.NONE), describe(calendar));
        return calendar;
    }

    public void deleteCalendar(Editor editor, String calendarId) {
        String target = "calendar:" + calendarId;
        audit.requireAdmin(editor, "admin.calendar.delete", target);
        BusinessCalendar before = workOrders.calendar(calendarId).orElseThrow(() -> Checks.notFound("business calendar '"
                + calendarId + "' (no such calendar)"));
        List<String> users = workOrders.policies().stream().filter(p -> calendarId.equals(p.calendarId()))
                .map(p -> p.typeCode() + "/" + p.priority()).toList();
        if (!users.isEmpty()) {
            throw Checks.inUse("business calendar '" + calendarId + "' is used by SLA policies " + Checks.some(users)
                    + " (expected: move them to another calendar first)");
        }
        workOrders.deleteCalendar(calendarId);
        audit.changed(editor, "admin.calendar.delete", target, describe(before), AdminAudit.NONE);
    }

    public List<SlaPolicy> policies(Editor editor) {
        audit.requireReader(editor, "SLA policies");
        return workOrders.policies();
    }

    public SlaPolicy savePolicy(Editor editor, SlaPolicy policy, boolean create) {
        requireNonNull(policy, "policy");
        String action = create ? "admin.sla_policy.create" : "admin.sla_policy.update";
        String target = target(policy.typeCode(), policy.priority());
        audit.requireAdmin(editor, action, target);
        List<String> types = workOrders.types().stream().map(WorkOrderType::code).toList();
        if (!types.contains(policy.typeCode())) {
            throw Checks.invalid("type_code: unknown work-order type '" + policy.typeCode() + "' (expected one of "
                    + types + ")");
        }
        for (var limit : List.of(policy.respondWithin(), policy.resolveWithin(), policy.escalateEvery())) {
            if (limit.toMinutes() > MAX_MINUTES) {
                throw Checks.invalid("time limit: " + limit.toMinutes() + " minutes (expected: at most " + MAX_MINUTES + ")");
            }
        }
        if (policy.calendarId() != null && workOrders.calendar(policy.calendarId()).isEmpty()) {
            throw Checks.invalid("calendar_id: unknown calendar '" + policy.calendarId() + "' (expected empty for around"
                    + " the clock, or one of " + workOrders.calendars().stream().map(BusinessCalendar::calendarId).toList() + ")");
        }
        Optional<SlaPolicy> before = stored(policy.typeCode(), policy.priority());
        Checks.createOrUpdate("SLA policy", policy.typeCode() + "/" + policy.priority(), before.isPresent(), create);
        workOrders.savePolicy(policy);
        audit.changed(editor, action, target, before.map(SlaAdmin::describe).orElse(AdminAudit.NONE), describe(policy));
        return policy;
    }

    public void deletePolicy(Editor editor, String typeCode, Priority priority) {
        requireNonNull(priority, "priority");
        String target = target(typeCode, priority);
        audit.requireAdmin(editor, "admin.sla_policy.delete", target);
        SlaPolicy before = stored(typeCode, priority).orElseThrow(() -> Checks.notFound("SLA policy " + typeCode + "/"
                + priority + " (no such policy)"));
        if (priority == Priority.NORMAL && workOrders.type(typeCode).isPresent()) {
            throw Checks.inUse("SLA policy " + typeCode + "/NORMAL is what the type's other priorities fall back to"
                    + " (expected: change it instead; new orders of type " + typeCode + " need it)");
        }
        workOrders.deletePolicy(typeCode, priority);
        audit.changed(editor, "admin.sla_policy.delete", target, describe(before), AdminAudit.NONE);
    }

    private Optional<SlaPolicy> stored(String typeCode, Priority priority) {
        return workOrders.policies().stream().filter(p -> p.typeCode().equals(typeCode) && p.priority() == priority)
                .findFirst();
    }

    private static String target(String typeCode, Priority priority) {
        return "sla_policy:" + typeCode + "/" + priority;
    }

    private static String describe(SlaPolicy p) {
        return "respond " + p.respondWithin().toMinutes() + " min, resolve " + p.resolveWithin().toMinutes()
                + " min, warning at " + p.warningPercent() + "%, escalate every " + p.escalateEvery().toMinutes()
                + " min, calendar=" + (p.calendarId() == null ? "around the clock" : p.calendarId());
    }

    private static String describe(BusinessCalendar c) {
        return c.zone() + " " + new TreeMap<>(c.hours().days()).entrySet().stream()
                .map(e -> e.getKey().getValue() + " " + e.getValue().open() + "-" + e.getValue().close()).toList()
                + ", holidays " + new TreeSet<>(c.holidays());
    }
}

package org.hotline.cti.api;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import com.google.protobuf.Timestamp;
import org.hotline.api.v1.BusinessCalendar;
import org.hotline.api.v1.OpeningHours;
import org.hotline.api.v1.OrgUnit;
import org.hotline.api.v1.OrgUnitKind;
import org.hotline.api.v1.Permission;
import org.hotline.api.v1.Queue;
import org.hotline.api.v1.Role;
import org.hotline.api.v1.SkillLevel;
import org.hotline.api.v1.SlaPolicy;
import org.hotline.api.v1.User;
import org.hotline.api.v1.WorkOrderPriority;
import org.hotline.cti.agents.AgentProfile;
import org.hotline.cti.routing.BusinessHours;
import org.hotline.cti.routing.QueueDefinition;
import org.hotline.cti.security.AuditEntry;
import org.hotline.cti.storage.DirectoryAdmin.StoredUser;
import org.hotline.cti.workorders.Priority;

/** Proto to domain and back for the Administration service; malformed input is INVALID_ARGUMENT. */
final class AdminMapper {
    private AdminMapper() {}

    static User user(StoredUser u) {
        AgentProfile p = u.profile();
        return User.newBuilder().setAgentId(p.agentId()).setName(p.name()).setRole(ProtoMapper.role(p.role()))
                .setTeamId(p.team()).setExtension(p.extension()).addAllSkills(levels(p.skills()))
                .setEnabled(u.enabled()).setLocked(u.locked()).setFailedLogins(u.failedLogins()).build();
    }

    static AgentProfile profile(User u, String siteId) {
        return new AgentProfile(u.getAgentId().strip(), u.getName().strip(), role(u.getRole()), u.getExtension().strip(),
                u.getTeamId().strip(), levels("skills", u.getSkillsList()), siteId);
    }

    static org.hotline.cti.security.Role role(Role r) {
        return switch (r) {
            case ROLE_AGENT -> org.hotline.cti.security.Role.AGENT;
            case ROLE_TEAM_LEAD -> org.hotline.cti.security.Role.TEAM_LEAD;
            case ROLE_ADMIN -> org.hotline.cti.security.Role.ADMIN;
            case ROLE_WALLBOARD -> org.hotline.cti.security.Role.WALLBOARD;
            default -> throw Errors.invalid("role: " + r + " (expected: ROLE_AGENT, ROLE_TEAM_LEAD, ROLE_ADMIN or ROLE_WALLBOARD)");
        };
    }

    static List<SkillLevel> levels(Map<String, Integer> skills) {
        return new TreeMap<>(skills).entrySet().stream()
                .map(e -> SkillLevel.newBuilder().setSkillId(e.getKey()).setLevel(e.getValue()).build()).toList();
    }

    /** Each skill once, its level 1-10 (the message names the field). */
    static Map<String, Integer> levels(String field, List<SkillLevel> levels) {
        Map<String, Integer> out = new LinkedHashMap<>();
        for (SkillLevel l : levels) {
            if (out.put(l.getSkillId().strip(), l.getLevel()) != null) {
                throw Errors.invalid(field + ": skill '" + l.getSkillId() + "' twice (expected: each skill once)");
            }
            if (l.getLevel() < 1 || l.getLevel() > 10) {
                throw Errors.invalid(field + ": level of " + l.getSkillId() + ": " + l.getLevel() + " (expected: 1-10)");
            }
        }
        return out;
    }

    static Queue queue(QueueDefinition q) {
        return Queue.newBuilder().setQueueId(q.queueId()).setName(q.name()).setPriority(q.priority())
                .addAllRequiredSkills(levels(q.requiredSkills())).addAllOverflowSkills(levels(q.overflowSkills()))
                .setOverflowAfterSeconds(Math.toIntExact(q.overflowAfter().toSeconds()))
                .setServiceLevelSeconds(Math.toIntExact(q.serviceLevelThreshold().toSeconds()))
                .setTimeZone(q.hours().zone().getId()).addAllHours(hours(q.hours()))
                .addAllDialledNumbers(q.dialledNumbers()).build();
    }

    static QueueDefinition queue(Queue q, String siteId) {
        if (q.getOverflowAfterSeconds() < 0 || q.getServiceLevelSeconds() < 0) {
            throw Errors.invalid("queue " + q.getQueueId() + ": negative seconds (expected: overflow_after_seconds and"
                    + " service_level_seconds >= 0)");
        }
        return new QueueDefinition(q.getQueueId().strip(), q.getName().strip(), q.getPriority(),
                levels("required_skills", q.getRequiredSkillsList()), Duration.ofSeconds(q.getOverflowAfterSeconds()),
                levels("overflow_skills", q.getOverflowSkillsList()), Duration.ofSeconds(q.getServiceLevelSeconds()),
                hours("hours", zone(q.getTimeZone()), q.getHoursList()),
                q.getDialledNumbersList().stream().map(String::strip).toList(), siteId);
    }

    static List<OpeningHours> hours(BusinessHours h) {
        return new TreeMap<>(h.days()).entrySet().stream().map(e -> OpeningHours.newBuilder()
                .setDayOfWeek(e.getKey().getValue()).setOpensAt(e.getValue().open().toString())
                .setClosesAt(e.getValue().close().toString()).build()).toList();
    }

    static BusinessHours hours(String field, ZoneId zone, List<OpeningHours> hours) {
        Map<DayOfWeek, BusinessHours.Window> days = new EnumMap<>(DayOfWeek.class);
        for (OpeningHours h : hours) {
            if (h.getDayOfWeek() < 1 || h.getDayOfWeek() > 7) {
                throw Errors.invalid(field + ": day_of_week " + h.getDayOfWeek() + " (expected: 1 = Monday .. 7 = Sunday)");
            }
            DayOfWeek day = DayOfWeek.of(h.getDayOfWeek());
            if (days.put(day, new BusinessHours.Window(time(field, h.getOpensAt()), time(field, h.getClosesAt()))) != null) {
                throw Errors.invalid(field + ": " + day + " twice (expected: each day once)");
            }
        }
        return new BusinessHours(zone, days);
    }

    private static LocalTime time(String field, String t) {
        try {
            return LocalTime.parse(t.strip());
        } catch (DateTimeException e) {
            throw Errors.invalid(field + ": time '" + t + "' (expected: HH:MM)");
        }
    }

    static ZoneId zone(String zone) {
        try {
            return ZoneId.of(zone.strip());
        } catch (DateTimeException e) {
            throw Errors.invalid("time_zone: '" + zone + "' (expected: a region id such as Asia/Shanghai)");
        }
    }

    static org.hotline.api.v1.ReasonCode reason(org.hotline.cti.agents.ReasonCode r) {
        return ProtoMapper.reason(r);
    }

    static OrgUnit unit(org.hotline.cti.workorders.OrgUnit u) {
        return OrgUnit.newBuilder().setUnitId(u.unitId()).setParentUnitId(nz(u.parentUnitId()))
                .setKind(u.kind() == org.hotline.cti.workorders.OrgUnit.Kind.DEPARTMENT ? OrgUnitKind.ORG_UNIT_DEPARTMENT
                        : OrgUnitKind.ORG_UNIT_TEAM)
                .setName(u.name()).setLeadAgentId(nz(u.leadAgentId())).build();
    }

    static org.hotline.cti.workorders.OrgUnit unit(OrgUnit u) {
        org.hotline.cti.workorders.OrgUnit.Kind kind = switch (u.getKind()) {
            case ORG_UNIT_DEPARTMENT -> org.hotline.cti.workorders.OrgUnit.Kind.DEPARTMENT;
            case ORG_UNIT_TEAM -> org.hotline.cti.workorders.OrgUnit.Kind.TEAM;
            default -> throw Errors.invalid("kind: " + u.getKind() + " (expected: ORG_UNIT_DEPARTMENT or ORG_UNIT_TEAM)");
        };
        return new org.hotline.cti.workorders.OrgUnit(u.getUnitId().strip(), blank(u.getParentUnitId()), kind,
                u.getName(), blank(u.getLeadAgentId()));
    }

    static Priority priority(WorkOrderPriority p) {
        return switch (p) {
            case WORK_ORDER_URGENT -> Priority.URGENT;
            case WORK_ORDER_HIGH -> Priority.HIGH;
            case WORK_ORDER_NORMAL -> Priority.NORMAL;
            case WORK_ORDER_LOW -> Priority.LOW;
            default -> throw Errors.invalid("priority: " + p
                    + " (expected: WORK_ORDER_URGENT, WORK_ORDER_HIGH, WORK_ORDER_NORMAL or WORK_ORDER_LOW)");
        };
    }

    static SlaPolicy policy(org.hotline.cti.workorders.SlaPolicy p) {
        return SlaPolicy.newBuilder().setTypeCode(p.typeCode()).setPriority(WorkOrderPriority.valueOf("WORK_ORDER_"
                        + p.priority().name())).setRespondMinutes(minutes(p.respondWithin()))
                .setResolveMinutes(minutes(p.resolveWithin())).setWarningPercent(p.warningPercent())
                .setEscalateEveryMinutes(minutes(p.escalateEvery())).setCalendarId(nz(p.calendarId())).build();
    }

    static org.hotline.cti.workorders.SlaPolicy policy(SlaPolicy p) {
        return new org.hotline.cti.workorders.SlaPolicy(p.getTypeCode().strip(), priority(p.getPriority()),
                Duration.ofMinutes(p.getRespondMinutes()), Duration.ofMinutes(p.getResolveMinutes()), p.getWarningPercent(),
                Duration.ofMinutes(p.getEscalateEveryMinutes()), blank(p.getCalendarId()));
    }

    static BusinessCalendar calendar(org.hotline.cti.workorders.BusinessCalendar c) {
        return BusinessCalendar.newBuilder().setCalendarId(c.calendarId()).setTimeZone(c.zone().getId())
                .addAllHours(hours(c.hours()))
                .addAllHolidays(new TreeSet<>(c.holidays()).stream().map(LocalDate::toString).toList()).build();
    }

    static org.hotline.cti.workorders.BusinessCalendar calendar(BusinessCalendar c) {
        TreeSet<LocalDate> holidays = new TreeSet<>();
        for (String h : c.getHolidaysList()) {
            try {
                holidays.add(LocalDate.parse(h.strip()));
            } catch (DateTimeException e) {
                throw Errors.invalid("holidays: '" + h + "' (expected: YYYY-MM-DD)");
            }
        }
        return new org.hotline.cti.workorders.BusinessCalendar(c.getCalendarId().strip(),
                hours("hours", zone(c.getTimeZone()), c.getHoursList()), holidays);
    }

    static org.hotline.cti.security.Permission permission(Permission p) {
        if (p == Permission.PERMISSION_COMPLAINT_ACCESS) {
            return org.hotline.cti.security.Permission.COMPLAINT_ACCESS;
        }
        throw Errors.invalid("permission: " + p + " (expected: PERMISSION_COMPLAINT_ACCESS)");
    }

    static Permission permission(org.hotline.cti.security.Permission p) {
        return Permission.valueOf("PERMISSION_" + p.name());
    }

    static org.hotline.api.v1.AuditEntry audit(AuditEntry e) {
        return org.hotline.api.v1.AuditEntry.newBuilder()
                .setAt(Timestamp.newBuilder().setSeconds(e.at().getEpochSecond()).setNanos(e.at().getNano()))
                .setActorId(e.actorId()).setActorRole(ProtoMapper.role(e.actorRole())).setAction(e.action())
                .setTarget(e.target()).setAllowed(e.outcome() == AuditEntry.Outcome.ALLOWED).setDetail(nz(e.detail()))
                .build();
    }

    private static int minutes(Duration d) {
        return Math.toIntExact(d.toMinutes());
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}

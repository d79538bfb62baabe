package org.hotline.cti.workorders;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Time;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.sql.DataSource;

import org.hotline.cti.core.CachedSnapshot;
import org.hotline.cti.routing.BusinessHours;

import static java.util.Objects.requireNonNull;

/**
 * What administrators define without code: work-order types with their forms, the organisation
 * tree, business calendars and SLA policies. Saving an existing code replaces its definition.
 *
 * <p>Every work-order command reads some of these, so each of the four is kept in memory as one
 * snapshot of the site's rows, read on first use and read again after a change. The {@code save}
 * and {@code delete} methods here invalidate their own snapshot; code that changes these tables
 * any other way calls, after its transaction commits, the matching {@link #invalidateTypes},
 * {@link #invalidateOrgTree}, {@link #invalidateCalendars} or {@link #invalidatePolicies}.
 */
public final class WorkOrderAdmin {
    private final DataSource dataSource;
    private final String siteId;
    private final Clock clock;
    private final CachedSnapshot<Map<String, WorkOrderType>> types;
    private final CachedSnapshot<OrgTree> orgTree;
    private final CachedSnapshot<Map<String, BusinessCalendar>> calendars;
    private final CachedSnapshot<Map<PolicyKey, SlaPolicy>> policies;

    private record PolicyKey(String typeCode, Priority priority) {}

    public WorkOrderAdmin(DataSource dataSource, String siteId, Clock clock) {
        this.dataSource = requireNonNull(dataSource, "dataSource");
        this.siteId = requireNonNull(siteId, "siteId");
        this.clock = requireNonNull(clock, "clock");
        this.types = new CachedSnapshot<>(this::loadTypes);
        this.orgTree = new CachedSnapshot<>(this::loadOrgTree);
        this.calendars = new CachedSnapshot<>(this::loadCalendars);
        this.policies = new CachedSnapshot<>(this::loadPolicies);
    }

    /** Forgets the cached work-order types and forms; the next read loads them again. */
    public void invalidateTypes() {
        types.invalidate();
    }

    /** Forgets the cached organisation tree (departments, teams, leads); the next read loads it again. */
    public void invalidateOrgTree() {
        orgTree.invalidate();
    }

    /** Forgets the cached business calendars; the next read loads them again. */
    public void invalidateCalendars() {
        calendars.invalidate();
    }

    /** Forgets the cached SLA policies; the next read loads them again. */
    public void invalidatePolicies() {
        policies.invalidate();
    }

    public void saveType(WorkOrderType type) {
        requireNonNull(type, "type");
        try {
            writeType(type);
        } finally {
            types.invalidate();
        }
    }

    private void writeType(WorkOrderType type) {
        Sql.transaction(dataSource, c -> {
            long pk = upsert(c, "work_order_types", "type_code", type.code(), "name = ?, confidential = ?",
                    "name, confidential", type.name(), type.confidential());
            Sql.update(c, "DELETE FROM work_order_type_fields WHERE type_pk = ?", pk);
            int order = 0;
            for (FieldDefinition f : type.fields()) {
                Sql.update(c, "INSERT INTO work_order_type_fields (type_pk, field_key, field_order, label, kind, required,"
                                + " choices) VALUES (?, ?, ?, ?, ?, ?, ?)", pk, f.key(), order++, f.label(), f.kind(),
                        f.required(), f.choices().isEmpty() ? null : String.join("|", f.choices()));
            }
            return null;
        });
    }

    public Optional<WorkOrderType> type(String code) {
        return Optional.ofNullable(code == null ? null : types.get().get(code));
    }

    /** All types, by code. */
    public List<WorkOrderType> types() {
        return List.copyOf(types.get().values());
    }

    private Map<String, WorkOrderType> loadTypes() {
        return Sql.read(dataSource, c -> {
            Map<String, String[]> heads = new LinkedHashMap<>();
            Map<String, List<FieldDefinition>> fields = new LinkedHashMap<>();
            try (PreparedStatement s = c.prepareStatement("SELECT t.type_code, t.name, t.confidential, f.field_key,"
                    + " f.label, f.kind, f.required, f.choices FROM work_order_types t"
                    + " LEFT JOIN work_order_type_fields f ON f.type_pk = t.id"
                    + " WHERE t.site_id = ? ORDER BY t.type_code, f.field_order")) {
                s.setString(1, siteId);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        String code = r.getString(1);
                        heads.putIfAbsent(code, new String[] {r.getString(2), String.valueOf(r.getBoolean(3))});
                        List<FieldDefinition> form = fields.computeIfAbsent(code, k -> new ArrayList<>());
                        String key = r.getString(4);
                        if (key != null) {
                            String choices = r.getString(8);
                            form.add(new FieldDefinition(key, r.getString(5), FieldKind.valueOf(r.getString(6)),
                                    r.getBoolean(7), choices == null ? List.of() : Arrays.asList(choices.split("\\|"))));
                        }
                    }
                }
            }
            Map<String, WorkOrderType> out = new LinkedHashMap<>();
            heads.forEach((code, h) -> out.put(code, new WorkOrderType(code, h[0], Boolean.parseBoolean(h[1]),
                    fields.get(code))));
            return Collections.unmodifiableMap(out);
        });
    }

    public void saveUnit(OrgUnit unit) {
        requireNonNull(unit, "unit");
        try {
            Sql.transaction(dataSource, c -> upsert(c, "org_units", "unit_id", unit.unitId(),
                    "parent_unit_id = ?, kind = ?, name = ?, lead_agent_id = ?", "parent_unit_id, kind, name, lead_agent_id",
                    unit.parentUnitId(), unit.kind(), unit.name(), unit.leadAgentId()));
        } finally {
            orgTree.invalidate();
        }
    }

    public OrgTree orgTree() {
        return orgTree.get();
    }

    private OrgTree loadOrgTree() {
        return Sql.read(dataSource, c -> {
            List<OrgUnit> units = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT unit_id, parent_unit_id, kind, name, lead_agent_id"
                    + " FROM org_units WHERE site_id = ? ORDER BY unit_id")) {
                s.setString(1, siteId);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        units.add(new OrgUnit(r.getString(1), r.getString(2), OrgUnit.Kind.valueOf(r.getString(3)),
                                r.getString(4), r.getString(5)));
                    }
                }
            }
            return new OrgTree(units);
        });
    }

    public void saveCalendar(BusinessCalendar calendar) {
        requireNonNull(calendar, "calendar");
        try {
            writeCalendar(calendar);
        } finally {
            calendars.invalidate();
        }
    }

    private void writeCalendar(BusinessCalendar calendar) {
        Sql.transaction(dataSource, c -> {
            long pk = upsert(c, "business_calendars", "calendar_id", calendar.calendarId(), "time_zone = ?", "time_zone",
                    calendar.zone().getId());
            Sql.update(c, "DELETE FROM business_calendar_hours WHERE calendar_pk = ?", pk);
            Sql.update(c, "DELETE FROM business_calendar_holidays WHERE calendar_pk = ?", pk);
            for (var d : calendar.hours().days().entrySet()) {
                Sql.update(c, "INSERT INTO business_calendar_hours (calendar_pk, day_of_week, opens_at, closes_at)"
                        + " VALUES (?, ?, ?, ?)", pk, d.getKey().getValue(), Time.valueOf(d.getValue().open()),
                        Time.valueOf(d.getValue().close()));
            }
            for (LocalDate h : calendar.holidays()) {
                Sql.update(c, "INSERT INTO business_calendar_holidays (calendar_pk, holiday) VALUES (?, ?)", pk,
                        java.sql.Date.valueOf(h));
            }
            return null;
        });
    }

    public Optional<BusinessCalendar> calendar(String calendarId) {
        return Optional.ofNullable(calendarId == null ? null : calendars.get().get(calendarId));
    }

    private Map<String, BusinessCalendar> loadCalendars() {
        return Sql.read(dataSource, c -> {
            Map<Long, String> ids = new LinkedHashMap<>();
            Map<Long, ZoneId> zones = new HashMap<>();
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT id, calendar_id, time_zone FROM business_calendars WHERE site_id = ?")) {
                s.setString(1, siteId);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        ids.put(r.getLong(1), r.getString(2));
                        zones.put(r.getLong(1), ZoneId.of(r.getString(3)));
                    }
                }
            }
            if (ids.isEmpty()) {
                return Map.<String, BusinessCalendar>of();
            }
            Map<Long, Map<DayOfWeek, BusinessHours.Window>> days = new HashMap<>();
            try (PreparedStatement s = c.prepareStatement("SELECT h.calendar_pk, h.day_of_week, h.opens_at, h.closes_at"
                    + " FROM business_calendar_hours h JOIN business_calendars b ON b.id = h.calendar_pk"
                    + " WHERE b.site_id = ?")) {
                s.setString(1, siteId);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        days.computeIfAbsent(r.getLong(1), k -> new EnumMap<>(DayOfWeek.class)).put(DayOfWeek.of(r.getInt(2)),
                                new BusinessHours.Window(r.getTime(3).toLocalTime(), r.getTime(4).toLocalTime()));
                    }
                }
            }
            Map<Long, Set<LocalDate>> holidays = new HashMap<>();
            try (PreparedStatement s = c.prepareStatement("SELECT h.calendar_pk, h.holiday"
                    + " FROM business_calendar_holidays h JOIN business_calendars b ON b.id = h.calendar_pk"
                    + " WHERE b.site_id = ?")) {
                s.setString(1, siteId);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        holidays.computeIfAbsent(r.getLong(1), k -> new HashSet<>()).add(r.getDate(2).toLocalDate());
                    }
                }
            }
            Map<String, BusinessCalendar> out = new HashMap<>();
            ids.forEach((pk, id) -> out.put(id, new BusinessCalendar(id, new BusinessHours(zones.get(pk),
                    days.getOrDefault(pk, Map.of())), holidays.getOrDefault(pk, Set.of()))));
            return Map.copyOf(out);
        });
    }

    /** Deletes a unit (the caller checks it has no sub-units and no orders); false when there was none. */
    public boolean deleteUnit(String unitId) {
        requireNonNull(unitId, "unitId");
        try {
            return Sql.transaction(dataSource, c -> Sql.update(c, "DELETE FROM org_units WHERE site_id = ? AND unit_id = ?",
                    siteId, unitId) > 0);
        } finally {
            orgTree.invalidate();
        }
    }

    /** How many work orders, open or not, name the unit as their department or team. */
    public long ordersOfUnit(String unitId) {
        return Sql.read(dataSource, c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM work_orders WHERE site_id = ?"
                    + " AND (department_id = ? OR team_id = ?)")) {
                Sql.bind(s, siteId, unitId, unitId);
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    return r.getLong(1);
                }
            }
        });
    }

    /** Every business calendar of the site, by id. */
    public List<BusinessCalendar> calendars() {
        List<String> ids = Sql.read(dataSource, c -> {
            List<String> out = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT calendar_id FROM business_calendars WHERE site_id = ? ORDER BY calendar_id")) {
                s.setString(1, siteId);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        out.add(r.getString(1));
                    }
                }
            }
            return out;
        });
        List<BusinessCalendar> calendars = new ArrayList<>();
        ids.forEach(id -> calendar(id).ifPresent(calendars::add));
        return calendars;
    }

    /** Deletes a calendar with its hours and holidays (the caller checks no policy uses it). */
    public boolean deleteCalendar(String calendarId) {
        requireNonNull(calendarId, "calendarId");
        try {
            return Sql.transaction(dataSource, c -> Sql.update(c,
                    "DELETE FROM business_calendars WHERE site_id = ? AND calendar_id = ?", siteId, calendarId) > 0);
        } finally {
            calendars.invalidate();
        }
    }

    /** Every SLA policy of the site as stored (no fallback), by type and priority. */
    public List<SlaPolicy> policies() {
        return Sql.read(dataSource, c -> {
            List<SlaPolicy> out = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT type_code, priority, respond_minutes, resolve_minutes,"
                    + " warning_percent, escalate_every_minutes, calendar_id FROM sla_policies WHERE site_id = ?"
                    + " ORDER BY type_code, priority")) {
                s.setString(1, siteId);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        out.add(new SlaPolicy(r.getString(1), Priority.valueOf(r.getString(2)),
                                Duration.ofMinutes(r.getInt(3)), Duration.ofMinutes(r.getInt(4)), r.getInt(5),
                                Duration.ofMinutes(r.getInt(6)), r.getString(7)));
                    }
                }
            }
            return out;
        });
    }

    /** Deletes the policy of a type and priority; false when there was none. */
    public boolean deletePolicy(String typeCode, Priority priority) {
        requireNonNull(typeCode, "typeCode");
        requireNonNull(priority, "priority");
        try {
            return Sql.transaction(dataSource, c -> Sql.update(c,
                    "DELETE FROM sla_policies WHERE site_id = ? AND type_code = ? AND priority = ?", siteId, typeCode,
                    priority) > 0);
        } finally {
            policies.invalidate();
        }
    }

    public void savePolicy(SlaPolicy policy) {
        requireNonNull(policy, "policy");
        try {
            writePolicy(policy);
        } finally {
            policies.invalidate();
        }
    }

    private void writePolicy(SlaPolicy policy) {
        Sql.transaction(dataSource, c -> {
            Long pk = null;
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT id FROM sla_policies WHERE site_id = ? AND type_code = ? AND priority = ?")) {
                Sql.bind(s, siteId, policy.typeCode(), policy.priority());
                try (ResultSet r = s.executeQuery()) {
                    if (r.next()) {
                        pk = r.getLong(1);
                    }
                }
            }
            Object[] values = {minutes(policy.respondWithin()), minutes(policy.resolveWithin()), policy.warningPercent(),
                    minutes(policy.escalateEvery()), policy.calendarId()};
            if (pk == null) {
                Sql.update(c, "INSERT INTO sla_policies (respond_minutes, resolve_minutes, warning_percent,"
                                + " escalate_every_minutes, calendar_id, site_id, type_code, priority, version, created_at,"
                                + " updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)",
                        concat(values, siteId, policy.typeCode(), policy.priority(), clock.instant(), clock.instant()));
            } else {
                Sql.update(c, "UPDATE sla_policies SET respond_minutes = ?, resolve_minutes = ?, warning_percent = ?,"
                        + " escalate_every_minutes = ?, calendar_id = ?, version = version + 1, updated_at = ?"
                        + " WHERE id = ?", concat(values, clock.instant(), pk));
            }
            return null;
        });
    }

    /** The policy of a type and priority, falling back to the type's NORMAL policy. */
    public Optional<SlaPolicy> policy(String typeCode, Priority priority) {
        requireNonNull(priority, "priority");
        Map<PolicyKey, SlaPolicy> all = policies.get();
        SlaPolicy p = all.get(new PolicyKey(typeCode, priority));
        if (p == null && priority != Priority.NORMAL) {
            SlaPolicy normal = all.get(new PolicyKey(typeCode, Priority.NORMAL));
            p = normal == null ? null : new SlaPolicy(typeCode, priority, normal.respondWithin(), normal.resolveWithin(),
                    normal.warningPercent(), normal.escalateEvery(), normal.calendarId());
        }
        return Optional.ofNullable(p);
    }

    private Map<PolicyKey, SlaPolicy> loadPolicies() {
        return Sql.read(dataSource, c -> {
            Map<PolicyKey, SlaPolicy> out = new HashMap<>();
            try (PreparedStatement s = c.prepareStatement("SELECT type_code, priority, respond_minutes, resolve_minutes,"
                    + " warning_percent, escalate_every_minutes, calendar_id FROM sla_policies WHERE site_id = ?")) {
                s.setString(1, siteId);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        Priority priority = Priority.valueOf(r.getString(2));
                        out.put(new PolicyKey(r.getString(1), priority), new SlaPolicy(r.getString(1), priority,
                                Duration.ofMinutes(r.getInt(3)), Duration.ofMinutes(r.getInt(4)), r.getInt(5),
                                Duration.ofMinutes(r.getInt(6)), r.getString(7)));
                    }
                }
            }
            return Map.copyOf(out);
        });
    }

    private static int minutes(Duration d) {
        return Math.toIntExact(d.toMinutes());
    }

    private static Object[] concat(Object[] a, Object... b) {
        Object[] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    /** Inserts or updates the row of {@code table} with this site and code; returns its id. */
    private long upsert(Connection c, String table, String codeColumn, String code, String setClause,
                        String insertColumns, Object... values) throws SQLException {
        Long pk = null;
        try (PreparedStatement s = c.prepareStatement("SELECT id FROM " + table + " WHERE site_id = ? AND "
                + codeColumn + " = ?")) {
            Sql.bind(s, siteId, code);
            try (ResultSet r = s.executeQuery()) {
                if (r.next()) {
                    pk = r.getLong(1);
                }
            }
        }
        if (pk != null) {
            Sql.update(c, "UPDATE " + table + " SET " + setClause + ", version = version + 1, updated_at = ? WHERE id = ?",
                    concat(values, clock.instant(), pk));
            return pk;
        }
        String marks = "?, ".repeat(values.length);
        return Sql.insert(c, "INSERT INTO " + table + " (" + insertColumns + ", site_id, " + codeColumn
                + ", version, created_at, updated_at) VALUES (" + marks + "?, ?, 1, ?, ?)",
                concat(values, siteId, code, clock.instant(), clock.instant()));
    }
}

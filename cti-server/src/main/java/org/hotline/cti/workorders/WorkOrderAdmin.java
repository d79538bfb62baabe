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
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.sql.DataSource;

import org.hotline.cti.routing.BusinessHours;

import static java.util.Objects.requireNonNull;

/**
 * What administrators define without code: work-order types with their forms, the organisation
 * tree, business calendars and SLA policies. Saving an existing code replaces its definition.
 */
public final class WorkOrderAdmin {
    private final DataSource dataSource;
    private final String siteId;
    private final Clock clock;

    public WorkOrderAdmin(DataSource dataSource, String siteId, Clock clock) {
        this.dataSource = requireNonNull(dataSource, "dataSource");
        this.siteId = requireNonNull(siteId, "siteId");
        this.clock = requireNonNull(clock, "clock");
    }

    public void saveType(WorkOrderType type) {
        requireNonNull(type, "type");
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
        return types(code).stream().findFirst();
    }

    public List<WorkOrderType> types() {
        return types(null);
    }

    /** All types, or the one of {@code code}. */
    private List<WorkOrderType> types(String code) {
        return Sql.read(dataSource, c -> {
            Map<Long, String[]> heads = new LinkedHashMap<>();
            try (PreparedStatement s = c.prepareStatement("SELECT id, type_code, name, confidential FROM work_order_types"
                    + " WHERE site_id = ?" + (code == null ? "" : " AND type_code = ?") + " ORDER BY type_code")) {
                s.setString(1, siteId);
                if (code != null) {
                    s.setString(2, code);
                }
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        heads.put(r.getLong(1), new String[] {r.getString(2), r.getString(3), String.valueOf(r.getBoolean(4))});
                    }
                }
            }
            List<WorkOrderType> types = new ArrayList<>();
            for (var e : heads.entrySet()) {
                List<FieldDefinition> fields = new ArrayList<>();
                try (PreparedStatement s = c.prepareStatement("SELECT field_key, label, kind, required, choices"
                        + " FROM work_order_type_fields WHERE type_pk = ? ORDER BY field_order")) {
                    s.setLong(1, e.getKey());
                    try (ResultSet r = s.executeQuery()) {
                        while (r.next()) {
                            String choices = r.getString(5);
                            fields.add(new FieldDefinition(r.getString(1), r.getString(2), FieldKind.valueOf(r.getString(3)),
                                    r.getBoolean(4), choices == null ? List.of() : Arrays.asList(choices.split("\\|"))));
                        }
                    }
                }
                String[] h = e.getValue();
                types.add(new WorkOrderType(h[0], h[1], Boolean.parseBoolean(h[2]), fields));
            }
            return types;
        });
    }

    public void saveUnit(OrgUnit unit) {
        requireNonNull(unit, "unit");
        Sql.transaction(dataSource, c -> upsert(c, "org_units", "unit_id", unit.unitId(),
                "parent_unit_id = ?, kind = ?, name = ?, lead_agent_id = ?", "parent_unit_id, kind, name, lead_agent_id",
                unit.parentUnitId(), unit.kind(), unit.name(), unit.leadAgentId()));
    }

    public OrgTree orgTree() {
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
        return Sql.read(dataSource, c -> {
            long pk;
            ZoneId zone;
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT id, time_zone FROM business_calendars WHERE site_id = ? AND calendar_id = ?")) {
                Sql.bind(s, siteId, calendarId);
                try (ResultSet r = s.executeQuery()) {
                    if (!r.next()) {
                        return Optional.empty();
                    }
                    pk = r.getLong(1);
                    zone = ZoneId.of(r.getString(2));
                }
            }
            Map<DayOfWeek, BusinessHours.Window> days = new EnumMap<>(DayOfWeek.class);
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT day_of_week, opens_at, closes_at FROM business_calendar_hours WHERE calendar_pk = ?")) {
                s.setLong(1, pk);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        days.put(DayOfWeek.of(r.getInt(1)), new BusinessHours.Window(r.getTime(2).toLocalTime(),
                                r.getTime(3).toLocalTime()));
                    }
                }
            }
            Set<LocalDate> holidays = new HashSet<>();
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT holiday FROM business_calendar_holidays WHERE calendar_pk = ?")) {
                s.setLong(1, pk);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        holidays.add(r.getDate(1).toLocalDate());
                    }
                }
            }
            return Optional.of(new BusinessCalendar(calendarId, new BusinessHours(zone, days), holidays));
        });
    }

    /** Deletes a unit (the caller checks it has no sub-units and no orders); false when there was none. */
    public boolean deleteUnit(String unitId) {
        requireNonNull(unitId, "unitId");
        return Sql.transaction(dataSource, c -> Sql.update(c, "DELETE FROM org_units WHERE site_id = ? AND unit_id = ?",
                siteId, unitId) > 0);
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
        return Sql.transaction(dataSource, c -> Sql.update(c,
                "DELETE FROM business_calendars WHERE site_id = ? AND calendar_id = ?", siteId, calendarId) > 0);
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
        return Sql.transaction(dataSource, c -> Sql.update(c,
                "DELETE FROM sla_policies WHERE site_id = ? AND type_code = ? AND priority = ?", siteId, typeCode,
                priority) > 0);
    }

    public void savePolicy(SlaPolicy policy) {
        requireNonNull(policy, "policy");
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
        return Sql.read(dataSource, c -> policy(c, typeCode, priority));
    }

    /** The same on the caller's connection, inside its transaction. */
    Optional<SlaPolicy> policy(Connection c, String typeCode, Priority priority) throws SQLException {
        {
            for (Priority p : priority == Priority.NORMAL ? List.of(priority) : List.of(priority, Priority.NORMAL)) {
                try (PreparedStatement s = c.prepareStatement("SELECT respond_minutes, resolve_minutes, warning_percent,"
                        + " escalate_every_minutes, calendar_id FROM sla_policies WHERE site_id = ? AND type_code = ?"
                        + " AND priority = ?")) {
                    Sql.bind(s, siteId, typeCode, p);
                    try (ResultSet r = s.executeQuery()) {
                        if (r.next()) {
                            return Optional.of(new SlaPolicy(typeCode, priority, Duration.ofMinutes(r.getInt(1)),
                                    Duration.ofMinutes(r.getInt(2)), r.getInt(3), Duration.ofMinutes(r.getInt(4)),
                                    r.getString(5)));
                        }
                    }
                }
            }
            return Optional.empty();
        }
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

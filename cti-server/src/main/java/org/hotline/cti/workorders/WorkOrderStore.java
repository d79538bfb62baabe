package org.hotline.cti.workorders;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.ConcurrentModificationException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The SQL of work orders, their history, fields, follow-ups and attachments, for one site. Every
 * method runs on the caller's connection so that a command is one transaction.
 */
final class WorkOrderStore {
    static final String COLUMNS = "id, order_no, type_code, priority, status, title, description, confidential,"
            + " customer_id, source_call_id, caller_number, area, address, creator_id, department_id, team_id,"
            + " assignee_id, created_at, updated_at, responded_at, resolved_at, closed_at, respond_by, resolve_by,"
            + " warn_at, sla_state, escalation_level, escalated_at, next_timer_at, resolution, return_reason, version";

    /** {@link #COLUMNS} of the row {@code w}, for statements that join it. */
    private static final String ROW_COLUMNS = Arrays.stream(COLUMNS.split(", "))
            .map(column -> "w." + column).collect(Collectors.joining(", "));

    private final String siteId;

    WorkOrderStore(String siteId) {
        this.siteId = siteId;
    }

    String siteId() {
        return siteId;
    }

    long insert(Connection c, NewWorkOrder n, boolean confidential, String creatorId, Instant now,
                SlaClock.Deadlines d, Instant nextTimer, Map<String, String> fields, String placeholderNo) throws SQLException {
        long id = Sql.insert(c, "INSERT INTO work_orders (site_id, order_no, type_code, priority, status, title,"
                        + " description, confidential, customer_id, source_call_id, caller_number, area, address, creator_id,"
                        + " created_at, updated_at, respond_by, resolve_by, warn_at, sla_state, escalation_level,"
                        + " next_timer_at, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, 1)",
                siteId, placeholderNo, n.typeCode(), n.priority(), WorkOrderStatus.NEW, n.title(), n.description(),
                confidential, n.customerId(), n.sourceCallId(), n.callerNumber(), n.area(), n.address(), creatorId, now,
                now, d.respondBy(), d.resolveBy(), d.warnAt(), SlaState.ON_TIME, nextTimer);
        for (var f : fields.entrySet()) {
            Sql.update(c, "INSERT INTO work_order_fields (work_order_id, field_key, field_value) VALUES (?, ?, ?)", id,
                    f.getKey(), f.getValue());
        }
        return id;
    }

    Optional<WorkOrder> find(Connection c, String orderNo) throws SQLException {
        return one(c, "w.order_no = ?", orderNo);
    }

    Optional<WorkOrder> find(Connection c, long id) throws SQLException {
        return one(c, "w.id = ?", id);
    }

    /** One order with its custom fields, in one round trip: a row per field (one row when it has none). */
    private Optional<WorkOrder> one(Connection c, String condition, Object value) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT " + ROW_COLUMNS + ", f.field_key, f.field_value"
                + " FROM work_orders w LEFT JOIN work_order_fields f ON f.work_order_id = w.id"
                + " WHERE w.site_id = ? AND " + condition)) {
            Sql.bind(s, siteId, value);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    return Optional.empty();
                }
                WorkOrder head = map(r, Map.of());
                Map<String, String> fields = new TreeMap<>();
                do {
                    String key = r.getString("field_key");
                    if (key != null) {
                        fields.put(key, r.getString("field_value"));
                    }
                } while (r.next());
                return Optional.of(head.withFields(fields));
            }
        }
    }

    static WorkOrder map(ResultSet r, Map<String, String> fields) throws SQLException {
        return new WorkOrder(r.getLong("id"), r.getString("order_no"), r.getString("type_code"),
                Priority.valueOf(r.getString("priority")), WorkOrderStatus.valueOf(r.getString("status")),
                r.getString("title"), r.getString("description"), r.getBoolean("confidential"),
                r.getString("customer_id"), r.getString("source_call_id"), r.getString("caller_number"),
                r.getString("area"), r.getString("address"), r.getString("creator_id"), r.getString("department_id"),
                r.getString("team_id"), r.getString("assignee_id"), Sql.instant(r, "created_at"),
                Sql.instant(r, "updated_at"), Sql.instant(r, "responded_at"), Sql.instant(r, "resolved_at"),
                Sql.instant(r, "closed_at"), new SlaClock.Deadlines(Sql.instant(r, "respond_by"),
                Sql.instant(r, "resolve_by"), Sql.instant(r, "warn_at")), SlaState.valueOf(r.getString("sla_state")),
                r.getInt("escalation_level"), Sql.instant(r, "escalated_at"), Sql.instant(r, "next_timer_at"),
                r.getString("resolution"), r.getString("return_reason"), r.getLong("version"), fields);
    }

    /**
     * Applies a user's change when the order is still at {@code expectedVersion}, bumping the
     * version; otherwise refuses with the versions involved and leaves the row as it is.
     */
    void update(Connection c, WorkOrder order, long expectedVersion, Map<String, Object> set, Instant now)
            throws SQLException {
        Map<String, Object> all = new LinkedHashMap<>(set);
        all.put("updated_at", now);
        StringBuilder sql = new StringBuilder("UPDATE work_orders SET ");
        all.keySet().forEach(k -> sql.append(k).append(" = ?, "));
        sql.append("version = version + 1 WHERE id = ? AND version = ?");
        List<Object> values = new ArrayList<>(all.values());
        values.add(order.id());
        values.add(expectedVersion);
        if (Sql.update(c, sql.toString(), values.toArray()) == 0) {
            throw conflict(order.orderNo(), expectedVersion, currentVersion(c, order.id()));
        }
    }

    /**
     * The SLA scheduler's bookkeeping: no version bump (it edits nothing a user edits), but only
     * on the version it read, so a command that committed meanwhile wins and is looked at again.
     */
    boolean updateTimers(Connection c, long id, long version, Map<String, Object> set) throws SQLException {
        StringBuilder sql = new StringBuilder("UPDATE work_orders SET ");
        set.keySet().forEach(k -> sql.append(k).append(" = ?, "));
        sql.setLength(sql.length() - 2);
        sql.append(" WHERE id = ? AND version = ?");
        List<Object> values = new ArrayList<>(set.values());
        values.add(id);
        values.add(version);
        return Sql.update(c, sql.toString(), values.toArray()) == 1;
    }

    static ConcurrentModificationException conflict(String orderNo, long expected, long current) {
        return new ConcurrentModificationException("work order " + orderNo + " was changed by someone else: you edited"
                + " version " + expected + ", it is now at version " + current
                + " (expected: reload the work order and apply your change again)");
    }

    private static long currentVersion(Connection c, long id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT version FROM work_orders WHERE id = ?")) {
            s.setLong(1, id);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? r.getLong(1) : -1;
            }
        }
    }

    void event(Connection c, long orderId, Instant at, String actorId, WorkOrderAction action, WorkOrderStatus from,
               WorkOrderStatus to, String detail, String reason) throws SQLException {
        Sql.update(c, "INSERT INTO work_order_events (work_order_id, occurred_at, actor_id, action, from_status,"
                        + " to_status, detail, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", orderId, at, actorId, action, from,
                to, cut(detail, 2000), cut(reason, 1000));
    }

    List<WorkOrderEvent> history(Connection c, long orderId) throws SQLException {
        List<WorkOrderEvent> events = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT id, occurred_at, actor_id, action, from_status, to_status,"
                + " detail, reason FROM work_order_events WHERE work_order_id = ? ORDER BY id")) {
            s.setLong(1, orderId);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    events.add(new WorkOrderEvent(r.getLong(1), orderId, Sql.instant(r, "occurred_at"), r.getString(3),
                            WorkOrderAction.valueOf(r.getString(4)), status(r.getString(5)), status(r.getString(6)),
                            r.getString(7), r.getString(8)));
                }
            }
        }
        return events;
    }

    private static WorkOrderStatus status(String s) {
        return s == null ? null : WorkOrderStatus.valueOf(s);
    }

    /** Orders whose timer is due, oldest first. */
    List<Long> dueTimers(Connection c, Instant now, int limit) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT id FROM work_orders WHERE site_id = ?"
                + " AND next_timer_at IS NOT NULL AND next_timer_at <= ? ORDER BY next_timer_at LIMIT ?")) {
            Sql.bind(s, siteId, now, limit);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    ids.add(r.getLong(1));
                }
            }
        }
        return ids;
    }

    /**
     * Streams the orders matching {@code q}, newest first; confidential ones only when
     * {@code includeConfidential}. Fields are not loaded (lists show the head of each order).
     *
     * <p>A deferred join: the page of ids is found first, then only those rows are read. With the
     * status + area + time index (V9), which holds {@code id} and {@code confidential}, the ids of
     * the supervisor's search come from the index alone, so the orders it skips (confidential
     * ones) cost no row reads; the rows themselves are the only random reads left.
     */
    void search(Connection c, WorkOrderQuery q, boolean includeConfidential, int limit, Consumer<WorkOrder> sink)
            throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT " + ROW_COLUMNS + " FROM (SELECT id FROM work_orders"
                + indexFor(q) + " WHERE site_id = ?");
        List<Object> values = new ArrayList<>(List.of(siteId));
        eq(sql, values, "order_no", q.orderNo());
        eq(sql, values, "area", q.area());
        eq(sql, values, "type_code", q.typeCode());
        eq(sql, values, "customer_id", q.customerId());
        eq(sql, values, "caller_number", q.callerNumber());
        eq(sql, values, "creator_id", q.creatorId());
        eq(sql, values, "department_id", q.departmentId());
        eq(sql, values, "team_id", q.teamId());
        if (q.addressFragment() != null && !q.addressFragment().isBlank()) {
            sql.append(" AND address LIKE ? ESCAPE '!'");
            values.add("%" + q.addressFragment().strip().replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%");
        }
        if (!q.statuses().isEmpty()) {
            sql.append(" AND status IN (").append("?, ".repeat(q.statuses().size() - 1)).append("?)");
            q.statuses().stream().map(Enum::name).sorted().forEach(values::add);
        }
        if (!q.slaStates().isEmpty()) {
            sql.append(" AND sla_state IN (").append("?, ".repeat(q.slaStates().size() - 1)).append("?)");
            q.slaStates().stream().map(Enum::name).sorted().forEach(values::add);
        }
        if (q.createdFrom() != null) {
            sql.append(" AND created_at >= ?");
            values.add(q.createdFrom());
        }
        if (q.createdTo() != null) {
            sql.append(" AND created_at < ?");
            values.add(q.createdTo());
        }
        if (q.beforeId() != null) {
            sql.append(" AND id < ?");
            values.add(q.beforeId());
        }
        if (!includeConfidential) {
            sql.append(" AND confidential = FALSE");
        }
        // LIMIT in the statement, not setMaxRows: Connector/J sends setMaxRows as SET SQL_SELECT_LIMIT
        // (and its reset on the pooled connection's next statement), two more round trips per search.
        sql.append(" ORDER BY created_at DESC, id DESC LIMIT ?) page JOIN work_orders w ON w.id = page.id"
                + " ORDER BY w.created_at DESC, w.id DESC");
        values.add(limit);
        try (PreparedStatement s = c.prepareStatement(sql.toString())) {
            Sql.bind(s, values.toArray());
            s.setFetchSize(Math.min(limit, 1_000));
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    sink.accept(map(r, Map.of()));
                }
            }
        }
    }

    /**
     * Names the index of the two searches that run all day, the screen pop's (a customer's open
     * orders) and the supervisor's (status + area + time). Every index of the table starts with
     * site_id, so without a name MariaDB estimates each of them first (index dives; five ranges
     * each on the status index for the pop's list of open statuses): EXPLAIN ANALYZE on a million
     * orders gave 0.7 ms of planning against 0.5 ms of execution for the pop's lookup. Other
     * searches are left to the optimizer.
     */
    private static String indexFor(WorkOrderQuery q) {
        if (present(q.orderNo()) || present(q.callerNumber())) {
            return "";
        }
        if (present(q.customerId())) {
            return " USE INDEX (ix_work_orders_customer)";
        }
        if (present(q.area()) && !q.statuses().isEmpty()) {
            return " USE INDEX (ix_work_orders_status_area_created_id)";
        }
        return "";
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }

    private static void eq(StringBuilder sql, List<Object> values, String column, String value) {
        if (value != null && !value.isBlank()) {
            sql.append(" AND ").append(column).append(" = ?");
            values.add(value.strip());
        }
    }

    /**
     * Counts per period of the orders created in [from, to). Grouped by UTC hour in SQL (portable
     * and small), then put into the periods of {@code zone} here.
     */
    List<SummaryRow> summary(Connection c, SummaryPeriod period, Instant from, Instant to, ZoneId zone)
            throws SQLException {
        Map<java.time.LocalDate, SummaryRow> rows = new TreeMap<>();
        try (PreparedStatement s = c.prepareStatement("SELECT YEAR(created_at) y, MONTH(created_at) m,"
                + " DAY(created_at) d, HOUR(created_at) h, COUNT(*) n,"
                + " SUM(CASE WHEN resolved_at IS NOT NULL THEN 1 ELSE 0 END) resolved,"
                + " SUM(CASE WHEN status = 'CLOSED' THEN 1 ELSE 0 END) closed,"
                + " SUM(CASE WHEN status = 'RETURNED' THEN 1 ELSE 0 END) returned,"
                + " SUM(CASE WHEN sla_state = 'OVERDUE' THEN 1 ELSE 0 END) overdue"
                + " FROM work_orders WHERE site_id = ? AND created_at >= ? AND created_at < ?"
                + " GROUP BY YEAR(created_at), MONTH(created_at), DAY(created_at), HOUR(created_at)")) {
            Sql.bind(s, siteId, from, to);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    Instant hour = LocalDateTime.of(r.getInt(1), r.getInt(2), r.getInt(3), r.getInt(4), 0)
                            .toInstant(ZoneOffset.UTC);
                    java.time.LocalDate start = period.start(hour.atZone(zone).toLocalDate());
                    SummaryRow row = new SummaryRow(start, r.getLong(5), r.getLong(6), r.getLong(7), r.getLong(8),
                            r.getLong(9));
                    rows.merge(start, row, SummaryRow::plus);
                }
            }
        }
        return List.copyOf(rows.values());
    }

    /**
     * Orders counted by {@code column} (status, type_code, area or department_id), with how many
     * of each are in Warning and Overdue; open ones only when {@code openOnly}; created in
     * [from, to) when given.
     */
    List<CountedOrders> counts(Connection c, String column, boolean openOnly, Instant from, Instant to) throws SQLException {
        if (!List.of("status", "type_code", "area", "department_id").contains(column)) {
            throw new IllegalArgumentException("column: " + column);
        }
        StringBuilder sql = new StringBuilder("SELECT " + column + " k, COUNT(*) n,"
                + " SUM(CASE WHEN sla_state = 'WARNING' THEN 1 ELSE 0 END) w,"
                + " SUM(CASE WHEN sla_state = 'OVERDUE' THEN 1 ELSE 0 END) o"
                + " FROM work_orders WHERE site_id = ?");
        List<Object> values = new ArrayList<>(List.of(siteId));
        if (openOnly) {
            sql.append(" AND status NOT IN ('RESOLVED', 'CLOSED')");
        }
        if (from != null) {
            sql.append(" AND created_at >= ?");
            values.add(from);
        }
        if (to != null) {
            sql.append(" AND created_at < ?");
            values.add(to);
        }
        sql.append(" GROUP BY ").append(column).append(" ORDER BY n DESC");
        List<CountedOrders> out = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(sql.toString())) {
            Sql.bind(s, values.toArray());
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.add(new CountedOrders(r.getString(1) == null ? "" : r.getString(1), r.getLong(2), r.getLong(3), r.getLong(4)));
                }
            }
        }
        return out;
    }

    // Follow-ups

    void insertFollowUp(Connection c, long orderId, Instant due, Instant now) throws SQLException {
        Sql.update(c, "INSERT INTO follow_ups (site_id, work_order_id, due_at, status, due_notified, version, created_at,"
                + " updated_at) VALUES (?, ?, ?, ?, FALSE, 1, ?, ?)", siteId, orderId, due, FollowUp.Status.PENDING, now, now);
    }

    Optional<FollowUp> followUp(Connection c, long orderId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT id, due_at, status, satisfaction, note, called_by,"
                + " called_at, due_notified, version FROM follow_ups WHERE work_order_id = ?")) {
            s.setLong(1, orderId);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    return Optional.empty();
                }
                String sat = r.getString("satisfaction");
                return Optional.of(new FollowUp(r.getLong("id"), orderId, Sql.instant(r, "due_at"),
                        FollowUp.Status.valueOf(r.getString("status")), sat == null ? null : Satisfaction.valueOf(sat),
                        r.getString("note"), r.getString("called_by"), Sql.instant(r, "called_at"),
                        r.getBoolean("due_notified"), r.getLong("version")));
            }
        }
    }

    boolean recordFollowUp(Connection c, long followUpId, long expectedVersion, Satisfaction satisfaction, String note,
                           String calledBy, Instant now) throws SQLException {
        return Sql.update(c, "UPDATE follow_ups SET status = ?, satisfaction = ?, note = ?, called_by = ?, called_at = ?,"
                        + " updated_at = ?, version = version + 1 WHERE id = ? AND version = ?", FollowUp.Status.DONE,
                satisfaction, cut(note, 1000), calledBy, now, now, followUpId, expectedVersion) == 1;
    }

    /** Pending follow-ups past their due time that nobody was told about yet: order ids. */
    List<Long> dueFollowUps(Connection c, Instant now, int limit) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT work_order_id FROM follow_ups WHERE site_id = ?"
                + " AND status = ? AND due_notified = FALSE AND due_at <= ? ORDER BY due_at LIMIT ?")) {
            Sql.bind(s, siteId, FollowUp.Status.PENDING, now, limit);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    ids.add(r.getLong(1));
                }
            }
        }
        return ids;
    }

    boolean markFollowUpNotified(Connection c, long orderId) throws SQLException {
        return Sql.update(c, "UPDATE follow_ups SET due_notified = TRUE WHERE work_order_id = ? AND due_notified = FALSE",
                orderId) == 1;
    }

    // Attachments

    long insertAttachment(Connection c, long orderId, String fileName, String contentType, long size, String sha256,
                          String storedPath, String uploadedBy, Instant now) throws SQLException {
        return Sql.insert(c, "INSERT INTO work_order_attachments (work_order_id, file_name, content_type, size_bytes,"
                        + " sha256, stored_path, uploaded_by, uploaded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", orderId, fileName,
                contentType, size, sha256, storedPath, uploadedBy, now);
    }

    List<Attachment> attachments(Connection c, long orderId) throws SQLException {
        List<Attachment> list = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT id, file_name, content_type, size_bytes, sha256,"
                + " uploaded_by, uploaded_at FROM work_order_attachments WHERE work_order_id = ? ORDER BY id")) {
            s.setLong(1, orderId);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    list.add(new Attachment(r.getLong(1), orderId, r.getString(2), r.getString(3), r.getLong(4),
                            r.getString(5), r.getString(6), Sql.instant(r, "uploaded_at")));
                }
            }
        }
        return list;
    }

    Optional<String> attachmentPath(Connection c, long orderId, long attachmentId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "SELECT stored_path FROM work_order_attachments WHERE work_order_id = ? AND id = ?")) {
            Sql.bind(s, orderId, attachmentId);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(r.getString(1)) : Optional.empty();
            }
        }
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}

package org.hotline.cti.stats;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static java.util.Objects.requireNonNull;

/**
 * Keeps the work-order rollups ({@code report_work_order_daily} and {@code _monthly}) in step
 * with {@code work_orders}: the work-order service reads an order's {@link Profile} at the start
 * of each transaction that changes it and again at the end, and {@link #move} takes one from the
 * old combination and adds one to the new. Because both reads and the move run in the
 * transaction that changes the order (and a concurrent change of the same order is refused by
 * its version check), the rollups count every order exactly once.
 */
public final class WorkOrderRollup {
    private static final String PROFILE = """
            SELECT o.site_id, o.created_at, o.type_code, o.area, o.department_id, o.status, o.sla_state,
              CASE WHEN EXISTS (SELECT 1 FROM work_order_events e WHERE e.work_order_id = o.id AND e.to_status = 'RETURNED')
                   THEN 1 ELSE 0 END,
              f.satisfaction
            FROM work_orders o LEFT JOIN follow_ups f ON f.work_order_id = o.id WHERE o.id = ?""";

    private final ZoneId zone;

    /** @param zone the report zone: an order counts on the day (and month) of its creation there */
    public WorkOrderRollup(ZoneId zone) {
        this.zone = requireNonNull(zone, "zone");
    }

    /**
     * Where an order counts: its site and creation day, and the dimensions the report groups and
     * splits by. {@code returned} stays true once the order was returned; {@code satisfaction}
     * is the follow-up call's latest result ({@code ""} before one).
     */
    public record Profile(String siteId, LocalDate day, String typeCode, String area, String departmentId,
                          String status, String slaState, boolean returned, String satisfaction) {}

    /** The order's profile as the transaction on {@code connection} sees it, or null when there is no such order. */
    public Profile profile(Connection connection, long orderId) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(PROFILE)) {
            ps.setLong(1, orderId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                LocalDateTime created = rs.getObject(2, LocalDateTime.class);
                return new Profile(rs.getString(1), created.toInstant(ZoneOffset.UTC).atZone(zone).toLocalDate(),
                        rs.getString(3), orEmpty(rs.getString(4)), orEmpty(rs.getString(5)), rs.getString(6),
                        rs.getString(7), rs.getInt(8) == 1, orEmpty(rs.getString(9)));
            }
        }
    }

    /** Moves one order from {@code before} (null for a new order) to {@code after} (null: gone). */
    public void move(Connection connection, Profile before, Profile after) throws SQLException {
        if (before != null && before.equals(after)) {
            return;
        }
        if (before != null) {
            add(connection, before, -1);
        }
        if (after != null) {
            add(connection, after, 1);
        }
    }

    private static void add(Connection connection, Profile p, int delta) throws SQLException {
        for (String[] table : new String[][] {{"report_work_order_daily", "report_day"},
                {"report_work_order_monthly", "report_month"}}) {
            LocalDate day = table[0].endsWith("monthly") ? p.day().withDayOfMonth(1) : p.day();
            try (PreparedStatement ps = connection.prepareStatement("INSERT INTO " + table[0] + " (site_id, " + table[1]
                    + ", type_code, area, department_id, status, sla_state, returned, satisfaction, orders)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE orders = orders + VALUES(orders)")) {
                ps.setString(1, p.siteId());
                ps.setString(2, day.toString());
                ps.setString(3, p.typeCode());
                ps.setString(4, p.area());
                ps.setString(5, p.departmentId());
                ps.setString(6, p.status());
                ps.setString(7, p.slaState());
                ps.setInt(8, p.returned() ? 1 : 0);
                ps.setString(9, p.satisfaction());
                ps.setLong(10, delta);
                ps.executeUpdate();
            }
        }
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}

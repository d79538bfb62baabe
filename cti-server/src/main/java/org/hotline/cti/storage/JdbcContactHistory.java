package org.hotline.cti.storage;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.hotline.cti.customers.Contact;
import org.hotline.cti.customers.ContactHistory;
import org.hotline.cti.customers.Customer;

import static java.util.Objects.requireNonNull;

/**
 * The contact history on its append-only table. Appends name the customer by account number and
 * resolve it inside the insert, so a batch needs no lookups first; the newest-first read walks
 * the (customer_id, occurred_at, id) index backwards and stops at the limit.
 */
public final class JdbcContactHistory implements ContactHistory {
    private static final String APPEND = """
            INSERT INTO contact_history (site_id, customer_id, kind, occurred_at, agent_id, phone, call_id, record_id,
                recording_ref, work_order_no, summary)
            SELECT ?, c.id, ?, ?, ?, ?, ?, ?, ?, ?, ? FROM customers c WHERE c.site_id = ? AND c.account_no = ?""";

    private final DataSource dataSource;
    private final String siteId;

    public JdbcContactHistory(DataSource dataSource, String siteId) {
        this.dataSource = requireNonNull(dataSource, "dataSource");
        this.siteId = requireNonNull(siteId, "siteId");
    }

    @Override
    public List<Contact> latest(Customer customer, int limit) {
        requireNonNull(customer, "customer");
        return Sql.run(dataSource, "contact history", c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT id, kind, occurred_at, agent_id, phone, call_id, record_id, recording_ref, work_order_no,
                        summary
                    FROM contact_history WHERE customer_id = ? ORDER BY occurred_at DESC, id DESC LIMIT ?""")) {
                ps.setLong(1, customer.id());
                ps.setInt(2, limit);
                List<Contact> out = new ArrayList<>(limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Contact(rs.getLong("id"), customer.accountNo(),
                                Contact.Kind.valueOf(rs.getString("kind")), SqlTimes.get(rs, "occurred_at"),
                                rs.getString("agent_id"), rs.getString("phone"), rs.getString("call_id"),
                                rs.getString("record_id"), rs.getString("recording_ref"),
                                rs.getString("work_order_no"), rs.getString("summary")));
                    }
                }
                return out;
            }
        });
    }

    @Override
    public int append(List<Contact> contacts) {
        requireNonNull(contacts, "contacts");
        if (contacts.isEmpty()) {
            return 0;
        }
        return Sql.inTransaction(dataSource, "contact history append", c -> {
            try (PreparedStatement ps = c.prepareStatement(APPEND)) {
                for (Contact k : contacts) {
                    ps.setString(1, siteId);
                    ps.setString(2, k.kind().name());
                    SqlTimes.set(ps, 3, k.occurredAt());
                    ps.setString(4, k.agentId());
                    ps.setString(5, k.phone());
                    ps.setString(6, k.callId());
                    ps.setString(7, k.recordId());
                    ps.setString(8, k.recordingRef());
                    ps.setString(9, k.workOrderNo());
                    ps.setString(10, k.summary());
                    ps.setString(11, siteId);
                    ps.setString(12, k.accountNo());
                    ps.addBatch();
                }
                int written = 0;
                for (int n : ps.executeBatch()) {
                    written += Math.max(n, 0);
                }
                return written;
            }
        });
    }
}

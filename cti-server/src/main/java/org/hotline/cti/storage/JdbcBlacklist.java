package org.hotline.cti.storage;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import org.hotline.cti.customers.Blacklist;
import org.hotline.cti.customers.BlacklistEntry;

import static java.util.Objects.requireNonNull;

/** The blacklist on its table, one row per site and number. */
public final class JdbcBlacklist implements Blacklist {
    private static final String COLUMNS = "phone, reason, added_by, added_at, expires_at";

    private final DataSource dataSource;
    private final String siteId;

    public JdbcBlacklist(DataSource dataSource, String siteId) {
        this.dataSource = requireNonNull(dataSource, "dataSource");
        this.siteId = requireNonNull(siteId, "siteId");
    }

    @Override
    public List<BlacklistEntry> entries() {
        return Sql.run(dataSource, "blacklist", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS
                    + " FROM blacklist WHERE site_id = ? ORDER BY phone")) {
                ps.setString(1, siteId);
                return read(ps);
            }
        });
    }

    @Override
    public Optional<BlacklistEntry> find(String phone) {
        requireNonNull(phone, "phone");
        return Sql.run(dataSource, "blacklist lookup", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS
                    + " FROM blacklist WHERE site_id = ? AND phone = ?")) {
                ps.setString(1, siteId);
                ps.setString(2, phone);
                return read(ps).stream().findFirst();
            }
        });
    }

    @Override
    public void put(BlacklistEntry e) {
        requireNonNull(e, "e");
        Sql.inTransaction(dataSource, "blacklist update", c -> {
            // Delete-then-insert is the upsert all three databases agree on.
            try (PreparedStatement del = c.prepareStatement("DELETE FROM blacklist WHERE site_id = ? AND phone = ?");
                 PreparedStatement ins = c.prepareStatement("INSERT INTO blacklist (site_id, " + COLUMNS
                         + ") VALUES (?, ?, ?, ?, ?, ?)")) {
                del.setString(1, siteId);
                del.setString(2, e.phone());
                del.executeUpdate();
                ins.setString(1, siteId);
                ins.setString(2, e.phone());
                ins.setString(3, e.reason());
                ins.setString(4, e.addedBy());
                SqlTimes.set(ins, 5, e.addedAt());
                SqlTimes.set(ins, 6, e.expiresAt());
                return ins.executeUpdate();
            }
        });
    }

    @Override
    public boolean remove(String phone) {
        requireNonNull(phone, "phone");
        return Sql.run(dataSource, "blacklist removal", c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM blacklist WHERE site_id = ? AND phone = ?")) {
                ps.setString(1, siteId);
                ps.setString(2, phone);
                return ps.executeUpdate() > 0;
            }
        });
    }

    private static List<BlacklistEntry> read(PreparedStatement ps) throws SQLException {
        List<BlacklistEntry> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new BlacklistEntry(rs.getString("phone"), rs.getString("reason"), rs.getString("added_by"),
                        SqlTimes.get(rs, "added_at"), SqlTimes.get(rs, "expires_at")));
            }
        }
        return out;
    }
}

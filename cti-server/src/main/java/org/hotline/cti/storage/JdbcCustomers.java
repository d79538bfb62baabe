package org.hotline.cti.storage;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import org.hotline.cti.customers.BillingGateway;
import org.hotline.cti.customers.Customer;
import org.hotline.cti.core.CommandException;
import org.hotline.cti.customers.CustomerDirectory;
import org.hotline.cti.customers.NewCustomer;

import static java.util.Objects.requireNonNull;

/**
 * Customers on Hotline's own tables: the {@link CustomerDirectory} and the
 * {@link BillingGateway} for sites without a billing system of their own (balances, arrears and
 * readings as last imported, planned outages as entered). Plain JDBC: the screen-pop lookup is
 * on the hot path of every call (two index lookups), and imports are batch inserts.
 */
public final class JdbcCustomers implements CustomerDirectory, BillingGateway {
    private static final String COLUMNS = "c.id, c.account_no, c.name, c.address, c.district, c.grid_area, c.meter_id, "
            + "c.customer_type, c.balance, c.arrears, c.last_reading, c.last_reading_at, c.service_status";
    private static final String INSERT = """
            INSERT INTO customers (site_id, account_no, name, address, district, grid_area, meter_id, customer_type,
                balance, arrears, last_reading, last_reading_at, service_status, version, created_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)""";
    private static final String INSERT_PHONE = "INSERT INTO customer_phones (site_id, phone, customer_id, seq_no) VALUES (?, ?, ?, ?)";

    private final DataSource dataSource;
    private final String siteId;
    private final Clock clock;

    public JdbcCustomers(DataSource dataSource, String siteId, Clock clock) {
        this.dataSource = requireNonNull(dataSource, "dataSource");
        this.siteId = requireNonNull(siteId, "siteId");
        this.clock = requireNonNull(clock, "clock");
    }

    public String siteId() {
        return siteId;
    }

    public boolean isEmpty() {
        return Sql.run(dataSource, "customer count", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM customers WHERE site_id = ? LIMIT 1")) {
                ps.setString(1, siteId);
                try (ResultSet rs = ps.executeQuery()) {
                    return !rs.next();
                }
            }
        });
    }

    /** Inserts new customers with their phone numbers in one transaction of batches (ids are ignored). */
    public int insertAll(List<Customer> customers) {
        requireNonNull(customers, "customers");
        if (customers.isEmpty()) {
            return 0;
        }
        return Sql.inTransaction(dataSource, "customer import", c -> insert(c, customers));
    }

    private int insert(Connection c, List<Customer> customers) throws SQLException {
        Instant now = clock.instant();
        long[] ids = new long[customers.size()];
        try (PreparedStatement ps = c.prepareStatement(INSERT, Statement.RETURN_GENERATED_KEYS)) {
            for (Customer cu : customers) {
                ps.setString(1, siteId);
                ps.setString(2, cu.accountNo());
                ps.setString(3, cu.name());
                ps.setString(4, cu.address());
                ps.setString(5, cu.district());
                ps.setString(6, cu.gridArea());
                ps.setString(7, cu.meterId());
                ps.setString(8, cu.type().name());
                ps.setBigDecimal(9, cu.balance());
                ps.setBigDecimal(10, cu.arrears());
                ps.setBigDecimal(11, cu.lastReading());
                SqlTimes.set(ps, 12, cu.lastReadingAt());
                ps.setString(13, cu.status().name());
                SqlTimes.set(ps, 14, now);
                SqlTimes.set(ps, 15, now);
                ps.addBatch();
            }
            ps.executeBatch();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                int i = 0;
                while (keys.next() && i < ids.length) {
                    ids[i++] = keys.getLong(1);
                }
                if (i != ids.length) {
                    throw new SQLException("generated keys: " + i + " (expected: " + ids.length + ")");
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement(INSERT_PHONE)) {
            for (int i = 0; i < ids.length; i++) {
                List<String> phones = customers.get(i).phones();
                for (int n = 0; n < phones.size(); n++) {
                    ps.setString(1, siteId);
                    ps.setString(2, phones.get(n));
                    ps.setLong(3, ids[i]);
                    ps.setInt(4, n);
                    ps.addBatch();
                }
            }
            ps.executeBatch();
        }
        return ids.length;
    }

    /** Prefix of account numbers assigned by {@link #create}; digits follow (see V7__customer_account_numbers.sql). */
    public static final String CREATED_ACCOUNT_PREFIX = "Q";

    @Override
    public Customer create(NewCustomer n) {
        requireNonNull(n, "n");
        String account;
        try {
            account = Sql.inTransaction(dataSource, "customer create", c -> create(c, n));
        } catch (CommandException e) {
            // Two desks creating the site's very first customer at once: one sequence row wins, the other retries.
            account = Sql.inTransaction(dataSource, "customer create", c -> create(c, n));
        }
        String created = account;
        return byAccount(created).orElseThrow(() -> new IllegalStateException("customer " + created
                + " not found right after it was stored"));
    }

    private String create(Connection c, NewCustomer n) throws SQLException {
        String account;
        do {
            account = CREATED_ACCOUNT_PREFIX + String.format("%08d", nextAccountNumber(c));
        } while (accountExists(c, account));
        insert(c, List.of(new Customer(0, account, n.name(), n.phones(), n.address(), n.district(), "", "", n.type(),
                BigDecimal.ZERO.setScale(2), BigDecimal.ZERO.setScale(2), BigDecimal.ZERO.setScale(2), null,
                Customer.Status.ACTIVE)));
        return account;
    }

    /** Takes the site's next sequence value under a row lock (the first call creates the row). */
    private long nextAccountNumber(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT next_value FROM customer_account_sequence WHERE site_id = ? FOR UPDATE")) {
            ps.setString(1, siteId);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    long value = rs.getLong(1);
                    try (PreparedStatement up = c.prepareStatement(
                            "UPDATE customer_account_sequence SET next_value = ? WHERE site_id = ?")) {
                        up.setLong(1, value + 1);
                        up.setString(2, siteId);
                        up.executeUpdate();
                    }
                    return value;
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO customer_account_sequence (site_id, next_value) VALUES (?, 2)")) {
            ps.setString(1, siteId);
            ps.executeUpdate();
        }
        return 1;
    }

    private boolean accountExists(Connection c, String account) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM customers WHERE site_id = ? AND account_no = ?")) {
            ps.setString(1, siteId);
            ps.setString(2, account);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    @Override
    public List<Customer> byPhone(String phone, int limit) {
        requireNonNull(phone, "phone");
        return Sql.run(dataSource, "customer lookup by phone", c -> {
            try (PreparedStatement ps = c.prepareStatement(withPhones("SELECT " + COLUMNS
                    + " FROM customer_phones p JOIN customers c ON c.id = p.customer_id"
                    + " WHERE p.site_id = ? AND p.phone = ? ORDER BY c.account_no LIMIT ?"))) {
                ps.setString(1, siteId);
                ps.setString(2, phone);
                ps.setInt(3, limit);
                return customers(ps);
            }
        });
    }

    @Override
    public Optional<Customer> byAccount(String accountNo) {
        requireNonNull(accountNo, "accountNo");
        return Sql.run(dataSource, "customer lookup by account", c -> {
            try (PreparedStatement ps = c.prepareStatement(withPhones("SELECT " + COLUMNS
                    + " FROM customers c WHERE c.site_id = ? AND c.account_no = ?"))) {
                ps.setString(1, siteId);
                ps.setString(2, accountNo);
                return customers(ps).stream().findFirst();
            }
        });
    }

    @Override
    public List<Customer> search(String fragment, int limit) {
        requireNonNull(fragment, "fragment");
        String f = fragment.strip();
        if (f.isEmpty()) {
            throw new IllegalArgumentException("fragment: '" + fragment + "' (expected: part of a name or address)");
        }
        return Sql.run(dataSource, "customer search", c -> {
            try (PreparedStatement ps = c.prepareStatement(withPhones("SELECT " + COLUMNS
                    + " FROM customers c WHERE c.site_id = ? AND (c.name LIKE ? OR c.address LIKE ?)"
                    + " ORDER BY c.account_no LIMIT ?"))) {
                String pattern = SqlTimes.contains(f);
                ps.setString(1, siteId);
                ps.setString(2, pattern);
                ps.setString(3, pattern);
                ps.setInt(4, limit);
                return customers(ps);
            }
        });
    }

    /**
     * Wraps a customer query so that each customer comes with all its phone numbers in the same
     * round trip (the screen pop is on the hot path of every call): one row per customer and
     * phone, customers in the query's order, phones in their order.
     */
    private static String withPhones(String customerQuery) {
        return "SELECT m.*, ph.phone FROM (" + customerQuery + ") m"
                + " LEFT JOIN customer_phones ph ON ph.customer_id = m.id ORDER BY m.account_no, m.id, ph.seq_no";
    }

    private static List<Customer> customers(PreparedStatement ps) throws SQLException {
        Map<Long, Row> rows = new LinkedHashMap<>();
        Map<Long, List<String>> phones = new LinkedHashMap<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                long id = rs.getLong("id");
                if (!rows.containsKey(id)) {
                    rows.put(id, new Row(rs));
                    phones.put(id, new ArrayList<>());
                }
                String phone = rs.getString("phone");
                if (phone != null) {
                    phones.get(id).add(phone);
                }
            }
        }
        List<Customer> out = new ArrayList<>(rows.size());
        rows.forEach((id, r) -> out.add(r.toCustomer(phones.get(id))));
        return out;
    }

    private record Row(long id, String account, String name, String address, String district, String grid,
                       String meter, String type, BigDecimal balance, BigDecimal arrears, BigDecimal reading,
                       Instant readAt, String status) {
        Row(ResultSet rs) throws SQLException {
            this(rs.getLong("id"), rs.getString("account_no"), rs.getString("name"), rs.getString("address"),
                    rs.getString("district"), rs.getString("grid_area"), rs.getString("meter_id"),
                    rs.getString("customer_type"), rs.getBigDecimal("balance"), rs.getBigDecimal("arrears"),
                    rs.getBigDecimal("last_reading"), SqlTimes.get(rs, "last_reading_at"),
                    rs.getString("service_status"));
        }

        Customer toCustomer(List<String> phones) {
            return new Customer(id, account, name, phones, address, district, grid, meter, Customer.Type.valueOf(type),
                    balance, arrears, reading, readAt, Customer.Status.valueOf(status));
        }
    }

    // ----- billing gateway on our own tables -----

    @Override
    public Optional<Account> account(String accountNo) {
        return byAccount(accountNo).map(c -> new Account(c.accountNo(), c.balance(), c.arrears(), c.lastReading(),
                c.lastReadingAt(), c.status()));
    }

    @Override
    public List<PlannedOutage> plannedOutages(String district, String gridArea, Instant from, Instant until) {
        requireNonNull(district, "district");
        requireNonNull(gridArea, "gridArea");
        return Sql.run(dataSource, "planned outages", c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT district, grid_area, starts_at, ends_at, reason FROM planned_outages
                    WHERE site_id = ? AND district = ? AND (grid_area = '' OR grid_area = ?)
                      AND ends_at > ? AND starts_at < ? ORDER BY starts_at""")) {
                ps.setString(1, siteId);
                ps.setString(2, district);
                ps.setString(3, gridArea);
                SqlTimes.set(ps, 4, from);
                SqlTimes.set(ps, 5, until);
                List<PlannedOutage> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new PlannedOutage(rs.getString(1), rs.getString(2), SqlTimes.get(rs, "starts_at"),
                                SqlTimes.get(rs, "ends_at"), rs.getString(5)));
                    }
                }
                return out;
            }
        });
    }

    /** Records a planned outage ({@code gridArea} empty: the whole district). */
    public void addPlannedOutage(PlannedOutage o) {
        requireNonNull(o, "o");
        if (!o.until().isAfter(o.from())) {
            throw new IllegalArgumentException("until: " + o.until() + " (expected: after " + o.from() + ")");
        }
        Sql.run(dataSource, "planned outage", c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO planned_outages (site_id, district, grid_area,"
                    + " starts_at, ends_at, reason) VALUES (?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, siteId);
                ps.setString(2, o.district());
                ps.setString(3, o.gridArea());
                SqlTimes.set(ps, 4, o.from());
                SqlTimes.set(ps, 5, o.until());
                ps.setString(6, o.reason());
                return ps.executeUpdate();
            }
        });
    }
}

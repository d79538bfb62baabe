package org.hotline.cti.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Optional;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How the MySQL/MariaDB server's InnoDB buffer pool compares with Hotline's tables. The screen pop
 * reads a caller's customer, phones, open work orders and last contacts: a few pages anywhere in
 * gigabytes. When they are in the pool a pop takes about a millisecond; when the pool is the
 * server's default 128 MB and the tables are 3 GB (a million customers), most pops read from
 * disk and the slowest hundredth take 12-20 ms instead of 4. {@code db-scripts/mariadb/hotline.cnf}
 * has the setting for production.
 */
public record BufferPool(long poolBytes, long dataBytes) {
    private static final Logger log = LoggerFactory.getLogger(BufferPool.class);

    /** The pool and the size of the current schema's tables (data and indexes); empty on H2. */
    public static Optional<BufferPool> of(Database database) {
        if (database.kind() == Database.Kind.H2) {
            return Optional.empty();
        }
        return Optional.of(read(database.dataSource()));
    }

    static BufferPool read(DataSource dataSource) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT @@innodb_buffer_pool_size,"
                     + " (SELECT COALESCE(SUM(data_length + index_length), 0) FROM information_schema.tables"
                     + " WHERE table_schema = DATABASE())");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return new BufferPool(rs.getLong(1), rs.getLong(2));
        } catch (SQLException e) {
            throw new DatabaseUnavailableException("reading the InnoDB buffer pool size: " + e.getMessage());
        }
    }

    /** True when every table and index of the schema fits in the pool. */
    public boolean holdsData() {
        return poolBytes >= dataBytes;
    }

    /** What a pool that holds the tables with room to grow would be: a quarter more, in whole GiB. */
    public long recommendedBytes() {
        long gib = 1L << 30;
        return Math.max(gib, (dataBytes + dataBytes / 4 + gib - 1) / gib * gib);
    }

    public String summary() {
        return String.format(Locale.ROOT, "InnoDB buffer pool %,d MB for %,d MB of tables and indexes", poolBytes >> 20,
                dataBytes >> 20);
    }

    /** Logs one warning when the pool is smaller than the tables (checked at start). */
    public void warnIfSmall() {
        if (!holdsData()) {
            log.warn("database: {}: screen pops and searches will read from disk; set innodb_buffer_pool_size to at"
                    + " least {} MB (db-scripts/mariadb/hotline.cnf)", summary(),
                    String.format(Locale.ROOT, "%,d", recommendedBytes() >> 20));
        }
    }

    /**
     * Reads every index of the schema's tables once (COUNT(*) through each), so their pages are in
     * the pool as on a server that has been up a while; returns how many indexes were read.
     */
    public static int warm(Database database) {
        java.util.List<String[]> indexes = new java.util.ArrayList<>();
        try (Connection c = database.dataSource().getConnection()) {
            try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT table_name, index_name FROM"
                    + " information_schema.statistics WHERE table_schema = DATABASE() ORDER BY table_name, index_name");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    indexes.add(new String[] {rs.getString(1), rs.getString(2)});
                }
            }
            for (String[] ix : indexes) {
                try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM `" + ix[0].replace("`", "``")
                        + "` FORCE INDEX (`" + ix[1].replace("`", "``") + "`)");
                     ResultSet rs = ps.executeQuery()) {
                    rs.next();
                }
            }
        } catch (SQLException e) {
            throw new DatabaseUnavailableException("reading the tables into the buffer pool: " + e.getMessage());
        }
        return indexes.size();
    }

    /**
     * Resizes the pool of the running server to {@link #recommendedBytes} (SET GLOBAL: needs the
     * SUPER or SYSTEM_VARIABLES_ADMIN privilege, lasts until the server restarts) and reads it back.
     */
    public static BufferPool enlarge(Database database, BufferPool now) {
        try (Connection c = database.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("SET GLOBAL innodb_buffer_pool_size = " + now.recommendedBytes())) {
            ps.execute();
        } catch (SQLException e) {
            throw new DatabaseUnavailableException("resizing the InnoDB buffer pool: " + e.getMessage());
        }
        // The resize runs in the background; the variable shows the new size once it is done.
        long deadline = System.nanoTime() + 60_000_000_000L;
        BufferPool after = read(database.dataSource());
        while (after.poolBytes() < now.recommendedBytes() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            after = read(database.dataSource());
        }
        return after;
    }
}

package org.hotline.cti.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.HdrHistogram.Histogram;
import org.hotline.cti.security.Role;
import org.hotline.cti.storage.Database;
import org.hotline.cti.workorders.Actor;
import org.hotline.cti.workorders.FieldDefinition;
import org.hotline.cti.workorders.FieldKind;
import org.hotline.cti.workorders.NewWorkOrder;
import org.hotline.cti.workorders.OrgUnit;
import org.hotline.cti.workorders.Priority;
import org.hotline.cti.workorders.SlaPolicy;
import org.hotline.cti.workorders.WorkOrder;
import org.hotline.cti.workorders.WorkOrderFeature;
import org.hotline.cti.workorders.WorkOrderQuery;
import org.hotline.cti.workorders.WorkOrderStatus;
import org.hotline.cti.workorders.WorkOrderType;
import org.hotline.cti.workorders.WorkOrders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static java.util.Objects.requireNonNull;

/**
 * The work-order part of {@code ./hotline bench data}: loads (or reuses) a year of work orders
 * into a database with JDBC batches, then measures the search a supervisor runs all day (status +
 * area + a week of creation time, newest 50) through {@link WorkOrders#search}, and the
 * throughput of create + dispatch through the real commands (history, SLA timers and all).
 * Bench rows live in their own site, so they never mix with a site's real orders.
 */
public final class WorkOrderDataBench {
    private static final Logger log = LoggerFactory.getLogger(WorkOrderDataBench.class);
    private static final String[] AREAS = {"東區", "西區", "南區", "北區", "中區", "高新區", "開發區", "港區", "老城區", "新城區",
            "濱江區", "河西區", "城北區", "城南區", "工業園", "大學城", "機場區", "湖濱區", "山前區", "經開區"};
    private static final String[] TYPES = {"repair", "gas_leak", "complaint", "inquiry", "meter_problem"};
    private static final String[] STREETS = {"人民路", "解放路", "中山路", "建設路", "和平街", "文化路"};
    private static final WorkOrderStatus[] STATUSES = WorkOrderStatus.values();
    private static final int BATCH = 5_000;
    private static final int ROWS_PER_INSERT = 500;

    /**
     * @param orders        rows to have in the bench site (loaded once, reused afterwards)
     * @param searches      timed searches
     * @param createDispatch timed create + dispatch pairs
     */
    public record Options(String siteId, int orders, int searches, int createDispatch, Path dataDir) {
        public Options {
            requireNonNull(siteId, "siteId");
            requireNonNull(dataDir, "dataDir");
            if (orders < 1 || searches < 1 || createDispatch < 1) {
                throw new IllegalArgumentException("orders, searches, createDispatch: " + orders + ", " + searches + ", "
                        + createDispatch + " (expected: all >= 1)");
            }
        }

        /** The volume: a million orders. */
        public static Options standard(Path dataDir) {
            return new Options("bench", 1_000_000, 2_000, 2_000, dataDir);
        }
    }

    /** The figures, in milliseconds and operations per second. */
    public record Result(long rowsInSite, long rowsLoaded, double loadSeconds, double searchP50Ms, double searchP99Ms,
                         double searchMaxMs, double meanHits, double createDispatchPerSecond) {
        /** One line for operators. */
        public String summary() {
            return String.format(Locale.ROOT, "work orders: %,d in site (%,d loaded in %.1f s); search status+area+week"
                            + " p50 %.2f ms p99 %.2f ms (target <= 50), %.1f hits; create+dispatch %.0f/s",
                    rowsInSite, rowsLoaded, loadSeconds, searchP50Ms, searchP99Ms, meanHits, createDispatchPerSecond);
        }

        /** The fields for the bench command's last-line JSON. */
        public String toJson() {
            return String.format(Locale.ROOT, "{\"work_orders\":%d,\"work_orders_loaded\":%d,\"work_order_load_s\":%.1f,"
                            + "\"work_order_search_p50_ms\":%.3f,\"work_order_search_p99_ms\":%.3f,"
                            + "\"work_order_search_max_ms\":%.3f,\"work_order_create_dispatch_per_s\":%.1f}",
                    rowsInSite, rowsLoaded, loadSeconds, searchP50Ms, searchP99Ms, searchMaxMs, createDispatchPerSecond);
        }
    }

    private WorkOrderDataBench() {}

    public static Result run(Database database, Options options) {
        requireNonNull(database, "database");
        requireNonNull(options, "options");
        Instant now = Instant.now();
        Clock clock = Clock.systemUTC();
        ZoneId zone = ZoneId.of("Asia/Shanghai");
        WorkOrderFeature feature = WorkOrderFeature.open(database.dataSource(), new WorkOrders.Settings(options.siteId(),
                zone, options.dataDir(), Duration.ofHours(24)), clock);
        define(feature);

        long before = count(database, options.siteId());
        long missing = Math.max(0, options.orders() - before);
        long t0 = System.nanoTime();
        if (missing > 0) {
            log.info("bench: loading {} work orders into site {}", missing, options.siteId());
            load(database, options.siteId(), before, missing, now);
        }
        double loadSeconds = missing == 0 ? 0 : (System.nanoTime() - t0) / 1e9;

        Actor lead = new Actor("bench-lead", Role.TEAM_LEAD);
        SplittableRandom random = new SplittableRandom(42);
        Histogram search = new Histogram(TimeUnit.SECONDS.toNanos(30), 3);
        long hits = 0;
        // A few untimed rounds so the JIT and the database caches are what a running server has.
        for (int i = 0; i < Math.min(200, options.searches()); i++) {
            feature.orders().search(lead, randomQuery(random, now));
        }
        for (int i = 0; i < options.searches(); i++) {
            WorkOrderQuery q = randomQuery(random, now);
            long s = System.nanoTime();
            hits += feature.orders().search(lead, q).size();
            search.recordValue(System.nanoTime() - s);
        }

        Actor agent = new Actor("bench-agent", Role.AGENT);
        long c0 = System.nanoTime();
        for (int i = 0; i < options.createDispatch(); i++) {
            WorkOrder o = feature.orders().create(agent, new NewWorkOrder("repair", Priority.NORMAL, "無氣 " + i, "",
                    CustomerDataBench.account(random.nextInt(1_000_000)), "call-" + i, "138" + (10_000_000 + random.nextInt(89_999_999)),
                    AREAS[random.nextInt(AREAS.length)], address(random), Map.of("category", "無氣")));
            feature.orders().dispatch(agent, o.orderNo(), o.version(), "gas", "gas-east", null, null);
        }
        double perSecond = options.createDispatch() / ((System.nanoTime() - c0) / 1e9);

        Result r = new Result(count(database, options.siteId()), missing, loadSeconds, ms(search.getValueAtPercentile(50)),
                ms(search.getValueAtPercentile(99)), ms(search.getMaxValue()), (double) hits / options.searches(), perSecond);
        log.info("bench: {}", r.summary());
        return r;
    }

    private static void define(WorkOrderFeature f) {
        f.admin().saveUnit(new OrgUnit("gas", null, OrgUnit.Kind.DEPARTMENT, "燃氣搶修部", "bench-lead"));
        f.admin().saveUnit(new OrgUnit("gas-east", "gas", OrgUnit.Kind.TEAM, "東區搶修班", "bench-lead"));
        for (String t : TYPES) {
            List<FieldDefinition> fields = t.equals("repair")
                    ? List.of(FieldDefinition.choice("category", "故障類別", true, "無氣", "無水", "其他"))
                    : List.of(FieldDefinition.of("note", "備註", FieldKind.TEXT, false));
            f.admin().saveType(new WorkOrderType(t, t, t.equals("complaint"), fields));
            f.admin().savePolicy(new SlaPolicy(t, Priority.NORMAL, Duration.ofHours(1), Duration.ofHours(24), 75,
                    Duration.ofHours(2), null));
        }
    }

    private static WorkOrderQuery randomQuery(SplittableRandom random, Instant now) {
        Instant to = now.minus(Duration.ofDays(random.nextInt(358)));
        return WorkOrderQuery.all(50).withStatuses(Set.of(STATUSES[random.nextInt(STATUSES.length)]))
                .withArea(AREAS[random.nextInt(AREAS.length)]).withCreated(to.minus(Duration.ofDays(7)), to);
    }

    private static String address(SplittableRandom random) {
        return AREAS[random.nextInt(AREAS.length)] + STREETS[random.nextInt(STREETS.length)] + (1 + random.nextInt(300)) + "號";
    }

    private static long count(Database database, String siteId) {
        try (Connection c = database.dataSource().getConnection();
             PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM work_orders WHERE site_id = ?")) {
            s.setString(1, siteId);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("bench: cannot count work orders: " + e.getMessage(), e);
        }
    }

    /**
     * Multi-row INSERTs of {@link #ROWS_PER_INSERT} rows built here (so it does not depend on the
     * driver rewriting batches), one commit per {@link #BATCH} rows.
     */
    private static void load(Database database, String siteId, long existing, long rows, Instant now) {
        SplittableRandom random = new SplittableRandom(existing + 7);
        String head = "INSERT INTO work_orders (site_id, order_no, type_code, priority, status, title, description,"
                + " confidential, customer_id, source_call_id, caller_number, area, address, creator_id, department_id,"
                + " team_id, created_at, updated_at, respond_by, resolve_by, warn_at, sla_state, escalation_level, version)"
                + " VALUES ";
        String tuple = "(?, ?, ?, ?, ?, ?, '', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 1)";
        Priority[] priorities = Priority.values();
        try (Connection c = database.dataSource().getConnection()) {
            c.setAutoCommit(false);
            long done = 0;
            while (done < rows) {
                int n = (int) Math.min(ROWS_PER_INSERT, rows - done);
                StringBuilder sql = new StringBuilder(head);
                for (int k = 0; k < n; k++) {
                    sql.append(k == 0 ? "" : ", ").append(tuple);
                }
                try (PreparedStatement s = c.prepareStatement(sql.toString())) {
                    int p = 1;
                    for (int k = 0; k < n; k++) {
                        long id = existing + done + k;
                        Instant created = now.minus(Duration.ofSeconds(random.nextLong(365L * 24 * 3600)));
                        String type = TYPES[random.nextInt(TYPES.length)];
                        WorkOrderStatus status = STATUSES[random.nextInt(STATUSES.length)];
                        s.setString(p++, siteId);
                        s.setString(p++, "BWO" + id);
                        s.setString(p++, type);
                        s.setString(p++, priorities[random.nextInt(priorities.length)].name());
                        s.setString(p++, status.name());
                        s.setString(p++, "工單 " + id);
                        s.setBoolean(p++, type.equals("complaint"));
                        // The bench site's generated customers, so screen pops find their open orders.
                        s.setString(p++, CustomerDataBench.account(random.nextInt(1_000_000)));
                        s.setString(p++, "call-b" + id);
                        s.setString(p++, "1" + (3_000_000_000L + random.nextLong(900_000_000L)));
                        s.setString(p++, AREAS[random.nextInt(AREAS.length)]);
                        s.setString(p++, address(random));
                        s.setString(p++, "agent-" + random.nextInt(200));
                        s.setString(p++, status == WorkOrderStatus.NEW ? null : "gas");
                        s.setString(p++, status == WorkOrderStatus.NEW ? null : "gas-east");
                        s.setTimestamp(p++, ts(created));
                        s.setTimestamp(p++, ts(created));
                        s.setTimestamp(p++, ts(created.plus(Duration.ofHours(1))));
                        s.setTimestamp(p++, ts(created.plus(Duration.ofHours(24))));
                        s.setTimestamp(p++, ts(created.plus(Duration.ofHours(18))));
                        s.setString(p++, random.nextInt(10) == 0 ? "OVERDUE" : "ON_TIME");
                    }
                    s.executeUpdate();
                }
                done += n;
                if (done % BATCH == 0 || done == rows) {
                    c.commit();
                }
                if (done % 200_000 == 0) {
                    log.info("bench: {} of {} work orders loaded", done, rows);
                }
            }
            c.setAutoCommit(true);
        } catch (SQLException e) {
            throw new IllegalStateException("bench: loading work orders failed: " + e.getMessage(), e);
        }
    }

    private static Timestamp ts(Instant i) {
        return Timestamp.valueOf(LocalDateTime.ofInstant(i, ZoneOffset.UTC));
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }
}

package org.hotline.cti.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import org.hotline.cti.storage.BufferPool;
import org.hotline.cti.storage.Database;
import org.hotline.cti.storage.DatabaseConfig;
import org.hotline.cti.workorders.OpenWorkOrdersForPop;
import org.hotline.cti.workorders.WorkOrderFeature;
import org.hotline.cti.workorders.WorkOrders;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./hotline bench data}: the data side of a utility hotline at the issue's volume. Loads
 * (or reuses, topping up what is missing) customers with their contact history, a year of work
 * orders and a knowledge corpus into one database, under the site {@value CustomerDataBench#SITE}
 * so a site's real rows are untouched, then times the screen pop by phone number, the work-order
 * search by status + area + week, knowledge full-text search, and work-order create + dispatch.
 * The measuring is done by {@link CustomerDataBench}, {@link WorkOrderDataBench} and
 * {@link KnowledgeDataBench}; this class only wires them to a database and reports.
 *
 * <p>Unlike {@code server}, the database defaults to the local MariaDB of development machines
 * (a million customers do not belong in the embedded H2); the same options and environment
 * variables point it elsewhere.
 */
@Command(name = "data", mixinStandardHelpOptions = true,
        description = "Load (or reuse) customers, contacts, work orders and articles into MariaDB/MySQL; time screen pop,"
                + " work-order search, knowledge search and create+dispatch; print figures and a JSON line.")
public final class DataBench implements Callable<Integer> {
    static final String DEFAULT_DB_URL = "jdbc:mysql://127.0.0.1:3306/test";
    private static final double SCREEN_POP_P99_TARGET_MS = 10;
    private static final double WORK_ORDER_SEARCH_P99_TARGET_MS = 50;

    @Option(names = "--db-url", defaultValue = "${env:HOTLINE_DB_URL:-" + DEFAULT_DB_URL + "}",
            description = "JDBC URL of MySQL 8 / MariaDB 10.6+ (env HOTLINE_DB_URL; default: ${DEFAULT-VALUE}).")
    String dbUrl;

    @Option(names = "--db-user", defaultValue = "${env:HOTLINE_DB_USER:-root}",
            description = "Database user (env HOTLINE_DB_USER; default: ${DEFAULT-VALUE}).")
    String dbUser;

    @Option(names = "--db-password", defaultValue = "${env:HOTLINE_DB_PASSWORD:-}",
            description = "Database password (env HOTLINE_DB_PASSWORD; default: empty).")
    String dbPassword;

    @Option(names = "--customers", defaultValue = "1000000", description = "Customers to have (default: ${DEFAULT-VALUE}).")
    int customers;

    @Option(names = "--contacts-per-customer", defaultValue = "10",
            description = "Contact-history rows per customer (default: ${DEFAULT-VALUE}).")
    int contactsPerCustomer;

    @Option(names = "--lookups", defaultValue = "20000", description = "Timed screen pops (default: ${DEFAULT-VALUE}).")
    int lookups;

    @Option(names = "--work-orders", defaultValue = "1000000", description = "Work orders to have (default: ${DEFAULT-VALUE}).")
    int workOrders;

    @Option(names = "--searches", defaultValue = "2000", description = "Timed work-order searches (default: ${DEFAULT-VALUE}).")
    int searches;

    @Option(names = "--create-dispatch", defaultValue = "2000",
            description = "Timed work-order create + dispatch pairs (default: ${DEFAULT-VALUE}).")
    int createDispatch;

    @Option(names = "--articles", defaultValue = "20000", description = "Knowledge articles to have (default: ${DEFAULT-VALUE}).")
    int articles;

    @Option(names = "--knowledge-queries", defaultValue = "5000",
            description = "Timed knowledge searches (default: ${DEFAULT-VALUE}).")
    int knowledgeQueries;

    @Option(names = "--keep-buffer-pool", description = "Do not enlarge a local MariaDB/MySQL server's InnoDB buffer pool"
            + " that is smaller than the tables.")
    boolean keepBufferPool;

    @Option(names = "--seed", defaultValue = "2026", description = "Seed of the generated lookups and queries (default: ${DEFAULT-VALUE}).")
    long seed;

    private final PrintStream out;

    public DataBench() {
        this(System.out);
    }

    DataBench(PrintStream out) {
        this.out = out;
    }

    @Override
    public Integer call() throws Exception {
        // The Lucene index and work-order attachments are scratch: rebuilt from the database each run.
        Path scratch = Files.createTempDirectory("hotline-bench-data-");
        try {
            return run(scratch);
        } finally {
            delete(scratch);
        }
    }

    private int run(Path scratch) {
        CustomerDataBench.Settings customerSettings = new CustomerDataBench.Settings(customers, contactsPerCustomer,
                lookups, Math.min(2_000, lookups), seed);
        WorkOrderDataBench.Options orderOptions = new WorkOrderDataBench.Options(CustomerDataBench.SITE, workOrders,
                searches, createDispatch, scratch.resolve("work-orders"));
        DatabaseConfig config = DatabaseConfig.external(dbUrl, blankToNull(dbUser), blankToNull(dbPassword), scratch);
        out.printf(Locale.ROOT, "bench data: %s, %,d customers x %d contacts, %,d work orders, %,d articles (site %s)%n",
                Database.redact(dbUrl), customers, contactsPerCustomer, workOrders, articles, CustomerDataBench.SITE);
        try (Database database = Database.open(config)) {
            // Work orders first: the screen pops then look up the callers' open orders as the server's do.
            WorkOrderDataBench.Result orders = WorkOrderDataBench.run(database, orderOptions);
            out.println(orders.summary());
            WorkOrders popOrders = WorkOrderFeature.open(database.dataSource(), new WorkOrders.Settings(
                    CustomerDataBench.SITE, ZoneId.of("Asia/Shanghai"), scratch.resolve("work-orders"),
                    Duration.ofHours(24)), Clock.systemUTC()).orders();
            BufferPool[] pool = new BufferPool[1];
            CustomerDataBench.Result pop = new CustomerDataBench(database, customerSettings,
                    new OpenWorkOrdersForPop(popOrders), () -> pool[0] = sizePool(database)).run();
            out.println(pop.summary());
            KnowledgeDataBench.Result knowledge = KnowledgeDataBench.run(database, CustomerDataBench.SITE,
                    scratch.resolve("knowledge-index"), articles, knowledgeQueries, seed);
            out.println(knowledge.summary());

            boolean searchMet = orders.searchP99Ms() <= WORK_ORDER_SEARCH_P99_TARGET_MS;
            boolean allMet = pop.metTarget() && searchMet && knowledge.meetsTarget();
            out.printf(Locale.ROOT, "targets (p99): screen pop <= %.0f ms %s, work-order search <= %.0f ms %s,"
                            + " knowledge search <= %.0f ms %s%n",
                    SCREEN_POP_P99_TARGET_MS, verdict(pop.metTarget()), WORK_ORDER_SEARCH_P99_TARGET_MS,
                    verdict(searchMet), KnowledgeDataBench.Result.TARGET_P99_MILLIS, verdict(knowledge.meetsTarget()));
            out.println(json(database.kind(), pool[0], pop, orders, knowledge, searchMet, allMet));
            return 0;
        }
    }

    /**
     * A production database keeps Hotline's tables in memory (db-scripts/mariadb/hotline.cnf); the local
     * development server usually has MariaDB's default pool of 128 MB. Unless told not to, the bench
     * enlarges the pool of a local server for as long as it runs (SET GLOBAL, gone at its restart) and
     * reads the tables into it, so the pops are timed as they run on a production server that has been
     * up a while (not on a pool emptied by a restart), and says so. Null on H2.
     */
    private BufferPool sizePool(Database database) {
        BufferPool pool = BufferPool.of(database).orElse(null);
        if (pool == null) {
            return null;
        }
        if (!pool.holdsData() && !keepBufferPool && isLocal(dbUrl)) {
            BufferPool was = pool;
            pool = BufferPool.enlarge(database, pool);
            out.printf(Locale.ROOT, "bench data: InnoDB buffer pool of the local server raised from %,d MB to %,d MB"
                            + " until it restarts, to hold the tables as in production (--keep-buffer-pool: leave it)%n",
                    was.poolBytes() >> 20, pool.poolBytes() >> 20);
        }
        out.println("bench data: " + pool.summary() + (pool.holdsData() ? ""
                : "; smaller than the tables, so pops read from disk (see db-scripts/mariadb/hotline.cnf)"));
        if (pool.holdsData()) {
            long t0 = System.nanoTime();
            int indexes = BufferPool.warm(database);
            out.printf(Locale.ROOT, "bench data: %d indexes read into the pool in %.1f s, as a server up for a while has them%n",
                    indexes, (System.nanoTime() - t0) / 1e9);
        }
        return pool;
    }

    static boolean isLocal(String jdbcUrl) {
        return jdbcUrl.matches("jdbc:(mysql|mariadb)://(127\\.0\\.0\\.1|localhost|\\[::1\\])([:/?].*)?");
    }

    private static String json(Database.Kind kind, BufferPool pool, CustomerDataBench.Result pop, WorkOrderDataBench.Result orders,
                               KnowledgeDataBench.Result knowledge, boolean searchMet, boolean allMet) {
        return String.format(Locale.ROOT, "{\"database\":\"%s\",\"buffer_pool_mb\":%d,\"tables_mb\":%d,\"customers\":%d,\"contacts\":%d,\"customer_data_reused\":%b,"
                        + "\"customer_load_s\":%.1f,\"screen_pops\":%d,\"screen_pop_ms_p50\":%.3f,\"screen_pop_ms_p99\":%.3f,"
                        + "\"screen_pop_ms_max\":%.3f,\"customers_per_pop\":%.3f,\"open_work_orders_per_pop\":%.3f,"
                        + "\"work_orders\":%d,\"work_orders_loaded\":%d,\"work_order_load_s\":%.1f,"
                        + "\"work_order_search_ms_p50\":%.3f,\"work_order_search_ms_p99\":%.3f,\"work_order_search_ms_max\":%.3f,"
                        + "\"work_order_search_mean_hits\":%.1f,\"work_order_create_dispatch_per_second\":%.1f,"
                        + "\"articles\":%d,\"articles_loaded\":%d,\"knowledge_load_s\":%.1f,\"knowledge_index_s\":%.1f,"
                        + "\"knowledge_queries\":%d,\"knowledge_search_ms_p50\":%.3f,\"knowledge_search_ms_p99\":%.3f,"
                        + "\"knowledge_search_ms_max\":%.3f,\"knowledge_mean_hits\":%.1f,"
                        + "\"screen_pop_target_met\":%b,\"work_order_search_target_met\":%b,\"knowledge_search_target_met\":%b,"
                        + "\"targets_met\":%b}",
                kind.name().toLowerCase(Locale.ROOT), pool == null ? 0 : pool.poolBytes() >> 20,
                pool == null ? 0 : pool.dataBytes() >> 20, pop.customers(), pop.contacts(), pop.reused(),
                pop.loadMillis() / 1000.0, pop.lookups(), pop.p50Millis(), pop.p99Millis(), pop.maxMillis(),
                pop.customersPerPop(), pop.openWorkOrdersPerPop(),
                orders.rowsInSite(), orders.rowsLoaded(), orders.loadSeconds(), orders.searchP50Ms(), orders.searchP99Ms(),
                orders.searchMaxMs(), orders.meanHits(), orders.createDispatchPerSecond(),
                knowledge.articles(), knowledge.loadedNow(), knowledge.loadMillis() / 1000.0, knowledge.indexMillis() / 1000.0,
                knowledge.queries(), knowledge.p50Millis(), knowledge.p99Millis(), knowledge.maxMillis(), knowledge.meanHits(),
                pop.metTarget(), searchMet, knowledge.meetsTarget(), allMet);
    }

    private static String verdict(boolean met) {
        return met ? "met" : "MISSED";
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static void delete(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("bench data: cannot delete scratch folder " + dir, e);
        }
    }
}

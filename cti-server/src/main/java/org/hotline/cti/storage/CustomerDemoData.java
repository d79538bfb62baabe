package org.hotline.cti.storage;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.hotline.cti.customers.Customer;
import org.hotline.cti.customers.GeneratedCustomers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static java.util.Objects.requireNonNull;

/**
 * The demo customers seeded at the first start of the embedded default: {@link #DEMO_COUNT}
 * {@link GeneratedCustomers} with accounts {@code G00000000..}, loaded in JDBC batches.
 */
public final class CustomerDemoData {
    public static final int DEMO_COUNT = 100_000;
    public static final String ACCOUNT_PREFIX = "G";
    static final int BATCH = 2_000;

    private static final Logger log = LoggerFactory.getLogger(CustomerDemoData.class);

    private CustomerDemoData() {}

    /** Seeds {@code count} customers when the site has none; true when it did. */
    public static boolean seedIfEmpty(JdbcCustomers customers, int count, Clock clock) {
        requireNonNull(customers, "customers");
        requireNonNull(clock, "clock");
        if (!customers.isEmpty()) {
            return false;
        }
        long start = System.nanoTime();
        load(customers, new GeneratedCustomers(ACCOUNT_PREFIX, clock.instant()), 0, count);
        log.info("demo customers seeded: {} in {} ms (accounts {}.., caller 13900000000 is {})", count,
                (System.nanoTime() - start) / 1_000_000, ACCOUNT_PREFIX + "00000000",
                ACCOUNT_PREFIX + "00000000");
        return true;
    }

    /** Inserts generated customers {@code from} (inclusive) to {@code to} (exclusive) in batches. */
    static void load(JdbcCustomers customers, GeneratedCustomers generator, int from, int to) {
        List<Customer> batch = new ArrayList<>(BATCH);
        for (int i = from; i < to; i++) {
            batch.add(generator.customer(i));
            if (batch.size() == BATCH) {
                customers.insertAll(batch);
                batch.clear();
            }
        }
        customers.insertAll(batch);
    }
}

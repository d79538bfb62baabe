package org.hotline.cti.customers;

import java.time.Clock;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.hotline.cti.core.CallCenter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static java.util.Objects.requireNonNull;

/**
 * Customers, contact history and blacklist, wired: the ports, the worker pool that runs lookups
 * off the event loop, the blacklist screen, the screen pops and the contact recorder.
 * {@link #attachTo} hooks them into the live model before it starts.
 */
public final class CustomerFeature implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(CustomerFeature.class);

    private final CustomerDirectory directory;
    private final ContactHistory history;
    private final Blacklist blacklist;
    private final Clock clock;
    private final ExecutorService workers;
    private final BlacklistScreen screen;
    private final ScreenPops pops;
    private final ContactRecorder recorder;

    /** {@code workers}: threads for lookups (screen pops and the gRPC services); a few per core is plenty. */
    public CustomerFeature(CustomerDirectory directory, ContactHistory history, Blacklist blacklist,
                           OpenWorkOrders workOrders, Clock clock, int workers) {
        this.directory = requireNonNull(directory, "directory");
        this.history = requireNonNull(history, "history");
        this.blacklist = requireNonNull(blacklist, "blacklist");
        this.clock = requireNonNull(clock, "clock");
        if (workers < 1) {
            throw new IllegalArgumentException("workers: " + workers + " (expected: >= 1)");
        }
        AtomicInteger n = new AtomicInteger();
        // Bounded: when the database stalls, pops are skipped (logged) rather than piling up.
        this.workers = new ThreadPoolExecutor(workers, workers, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(10_000),
                r -> {
                    Thread t = new Thread(r, "customer-lookup-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        this.screen = new BlacklistScreen(blacklist, clock);
        this.pops = new ScreenPops(directory, requireNonNull(workOrders, "workOrders"), history);
        this.recorder = new ContactRecorder(directory, history);
    }

    /** Loads the blacklist, screens callers with it, pops customers to {@code sink} and records contacts. */
    public void attachTo(CallCenter center, ScreenPopSink sink) {
        requireNonNull(center, "center");
        requireNonNull(sink, "sink");
        screen.refresh();
        center.screenWith(screen);
        center.addListener(new ScreenPopListener(pops, workers, center.loop()::execute, sink));
        center.addListener(recorder);
    }

    /** Reloads the blacklist (changes made by another server on the same database); logs instead of throwing. */
    public void refreshBlacklist() {
        try {
            screen.refresh();
        } catch (RuntimeException e) {
            log.warn("blacklist not refreshed: {}", e.getMessage());
        }
    }

    public CustomerDirectory directory() {
        return directory;
    }

    public ContactHistory history() {
        return history;
    }

    public Blacklist blacklist() {
        return blacklist;
    }

    public BlacklistScreen screen() {
        return screen;
    }

    public ScreenPops pops() {
        return pops;
    }

    public ContactRecorder recorder() {
        return recorder;
    }

    public ExecutorService workers() {
        return workers;
    }

    public Clock clock() {
        return clock;
    }

    @Override
    public void close() {
        recorder.close();
        workers.shutdownNow();
    }
}

package org.hotline.cti.customers;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.hotline.cti.core.CallScreen;
import org.hotline.cti.switching.Devices;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static java.util.Objects.requireNonNull;

/**
 * The blacklist as the event loop sees it: an immutable in-memory snapshot of number -> expiry,
 * swapped whole by {@link #refresh()} (after every change made through this server, and
 * periodically for changes made elsewhere). Expiry is checked against the clock on each call, so
 * an entry stops blocking on time even between refreshes.
 */
public final class BlacklistScreen implements CallScreen {
    private static final Logger log = LoggerFactory.getLogger(BlacklistScreen.class);
    private static final Instant NEVER = Instant.MAX;

    private final Blacklist storage;
    private final Clock clock;
    private volatile Map<String, Instant> snapshot = Map.of();

    public BlacklistScreen(Blacklist storage, Clock clock) {
        this.storage = requireNonNull(storage, "storage");
        this.clock = requireNonNull(clock, "clock");
    }

    @Override
    public boolean blocks(String callerNumber) {
        if (callerNumber == null || callerNumber.isEmpty()) {
            return false;
        }
        Instant until = snapshot.get(Devices.number(callerNumber));
        return until != null && clock.instant().isBefore(until);
    }

    /** Reloads the snapshot from storage (blocks: call from a worker or at start). */
    public int refresh() {
        Map<String, Instant> next = new HashMap<>();
        Instant now = clock.instant();
        for (BlacklistEntry e : storage.entries()) {
            if (e.activeAt(now)) {
                next.put(e.phone(), e.expiresAt() == null ? NEVER : e.expiresAt());
            }
        }
        int before = snapshot.size();
        snapshot = Map.copyOf(next);
        if (before != next.size()) {
            log.info("blacklist: {} numbers blocked", next.size());
        }
        return next.size();
    }
}

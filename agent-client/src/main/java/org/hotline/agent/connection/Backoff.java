package org.hotline.agent.connection;

import java.time.Duration;
import java.util.function.DoubleSupplier;

import static java.util.Objects.requireNonNull;

/**
 * Reconnect delays: exponential from {@code initial} to {@code max} with jitter, so that a
 * hundred desks do not hit a restarted server in the same millisecond. Pure: the random source
 * is injected.
 */
public final class Backoff {
    private final Duration initial;
    private final Duration max;
    private final DoubleSupplier random;
    private int attempt;

    public Backoff(Duration initial, Duration max, DoubleSupplier random) {
        this.initial = requireNonNull(initial, "initial");
        this.max = requireNonNull(max, "max");
        this.random = requireNonNull(random, "random");
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("initial: " + initial + ", max: " + max + " (expected: 0 < initial <= max)");
        }
    }

    /** The delay before the next attempt: base * 2^attempt capped at max, then between 50% and 100% of that. */
    public Duration next() {
        long base = initial.toMillis() << Math.min(attempt, 20);
        long capped = Math.min(base, max.toMillis());
        attempt++;
        return Duration.ofMillis(Math.round(capped * (0.5 + 0.5 * random.getAsDouble())));
    }

    /** After a success: the next failure starts again at {@code initial}. */
    public void reset() {
        attempt = 0;
    }

    public int attempts() {
        return attempt;
    }
}

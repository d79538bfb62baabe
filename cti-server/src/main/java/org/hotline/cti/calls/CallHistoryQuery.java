package org.hotline.cti.calls;

import java.time.Instant;

import static java.util.Objects.requireNonNull;

/**
 * A filter on one agent's call history. {@code from}, {@code until} (started in [from, until))
 * and {@code direction} may be null for no bound; {@code numberFragment} empty for any number.
 */
public record CallHistoryQuery(String agentId, Instant from, Instant until, CallDetailRecord.Direction direction,
                               String numberFragment, int limit) {
    public static final int MAX_LIMIT = 500;

    public CallHistoryQuery {
        requireNonNull(agentId, "agentId");
        numberFragment = numberFragment == null ? "" : numberFragment.strip();
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit: " + limit + " (expected: 1.." + MAX_LIMIT + ")");
        }
        if (from != null && until != null && !until.isAfter(from)) {
            throw new IllegalArgumentException("until: " + until + " (expected: after from " + from + ")");
        }
    }
}

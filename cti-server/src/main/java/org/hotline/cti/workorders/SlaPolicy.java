package org.hotline.cti.workorders;

import java.time.Duration;

import static java.util.Objects.requireNonNull;

/**
 * Time limits of one work-order type at one priority, counted in the working time of a
 * business calendar (none: around the clock).
 *
 * @param warningPercent the share of the resolve time after which the order is in WARNING
 * @param escalateEvery  how long an overdue order waits at one escalation level before the next
 * @param calendarId     the business calendar, or {@code null} for around the clock
 */
public record SlaPolicy(String typeCode, Priority priority, Duration respondWithin, Duration resolveWithin,
                        int warningPercent, Duration escalateEvery, String calendarId) {
    public SlaPolicy {
        requireNonNull(typeCode, "typeCode");
        requireNonNull(priority, "priority");
        requireNonNull(respondWithin, "respondWithin");
        requireNonNull(resolveWithin, "resolveWithin");
        requireNonNull(escalateEvery, "escalateEvery");
        if (respondWithin.isNegative() || respondWithin.isZero()) {
            throw new IllegalArgumentException("respondWithin: " + respondWithin + " (expected: > 0)");
        }
        if (resolveWithin.compareTo(respondWithin) < 0) {
            throw new IllegalArgumentException("resolveWithin: " + resolveWithin + " (expected: >= respondWithin "
                    + respondWithin + ")");
        }
        if (warningPercent < 1 || warningPercent > 100) {
            throw new IllegalArgumentException("warningPercent: " + warningPercent + " (expected: 1..100)");
        }
        if (escalateEvery.isNegative() || escalateEvery.isZero()) {
            throw new IllegalArgumentException("escalateEvery: " + escalateEvery + " (expected: > 0)");
        }
    }
}

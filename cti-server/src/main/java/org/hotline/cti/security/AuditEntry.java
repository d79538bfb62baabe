package org.hotline.cti.security;

import java.time.Instant;

import static java.util.Objects.requireNonNull;

/**
 * One sensitive action in the audit log: who (user and role), when, what (action on a target),
 * whether it was allowed, and a short detail.
 *
 * @param action e.g. {@code work_order.view}, {@code work_order.export}
 * @param target what was acted on, e.g. a work order number
 */
public record AuditEntry(Instant at, String actorId, Role actorRole, String action, String target, Outcome outcome,
                         String detail) {
    /** Whether the action went ahead. */
    public enum Outcome { ALLOWED, DENIED }

    public AuditEntry {
        requireNonNull(at, "at");
        requireNonNull(actorId, "actorId");
        requireNonNull(actorRole, "actorRole");
        requireNonNull(action, "action");
        requireNonNull(target, "target");
        requireNonNull(outcome, "outcome");
    }
}

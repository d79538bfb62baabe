package org.hotline.cti.customers;

import java.time.Instant;

import static java.util.Objects.requireNonNull;

/**
 * A blocked calling number. {@code expiresAt} null: until removed.
 */
public record BlacklistEntry(String phone, String reason, String addedBy, Instant addedAt, Instant expiresAt) {
    public BlacklistEntry {
        requireNonNull(phone, "phone");
        requireNonNull(reason, "reason");
        requireNonNull(addedBy, "addedBy");
        requireNonNull(addedAt, "addedAt");
        if (phone.isBlank()) {
            throw new IllegalArgumentException("phone: '" + phone + "' (expected: a calling number)");
        }
        if (expiresAt != null && !expiresAt.isAfter(addedAt)) {
            throw new IllegalArgumentException("expiresAt: " + expiresAt + " (expected: after " + addedAt + ")");
        }
    }

    public boolean activeAt(Instant t) {
        return expiresAt == null || t.isBefore(expiresAt);
    }
}

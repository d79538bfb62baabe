package org.hotline.cti.storage;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;

/**
 * Base of rows that administrators edit: a surrogate id, an optimistic-lock version so that two
 * concurrent edits cannot silently overwrite each other, and audit times. Two entities are equal
 * when they are the same kind of row with the same id; a new (unsaved) entity equals only itself.
 */
@MappedSuperclass
abstract class EditableEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    Long id() {
        return id;
    }

    long version() {
        return version;
    }

    Instant createdAt() {
        return createdAt;
    }

    Instant updatedAt() {
        return updatedAt;
    }

    /** For rows whose creation time is part of the data (sessions). */
    void createdAt(Instant createdAt) {
        this.createdAt = createdAt;
    }

    /** Sets the audit times; called by the repositories with their clock before a save. */
    void stamp(Instant now) {
        if (createdAt == null) {
            createdAt = now;
        }
        updatedAt = now;
    }

    @Override
    public final boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (other == null || getClass() != other.getClass()) {
            return false;
        }
        return id != null && id.equals(((EditableEntity) other).id);
    }

    @Override
    public final int hashCode() {
        // Constant per class, so that an entity keeps its hash when it gets its id on save.
        return getClass().hashCode();
    }
}

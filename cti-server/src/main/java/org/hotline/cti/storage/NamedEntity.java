package org.hotline.cti.storage;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;

/**
 * Base of the small lookup rows of a site that are a code and a display name (teams, skills).
 * Subclasses rename the {@code code} column with {@code @AttributeOverride}.
 */
@MappedSuperclass
abstract class NamedEntity extends EditableEntity {
    @Column(name = "site_id", nullable = false, length = 32)
    private String siteId;

    @Column(name = "code", nullable = false, length = 64)
    private String code;

    @Column(name = "name", nullable = false, length = 128)
    private String name;

    protected NamedEntity() {}

    NamedEntity(String siteId, String code, String name) {
        this.siteId = siteId;
        this.code = code;
        this.name = name;
    }

    String code() {
        return code;
    }

    String name() {
        return name;
    }

    void name(String name) {
        this.name = name;
    }
}

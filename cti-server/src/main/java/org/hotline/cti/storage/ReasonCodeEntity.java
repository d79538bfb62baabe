package org.hotline.cti.storage;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import org.hotline.cti.agents.ReasonCode;

/** A row of {@code reason_codes}. */
@Entity
@Table(name = "reason_codes")
class ReasonCodeEntity extends EditableEntity {
    @Column(name = "site_id", nullable = false, length = 32)
    private String siteId;

    @Column(name = "code", nullable = false, length = 64)
    private String code;

    @Column(name = "label", nullable = false, length = 128)
    private String label;

    @Column(name = "system_code", nullable = false)
    private boolean system;

    protected ReasonCodeEntity() {}

    ReasonCodeEntity(String siteId, String code) {
        this.siteId = siteId;
        this.code = code;
    }

    void apply(ReasonCode reason) {
        label = reason.label();
        system = reason.system();
    }

    ReasonCode toReasonCode() {
        return new ReasonCode(code, label, system);
    }
}

package org.hotline.cti.storage;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A row of {@code skills}: a skill agents have at a level and queues require. */
@Entity
@Table(name = "skills")
@AttributeOverride(name = "code", column = @Column(name = "skill_id", nullable = false, length = 64))
class SkillEntity extends NamedEntity {
    protected SkillEntity() {}

    SkillEntity(String siteId, String skillId, String name) {
        super(siteId, skillId, name);
    }
}

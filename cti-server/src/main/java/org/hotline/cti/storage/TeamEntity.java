package org.hotline.cti.storage;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A row of {@code teams}: a team lead's group of agents. */
@Entity
@Table(name = "teams")
@AttributeOverride(name = "code", column = @Column(name = "team_id", nullable = false, length = 64))
class TeamEntity extends NamedEntity {
    protected TeamEntity() {}

    TeamEntity(String siteId, String teamId, String name) {
        super(siteId, teamId, name);
    }
}

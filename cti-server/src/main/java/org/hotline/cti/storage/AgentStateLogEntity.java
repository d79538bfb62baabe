package org.hotline.cti.storage;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;
import org.hotline.cti.agents.AgentState;
import org.hotline.cti.agents.AgentStateChange;

/** A row of the append-only {@code agent_state_log}: written by the outbox with JDBC, read here. */
@Entity
@Immutable
@Table(name = "agent_state_log")
class AgentStateLogEntity {
    @Id
    private Long id;

    @Column(name = "record_id", nullable = false, length = 64)
    private String recordId;

    @Column(name = "site_id", nullable = false, length = 32)
    private String siteId;

    @Column(name = "agent_id", nullable = false, length = 64)
    private String agentId;

    @Column(name = "from_state", nullable = false, length = 24)
    private String fromState;

    @Column(name = "to_state", nullable = false, length = 24)
    private String toState;

    @Column(name = "reason_code", length = 64)
    private String reasonCode;

    @Column(name = "changed_at", nullable = false)
    private Instant changedAt;

    @Column(name = "millis_in_previous", nullable = false)
    private long millisInPrevious;

    protected AgentStateLogEntity() {}

    AgentStateChange toChange() {
        return new AgentStateChange(recordId, siteId, agentId, AgentState.valueOf(fromState),
                AgentState.valueOf(toState), reasonCode, changedAt, millisInPrevious);
    }
}

package org.hotline.cti.storage;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import org.hotline.cti.security.Role;
import org.hotline.cti.security.SessionStore.StoredSession;

/** A row of {@code sessions}. */
@Entity
@Table(name = "sessions")
class SessionEntity extends EditableEntity {
    @Column(name = "site_id", nullable = false, length = 32)
    private String siteId;

    @Column(name = "token_hash", nullable = false, length = 128)
    private String tokenHash;

    @Column(name = "agent_id", nullable = false, length = 64)
    private String agentId;

    @Column(name = "role", nullable = false, length = 16)
    private String role;

    @Column(name = "extension", nullable = false, length = 32)
    private String extension;

    @Column(name = "last_seen", nullable = false)
    private Instant lastSeen;

    protected SessionEntity() {}

    SessionEntity(String siteId, String tokenHash) {
        this.siteId = siteId;
        this.tokenHash = tokenHash;
    }

    void apply(StoredSession session) {
        agentId = session.agentId();
        role = session.role().name();
        extension = session.extension() == null ? "" : session.extension();
        lastSeen = toSecond(session.lastSeen());
        createdAt(toSecond(session.createdAt()));
    }

    void lastSeen(Instant lastSeen) {
        this.lastSeen = toSecond(lastSeen);
    }

    /**
     * Session times are kept to the second on every database: mysql-connector-j drops the
     * fraction when it talks to MariaDB 10 (which it takes for MySQL 5.5.5).
     */
    private static Instant toSecond(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS);
    }

    StoredSession toSession() {
        return new StoredSession(tokenHash, agentId, Role.valueOf(role), extension, createdAt(), lastSeen);
    }
}

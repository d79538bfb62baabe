package org.hotline.cti.storage;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hotline.cti.security.SessionStore;

import static java.util.Objects.requireNonNull;

/**
 * The {@link SessionStore} of one site, stored in the database. Blocks on the database. Times
 * are kept to the second (enough for idle timeouts, and the same on every database).
 */
public final class HibernateSessionStore implements SessionStore {
    private final SessionFactory sessions;
    private final String siteId;
    private final Clock clock;

    public HibernateSessionStore(SessionFactory sessions, String siteId, Clock clock) {
        this.sessions = requireNonNull(sessions, "sessions");
        this.siteId = requireNonNull(siteId, "siteId");
        this.clock = requireNonNull(clock, "clock");
    }

    /** Stores a new session, or replaces the one with the same token hash. */
    @Override
    public void save(StoredSession stored) {
        requireNonNull(stored, "stored");
        requireNonNull(stored.tokenHash(), "tokenHash");
        requireNonNull(stored.createdAt(), "createdAt");
        requireNonNull(stored.lastSeen(), "lastSeen");
        sessions.inTransaction(session -> {
            SessionEntity entity = find(session, stored.tokenHash())
                    .orElseGet(() -> new SessionEntity(siteId, stored.tokenHash()));
            entity.apply(stored);
            entity.stamp(clock.instant());
            if (entity.id() == null) {
                session.persist(entity);
            }
        });
    }

    @Override
    public void delete(String tokenHash) {
        requireNonNull(tokenHash, "tokenHash");
        sessions.inTransaction(session -> find(session, tokenHash).ifPresent(session::remove));
    }

    /** Moves the last-seen time of a session; an unknown token changes nothing. */
    @Override
    public void touch(String tokenHash, Instant lastSeen) {
        requireNonNull(tokenHash, "tokenHash");
        requireNonNull(lastSeen, "lastSeen");
        sessions.inTransaction(session -> find(session, tokenHash).ifPresent(entity -> {
            entity.lastSeen(lastSeen);
            entity.stamp(clock.instant());
        }));
    }

    @Override
    public List<StoredSession> all() {
        return sessions.fromTransaction(session -> session
                .createSelectionQuery("from SessionEntity s where s.siteId = :site order by s.id", SessionEntity.class)
                .setParameter("site", siteId)
                .getResultList().stream()
                .map(SessionEntity::toSession)
                .toList());
    }

    private Optional<SessionEntity> find(Session session, String tokenHash) {
        return session
                .createSelectionQuery("from SessionEntity s where s.siteId = :site and s.tokenHash = :token",
                        SessionEntity.class)
                .setParameter("site", siteId)
                .setParameter("token", tokenHash)
                .uniqueResultOptional();
    }
}

package org.hotline.cti.security;

import java.time.Instant;
import java.util.List;

/**
 * Open sessions, kept so that desks resume after a server restart without logging in again.
 * Only a hash of the token is stored. May block: not called on the event loop.
 */
public interface SessionStore {
    void save(StoredSession session);

    void delete(String tokenHash);

    void touch(String tokenHash, Instant lastSeen);

    List<StoredSession> all();

    record StoredSession(String tokenHash, String agentId, Role role, String extension, Instant createdAt,
                         Instant lastSeen) {}
}

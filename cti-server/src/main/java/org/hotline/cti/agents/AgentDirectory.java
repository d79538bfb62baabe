package org.hotline.cti.agents;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Users, their credentials and the reason codes, as stored. Read at start and on login; the
 * live model keeps its own copy. Implementations may block (they are not called on the event loop).
 */
public interface AgentDirectory {

    List<AgentProfile> agents();

    Optional<AgentProfile> find(String agentId);

    /** The stored password hash, lock and enabled state, or empty when there is no such user. */
    Optional<Credentials> credentials(String agentId);

    /** Counts a failed login (locking the account after too many) or clears the count on success. */
    void recordLoginResult(String agentId, boolean success);

    List<ReasonCode> reasonCodes();

    /** The last logged state of each agent, to restore agents after a restart. */
    Map<String, AgentStateChange> lastStates();

    /**
     * @param locked  locked by too many failed logins (an administrator unlocks it)
     * @param enabled false when an administrator disabled the user: no login at all
     */
    record Credentials(String agentId, String passwordHash, boolean locked, int failedAttempts, boolean enabled) {}
}

package org.hotline.cti.storage;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hotline.cti.agents.AgentDirectory;
import org.hotline.cti.agents.AgentProfile;
import org.hotline.cti.agents.AgentStateChange;
import org.hotline.cti.agents.ReasonCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static java.util.Objects.requireNonNull;

/** The {@link AgentDirectory} of one site, stored in the database. Blocks on the database. */
public final class HibernateAgentDirectory implements AgentDirectory {
    /** Failed logins in a row after which an account is locked until an administrator unlocks it. */
    public static final int DEFAULT_LOCK_AFTER_FAILURES = 5;

    private static final Logger log = LoggerFactory.getLogger(HibernateAgentDirectory.class);

    private final SessionFactory sessions;
    private final String siteId;
    private final int lockAfterFailures;

    public HibernateAgentDirectory(SessionFactory sessions, String siteId) {
        this(sessions, siteId, DEFAULT_LOCK_AFTER_FAILURES);
    }

    public HibernateAgentDirectory(SessionFactory sessions, String siteId, int lockAfterFailures) {
        this.sessions = requireNonNull(sessions, "sessions");
        this.siteId = requireNonNull(siteId, "siteId");
        if (lockAfterFailures < 1) {
            throw new IllegalArgumentException("lockAfterFailures: " + lockAfterFailures + " (expected: >= 1)");
        }
        this.lockAfterFailures = lockAfterFailures;
    }

    @Override
    public List<AgentProfile> agents() {
        return sessions.fromTransaction(session -> session
                .createSelectionQuery("from UserEntity u where u.siteId = :site order by u.agentId", UserEntity.class)
                .setParameter("site", siteId)
                .getResultList().stream()
                .map(UserEntity::toProfile)
                .toList());
    }

    @Override
    public Optional<AgentProfile> find(String agentId) {
        requireNonNull(agentId, "agentId");
        return sessions.fromTransaction(session -> user(session, siteId, agentId, LockModeType.NONE)
                .map(UserEntity::toProfile));
    }

    @Override
    public Optional<Credentials> credentials(String agentId) {
        requireNonNull(agentId, "agentId");
        return sessions.fromTransaction(session -> user(session, siteId, agentId, LockModeType.NONE)
                .map(u -> new Credentials(u.agentId(), u.passwordHash(), u.locked(), u.failedLogins(), u.enabled())));
    }

    @Override
    public void recordLoginResult(String agentId, boolean success) {
        requireNonNull(agentId, "agentId");
        sessions.inTransaction(session -> {
            // A row lock, so that parallel wrong guesses all count.
            Optional<UserEntity> user = user(session, siteId, agentId, LockModeType.PESSIMISTIC_WRITE);
            if (user.isEmpty()) {
                return;
            }
            UserEntity u = user.get();
            if (success) {
                u.loginSucceeded();
                return;
            }
            boolean wasLocked = u.locked();
            u.loginFailed(lockAfterFailures);
            if (u.locked() && !wasLocked) {
                log.warn("account {} locked after {} failed logins", agentId, u.failedLogins());
            }
        });
    }

    @Override
    public List<ReasonCode> reasonCodes() {
        return sessions.fromTransaction(session -> session
                .createSelectionQuery("from ReasonCodeEntity r where r.siteId = :site order by r.code",
                        ReasonCodeEntity.class)
                .setParameter("site", siteId)
                .getResultList().stream()
                .map(ReasonCodeEntity::toReasonCode)
                .toList());
    }

    @Override
    public Map<String, AgentStateChange> lastStates() {
        // Rows arrive in journal order, so the highest id of an agent is its latest change. A
        // join on the derived table lets MySQL answer from the (site, agent, time) index instead
        // of scanning the whole log as an IN (subquery) plan did.
        List<AgentStateLogEntity> rows = sessions.fromTransaction(session -> session
                .createNativeQuery("""
                        SELECT l.* FROM agent_state_log l
                        JOIN (SELECT MAX(id) AS latest_id FROM agent_state_log WHERE site_id = :site GROUP BY agent_id) latest
                          ON l.id = latest.latest_id
                        ORDER BY l.agent_id""", AgentStateLogEntity.class)
                .setParameter("site", siteId)
                .getResultList());
        Map<String, AgentStateChange> last = new LinkedHashMap<>();
        rows.forEach(row -> {
            AgentStateChange change = row.toChange();
            last.put(change.agentId(), change);
        });
        return last;
    }

    static Optional<UserEntity> user(Session session, String siteId, String agentId, LockModeType lock) {
        return session
                .createSelectionQuery("from UserEntity u where u.siteId = :site and u.agentId = :agent", UserEntity.class)
                .setParameter("site", siteId)
                .setParameter("agent", agentId)
                .setLockMode(lock)
                .uniqueResultOptional();
    }
}

package org.hotline.cti.storage;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;

import jakarta.persistence.LockModeType;

import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hotline.cti.agents.AgentProfile;
import org.hotline.cti.agents.ReasonCode;
import org.hotline.cti.routing.QueueDefinition;
import org.hotline.cti.security.PasswordHasher;

import static java.util.Objects.requireNonNull;

/**
 * Writes the directory of one site: users with skills and passwords, teams, skills, queues and
 * reason codes. Used by administration, the demo data, tests and the load benchmark. Every save
 * creates or replaces by natural key (agent id, queue id, code), so it can be run again.
 * Teams and skills named by an agent or queue are created when missing.
 */
public final class DirectoryAdmin {
    /** A user to save; a null password keeps the stored one (a new user without one cannot log in). */
    public record Account(AgentProfile profile, String password) {
        public Account {
            requireNonNull(profile, "profile");
        }
    }

    /**
     * A stored user as administration sees it.
     *
     * @param enabled      false when an administrator disabled it (no login)
     * @param locked       locked by {@code failedLogins} wrong passwords in a row
     */
    public record StoredUser(AgentProfile profile, boolean enabled, boolean locked, int failedLogins) {
        public StoredUser {
            requireNonNull(profile, "profile");
        }
    }

    private final SessionFactory sessions;
    private final String siteId;
    private final PasswordHasher hasher;
    private final Clock clock;

    public DirectoryAdmin(SessionFactory sessions, String siteId, PasswordHasher hasher, Clock clock) {
        this.sessions = requireNonNull(sessions, "sessions");
        this.siteId = requireNonNull(siteId, "siteId");
        this.hasher = requireNonNull(hasher, "hasher");
        this.clock = requireNonNull(clock, "clock");
    }

    public String siteId() {
        return siteId;
    }

    /** Creates or updates one user; see {@link Account} for the password. */
    public void saveAgent(AgentProfile profile, String password) {
        saveAgents(List.of(new Account(profile, password)));
    }

    /** Creates or updates many users in one transaction (hashing happens before it starts). */
    public void saveAgents(Collection<Account> accounts) {
        requireNonNull(accounts, "accounts");
        Map<String, String> hashes = new HashMap<>();
        for (Account account : accounts) {
            checkSite("profile.siteId", account.profile().siteId());
            if (account.password() != null) {
                hashes.put(account.profile().agentId(), hasher.hash(account.password()));
            }
        }
        Set<String> teams = new TreeSet<>();
        Set<String> skills = new TreeSet<>();
        accounts.forEach(a -> {
            if (!a.profile().team().isEmpty()) {
                teams.add(a.profile().team());
            }
            skills.addAll(a.profile().skills().keySet());
        });
        sessions.inTransaction(session -> {
            Instant now = clock.instant();
            ensureNamed(session, TeamEntity.class, TeamEntity::new, teams, now);
            ensureNamed(session, SkillEntity.class, SkillEntity::new, skills, now);
            Map<String, UserEntity> existing = new HashMap<>();
            session.createSelectionQuery("from UserEntity u where u.siteId = :site", UserEntity.class)
                    .setParameter("site", siteId)
                    .getResultList()
                    .forEach(u -> existing.put(u.agentId(), u));
            for (Account account : accounts) {
                AgentProfile profile = account.profile();
                UserEntity user = existing.computeIfAbsent(profile.agentId(), id -> new UserEntity(siteId, id));
                user.apply(profile);
                String hash = hashes.get(profile.agentId());
                if (hash != null) {
                    user.passwordHash(hash);
                }
                save(session, user, now);
            }
        });
    }

    /** Every user of the site, by agent id. */
    public List<StoredUser> users() {
        return sessions.fromTransaction(session -> session
                .createSelectionQuery("from UserEntity u where u.siteId = :site order by u.agentId", UserEntity.class)
                .setParameter("site", siteId)
                .getResultList().stream()
                .map(DirectoryAdmin::stored)
                .toList());
    }

    public Optional<StoredUser> user(String agentId) {
        requireNonNull(agentId, "agentId");
        return sessions.fromTransaction(session -> HibernateAgentDirectory
                .user(session, siteId, agentId, LockModeType.NONE)
                .map(DirectoryAdmin::stored));
    }

    private static StoredUser stored(UserEntity u) {
        return new StoredUser(u.toProfile(), u.enabled(), u.locked(), u.failedLogins());
    }

    /**
     * Creates or updates one user with its enabled flag, keeping the stored password (a new user
     * has none until {@link #setPassword}). Unlike {@link #saveAgents} it creates no team or skill:
     * administration checks they exist first.
     */
    public void saveUser(AgentProfile profile, boolean enabled) {
        requireNonNull(profile, "profile");
        checkSite("profile.siteId", profile.siteId());
        sessions.inTransaction(session -> {
            UserEntity user = HibernateAgentDirectory.user(session, siteId, profile.agentId(), LockModeType.NONE)
                    .orElseGet(() -> new UserEntity(siteId, profile.agentId()));
            user.apply(profile);
            user.enabled(enabled);
            save(session, user, clock.instant());
        });
    }

    /** Sets a new password; false when there is no such user. */
    public boolean setPassword(String agentId, String password) {
        requireNonNull(agentId, "agentId");
        String hash = hasher.hash(password);
        return sessions.fromTransaction(session -> HibernateAgentDirectory
                .user(session, siteId, agentId, LockModeType.NONE)
                .map(user -> {
                    user.passwordHash(hash);
                    user.stamp(clock.instant());
                    return true;
                })
                .orElse(false));
    }

    /** Unlocks an account locked by failed logins; false when there is no such user. */
    public boolean unlock(String agentId) {
        requireNonNull(agentId, "agentId");
        return sessions.fromTransaction(session -> HibernateAgentDirectory
                .user(session, siteId, agentId, LockModeType.NONE)
                .map(user -> {
                    user.unlock();
                    user.stamp(clock.instant());
                    return true;
                })
                .orElse(false));
    }

    /** True when the site has no user yet (a first start). */
    public boolean hasNoUsers() {
        return sessions.fromTransaction(session -> session
                .createSelectionQuery("select count(u) from UserEntity u where u.siteId = :site", Long.class)
                .setParameter("site", siteId)
                .getSingleResult() == 0L);
    }

    public void saveTeam(String teamId, String name) {
        saveNamed(TeamEntity.class, TeamEntity::new, teamId, name);
    }

    public void saveSkill(String skillId, String name) {
        saveNamed(SkillEntity.class, SkillEntity::new, skillId, name);
    }

    /** The team ids and names of the site. */
    public Map<String, String> teams() {
        return names(TeamEntity.class);
    }

    /** The skill ids and names of the site. */
    public Map<String, String> skills() {
        return names(SkillEntity.class);
    }

    /** Deletes a skill (the caller checks nobody uses it); false when there was none. */
    public boolean deleteSkill(String skillId) {
        return deleteByKey(SkillEntity.class, "code", skillId);
    }

    /** Deletes a team (the caller checks nobody is in it); false when there was none. */
    public boolean deleteTeam(String teamId) {
        return deleteByKey(TeamEntity.class, "code", teamId);
    }

    /** Deletes a reason code; false when there was none. */
    public boolean deleteReasonCode(String code) {
        return deleteByKey(ReasonCodeEntity.class, "code", code);
    }

    private boolean deleteByKey(Class<? extends EditableEntity> type, String keyProperty, String key) {
        requireNonNull(key, "key");
        return sessions.fromTransaction(session -> session
                .createSelectionQuery("from " + type.getSimpleName() + " e where e.siteId = :site and e." + keyProperty
                        + " = :key", type)
                .setParameter("site", siteId)
                .setParameter("key", key)
                .uniqueResultOptional()
                .map(e -> {
                    session.remove(e);
                    return true;
                })
                .orElse(false));
    }

    /** Creates or replaces a queue. */
    public void saveQueue(QueueDefinition queue) {
        requireNonNull(queue, "queue");
        checkSite("queue.siteId", queue.siteId());
        Set<String> skills = new TreeSet<>(queue.requiredSkills().keySet());
        skills.addAll(queue.overflowSkills().keySet());
        sessions.inTransaction(session -> {
            Instant now = clock.instant();
            ensureNamed(session, SkillEntity.class, SkillEntity::new, skills, now);
            QueueEntity entity = findOrCreate(session, QueueEntity.class, "queueId", queue.queueId(),
                    () -> new QueueEntity(siteId, queue.queueId()));
            entity.apply(queue);
            save(session, entity, now);
        });
    }

    /** Creates or replaces a reason code. */
    public void saveReasonCode(ReasonCode reason) {
        requireNonNull(reason, "reason");
        sessions.inTransaction(session -> {
            ReasonCodeEntity entity = findOrCreate(session, ReasonCodeEntity.class, "code", reason.code(),
                    () -> new ReasonCodeEntity(siteId, reason.code()));
            entity.apply(reason);
            save(session, entity, clock.instant());
        });
    }

    /** How a lookup row is made: {@code TeamEntity::new}. */
    private interface NamedFactory<E extends NamedEntity> {
        E create(String siteId, String code, String name);
    }

    private <E extends NamedEntity> void saveNamed(Class<E> type, NamedFactory<E> factory, String code, String name) {
        requireNonNull(code, "code");
        requireNonNull(name, "name");
        sessions.inTransaction(session -> {
            E entity = findOrCreate(session, type, "code", code, () -> factory.create(siteId, code, name));
            entity.name(name);
            save(session, entity, clock.instant());
        });
    }

    private <E extends NamedEntity> Map<String, String> names(Class<E> type) {
        Map<String, String> names = new TreeMap<>();
        sessions.fromTransaction(session -> session
                        .createSelectionQuery("from " + type.getSimpleName() + " e where e.siteId = :site", type)
                        .setParameter("site", siteId)
                        .getResultList())
                .forEach(e -> names.put(e.code(), e.name()));
        return names;
    }

    /** Creates the lookup rows among {@code codes} that do not exist yet, named by their code. */
    private <E extends NamedEntity> void ensureNamed(Session session, Class<E> type, NamedFactory<E> factory,
                                                     Set<String> codes, Instant now) {
        if (codes.isEmpty()) {
            return;
        }
        Set<String> missing = new TreeSet<>(codes);
        missing.removeAll(session
                .createSelectionQuery("select e.code from " + type.getSimpleName() + " e where e.siteId = :site",
                        String.class)
                .setParameter("site", siteId)
                .getResultList());
        for (String code : missing) {
            save(session, factory.create(siteId, code, code), now);
        }
    }

    /** The row of this site with that natural key, or a new unsaved one. */
    private <E extends EditableEntity> E findOrCreate(Session session, Class<E> type, String keyProperty, String key,
                                                      Supplier<E> create) {
        return session
                .createSelectionQuery("from " + type.getSimpleName() + " e where e.siteId = :site and e." + keyProperty
                        + " = :key", type)
                .setParameter("site", siteId)
                .setParameter("key", key)
                .uniqueResultOptional()
                .orElseGet(create);
    }

    private static void save(Session session, EditableEntity entity, Instant now) {
        entity.stamp(now);
        if (entity.id() == null) {
            session.persist(entity);
        }
    }

    private void checkSite(String what, String site) {
        if (!siteId.equals(site)) {
            throw new IllegalArgumentException(what + ": " + site + " (expected: " + siteId + ", the site of this directory)");
        }
    }
}

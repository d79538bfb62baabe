package org.hotline.cti.storage;

import java.util.HashMap;
import java.util.Map;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.Table;

import org.hotline.cti.agents.AgentProfile;
import org.hotline.cti.security.Role;

/** A row of {@code users} with its skill levels. */
@Entity
@Table(name = "users")
class UserEntity extends EditableEntity {
    @Column(name = "site_id", nullable = false, length = 32)
    private String siteId;

    @Column(name = "agent_id", nullable = false, length = 64)
    private String agentId;

    @Column(name = "name", nullable = false, length = 128)
    private String name;

    @Column(name = "role", nullable = false, length = 16)
    private String role;

    @Column(name = "extension", nullable = false, length = 32)
    private String extension;

    @Column(name = "team_id", nullable = false, length = 64)
    private String teamId;

    @Column(name = "password_hash", nullable = false, length = 128)
    private String passwordHash;

    @Column(name = "failed_logins", nullable = false)
    private int failedLogins;

    @Column(name = "locked", nullable = false)
    private boolean locked;

    @Column(name = "enabled", nullable = false)
    private boolean enabled = true;

    @ElementCollection
    @CollectionTable(name = "agent_skills", joinColumns = @JoinColumn(name = "user_id"))
    @MapKeyColumn(name = "skill_id", length = 64)
    @Column(name = "skill_level", nullable = false)
    private Map<String, Integer> skills = new HashMap<>();

    protected UserEntity() {}

    UserEntity(String siteId, String agentId) {
        this.siteId = siteId;
        this.agentId = agentId;
        this.passwordHash = "";
    }

    void apply(AgentProfile profile) {
        name = profile.name();
        role = profile.role().name();
        extension = profile.extension();
        teamId = profile.team();
        skills.clear();
        skills.putAll(profile.skills());
    }

    AgentProfile toProfile() {
        return new AgentProfile(agentId, name, Role.valueOf(role), extension, teamId, skills, siteId);
    }

    String agentId() {
        return agentId;
    }

    String passwordHash() {
        return passwordHash;
    }

    void passwordHash(String passwordHash) {
        this.passwordHash = passwordHash;
    }

    int failedLogins() {
        return failedLogins;
    }

    boolean locked() {
        return locked;
    }

    void loginFailed(int lockAfter) {
        failedLogins++;
        if (failedLogins >= lockAfter) {
            locked = true;
        }
    }

    void loginSucceeded() {
        failedLogins = 0;
    }

    boolean enabled() {
        return enabled;
    }

    void enabled(boolean enabled) {
        this.enabled = enabled;
    }

    void unlock() {
        failedLogins = 0;
        locked = false;
    }
}

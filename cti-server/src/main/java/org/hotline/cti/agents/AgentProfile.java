package org.hotline.cti.agents;

import java.util.Map;

import org.hotline.cti.security.Role;

import static java.util.Objects.requireNonNull;

/**
 * A user who can log in: agents, team leads, administrators and wallboard accounts.
 * {@code skills} maps a skill name to a level from 1 (learning) to 10 (expert).
 */
public record AgentProfile(String agentId, String name, Role role, String extension, String team,
                           Map<String, Integer> skills, String siteId) {
    public AgentProfile {
        requireNonNull(agentId, "agentId");
        requireNonNull(name, "name");
        requireNonNull(role, "role");
        extension = extension == null ? "" : extension;
        team = team == null ? "" : team;
        skills = Map.copyOf(skills);
        requireNonNull(siteId, "siteId");
        skills.forEach((skill, level) -> {
            if (level < 1 || level > 10) {
                throw new IllegalArgumentException("skill level of " + skill + ": " + level + " (expected: 1-10)");
            }
        });
    }

    public int level(String skill) {
        return skills.getOrDefault(skill, 0);
    }
}

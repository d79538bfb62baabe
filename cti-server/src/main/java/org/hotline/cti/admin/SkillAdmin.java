package org.hotline.cti.admin;

import java.util.List;
import java.util.Map;

import org.hotline.cti.routing.QueueDefinition;
import org.hotline.cti.routing.QueueDirectory;
import org.hotline.cti.storage.DirectoryAdmin;
import org.hotline.cti.storage.DirectoryAdmin.StoredUser;

import static java.util.Objects.requireNonNull;

/**
 * Skills and teams: the names agents and queues refer to. Nothing in the live model caches
 * them (agents and queues carry skill ids), so a change needs no live step; a delete is refused
 * while a user or queue still refers to it.
 */
public final class SkillAdmin {
    private final DirectoryAdmin directory;
    private final QueueDirectory queues;
    private final AdminAudit audit;

    public SkillAdmin(DirectoryAdmin directory, QueueDirectory queues, AdminAudit audit) {
        this.directory = requireNonNull(directory, "directory");
        this.queues = requireNonNull(queues, "queues");
        this.audit = requireNonNull(audit, "audit");
    }

    /** Skill ids and names. */
    public Map<String, String> skills(Editor editor) {
        audit.requireReader(editor, "skills");
        return directory.skills();
    }

    public void saveSkill(Editor editor, String skillId, String name, boolean create) {
        String action = create ? "admin.skill.create" : "admin.skill.update";
        audit.requireAdmin(editor, action, "skill:" + skillId);
        Checks.id("skill_id", skillId);
        String n = Checks.name("name", name);
        String before = directory.skills().get(skillId);
        Checks.createOrUpdate("skill", skillId, before != null, create);
        directory.saveSkill(skillId, n);
        audit.changed(editor, action, "skill:" + skillId, before == null ? AdminAudit.NONE : "name=" + before, "name=" + n);
    }

    public void deleteSkill(Editor editor, String skillId) {
        audit.requireAdmin(editor, "admin.skill.delete", "skill:" + skillId);
        String before = directory.skills().get(skillId);
        if (before == null) {
            throw Checks.notFound("skill '" + skillId + "' (no such skill)");
        }
        List<String> users = directory.users().stream().map(StoredUser::profile)
                .filter(p -> p.skills().containsKey(skillId)).map(p -> p.agentId()).toList();
        List<String> inQueues = queues.queues().stream().filter(q -> q.requiredSkills().containsKey(skillId)
                || q.overflowSkills().containsKey(skillId)).map(QueueDefinition::queueId).toList();
        if (!users.isEmpty() || !inQueues.isEmpty()) {
            throw Checks.inUse("skill '" + skillId + "' is still in use by " + (users.isEmpty() ? ""
                    : users.size() + " user(s) (" + Checks.some(users) + ")") + (users.isEmpty() || inQueues.isEmpty()
                    ? "" : " and ") + (inQueues.isEmpty() ? "" : "queue(s) " + Checks.some(inQueues))
                    + " (expected: remove it from them first)");
        }
        directory.deleteSkill(skillId);
        audit.changed(editor, "admin.skill.delete", "skill:" + skillId, "name=" + before, AdminAudit.NONE);
    }

    /** Team ids and names. */
    public Map<String, String> teams(Editor editor) {
        audit.requireReader(editor, "teams");
        return directory.teams();
    }

    public void saveTeam(Editor editor, String teamId, String name, boolean create) {
        String action = create ? "admin.team.create" : "admin.team.update";
        audit.requireAdmin(editor, action, "team:" + teamId);
        Checks.id("team_id", teamId);
        String n = Checks.name("name", name);
        String before = directory.teams().get(teamId);
        Checks.createOrUpdate("team", teamId, before != null, create);
        directory.saveTeam(teamId, n);
        audit.changed(editor, action, "team:" + teamId, before == null ? AdminAudit.NONE : "name=" + before, "name=" + n);
    }

    public void deleteTeam(Editor editor, String teamId) {
        audit.requireAdmin(editor, "admin.team.delete", "team:" + teamId);
        String before = directory.teams().get(teamId);
        if (before == null) {
            throw Checks.notFound("team '" + teamId + "' (no such team)");
        }
        List<String> members = directory.users().stream().map(StoredUser::profile)
                .filter(p -> p.team().equals(teamId)).map(p -> p.agentId()).toList();
        if (!members.isEmpty()) {
            throw Checks.inUse("team '" + teamId + "' still has " + members.size() + " member(s) ("
                    + Checks.some(members) + ") (expected: move them to another team first)");
        }
        directory.deleteTeam(teamId);
        audit.changed(editor, "admin.team.delete", "team:" + teamId, "name=" + before, AdminAudit.NONE);
    }
}

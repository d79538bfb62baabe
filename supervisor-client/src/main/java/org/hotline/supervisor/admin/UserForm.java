package org.hotline.supervisor.admin;

import java.util.List;
import java.util.regex.Pattern;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ObservableList;
import org.hotline.agent.Messages;
import org.hotline.api.v1.Role;
import org.hotline.api.v1.User;

/** A user or agent: name, role, team, extension, enabled, locked, and skills with levels. */
public final class UserForm extends EntityForm<User> {
    /** The roles a user can be given, in the order the form offers them. */
    public static final List<Role> ROLES = List.of(Role.ROLE_AGENT, Role.ROLE_TEAM_LEAD, Role.ROLE_ADMIN, Role.ROLE_WALLBOARD);
    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,32}");

    private final StringProperty agentId = new SimpleStringProperty("");
    private final StringProperty name = new SimpleStringProperty("");
    private final ObjectProperty<Role> role = new SimpleObjectProperty<>(Role.ROLE_AGENT);
    private final StringProperty team = new SimpleStringProperty("");
    private final StringProperty extension = new SimpleStringProperty("");
    private final BooleanProperty enabled = new SimpleBooleanProperty(true);
    private final BooleanProperty locked = new SimpleBooleanProperty();
    private final SkillLevels skills;
    private final ObservableList<String> teams;
    private int failedLogins;

    public UserForm(Messages texts, ObservableList<String> skills, ObservableList<String> teams) {
        super(texts);
        this.skills = new SkillLevels(skills);
        this.teams = teams;
        watch(agentId, name, role, team, extension, enabled, locked, this.skills.rows());
    }

    @Override
    public String key(User u) {
        return u.getAgentId();
    }

    @Override
    public String title(User u) {
        return u.getAgentId() + "  " + u.getName() + (u.getEnabled() ? "" : " " + texts.get("admin.user.disabled_mark"));
    }

    @Override
    public String auditTarget(User u) {
        return "user:" + u.getAgentId();
    }

    @Override
    protected void fill(User u) {
        User v = u == null ? User.newBuilder().setRole(Role.ROLE_AGENT).setEnabled(true).build() : u;
        agentId.set(v.getAgentId());
        name.set(v.getName());
        role.set(v.getRole());
        team.set(v.getTeamId());
        extension.set(v.getExtension());
        enabled.set(v.getEnabled());
        locked.set(v.getLocked());
        failedLogins = v.getFailedLogins();
        skills.set(v.getSkillsList());
    }

    @Override
    protected User build() {
        return User.newBuilder().setAgentId(text(agentId)).setName(text(name)).setRole(role.get()).setTeamId(text(team))
                .setExtension(text(extension)).setEnabled(enabled.get()).setLocked(locked.get())
                .addAllSkills(skills.value()).build();
    }

    @Override
    protected void check(Problems p) {
        p.id("agent_id", agentId.get());
        p.required("name", name.get());
        if (role.get() == null || role.get() == Role.ROLE_UNSPECIFIED) {
            p.of("role", "required");
        }
        if (!text(team).isEmpty() && !teams.isEmpty() && !teams.contains(text(team))) {
            p.of("team", "unknown", text(team));
        }
        if (!text(extension).isEmpty() && !DIGITS.matcher(text(extension)).matches()) {
            p.of("extension", "digits", text(extension));
        }
        skills.check(p, "skills");
    }

    public StringProperty agentIdProperty() {
        return agentId;
    }

    public StringProperty nameProperty() {
        return name;
    }

    public ObjectProperty<Role> roleProperty() {
        return role;
    }

    public StringProperty teamProperty() {
        return team;
    }

    public StringProperty extensionProperty() {
        return extension;
    }

    public BooleanProperty enabledProperty() {
        return enabled;
    }

    public BooleanProperty lockedProperty() {
        return locked;
    }

    /** As stored: the failed logins since the last good one. */
    public int failedLogins() {
        return failedLogins;
    }

    public SkillLevels skills() {
        return skills;
    }

    public ObservableList<String> teams() {
        return teams;
    }
}

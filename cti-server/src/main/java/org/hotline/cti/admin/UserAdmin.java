package org.hotline.cti.admin;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.hotline.cti.agents.AgentProfile;
import org.hotline.cti.core.CallCenter;
import org.hotline.cti.core.CommandException;
import org.hotline.cti.security.PasswordHasher;
import org.hotline.cti.security.Role;
import org.hotline.cti.storage.DirectoryAdmin;
import org.hotline.cti.storage.DirectoryAdmin.StoredUser;

import static java.util.Objects.requireNonNull;

/**
 * Users and agents: who they are, their role, team, default extension and skill levels, whether
 * they may log in, and password resets. A saved profile goes into the live model at once (the
 * router offers calls by the new skills); a new role applies at the user's next login.
 */
public final class UserAdmin {
    private static final Pattern EXTENSION = Pattern.compile("\\d{0,32}");
    static final int MIN_PASSWORD = 8;

    private final DirectoryAdmin directory;
    private final CallCenter center;
    private final AdminAudit audit;

    public UserAdmin(DirectoryAdmin directory, CallCenter center, AdminAudit audit) {
        this.directory = requireNonNull(directory, "directory");
        this.center = requireNonNull(center, "center");
        this.audit = requireNonNull(audit, "audit");
    }

    /** What a save did, for the edge: whether the user was disabled by it (its session must end). */
    public record Saved(StoredUser user, boolean disabledNow) {}

    public List<StoredUser> users(Editor editor) {
        audit.requireReader(editor, "users");
        return directory.users();
    }

    /**
     * Creates or updates a user. {@code unlock} clears a lock left by failed logins. The stored
     * password is kept (a new user has none until {@link #resetPassword}).
     */
    public Saved save(Editor editor, AgentProfile profile, boolean enabled, boolean unlock, boolean create) {
        requireNonNull(profile, "profile");
        String target = "user:" + profile.agentId();
        audit.requireAdmin(editor, create ? "admin.user.create" : "admin.user.update", target);
        Checks.id("agent_id", profile.agentId());
        Checks.name("name", profile.name());
        if (!EXTENSION.matcher(profile.extension()).matches()) {
            throw Checks.invalid("extension: '" + profile.extension() + "' (expected: up to 32 digits, or empty)");
        }
        List<StoredUser> all = directory.users();
        Optional<StoredUser> before = all.stream().filter(u -> u.profile().agentId().equals(profile.agentId())).findFirst();
        Checks.createOrUpdate("user", profile.agentId(), before.isPresent(), create);
        if (!profile.team().isEmpty() && !directory.teams().containsKey(profile.team())) {
            throw Checks.invalid("team_id: unknown team '" + profile.team() + "' (expected empty or one of "
                    + directory.teams().keySet() + ")");
        }
        Checks.skills("skills", profile.skills(), directory.skills().keySet());
        if (profile.role() == Role.WALLBOARD && (!profile.skills().isEmpty() || !profile.extension().isEmpty())) {
            throw Checks.invalid("user " + profile.agentId() + ": a wallboard account takes no calls"
                    + " (expected: no skills and no extension)");
        }
        if (!profile.extension().isEmpty()) {
            all.stream().filter(u -> !u.profile().agentId().equals(profile.agentId())
                            && u.profile().extension().equals(profile.extension()))
                    .findFirst().ifPresent(u -> {
                        throw new CommandException(CommandException.Code.ALREADY_EXISTS, "extension: "
                                + profile.extension() + " is already the extension of user " + u.profile().agentId()
                                + " (expected: a free extension)");
                    });
        }
        if (editor.agentId().equals(profile.agentId()) && (!enabled || profile.role() != Role.ADMIN)) {
            throw Checks.inUse("user " + profile.agentId() + ": an administrator may not disable or demote"
                    + " their own account (expected: another administrator does it)");
        }
        if (!profile.siteId().equals(directory.siteId())) {
            throw Checks.invalid("site: " + profile.siteId() + " (expected: " + directory.siteId() + ")");
        }
        directory.saveUser(profile, enabled);
        if (unlock && before.map(StoredUser::locked).orElse(false)) {
            directory.unlock(profile.agentId());
        }
        Live.await(center.upsertAgent(profile));
        StoredUser after = directory.user(profile.agentId()).orElseThrow();
        audit.changed(editor, create ? "admin.user.create" : "admin.user.update", target,
                before.map(UserAdmin::describe).orElse(AdminAudit.NONE), describe(after));
        boolean disabledNow = !enabled && before.map(StoredUser::enabled).orElse(false);
        return new Saved(after, disabledNow);
    }

    /** Sets a temporary password (hashed; never logged or returned) and unlocks the account. */
    public void resetPassword(Editor editor, String agentId, String password) {
        String target = "user:" + agentId;
        audit.requireAdmin(editor, "admin.user.reset_password", target);
        requireNonNull(password, "password");
        StoredUser user = directory.user(agentId).orElseThrow(() -> Checks.notFound("user '" + agentId
                + "' (no such user)"));
        int bytes = password.getBytes(StandardCharsets.UTF_8).length;
        if (password.length() < MIN_PASSWORD || bytes > PasswordHasher.MAX_PASSWORD_BYTES) {
            throw Checks.invalid("new_password: " + password.length() + " characters, " + bytes + " bytes (expected: at least "
                    + MIN_PASSWORD + " characters and at most " + PasswordHasher.MAX_PASSWORD_BYTES + " bytes in UTF-8)");
        }
        if (password.equalsIgnoreCase(agentId)) {
            throw Checks.invalid("new_password: the agent id itself (expected: something harder to guess)");
        }
        directory.setPassword(agentId, password);
        directory.unlock(agentId);
        audit.changed(editor, "admin.user.reset_password", target,
                user.locked() ? "locked after " + user.failedLogins() + " failed logins" : "not locked",
                "temporary password set, not locked");
    }

    static String describe(StoredUser u) {
        AgentProfile p = u.profile();
        return "name=" + p.name() + ", role=" + p.role() + ", team=" + p.team() + ", extension=" + p.extension()
                + ", skills=" + new java.util.TreeMap<>(p.skills()) + ", enabled=" + u.enabled() + ", locked=" + u.locked();
    }
}

package org.hotline.cti.admin;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.hotline.cti.agents.AgentDirectory;
import org.hotline.cti.agents.ReasonCode;
import org.hotline.cti.core.CallCenter;
import org.hotline.cti.storage.DirectoryAdmin;

import static java.util.Objects.requireNonNull;

/**
 * The reasons agents give for NotReady, as data. A change is stored and handed to the live
 * model at once, so the server accepts (or refuses) the code from the next state change; desks
 * show a new list from their next login or reconnect (the list travels in the login answer and
 * the desk snapshot).
 */
public final class ReasonCodeAdmin {
    private static final Pattern CODE = Pattern.compile("[a-z0-9_-]{1,64}");

    private final DirectoryAdmin directory;
    private final AgentDirectory agents;
    private final CallCenter center;
    private final AdminAudit audit;

    public ReasonCodeAdmin(DirectoryAdmin directory, AgentDirectory agents, CallCenter center, AdminAudit audit) {
        this.directory = requireNonNull(directory, "directory");
        this.agents = requireNonNull(agents, "agents");
        this.center = requireNonNull(center, "center");
        this.audit = requireNonNull(audit, "audit");
    }

    public List<ReasonCode> reasonCodes(Editor editor) {
        audit.requireReader(editor, "reason codes");
        return agents.reasonCodes();
    }

    /** Saves a code's label; whether it is a system code stays as stored (new codes are not). */
    public ReasonCode save(Editor editor, String code, String label, boolean create) {
        String action = create ? "admin.reason_code.create" : "admin.reason_code.update";
        String target = "reason_code:" + code;
        audit.requireAdmin(editor, action, target);
        if (code == null || !CODE.matcher(code).matches()) {
            throw Checks.invalid("code: '" + code + "' (expected: 1-64 lower-case letters, digits, '_' or '-')");
        }
        String l = Checks.name("label", label);
        Optional<ReasonCode> before = find(code);
        Checks.createOrUpdate("reason code", code, before.isPresent(), create);
        ReasonCode after = new ReasonCode(code, l, before.map(ReasonCode::system).orElse(false));
        directory.saveReasonCode(after);
        Live.await(center.defineReasonCode(after));
        audit.changed(editor, action, target, before.map(ReasonCodeAdmin::describe).orElse(AdminAudit.NONE), describe(after));
        return after;
    }

    public void delete(Editor editor, String code) {
        String target = "reason_code:" + code;
        audit.requireAdmin(editor, "admin.reason_code.delete", target);
        ReasonCode before = find(code).orElseThrow(() -> Checks.notFound("reason code '" + code + "' (no such code)"));
        if (before.system()) {
            throw Checks.inUse("reason code '" + code + "' is given by the server itself (expected: a code added by an"
                    + " administrator; a system code's label may be changed)");
        }
        directory.deleteReasonCode(code);
        Live.await(center.removeReasonCode(code));
        audit.changed(editor, "admin.reason_code.delete", target, describe(before), AdminAudit.NONE);
    }

    private Optional<ReasonCode> find(String code) {
        return agents.reasonCodes().stream().filter(r -> r.code().equals(code)).findFirst();
    }

    private static String describe(ReasonCode r) {
        return "label=" + r.label() + (r.system() ? ", system" : "");
    }
}

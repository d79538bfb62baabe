package org.hotline.supervisor.admin;

import java.util.regex.Pattern;

import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.hotline.agent.Messages;
import org.hotline.api.v1.ReasonCode;

/** A reason agents give for Not ready; the server's own codes (login, missed) keep their code and cannot be deleted. */
public final class ReasonCodeForm extends EntityForm<ReasonCode> {
    private static final Pattern CODE = Pattern.compile("[a-z0-9_-]{1,64}");
    private final StringProperty code = new SimpleStringProperty("");
    private final StringProperty label = new SimpleStringProperty("");
    private boolean system;

    public ReasonCodeForm(Messages texts) {
        super(texts);
        watch(code, label);
    }

    @Override
    public String key(ReasonCode r) {
        return r.getCode();
    }

    @Override
    public String title(ReasonCode r) {
        return r.getCode() + "  " + r.getLabel() + (r.getSystem() ? " " + texts.get("admin.reason.system_mark") : "");
    }

    @Override
    public String auditTarget(ReasonCode r) {
        return "reason_code:" + r.getCode();
    }

    @Override
    public boolean canDelete(ReasonCode r) {
        return !r.getSystem();
    }

    @Override
    protected void fill(ReasonCode r) {
        code.set(r == null ? "" : r.getCode());
        label.set(r == null ? "" : r.getLabel());
        system = r != null && r.getSystem();
    }

    @Override
    protected ReasonCode build() {
        return ReasonCode.newBuilder().setCode(text(code)).setLabel(text(label)).setSystem(system).build();
    }

    @Override
    protected void check(Problems p) {
        p.pattern("code", code.get(), CODE, "reason_code");
        p.required("label", label.get());
    }

    /** A code given by the server itself: its label may change, nothing else. */
    public boolean system() {
        return system;
    }

    public StringProperty codeProperty() {
        return code;
    }

    public StringProperty labelProperty() {
        return label;
    }
}

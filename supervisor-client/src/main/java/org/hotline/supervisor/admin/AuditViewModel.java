package org.hotline.supervisor.admin;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.hotline.agent.ErrorTexts;
import org.hotline.agent.Messages;
import org.hotline.api.v1.AuditEntry;
import org.hotline.api.v1.Role;

import static java.util.Objects.requireNonNull;

/**
 * Who changed what: the audit log's entries about one target ("user:2001", "queue:general" ...),
 * newest first, with the before and after of each change. Administrators only (the server's rule).
 */
public final class AuditViewModel {
    /** How many entries one look-up shows. */
    static final int LIMIT = 200;
    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /** One entry as shown. */
    public record Row(String at, String who, String action, String target, String outcome, String detail) {
    }

    private final AdminGateway gateway;
    private final Messages texts;
    private final ErrorTexts errors;
    private final ZoneId zone;
    private final boolean allowed;
    private final StringProperty target = new SimpleStringProperty("");
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final StringProperty status = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty();

    public AuditViewModel(AdminGateway gateway, Role role, Messages desk, Messages texts, ZoneId zone) {
        this.gateway = requireNonNull(gateway, "gateway");
        this.texts = requireNonNull(texts, "texts");
        this.errors = new ErrorTexts(desk);
        this.zone = requireNonNull(zone, "zone");
        this.allowed = role == Role.ROLE_ADMIN;
    }

    /** Looks up the entries about the target typed. */
    public void show() {
        if (!allowed) {
            return;
        }
        String t = target.get() == null ? "" : target.get().strip();
        if (t.isEmpty()) {
            error.set(texts.get("admin.audit.no_target"));
            return;
        }
        busy.set(true);
        error.set("");
        gateway.audit(t, LIMIT).whenComplete((entries, x) -> {
            busy.set(false);
            if (x != null) {
                error.set(texts.get("admin.load_failed", errors.of(x)));
                return;
            }
            rows.setAll(entries.stream().map(this::row).toList());
            status.set(entries.isEmpty() ? texts.get("admin.audit.none", t) : texts.get("admin.audit.count", entries.size(), t));
        });
    }

    /** Shows the entries about {@code t} (the History button of a form). */
    public void show(String t) {
        target.set(t);
        show();
    }

    private Row row(AuditEntry e) {
        String role = e.getActorRole().name().startsWith("ROLE_")
                ? texts.get("admin.role." + e.getActorRole().name().substring(5).toLowerCase(java.util.Locale.ROOT)) : "";
        return new Row(AT.format(Instant.ofEpochSecond(e.getAt().getSeconds(), e.getAt().getNanos()).atZone(zone)),
                e.getActorId() + " (" + role + ")", e.getAction(), e.getTarget(),
                texts.get(e.getAllowed() ? "admin.audit.allowed" : "admin.audit.denied"), e.getDetail());
    }

    /** The audit names of the kinds, for the look-up's hint. */
    public List<String> examples() {
        return List.of("user:", "skill:", "team:", "org_unit:", "queue:", "reason_code:", "work_order_type:", "sla_policy:",
                "calendar:", "blacklist:", "bulletin:", "role_permission:");
    }

    public boolean allowed() {
        return allowed;
    }

    /** Why this user sees no audit log, or "". */
    public String readOnlyReason() {
        return allowed ? "" : texts.get("admin.audit.admins_only");
    }

    public StringProperty targetProperty() {
        return target;
    }

    public ObservableList<Row> rows() {
        return rows;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }
}

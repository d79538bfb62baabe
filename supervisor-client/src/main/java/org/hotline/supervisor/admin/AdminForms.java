package org.hotline.supervisor.admin;

import java.util.Locale;

import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.hotline.agent.Messages;
import org.hotline.api.v1.BlacklistEntry;
import org.hotline.api.v1.Bulletin;
import org.hotline.api.v1.BusinessCalendar;
import org.hotline.api.v1.OrgUnit;
import org.hotline.api.v1.Queue;
import org.hotline.api.v1.ReasonCode;
import org.hotline.api.v1.RolePermission;
import org.hotline.api.v1.SlaPolicy;
import org.hotline.api.v1.User;
import org.hotline.api.v1.WorkOrderType;
import org.hotline.api.v1.BulletinAudience;
import org.hotline.api.v1.OrgUnitKind;
import org.hotline.api.v1.Role;
import org.hotline.api.v1.WorkOrderPriority;

/** The inputs of each kind's form, on a {@link FormGrid}; everything else of a section is {@link EntityView}'s. */
final class AdminForms {
    private final Messages texts;

    AdminForms(Messages texts) {
        this.texts = texts;
    }

    private String role(Role r) {
        return texts.get("admin.role." + r.name().substring("ROLE_".length()).toLowerCase(Locale.ROOT));
    }

    Node user(EntityEditor<User, UserForm> editor) {
        UserForm f = editor.form();
        FormGrid g = new FormGrid(editor, texts, "users");
        g.key("agent_id", f.agentIdProperty());
        g.text("name", f.nameProperty());
        g.choice("role", f.roleProperty(), UserForm.ROLES, this::role);
        g.pick("team", f.teamProperty(), f.teams(), texts.get("admin.none"));
        g.number("extension", f.extensionProperty());
        g.check("enabled", f.enabledProperty());
        g.check("locked", f.lockedProperty());
        g.node("skills", RowTables.skillLevels(f.skills(), texts, editor.editableProperty(), "users-skills"));
        return g.root();
    }

    /** The temporary password of the selected user: typed or generated, confirmed, then shown once. */
    Node passwordReset(PasswordReset reset) {
        Label title = new Label(texts.get("admin.password.title"));
        title.getStyleClass().add("admin-heading");
        TextField password = new TextField();
        password.setId("users-password");
        password.setPromptText(texts.get("admin.password.prompt"));
        password.textProperty().bindBidirectional(reset.passwordProperty());
        Button generate = new Button(texts.get("admin.password.generate"));
        generate.setId("users-password-generate");
        Button send = new Button(texts.get("admin.password.reset"));
        send.setId("users-password-reset");
        send.disableProperty().bind(reset.canResetProperty().not());
        generate.disableProperty().bind(send.disabledProperty().and(reset.passwordProperty().isNotEmpty()));
        generate.setOnAction(e -> reset.generate());
        send.setOnAction(e -> {
            if (EntityView.confirm(reset.confirmation())) {
                reset.reset();
            }
        });
        HBox.setHgrow(password, javafx.scene.layout.Priority.ALWAYS);
        HBox row = new HBox(6, password, generate, send);
        Label problem = new Label();
        problem.getStyleClass().add("admin-problems");
        problem.textProperty().bind(reset.problemProperty());
        Label error = new Label();
        error.getStyleClass().add("error");
        error.setWrapText(true);
        error.textProperty().bind(reset.errorProperty());
        // Selectable, so that it can be copied; shown until dismissed or another user is selected.
        TextField issued = new TextField();
        issued.setId("users-password-issued");
        issued.setEditable(false);
        issued.getStyleClass().add("admin-issued");
        issued.textProperty().bind(reset.issuedProperty());
        Button done = new Button(texts.get("admin.password.done"));
        done.setOnAction(e -> reset.dismiss());
        HBox issuedRow = new HBox(6, issued, done);
        HBox.setHgrow(issued, javafx.scene.layout.Priority.ALWAYS);
        issuedRow.managedProperty().bind(reset.issuedProperty().isNotEmpty());
        issuedRow.visibleProperty().bind(issuedRow.managedProperty());
        Label hint = new Label(texts.get("admin.password.hint"));
        hint.setWrapText(true);
        hint.getStyleClass().add("admin-note");
        VBox box = new VBox(6, title, hint, row, problem, error, issuedRow);
        box.setPadding(new Insets(12, 0, 0, 0));
        box.getStyleClass().add("admin-password");
        return box;
    }

    <T> Node named(EntityEditor<T, NamedForm<T>> editor, String section) {
        NamedForm<T> f = editor.form();
        FormGrid g = new FormGrid(editor, texts, section);
        g.key(f.idField(), f.idProperty());
        g.text("name", f.nameProperty());
        return g.root();
    }

    Node department(EntityEditor<OrgUnit, DepartmentForm> editor) {
        DepartmentForm f = editor.form();
        FormGrid g = new FormGrid(editor, texts, "departments");
        g.key("unit_id", f.unitIdProperty());
        g.text("name", f.nameProperty());
        g.choice("kind", f.kindProperty(), java.util.List.of(OrgUnitKind.ORG_UNIT_DEPARTMENT, OrgUnitKind.ORG_UNIT_TEAM),
                k -> texts.get(k == OrgUnitKind.ORG_UNIT_TEAM ? "admin.kind_unit.team" : "admin.kind_unit.department"));
        g.pick("parent", f.parentProperty(), f.parents(), texts.get("admin.top"));
        g.pick("lead", f.leadProperty(), f.users(), texts.get("admin.none"));
        return g.root();
    }

    Node queue(EntityEditor<Queue, QueueForm> editor) {
        QueueForm f = editor.form();
        FormGrid g = new FormGrid(editor, texts, "queues");
        g.key("queue_id", f.queueIdProperty());
        g.text("name", f.nameProperty());
        g.number("priority", f.priorityProperty());
        g.number("service_level", f.serviceLevelProperty());
        g.node("required_skills", RowTables.skillLevels(f.required(), texts, editor.editableProperty(), "queues-required"));
        g.node("overflow_skills", RowTables.skillLevels(f.overflow(), texts, editor.editableProperty(), "queues-overflow"));
        g.number("overflow_after", f.overflowAfterProperty());
        g.text("time_zone", f.timeZoneProperty());
        g.node("hours", RowTables.weekHours(f.hours(), texts, editor.editableProperty(), "queues-hours"));
        g.text("dialled_numbers", f.numbersProperty());
        return g.root();
    }

    Node reasonCode(EntityEditor<ReasonCode, ReasonCodeForm> editor) {
        ReasonCodeForm f = editor.form();
        FormGrid g = new FormGrid(editor, texts, "reasons");
        g.key("code", f.codeProperty());
        g.text("label", f.labelProperty());
        Label system = g.note(texts.get("admin.reason.system"));
        system.setVisible(false);
        system.setManaged(false);
        editor.selectedProperty().addListener((o, a, b) -> {
            system.setVisible(f.system());
            system.setManaged(f.system());
        });
        return g.root();
    }

    Node workOrderType(EntityEditor<WorkOrderType, WorkOrderTypeForm> editor) {
        WorkOrderTypeForm f = editor.form();
        FormGrid g = new FormGrid(editor, texts, "types");
        g.key("type_code", f.codeProperty());
        g.text("name", f.nameProperty());
        g.check("confidential", f.confidentialProperty());
        g.node("fields", RowTables.fields(f, texts, editor.editableProperty(), "types-fields"));
        return g.root();
    }

    Node slaPolicy(EntityEditor<SlaPolicy, SlaPolicyForm> editor) {
        SlaPolicyForm f = editor.form();
        FormGrid g = new FormGrid(editor, texts, "sla");
        g.pick("type_code", f.typeProperty(), f.types(), null).disableProperty()
                .bind(editor.editableProperty().and(f.creatingProperty()).not());
        g.choice("sla_priority", f.priorityProperty(), SlaPolicyForm.PRIORITIES,
                p -> texts.get(priorityKey(p)))
                .disableProperty().bind(editor.editableProperty().and(f.creatingProperty()).not());
        g.number("respond", f.respondProperty());
        g.number("resolve", f.resolveProperty());
        g.number("warning", f.warningProperty());
        g.number("escalate", f.escalateProperty());
        g.pick("calendar", f.calendarProperty(), f.calendars(), texts.get("admin.around_the_clock"));
        return g.root();
    }

    Node calendar(EntityEditor<BusinessCalendar, CalendarForm> editor) {
        CalendarForm f = editor.form();
        FormGrid g = new FormGrid(editor, texts, "calendars");
        g.key("calendar_id", f.idProperty());
        g.text("time_zone", f.timeZoneProperty());
        g.node("working_hours", RowTables.weekHours(f.hours(), texts, editor.editableProperty(), "calendars-hours"));
        g.area("holidays", f.holidaysProperty(), 5).setPromptText(texts.get("admin.holidays.prompt"));
        return g.root();
    }

    Node blacklist(EntityEditor<BlacklistEntry, BlacklistForm> editor) {
        BlacklistForm f = editor.form();
        FormGrid g = new FormGrid(editor, texts, "blacklist");
        g.key("phone", f.phoneProperty());
        g.text("reason", f.reasonProperty());
        g.number("days", f.daysProperty());
        g.note(texts.get("admin.blacklist.days_hint"));
        return g.root();
    }

    Node bulletin(EntityEditor<Bulletin, BulletinForm> editor) {
        BulletinForm f = editor.form();
        FormGrid g = new FormGrid(editor, texts, "bulletins");
        g.text("title", f.titleProperty());
        g.area("body", f.bodyProperty(), 4);
        g.choice("audience", f.audienceProperty(), BulletinForm.AUDIENCES, a -> texts.get("admin.audience."
                + a.name().substring("BULLETIN_AUDIENCE_".length()).toLowerCase(Locale.ROOT)));
        g.pick("team", f.teamProperty(), f.teams(), null).disableProperty()
                .bind(editor.editableProperty().not().or(f.audienceProperty().isNotEqualTo(BulletinAudience.BULLETIN_AUDIENCE_TEAM)));
        g.text("valid_from", f.fromProperty()).setPromptText(texts.get("admin.when.now"));
        g.text("valid_until", f.untilProperty()).setPromptText(texts.get("admin.when.prompt"));
        return g.root();
    }

    Node permission(EntityEditor<RolePermission, RolePermissionForm> editor) {
        RolePermissionForm f = editor.form();
        FormGrid g = new FormGrid(editor, texts, "permissions");
        Label which = new Label();
        editor.selectedProperty().addListener((o, a, b) -> which.setText(f.describe()));
        g.node("permission", which);
        g.check("granted", f.grantedProperty());
        g.note(texts.get("admin.permission.hint"));
        return g.root();
    }

    static String priorityKey(WorkOrderPriority p) {
        return "admin.priority." + p.name().substring("WORK_ORDER_".length()).toLowerCase(Locale.ROOT);
    }
}

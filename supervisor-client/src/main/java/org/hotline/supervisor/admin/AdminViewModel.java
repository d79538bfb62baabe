package org.hotline.supervisor.admin;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.hotline.agent.Messages;
import org.hotline.api.v1.BlacklistEntry;
import org.hotline.api.v1.Bulletin;
import org.hotline.api.v1.BusinessCalendar;
import org.hotline.api.v1.OrgUnit;
import org.hotline.api.v1.Queue;
import org.hotline.api.v1.ReasonCode;
import org.hotline.api.v1.Role;
import org.hotline.api.v1.RolePermission;
import org.hotline.api.v1.Skill;
import org.hotline.api.v1.SlaPolicy;
import org.hotline.api.v1.Team;
import org.hotline.api.v1.User;
import org.hotline.api.v1.WorkOrderType;

import static java.util.Objects.requireNonNull;

/**
 * The Administration tab: one {@link EntityEditor} per kind of configuration, the password reset,
 * the audit log, and which section is shown. Forms that name other kinds (a user's team and
 * skills, a policy's calendar) offer and check against those editors' lists.
 */
public final class AdminViewModel {
    /** The sections of the tab, in the order they are listed. */
    public enum Section {
        USERS, SKILLS, TEAMS, DEPARTMENTS, QUEUES, REASON_CODES, WORK_ORDER_TYPES, SLA_POLICIES, CALENDARS, BLACKLIST,
        BULLETINS, PERMISSIONS, AUDIT;

        /** The key of the section's title. */
        public String titleKey() {
            return "admin.section." + name().toLowerCase(Locale.ROOT);
        }
    }

    private final Role role;
    private final Messages texts;
    private final EntityEditor<User, UserForm> users;
    private final EntityEditor<Skill, NamedForm<Skill>> skills;
    private final EntityEditor<Team, NamedForm<Team>> teams;
    private final EntityEditor<OrgUnit, DepartmentForm> departments;
    private final EntityEditor<Queue, QueueForm> queues;
    private final EntityEditor<ReasonCode, ReasonCodeForm> reasonCodes;
    private final EntityEditor<WorkOrderType, WorkOrderTypeForm> workOrderTypes;
    private final EntityEditor<SlaPolicy, SlaPolicyForm> slaPolicies;
    private final EntityEditor<BusinessCalendar, CalendarForm> calendars;
    private final EntityEditor<BlacklistEntry, BlacklistForm> blacklist;
    private final EntityEditor<Bulletin, BulletinForm> bulletins;
    private final EntityEditor<RolePermission, RolePermissionForm> permissions;
    private final PasswordReset passwordReset;
    private final AuditViewModel audit;
    private final ObjectProperty<Section> section = new SimpleObjectProperty<>(Section.USERS);
    private boolean opened;

    /**
     * @param desk the desk's texts (for the server's errors)
     * @param passwords generates temporary passwords ({@link PasswordReset#randomPassword()})
     */
    public AdminViewModel(AdminGateway gateway, Role role, Messages desk, Messages texts, Clock clock, Supplier<String> passwords) {
        requireNonNull(gateway, "gateway");
        this.role = requireNonNull(role, "role");
        this.texts = requireNonNull(texts, "texts");
        String zone = clock.getZone().getId();
        skills = new EntityEditor<>(gateway.skills(), NamedForm.skills(texts), role, desk, texts);
        teams = new EntityEditor<>(gateway.teams(), NamedForm.teams(texts), role, desk, texts);
        calendars = new EntityEditor<>(gateway.calendars(), new CalendarForm(texts, zone), role, desk, texts);
        WorkOrderTypeForm typeForm = new WorkOrderTypeForm(texts);
        workOrderTypes = new EntityEditor<>(gateway.workOrderTypes(), typeForm, role, desk, texts);
        typeForm.stored(workOrderTypes.keys());
        users = new EntityEditor<>(gateway.users(), new UserForm(texts, skills.keys(), teams.keys()), role, desk, texts);
        DepartmentForm unitForm = new DepartmentForm(texts, users.keys());
        departments = new EntityEditor<>(gateway.departments(), unitForm, role, desk, texts);
        unitForm.units(departments.items());
        queues = new EntityEditor<>(gateway.queues(), new QueueForm(texts, skills.keys(), zone), role, desk, texts);
        reasonCodes = new EntityEditor<>(gateway.reasonCodes(), new ReasonCodeForm(texts), role, desk, texts);
        slaPolicies = new EntityEditor<>(gateway.slaPolicies(),
                new SlaPolicyForm(texts, workOrderTypes.keys(), calendars.keys()), role, desk, texts);
        blacklist = new EntityEditor<>(gateway.blacklist(), new BlacklistForm(texts, clock), role, desk, texts);
        bulletins = new EntityEditor<>(gateway.bulletins(), new BulletinForm(texts, teams.keys(), clock), role, desk, texts);
        permissions = new EntityEditor<>(gateway.permissions(), new RolePermissionForm(texts), role, desk, texts);
        passwordReset = new PasswordReset(gateway, users, desk, texts, passwords);
        audit = new AuditViewModel(gateway, role, desk, texts, clock.getZone());
    }

    /** Loads every list, the first time the tab is shown. */
    public void open() {
        if (opened) {
            return;
        }
        opened = true;
        editors().forEach(EntityEditor::refresh);
    }

    /** Loads every list again. */
    public void reload() {
        opened = true;
        editors().forEach(EntityEditor::refresh);
    }

    public List<EntityEditor<?, ?>> editors() {
        return List.of(users, skills, teams, departments, queues, reasonCodes, workOrderTypes, slaPolicies, calendars, blacklist,
                bulletins, permissions);
    }

    /** The audit entries of the item selected in {@code editor}, in the audit section. */
    public void history(EntityEditor<?, ?> editor) {
        String target = editor.auditTarget();
        if (target.isEmpty() || !audit.allowed()) {
            return;
        }
        section.set(Section.AUDIT);
        audit.show(target);
    }

    /** A line for the whole tab when this user may look but not change (a team lead), or "". */
    public String readOnlyReason() {
        return role == Role.ROLE_ADMIN ? "" : texts.get("admin.read_only.banner");
    }

    public Role role() {
        return role;
    }

    public ObjectProperty<Section> sectionProperty() {
        return section;
    }

    public EntityEditor<User, UserForm> users() {
        return users;
    }

    public EntityEditor<Skill, NamedForm<Skill>> skills() {
        return skills;
    }

    public EntityEditor<Team, NamedForm<Team>> teams() {
        return teams;
    }

    public EntityEditor<OrgUnit, DepartmentForm> departments() {
        return departments;
    }

    public EntityEditor<Queue, QueueForm> queues() {
        return queues;
    }

    public EntityEditor<ReasonCode, ReasonCodeForm> reasonCodes() {
        return reasonCodes;
    }

    public EntityEditor<WorkOrderType, WorkOrderTypeForm> workOrderTypes() {
        return workOrderTypes;
    }

    public EntityEditor<SlaPolicy, SlaPolicyForm> slaPolicies() {
        return slaPolicies;
    }

    public EntityEditor<BusinessCalendar, CalendarForm> calendars() {
        return calendars;
    }

    public EntityEditor<BlacklistEntry, BlacklistForm> blacklist() {
        return blacklist;
    }

    public EntityEditor<Bulletin, BulletinForm> bulletins() {
        return bulletins;
    }

    public EntityEditor<RolePermission, RolePermissionForm> permissions() {
        return permissions;
    }

    public PasswordReset passwordReset() {
        return passwordReset;
    }

    public AuditViewModel audit() {
        return audit;
    }
}

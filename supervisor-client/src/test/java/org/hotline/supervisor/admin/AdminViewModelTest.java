package org.hotline.supervisor.admin;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

import com.google.protobuf.Timestamp;
import io.grpc.Status;
import org.hotline.agent.Messages;
import org.hotline.agent.TestClock;
import org.hotline.api.v1.AuditEntry;
import org.hotline.api.v1.BlacklistEntry;
import org.hotline.api.v1.Bulletin;
import org.hotline.api.v1.BulletinAudience;
import org.hotline.api.v1.BusinessCalendar;
import org.hotline.api.v1.OpeningHours;
import org.hotline.api.v1.OrgUnit;
import org.hotline.api.v1.OrgUnitKind;
import org.hotline.api.v1.Permission;
import org.hotline.api.v1.Queue;
import org.hotline.api.v1.ReasonCode;
import org.hotline.api.v1.Role;
import org.hotline.api.v1.RolePermission;
import org.hotline.api.v1.Skill;
import org.hotline.api.v1.SkillLevel;
import org.hotline.api.v1.SlaPolicy;
import org.hotline.api.v1.Team;
import org.hotline.api.v1.User;
import org.hotline.api.v1.WorkOrderFieldKind;
import org.hotline.api.v1.WorkOrderPriority;
import org.hotline.api.v1.WorkOrderType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The administration screens' view models without a screen, against {@link FakeAdmin}. */
class AdminViewModelTest {
    static final Instant T0 = Instant.parse("2026-12-02T02:00:00Z");
    final TestClock clock = new TestClock(T0, ZoneId.of("Asia/Shanghai"));
    final Messages desk = Messages.forLocale(Locale.ENGLISH);
    final Messages texts = Messages.of("org.hotline.supervisor.messages", Locale.ENGLISH);
    final FakeAdmin server = new FakeAdmin();

    FakeAdmin seeded() {
        server.skills.with(Skill.newBuilder().setSkillId("general").setName("General").build(),
                Skill.newBuilder().setSkillId("repair").setName("Repair").build());
        server.teams.with(Team.newBuilder().setTeamId("t1").setName("Team 1").build());
        server.users.with(User.newBuilder().setAgentId("2001").setName("Anna").setRole(Role.ROLE_AGENT).setTeamId("t1")
                .setExtension("2001").setEnabled(true).addSkills(level("general", 5)).build());
        server.queues.with(Queue.newBuilder().setQueueId("general").setName("General").setPriority(5)
                .addRequiredSkills(level("general", 1)).setServiceLevelSeconds(20).setTimeZone("Asia/Shanghai")
                .addAllHours(IntStream.rangeClosed(1, 7).mapToObj(d -> OpeningHours.newBuilder().setDayOfWeek(d)
                        .setOpensAt("00:00").setClosesAt("00:00").build()).toList())
                .addDialledNumbers("95001").build());
        server.reasonCodes.with(ReasonCode.newBuilder().setCode("break").setLabel("Break").build(),
                ReasonCode.newBuilder().setCode("login").setLabel("Login").setSystem(true).build());
        return server;
    }

    AdminViewModel open(Role role) {
        AdminViewModel vm = new AdminViewModel(server, role, desk, texts, clock, () -> "Generated-pw-1");
        vm.open();
        return vm;
    }

    static SkillLevel level(String skill, int level) {
        return SkillLevel.newBuilder().setSkillId(skill).setLevel(level).build();
    }

    // ---- create and update

    @Test
    void anEditedQueueIsSentAsAnUpdateAndTheListShowsWhatWasStored() {
        seeded();
        AdminViewModel vm = open(Role.ROLE_ADMIN);
        var queues = vm.queues();
        queues.select(queues.find("general"));

        queues.form().serviceLevelProperty().set("30");
        queues.save();

        assertThat(server.queues.sent).containsExactly("list", "update general");
        assertThat(server.queues.stored.get("general").getServiceLevelSeconds()).isEqualTo(30);
        assertThat(server.queues.stored.get("general").getHoursCount()).as("hours kept").isEqualTo(7);
        assertThat(queues.find("general").getServiceLevelSeconds()).isEqualTo(30);
        assertThat(queues.noticeProperty().get()).isEqualTo("Saved general  General.");
        assertThat(queues.errorProperty().get()).isEmpty();
    }

    @Test
    void aNewSkillIsSentAsACreateAndJoinsTheChoicesOfTheOtherForms() {
        seeded();
        AdminViewModel vm = open(Role.ROLE_ADMIN);
        var skills = vm.skills();
        skills.startNew();
        skills.form().idProperty().set("billing");
        skills.form().nameProperty().set("Billing");

        skills.save();

        assertThat(server.skills.sent).containsExactly("list", "create billing");
        assertThat(skills.items()).extracting(Skill::getSkillId).containsExactly("billing", "general", "repair");
        assertThat(skills.form().creating()).as("the saved skill is now the selected one").isFalse();
        assertThat(vm.users().form().skills().known()).contains("billing");
        assertThat(vm.queues().form().required().known()).contains("billing");
    }

    @Test
    void anAgentGetsASkillAtALevel() {
        seeded();
        AdminViewModel vm = open(Role.ROLE_ADMIN);
        var users = vm.users();
        users.select(users.find("2001"));
        SkillLevels.Row row = users.form().skills().add();

        assertThat(row.skillProperty().get()).as("the first skill not yet held").isEqualTo("repair");
        row.levelProperty().set("7");
        users.save();

        assertThat(server.users.stored.get("2001").getSkillsList()).containsExactly(level("general", 5), level("repair", 7));
        assertThat(server.users.sent).containsExactly("list", "update 2001");
    }

    // ---- checks as typed

    @Test
    void aLevelOutsideOneToTenIsShownAtOnceAndNothingIsSent() {
        seeded();
        AdminViewModel vm = open(Role.ROLE_ADMIN);
        var users = vm.users();
        users.select(users.find("2001"));

        users.form().skills().rows().get(0).levelProperty().set("11");

        assertThat(users.form().problems()).containsKey("skills");
        assertThat(users.form().problemTextProperty().get()).isEqualTo("Skills: level of general is \"11\" (expected: 1-10).");
        assertThat(users.canSaveProperty().get()).isFalse();
        users.save();
        assertThat(server.users.sent).containsExactly("list");

        users.form().skills().rows().get(0).levelProperty().set("10");
        assertThat(users.form().problems()).isEmpty();
        assertThat(users.canSaveProperty().get()).isTrue();
    }

    @Test
    void aNewQueueSaysWhatIsMissingAndChecksTimesAndZones() {
        seeded();
        AdminViewModel vm = open(Role.ROLE_ADMIN);
        var queues = vm.queues();
        queues.startNew();
        QueueForm f = queues.form();

        assertThat(f.problems()).as("nothing typed yet").isEmpty();
        assertThat(queues.canSaveProperty().get()).isFalse();
        f.queueIdProperty().set("billing queue");
        assertThat(f.problems()).containsOnlyKeys("queue_id", "name");
        f.nameProperty().set("Billing");
        f.serviceLevelProperty().set("0");
        f.timeZoneProperty().set("Mars/Olympus");
        f.hours().days().get(0).opensProperty().set("8:00");
        f.hours().days().get(1).closesProperty().set("07:00");

        assertThat(f.problems()).containsOnlyKeys("queue_id", "service_level", "time_zone", "hours");
        assertThat(f.problems().get("queue_id")).contains("\"billing queue\"").contains("letters, digits");
        assertThat(f.problems().get("service_level")).isEqualTo("Service level within (s): \"0\" (expected: a whole number from 1 to 3600).");
        assertThat(f.problems().get("hours")).isEqualTo("Opening hours: Monday \"8:00\" (expected: a time HH:MM).");
        f.hours().days().get(0).opensProperty().set("08:00");
        assertThat(f.problems().get("hours")).startsWith("Opening hours: Tuesday closes at 07:00, before it opens at 08:00");
        f.hours().days().get(1).openProperty().set(false);
        f.queueIdProperty().set("billing");
        f.serviceLevelProperty().set("20");
        f.timeZoneProperty().set("Asia/Shanghai");
        f.overflow().add();
        assertThat(f.problems()).containsOnlyKeys("overflow_after");

        f.overflowAfterProperty().set("45");
        queues.save();

        Queue sent = server.queues.stored.get("billing");
        assertThat(sent.getHoursList()).extracting(OpeningHours::getDayOfWeek).containsExactly(1, 3, 4, 5, 6, 7);
        assertThat(sent.getOverflowAfterSeconds()).isEqualTo(45);
        assertThat(server.queues.sent).containsExactly("list", "create billing");
    }

    @Test
    void theIdOfAStoredItemCannotBeChanged() {
        seeded();
        AdminViewModel vm = open(Role.ROLE_ADMIN);
        var skills = vm.skills();

        assertThat(skills.form().creating()).isTrue();
        skills.select(skills.find("general"));

        assertThat(skills.form().creating()).isFalse();
        assertThat(skills.editableProperty().get()).isTrue();
    }

    // ---- the server's refusals

    @Test
    void theServersRefusalIsShownInTheFormWhichKeepsWhatWasTyped() {
        seeded();
        AdminViewModel vm = open(Role.ROLE_ADMIN);
        var users = vm.users();
        users.select(users.find("2001"));
        users.form().extensionProperty().set("2002");
        server.users.failNext(Status.ALREADY_EXISTS.withDescription("extension: 2002 is already the extension of user 2002"));

        users.save();

        assertThat(users.errorProperty().get()).startsWith("Not saved: ").contains("extension: 2002 is already the extension of user 2002");
        assertThat(users.form().extensionProperty().get()).isEqualTo("2002");
        assertThat(users.noticeProperty().get()).isEmpty();
        assertThat(users.canSaveProperty().get()).as("can be corrected and sent again").isTrue();
    }

    @Test
    void creatingWhatExistsIsRefusedByTheServerAndSaidSo() {
        seeded();
        AdminViewModel vm = open(Role.ROLE_ADMIN);
        var teams = vm.teams();
        teams.startNew();
        teams.form().idProperty().set("t1");
        teams.form().nameProperty().set("Again");

        teams.save();

        assertThat(teams.errorProperty().get()).isEqualTo("Not saved: " + desk.get("error.exists") + " ('t1' already exists)");
        assertThat(teams.items()).extracting(Team::getName).containsExactly("Team 1");
    }

    @Test
    void aListThatCannotBeLoadedSaysWhy() {
        server.calendars.failNext(Status.UNAVAILABLE.withDescription("connection refused"));

        AdminViewModel vm = open(Role.ROLE_ADMIN);

        assertThat(vm.calendars().errorProperty().get()).startsWith("Could not load the list: ");
        assertThat(vm.calendars().loadedProperty().get()).isFalse();
        assertThat(vm.skills().loadedProperty().get()).isTrue();
    }

    // ---- delete

    @Test
    void aReasonCodeIsDeletedButTheServersOwnCodesAreNot() {
        seeded();
        AdminViewModel vm = open(Role.ROLE_ADMIN);
        var reasons = vm.reasonCodes();
        reasons.select(reasons.find("login"));
        assertThat(reasons.canDeleteProperty().get()).isFalse();
        assertThat(reasons.editableProperty().get()).as("its label may change").isTrue();

        reasons.select(reasons.find("break"));
        assertThat(reasons.canDeleteProperty().get()).isTrue();
        reasons.delete();

        assertThat(server.reasonCodes.sent).containsExactly("list", "delete break");
        assertThat(reasons.items()).extracting(ReasonCode::getCode).containsExactly("login");
        assertThat(reasons.form().creating()).isTrue();
        assertThat(reasons.noticeProperty().get()).isEqualTo("Deleted break  Break.");
    }

    @Test
    void aSystemReasonCodeKeepsItsSystemFlagWhenItsLabelChanges() {
        seeded();
        AdminViewModel vm = open(Role.ROLE_ADMIN);
        var reasons = vm.reasonCodes();
        reasons.select(reasons.find("login"));

        reasons.form().labelProperty().set("Logged in");
        reasons.save();

        assertThat(server.reasonCodes.stored.get("login").getSystem()).isTrue();
        assertThat(server.reasonCodes.stored.get("login").getLabel()).isEqualTo("Logged in");
    }

    // ---- who may change

    @Test
    void aTeamLeadSeesTheConfigurationReadOnlyAndIsToldWhy() {
        seeded();
        AdminViewModel vm = open(Role.ROLE_TEAM_LEAD);
        var queues = vm.queues();
        queues.select(queues.find("general"));

        assertThat(vm.readOnlyReason()).contains("only an administrator can change it");
        assertThat(queues.readOnlyReason()).isEqualTo("Read only: only an administrator can change this.");
        assertThat(queues.editableProperty().get()).isFalse();
        assertThat(queues.canCreate()).isFalse();
        queues.form().serviceLevelProperty().set("30");
        assertThat(queues.canSaveProperty().get()).isFalse();
        queues.save();
        assertThat(server.queues.sent).containsExactly("list");
        vm.users().select(vm.users().find("2001"));
        vm.passwordReset().generate();
        assertThat(vm.passwordReset().canResetProperty().get()).isFalse();
        assertThat(vm.audit().allowed()).isFalse();
        assertThat(vm.audit().readOnlyReason()).isEqualTo("Only administrators can read the audit log.");
    }

    @Test
    void aTeamLeadMayBlockANumberAndPublishABulletinAsTheServerAllows() {
        AdminViewModel vm = open(Role.ROLE_TEAM_LEAD);
        var blacklist = vm.blacklist();
        assertThat(blacklist.readOnlyReason()).isEmpty();
        blacklist.startNew();
        blacklist.form().phoneProperty().set("13100000099");
        blacklist.form().reasonProperty().set("abusive caller");
        blacklist.form().daysProperty().set("7");

        blacklist.save();

        BlacklistEntry sent = server.blacklist.stored.get("13100000099");
        assertThat(BlacklistForm.days(sent)).isEqualTo(7);
        assertThat(sent.getReason()).isEqualTo("abusive caller");
        assertThat(vm.bulletins().canCreate()).isTrue();
    }

    // ---- password reset

    @Test
    void aTemporaryPasswordIsCheckedSentAndShownOnceThenForgotten() {
        seeded();
        AdminViewModel vm = open(Role.ROLE_ADMIN);
        PasswordReset reset = vm.passwordReset();
        vm.users().select(vm.users().find("2001"));

        reset.passwordProperty().set("short");
        assertThat(reset.problemProperty().get()).isEqualTo("The password has 5 bytes (expected: 8 to 72).");
        assertThat(reset.canResetProperty().get()).isFalse();
        reset.passwordProperty().set("2001");
        assertThat(reset.canResetProperty().get()).isFalse();
        reset.generate();
        assertThat(reset.passwordProperty().get()).isEqualTo("Generated-pw-1");
        assertThat(reset.confirmation()).isEqualTo("Set a new temporary password for Anna (2001)? The current password stops working at once.");

        reset.reset();

        assertThat(server.passwords).containsExactly("2001=Generated-pw-1");
        assertThat(reset.issuedProperty().get()).contains("Anna (2001): Generated-pw-1");
        assertThat(reset.passwordProperty().get()).isEmpty();
        vm.users().startNew();
        assertThat(reset.issuedProperty().get()).as("shown once").isEmpty();
    }

    @Test
    void aRefusedPasswordResetSaysWhy() {
        seeded();
        AdminViewModel vm = open(Role.ROLE_ADMIN);
        vm.users().select(vm.users().find("2001"));
        server.failPassword = Status.INVALID_ARGUMENT.withDescription("new_password: the agent id");
        vm.passwordReset().passwordProperty().set("long-enough-1");

        vm.passwordReset().reset();

        assertThat(vm.passwordReset().errorProperty().get()).startsWith("Password not set: ").contains("new_password: the agent id");
        assertThat(vm.passwordReset().issuedProperty().get()).isEmpty();
    }

    @Test
    void generatedPasswordsAreLongEnoughAndDiffer() {
        String a = PasswordReset.randomPassword();
        assertThat(a).hasSize(12).matches("[A-Za-z2-9]+").doesNotContain("0", "O", "1", "l", "I");
        assertThat(PasswordReset.randomPassword()).isNotEqualTo(a);
    }

    // ---- audit

    @Test
    void theHistoryOfTheSelectedItemShowsWhoChangedWhat() {
        seeded();
        server.audit.add(AuditEntry.newBuilder().setAt(Timestamp.newBuilder().setSeconds(T0.getEpochSecond()))
                .setActorId("admin").setActorRole(Role.ROLE_ADMIN).setAction("admin.queue.update").setTarget("queue:general")
                .setAllowed(true).setDetail("before: sl=20; after: sl=30").build());
        AdminViewModel vm = open(Role.ROLE_ADMIN);
        vm.queues().select(vm.queues().find("general"));

        vm.history(vm.queues());

        assertThat(vm.sectionProperty().get()).isEqualTo(AdminViewModel.Section.AUDIT);
        assertThat(vm.audit().targetProperty().get()).isEqualTo("queue:general");
        assertThat(vm.audit().rows()).containsExactly(new AuditViewModel.Row("2026-12-02 10:00:00", "admin (Administrator)",
                "admin.queue.update", "queue:general", "done", "before: sl=20; after: sl=30"));
        assertThat(vm.audit().statusProperty().get()).isEqualTo("1 entries about queue:general, newest first.");
        vm.audit().show("user:nobody");
        assertThat(vm.audit().rows()).isEmpty();
        assertThat(vm.audit().statusProperty().get()).isEqualTo("No audit entry about user:nobody.");
    }

    // ---- the kinds with their own rules

    @Test
    void aWorkOrderTypesFormIsBuiltFieldByField() {
        server.types.with(WorkOrderType.newBuilder().setCode("leak").setName("Gas leak").build());
        AdminViewModel vm = open(Role.ROLE_ADMIN);
        var types = vm.workOrderTypes();
        types.startNew();
        WorkOrderTypeForm f = types.form();
        f.codeProperty().set("leak");
        f.nameProperty().set("Water leak");
        assertThat(f.problems().get("type_code")).contains("exists already");
        f.codeProperty().set("water_leak");
        WorkOrderTypeForm.Field meter = f.addField();
        meter.keyProperty().set("meter_no");
        meter.labelProperty().set("Meter number");
        WorkOrderTypeForm.Field cause = f.addField();
        cause.keyProperty().set("cause");
        cause.labelProperty().set("Cause");
        cause.kindProperty().set(WorkOrderFieldKind.WORK_ORDER_FIELD_CHOICE);
        assertThat(f.problems().get("fields")).isEqualTo("Form fields: choice field \"cause\" has no choices.");
        cause.choicesProperty().set("pipe, valve , meter");
        cause.requiredProperty().set(true);
        f.moveField(cause, -1);

        types.save();

        WorkOrderType sent = server.types.stored.get("water_leak");
        assertThat(sent.getFieldsList()).extracting(x -> x.getKey() + ":" + x.getKind() + ":" + x.getRequired() + ":" + x.getChoicesList())
                .containsExactly("cause:WORK_ORDER_FIELD_CHOICE:true:[pipe, valve, meter]",
                        "meter_no:WORK_ORDER_FIELD_TEXT:false:[]");
    }

    @Test
    void departmentsAreATreeThatMayNotLoop() {
        server.departments.with(unit("water", "", OrgUnitKind.ORG_UNIT_DEPARTMENT), unit("north", "water", OrgUnitKind.ORG_UNIT_DEPARTMENT),
                unit("north-1", "north", OrgUnitKind.ORG_UNIT_TEAM), unit("gas", "", OrgUnitKind.ORG_UNIT_DEPARTMENT));
        AdminViewModel vm = open(Role.ROLE_ADMIN);
        var units = vm.departments();

        List<DepartmentForm.Node> tree = DepartmentForm.tree(units.items());
        assertThat(tree).extracting(n -> n.unit().getUnitId()).containsExactly("gas", "water");
        assertThat(tree.get(1).children().get(0).children()).extracting(n -> n.unit().getUnitId()).containsExactly("north-1");

        units.select(units.find("water"));
        assertThat(units.form().parents()).containsExactly("", "gas");
        units.form().parentProperty().set("north");
        assertThat(units.form().problems().get("parent")).isEqualTo("Part of: \"north\" is under this unit; the tree may not loop.");
        units.startNew();
        units.form().kindProperty().set(OrgUnitKind.ORG_UNIT_TEAM);
        assertThat(units.form().problems().get("parent")).isEqualTo("Part of: a team must be part of a department.");
        units.form().parentProperty().set("north-1");
        assertThat(units.form().problems().get("parent")).isEqualTo("Part of: \"north-1\" is not a department.");
    }

    static OrgUnit unit(String id, String parent, OrgUnitKind kind) {
        return OrgUnit.newBuilder().setUnitId(id).setParentUnitId(parent).setKind(kind).setName("Unit " + id).build();
    }

    @Test
    void anSlaPolicyResolvesNoSoonerThanItResponds() {
        server.types.with(WorkOrderType.newBuilder().setCode("leak").setName("Gas leak").build());
        AdminViewModel vm = open(Role.ROLE_ADMIN);
        var policies = vm.slaPolicies();
        SlaPolicyForm f = policies.form();
        f.typeProperty().set("leak");
        f.respondProperty().set("120");
        f.resolveProperty().set("60");
        assertThat(f.problems().get("resolve")).isEqualTo("Resolve within (min): \"60\" (expected: a whole number from 120 to 525600).");
        f.resolveProperty().set("240");
        f.calendarProperty().set("office");
        assertThat(f.problems()).as("no calendar listed yet: the server checks it").isEmpty();

        f.calendarProperty().set("");
        policies.save();

        SlaPolicy sent = server.policies.stored.get("leak/WORK_ORDER_NORMAL");
        assertThat(sent.getResolveMinutes()).isEqualTo(240);
        assertThat(policies.form().auditTarget(sent)).isEqualTo("sla_policy:leak/NORMAL");
    }

    @Test
    void aCalendarNeedsAWorkingDayAndRealHolidays() {
        AdminViewModel vm = open(Role.ROLE_ADMIN);
        var calendars = vm.calendars();
        CalendarForm f = calendars.form();
        f.idProperty().set("office");
        assertThat(f.hours().days()).extracting(d -> d.openProperty().get()).containsExactly(true, true, true, true, true, false, false);
        f.holidaysProperty().set("2026-10-01\n2026-02-30");
        assertThat(f.problems().get("holidays")).isEqualTo("Holidays: \"2026-02-30\" (expected: a date YYYY-MM-DD).");
        f.hours().days().forEach(d -> d.openProperty().set(false));
        assertThat(f.problems().get("working_hours")).isEqualTo("Working hours: at least one day must be open.");
        f.hours().days().get(0).openProperty().set(true);
        f.holidaysProperty().set("2026-10-01, 2026-02-17");

        calendars.save();

        BusinessCalendar sent = server.calendars.stored.get("office");
        assertThat(sent.getHolidaysList()).containsExactly("2026-02-17", "2026-10-01");
        assertThat(sent.getHoursList()).extracting(h -> h.getDayOfWeek() + " " + h.getOpensAt() + "-" + h.getClosesAt())
                .containsExactly("1 09:00-17:00");
    }

    @Test
    void aPublishedBulletinIsNotChangedButANewOneIsPublished() {
        Bulletin old = Bulletin.newBuilder().setId(4).setTitle("Outage").setBody("North district")
                .setAudience(BulletinAudience.BULLETIN_AUDIENCE_ALL)
                .setValidFrom(Timestamp.newBuilder().setSeconds(T0.getEpochSecond()))
                .setValidUntil(Timestamp.newBuilder().setSeconds(T0.getEpochSecond() + 3600)).build();
        server.bulletins.with(old);
        server.teams.with(Team.newBuilder().setTeamId("t1").setName("Team 1").build());
        AdminViewModel vm = open(Role.ROLE_ADMIN);
        var bulletins = vm.bulletins();
        bulletins.select(bulletins.items().get(0));
        assertThat(bulletins.lockedProperty().get()).startsWith("Published bulletins are not changed");
        assertThat(bulletins.editableProperty().get()).isFalse();
        assertThat(bulletins.form().fromProperty().get()).isEqualTo("2026-12-02 10:00");

        bulletins.startNew();
        BulletinForm f = bulletins.form();
        f.titleProperty().set("Water cut");
        f.bodyProperty().set("Tomorrow 9-12 in the east");
        f.audienceProperty().set(BulletinAudience.BULLETIN_AUDIENCE_TEAM);
        assertThat(f.problems()).containsOnlyKeys("team");
        f.teamProperty().set("t1");
        f.untilProperty().set("2026-12-02 09:00");
        assertThat(f.problems().get("valid_until")).contains("expected: after now");
        f.untilProperty().set("2026-12-03 18:00");

        bulletins.save();

        assertThat(server.bulletins.sent).containsExactly("list", "create 0");
        Bulletin sent = server.bulletins.stored.get("0");
        assertThat(sent.getTeamId()).isEqualTo("t1");
        assertThat(sent.hasValidFrom()).as("from now").isFalse();
        assertThat(Instant.ofEpochSecond(sent.getValidUntil().getSeconds())).isEqualTo(Instant.parse("2026-12-03T10:00:00Z"));
    }

    @Test
    void aRolePermissionIsGrantedButNotCreated() {
        server.permissions.with(RolePermission.newBuilder().setRole(Role.ROLE_TEAM_LEAD)
                .setPermission(Permission.PERMISSION_COMPLAINT_ACCESS).build());
        AdminViewModel vm = open(Role.ROLE_ADMIN);
        var permissions = vm.permissions();
        assertThat(permissions.canCreate()).isFalse();
        assertThat(permissions.editableProperty().get()).as("nothing selected").isFalse();
        permissions.select(permissions.items().get(0));
        assertThat(permissions.form().describe()).isEqualTo("Team lead · Complaint access");

        permissions.form().grantedProperty().set(true);
        permissions.save();

        assertThat(server.permissions.sent).containsExactly("list", "update ROLE_TEAM_LEAD/PERMISSION_COMPLAINT_ACCESS");
        assertThat(permissions.items().get(0).getGranted()).isTrue();
        assertThat(permissions.form().title(permissions.items().get(0))).isEqualTo("Team lead · Complaint access: granted");
    }

    @Test
    void everyFormLabelsItsFieldsInEachLanguage() {
        for (Locale l : Messages.LANGUAGES) {
            Messages m = Messages.of("org.hotline.supervisor.messages", l);
            AdminViewModel vm = new AdminViewModel(server, Role.ROLE_ADMIN, Messages.forLocale(l), m, clock, () -> "x");
            vm.editors().forEach(EntityEditor::startNew);
            vm.queues().form().queueIdProperty().set("no spaces please");
            for (AdminViewModel.Section s : AdminViewModel.Section.values()) {
                assertThat(m.get(s.titleKey())).isNotBlank();
            }
            assertThat(vm.queues().form().problemTextProperty().get()).isNotBlank();
        }
    }
}

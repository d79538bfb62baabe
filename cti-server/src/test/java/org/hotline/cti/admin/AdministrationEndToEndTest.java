package org.hotline.cti.admin;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import org.assertj.core.api.ThrowableAssert;
import org.hotline.api.v1.AddToBlacklistRequest;
import org.hotline.api.v1.AdministrationGrpc;
import org.hotline.api.v1.AgentState;
import org.hotline.api.v1.BlacklistGrpc;
import org.hotline.api.v1.BusinessCalendar;
import org.hotline.api.v1.CallUpdate;
import org.hotline.api.v1.DeleteBusinessCalendarRequest;
import org.hotline.api.v1.DeleteDepartmentRequest;
import org.hotline.api.v1.DeleteReasonCodeRequest;
import org.hotline.api.v1.DeleteSkillRequest;
import org.hotline.api.v1.DeleteSlaPolicyRequest;
import org.hotline.api.v1.DeleteTeamRequest;
import org.hotline.api.v1.ListAuditEntriesRequest;
import org.hotline.api.v1.ListBusinessCalendarsRequest;
import org.hotline.api.v1.ListDepartmentsRequest;
import org.hotline.api.v1.ListQueuesRequest;
import org.hotline.api.v1.ListReasonCodesRequest;
import org.hotline.api.v1.ListRolePermissionsRequest;
import org.hotline.api.v1.ListSkillsRequest;
import org.hotline.api.v1.ListSlaPoliciesRequest;
import org.hotline.api.v1.ListTeamsRequest;
import org.hotline.api.v1.ListUsersRequest;
import org.hotline.api.v1.LoginRequest;
import org.hotline.api.v1.OpeningHours;
import org.hotline.api.v1.OrgUnit;
import org.hotline.api.v1.OrgUnitKind;
import org.hotline.api.v1.Permission;
import org.hotline.api.v1.Queue;
import org.hotline.api.v1.ReasonCode;
import org.hotline.api.v1.ResetPasswordRequest;
import org.hotline.api.v1.Role;
import org.hotline.api.v1.SaveBusinessCalendarRequest;
import org.hotline.api.v1.SaveDepartmentRequest;
import org.hotline.api.v1.SaveQueueRequest;
import org.hotline.api.v1.SaveReasonCodeRequest;
import org.hotline.api.v1.SaveSkillRequest;
import org.hotline.api.v1.SaveSlaPolicyRequest;
import org.hotline.api.v1.SaveTeamRequest;
import org.hotline.api.v1.SaveUserRequest;
import org.hotline.api.v1.SaveWorkOrderTypeRequest;
import org.hotline.api.v1.SessionGrpc;
import org.hotline.api.v1.SetRolePermissionRequest;
import org.hotline.api.v1.SetStateRequest;
import org.hotline.api.v1.Skill;
import org.hotline.api.v1.SkillLevel;
import org.hotline.api.v1.SlaPolicy;
import org.hotline.api.v1.Team;
import org.hotline.api.v1.User;
import org.hotline.api.v1.WorkOrderPriority;
import org.hotline.api.v1.WorkOrderType;
import org.hotline.api.v1.WorkOrdersGrpc;
import org.hotline.cti.agents.AgentProfile;
import org.hotline.cti.bench.BearerToken;
import org.hotline.cti.security.AuditEntry;
import org.hotline.cti.security.PasswordHasher;
import org.hotline.cti.server.HotlineServer;
import org.hotline.cti.storage.Database;
import org.hotline.cti.storage.DirectoryAdmin;
import org.hotline.cti.switching.sim.IvrScript;
import org.hotline.cti.switching.sim.SimSwitch;
import org.hotline.cti.testing.DeskClient;
import org.hotline.cti.testing.TestDatabase;
import org.hotline.cti.testing.TestServers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The Administration service end to end on MariaDB: a real server over TLS on the simulated
 * switch, sessions from Login, each kind of configuration saved and listed, the errors, who may
 * do what, the audit rows, and changes taking effect in the running call center.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdministrationEndToEndTest {
    private static final Duration WAIT = Duration.ofSeconds(15);

    private Path dir;
    private TestDatabase db;
    private HotlineServer server;
    private ManagedChannel channel;
    private AdministrationGrpc.AdministrationBlockingStub admin;
    private AdministrationGrpc.AdministrationBlockingStub lead;
    private AdministrationGrpc.AdministrationBlockingStub agent;
    private String adminToken;
    private String leadToken;

    @BeforeAll
    void start() throws Exception {
        dir = Files.createTempDirectory("hotline-admin-api");
        db = TestDatabase.mariaDb(dir);
        TestServers.seed(db.config());
        try (Database d = Database.open(db.config())) {
            new DirectoryAdmin(d.sessionFactory(), "main", new PasswordHasher(4), Clock.systemUTC()).saveAgents(List.of(
                    new DirectoryAdmin.Account(new AgentProfile("9001", "Admin", org.hotline.cti.security.Role.ADMIN, "", "",
                            Map.of(), "main"), TestServers.PASSWORD)));
        }
        server = HotlineServer.start(TestServers.options(dir, db.config(), 0));
        channel = TestServers.channel(server);
        adminToken = login("9001", TestServers.PASSWORD);
        leadToken = login("2099", TestServers.PASSWORD);
        admin = stub(adminToken);
        lead = stub(leadToken);
        agent = stub(login("2002", TestServers.PASSWORD));
    }

    @AfterAll
    void stop() throws Exception {
        channel.shutdownNow();
        server.close();
        db.close();
    }

    private String login(String id, String password) {
        return SessionGrpc.newBlockingStub(channel).login(LoginRequest.newBuilder().setAgentId(id).setPassword(password)
                .setClientName("test").build()).getSessionToken();
    }

    private AdministrationGrpc.AdministrationBlockingStub stub(String token) {
        return AdministrationGrpc.newBlockingStub(channel).withCallCredentials(new BearerToken(token));
    }

    private static String rid() {
        return UUID.randomUUID().toString();
    }

    private static void fails(ThrowableAssert.ThrowingCallable call, Status.Code code, String message) {
        assertThatThrownBy(call).isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
            assertThat(e.getStatus().getCode()).isEqualTo(code);
            assertThat(e.getStatus().getDescription()).contains(message);
        });
    }

    private static SkillLevel level(String skill, int level) {
        return SkillLevel.newBuilder().setSkillId(skill).setLevel(level).build();
    }

    private List<AuditEntry> audit(String target) {
        return server.workOrders().audit().forTarget(target, 20);
    }

    private SaveSkillRequest skill(String id, String name, boolean create) {
        return SaveSkillRequest.newBuilder().setRequestId(rid()).setCreate(create)
                .setSkill(Skill.newBuilder().setSkillId(id).setName(name)).build();
    }

    private static OpeningHours hours(int day, String open, String close) {
        return OpeningHours.newBuilder().setDayOfWeek(day).setOpensAt(open).setClosesAt(close).build();
    }

    // ---- skills and teams

    @Test
    void skillIsCreatedListedRenamedAndDeletedWithAuditBeforeAndAfter() {
        admin.saveSkill(skill("water", "Water", true));
        admin.saveSkill(skill("water", "Water supply", false));

        assertThat(lead.listSkills(ListSkillsRequest.getDefaultInstance()).getSkillsList())
                .extracting(s -> s.getSkillId() + "=" + s.getName()).contains("water=Water supply", "general=General");
        admin.deleteSkill(DeleteSkillRequest.newBuilder().setRequestId(rid()).setSkillId("water").build());
        assertThat(admin.listSkills(ListSkillsRequest.getDefaultInstance()).getSkillsList())
                .extracting(Skill::getSkillId).doesNotContain("water");
        assertThat(audit("skill:water")).extracting(a -> a.action() + " by " + a.actorId() + ": " + a.detail())
                .containsExactly("admin.skill.delete by 9001: before: name=Water supply; after: none",
                        "admin.skill.update by 9001: before: name=Water; after: name=Water supply",
                        "admin.skill.create by 9001: before: none; after: name=Water");
    }

    @Test
    void skillErrorsSayWhatWasWrong() {
        admin.saveSkill(skill("gas", "Gas", true));

        fails(() -> admin.saveSkill(skill("gas", "Gas again", true)), Status.Code.ALREADY_EXISTS,
                "skill 'gas' already exists");
        fails(() -> admin.saveSkill(skill("nosuch", "X", false)), Status.Code.NOT_FOUND, "skill 'nosuch' (no such skill");
        fails(() -> admin.saveSkill(skill("bad id!", "X", true)), Status.Code.INVALID_ARGUMENT,
                "skill_id: 'bad id!' (expected: 1-64 letters, digits");
        fails(() -> admin.deleteSkill(DeleteSkillRequest.newBuilder().setRequestId(rid()).setSkillId("repair").build()),
                Status.Code.FAILED_PRECONDITION, "skill 'repair' is still in use by 1 user(s) (2002) and queue(s) repair");
    }

    @Test
    void aRetriedSaveWithTheSameRequestIdActsOnce() {
        SaveSkillRequest create = skill("meter", "Meter", true);
        admin.saveSkill(create);

        assertThat(admin.saveSkill(create).getSkill().getName()).isEqualTo("Meter");
        assertThat(audit("skill:meter")).hasSize(1);
    }

    @Test
    void teamInUseIsNotDeletedAndAnEmptyOneIs() {
        admin.saveTeam(SaveTeamRequest.newBuilder().setRequestId(rid()).setCreate(true)
                .setTeam(Team.newBuilder().setTeamId("night").setName("Night shift")).build());
        assertThat(lead.listTeams(ListTeamsRequest.getDefaultInstance()).getTeamsList())
                .extracting(t -> t.getTeamId() + "=" + t.getName()).contains("night=Night shift", "t1=Team 1");

        fails(() -> admin.deleteTeam(DeleteTeamRequest.newBuilder().setRequestId(rid()).setTeamId("t1").build()),
                Status.Code.FAILED_PRECONDITION, "team 't1' still has");
        admin.deleteTeam(DeleteTeamRequest.newBuilder().setRequestId(rid()).setTeamId("night").build());
        assertThat(admin.listTeams(ListTeamsRequest.getDefaultInstance()).getTeamsList()).extracting(Team::getTeamId)
                .doesNotContain("night");
    }

    // ---- who may do what

    @Test
    void agentMayNeitherListNorChange() {
        fails(() -> agent.listUsers(ListUsersRequest.getDefaultInstance()), Status.Code.PERMISSION_DENIED,
                "role AGENT may not list users (expected: team lead or admin)");
        fails(() -> agent.saveSkill(skill("sneaky", "Sneaky", true)), Status.Code.PERMISSION_DENIED,
                "role AGENT may not change the configuration");
        assertThat(audit("skill:sneaky")).extracting(a -> a.actorId() + " " + a.outcome())
                .containsExactly("2002 DENIED");
    }

    @Test
    void teamLeadListsButMayNotChangeAndTheAttemptIsAudited() {
        assertThat(lead.listUsers(ListUsersRequest.getDefaultInstance()).getUsersList()).extracting(User::getAgentId)
                .contains("2001", "2002", "2099", "9001");
        assertThat(lead.listQueues(ListQueuesRequest.getDefaultInstance()).getQueuesList()).extracting(Queue::getQueueId)
                .contains("general", "repair");

        fails(() -> lead.saveTeam(SaveTeamRequest.newBuilder().setRequestId(rid()).setCreate(true)
                        .setTeam(Team.newBuilder().setTeamId("leads").setName("Leads")).build()),
                Status.Code.PERMISSION_DENIED, "role TEAM_LEAD may not change the configuration");
        fails(() -> lead.resetPassword(ResetPasswordRequest.newBuilder().setRequestId(rid()).setAgentId("2001")
                .setNewPassword("whatever-123").build()), Status.Code.PERMISSION_DENIED, "expected: admin");
        fails(() -> lead.setRolePermission(SetRolePermissionRequest.newBuilder().setRequestId(rid())
                        .setRole(Role.ROLE_AGENT).setPermission(Permission.PERMISSION_COMPLAINT_ACCESS).setGranted(true).build()),
                Status.Code.PERMISSION_DENIED, "expected: admin");
        assertThat(audit("team:leads")).extracting(a -> a.actorId() + " " + a.actorRole() + " " + a.outcome())
                .containsExactly("2099 TEAM_LEAD DENIED");
        assertThat(admin.listTeams(ListTeamsRequest.getDefaultInstance()).getTeamsList()).extracting(Team::getTeamId)
                .doesNotContain("leads");
        assertThat(server.workOrders().permissions().granted(org.hotline.cti.security.Role.AGENT,
                org.hotline.cti.security.Permission.COMPLAINT_ACCESS)).isFalse();
    }

    // ---- users

    private static User.Builder user(String id, String extension) {
        return User.newBuilder().setAgentId(id).setName("New " + id).setRole(Role.ROLE_AGENT).setTeamId("t1")
                .setExtension(extension).addSkills(level("general", 4)).setEnabled(true);
    }

    @Test
    void userIsCreatedWithSkillsThenGetsAPasswordAndLogsIn() {
        User saved = admin.saveUser(SaveUserRequest.newBuilder().setRequestId(rid()).setCreate(true)
                .setUser(user("3001", "3001")).build()).getUser();

        assertThat(saved.getSkillsList()).extracting(s -> s.getSkillId() + ":" + s.getLevel()).containsExactly("general:4");
        assertThat(saved.getEnabled()).isTrue();
        fails(() -> login("3001", "anything"), Status.Code.UNAUTHENTICATED, "wrong agent id or password");
        admin.resetPassword(ResetPasswordRequest.newBuilder().setRequestId(rid()).setAgentId("3001")
                .setNewPassword("Temp-pass-1").build());
        assertThat(login("3001", "Temp-pass-1")).isNotEmpty();
        assertThat(audit("user:3001")).extracting(AuditEntry::action)
                .containsExactly("admin.user.reset_password", "admin.user.create");
        assertThat(audit("user:3001")).allSatisfy(a -> assertThat(a.detail()).doesNotContain("Temp-pass-1"));
    }

    @Test
    void userErrorsSayWhatWasWrong() {
        fails(() -> admin.saveUser(SaveUserRequest.newBuilder().setRequestId(rid()).setCreate(true)
                        .setUser(user("3002", "").addSkills(level("plumbing", 3))).build()),
                Status.Code.INVALID_ARGUMENT, "skills: unknown skill 'plumbing' (expected one of [");
        fails(() -> admin.saveUser(SaveUserRequest.newBuilder().setRequestId(rid()).setCreate(true)
                        .setUser(user("3002", "").clearSkills().addSkills(level("general", 11))).build()),
                Status.Code.INVALID_ARGUMENT, "skills: level of general: 11 (expected: 1-10)");
        fails(() -> admin.saveUser(SaveUserRequest.newBuilder().setRequestId(rid()).setCreate(true)
                        .setUser(user("3002", "").setTeamId("ghosts")).build()),
                Status.Code.INVALID_ARGUMENT, "team_id: unknown team 'ghosts'");
        fails(() -> admin.saveUser(SaveUserRequest.newBuilder().setRequestId(rid()).setCreate(true)
                        .setUser(user("2001", "")).build()),
                Status.Code.ALREADY_EXISTS, "user '2001' already exists");
        fails(() -> admin.saveUser(SaveUserRequest.newBuilder().setRequestId(rid()).setCreate(true)
                        .setUser(user("3002", "2002")).build()),
                Status.Code.ALREADY_EXISTS, "extension: 2002 is already the extension of user 2002");
        fails(() -> admin.saveUser(SaveUserRequest.newBuilder().setRequestId(rid()).setCreate(true)
                        .setUser(user("3002", "").setRole(Role.ROLE_UNSPECIFIED)).build()),
                Status.Code.INVALID_ARGUMENT, "role: ROLE_UNSPECIFIED");
        fails(() -> admin.resetPassword(ResetPasswordRequest.newBuilder().setRequestId(rid()).setAgentId("2001")
                .setNewPassword("short").build()), Status.Code.INVALID_ARGUMENT, "new_password: 5 characters");
        fails(() -> admin.resetPassword(ResetPasswordRequest.newBuilder().setRequestId(rid()).setAgentId("nobody")
                .setNewPassword("long-enough-1").build()), Status.Code.NOT_FOUND, "user 'nobody'");
        fails(() -> admin.saveUser(SaveUserRequest.newBuilder().setRequestId(rid())
                        .setUser(User.newBuilder().setAgentId("9001").setName("Admin").setRole(Role.ROLE_ADMIN)
                                .setEnabled(false)).build()),
                Status.Code.FAILED_PRECONDITION, "may not disable or demote their own account");
        assertThat(admin.listUsers(ListUsersRequest.getDefaultInstance()).getUsersList()).extracting(User::getAgentId)
                .doesNotContain("3002");
    }

    @Test
    void disabledUserIsRefusedAtLoginAndLosesItsSession() {
        admin.saveUser(SaveUserRequest.newBuilder().setRequestId(rid()).setCreate(true).setUser(user("3003", "")).build());
        admin.resetPassword(ResetPasswordRequest.newBuilder().setRequestId(rid()).setAgentId("3003")
                .setNewPassword("Temp-pass-3").build());
        var own = stub(login("3003", "Temp-pass-3"));
        fails(() -> own.listUsers(ListUsersRequest.getDefaultInstance()), Status.Code.PERMISSION_DENIED, "role AGENT");

        User disabled = admin.saveUser(SaveUserRequest.newBuilder().setRequestId(rid())
                .setUser(user("3003", "").setEnabled(false)).build()).getUser();

        assertThat(disabled.getEnabled()).isFalse();
        fails(() -> own.listUsers(ListUsersRequest.getDefaultInstance()), Status.Code.UNAUTHENTICATED, "log in again");
        fails(() -> login("3003", "Temp-pass-3"), Status.Code.PERMISSION_DENIED, "account 3003 is disabled");
        assertThat(audit("user:3003").get(0).detail()).contains("enabled=true").contains("after: name=New 3003")
                .endsWith("enabled=false, locked=false");
    }

    @Test
    void lockedAccountIsUnlockedBySavingItUnlocked() {
        admin.saveUser(SaveUserRequest.newBuilder().setRequestId(rid()).setCreate(true).setUser(user("3004", "")).build());
        admin.resetPassword(ResetPasswordRequest.newBuilder().setRequestId(rid()).setAgentId("3004")
                .setNewPassword("Temp-pass-4").build());
        for (int i = 0; i < 5; i++) {
            fails(() -> login("3004", "wrong-guess"), Status.Code.UNAUTHENTICATED, "wrong agent id or password");
        }
        User locked = admin.listUsers(ListUsersRequest.getDefaultInstance()).getUsersList().stream()
                .filter(u -> u.getAgentId().equals("3004")).findFirst().orElseThrow();
        assertThat(locked.getLocked()).isTrue();

        User unlocked = admin.saveUser(SaveUserRequest.newBuilder().setRequestId(rid())
                .setUser(locked.toBuilder().setLocked(false)).build()).getUser();

        assertThat(unlocked.getLocked()).isFalse();
        assertThat(login("3004", "Temp-pass-4")).isNotEmpty();
    }

    // ---- queues, reason codes and their live effect

    private static Queue.Builder queue(String id, String skill, int level, String number) {
        return Queue.newBuilder().setQueueId(id).setName("Queue " + id).setPriority(7).addRequiredSkills(level(skill, level))
                .setServiceLevelSeconds(30).setTimeZone("Asia/Shanghai").addDialledNumbers(number)
                .addAllHours(java.util.stream.IntStream.rangeClosed(1, 7).mapToObj(d -> hours(d, "00:00", "00:00")).toList());
    }

    @Test
    void queueErrorsSayWhatWasWrong() {
        fails(() -> admin.saveQueue(SaveQueueRequest.newBuilder().setRequestId(rid()).setCreate(true)
                        .setQueue(queue("q-bad", "astrology", 3, "95901")).build()),
                Status.Code.INVALID_ARGUMENT, "required_skills: unknown skill 'astrology'");
        fails(() -> admin.saveQueue(SaveQueueRequest.newBuilder().setRequestId(rid()).setCreate(true)
                        .setQueue(queue("q-bad", "general", 0, "95901")).build()),
                Status.Code.INVALID_ARGUMENT, "required_skills: level of general: 0 (expected: 1-10)");
        fails(() -> admin.saveQueue(SaveQueueRequest.newBuilder().setRequestId(rid()).setCreate(true)
                        .setQueue(queue("q-bad", "general", 3, "95001")).build()),
                Status.Code.ALREADY_EXISTS, "dialled_numbers: 95001 already leads to queue general");
        fails(() -> admin.saveQueue(SaveQueueRequest.newBuilder().setRequestId(rid()).setCreate(true)
                        .setQueue(queue("q-bad", "general", 3, "95901").setTimeZone("Mars/Olympus")).build()),
                Status.Code.INVALID_ARGUMENT, "time_zone: 'Mars/Olympus'");
        fails(() -> admin.saveQueue(SaveQueueRequest.newBuilder().setRequestId(rid()).setCreate(true)
                        .setQueue(queue("q-bad", "general", 3, "95901").addOverflowSkills(level("repair", 1))).build()),
                Status.Code.INVALID_ARGUMENT, "overflow_after_seconds: 0 (expected: 1-3600 with overflow skills");
        fails(() -> admin.saveQueue(SaveQueueRequest.newBuilder().setRequestId(rid())
                        .setQueue(queue("q-bad", "general", 3, "95901")).build()),
                Status.Code.NOT_FOUND, "queue 'q-bad'");
        assertThat(admin.listQueues(ListQueuesRequest.getDefaultInstance()).getQueuesList()).extracting(Queue::getQueueId)
                .doesNotContain("q-bad");
    }

    @Test
    void aWaitingCallReachesAnAgentOnceTheAgentIsGivenTheQueuesSkill() {
        admin.saveSkill(skill("billing", "Billing", true));
        Queue saved = admin.saveQueue(SaveQueueRequest.newBuilder().setRequestId(rid()).setCreate(true)
                .setQueue(queue("billing", "billing", 4, "95003").setOverflowAfterSeconds(0)).build()).getQueue();
        assertThat(saved.getRequiredSkillsList()).extracting(s -> s.getSkillId() + ":" + s.getLevel())
                .containsExactly("billing:4");
        assertThat(saved.getHoursCount()).isEqualTo(7);
        try (DeskClient anna = DeskClient.login(channel, "2001", TestServers.PASSWORD).subscribe()) {
            anna.await(e -> e.hasSnapshot(), WAIT);
            anna.ready();
            anna.await(e -> e.hasAgent() && e.getAgent().getState() == AgentState.AGENT_STATE_READY, WAIT);
            ((SimSwitch) server.switchPort()).inboundCall("13900000001", "95003", new IvrScript("", "", "", Duration.ZERO));
            assertThatThrownBy(() -> anna.await(e -> e.hasCall() && e.getCall().getKind() == CallUpdate.Kind.KIND_RINGING,
                    Duration.ofMillis(1500))).isInstanceOf(AssertionError.class).hasMessageContaining("no matching event");

            admin.saveUser(SaveUserRequest.newBuilder().setRequestId(rid()).setUser(User.newBuilder().setAgentId("2001")
                    .setName("Anna").setRole(Role.ROLE_AGENT).setTeamId("t1").setExtension("2001")
                    .addSkills(level("general", 5)).addSkills(level("billing", 5)).setEnabled(true)).build());

            CallUpdate ringing = anna.awaitCall(CallUpdate.Kind.KIND_RINGING);
            assertThat(ringing.getCall().getData().getQueue()).isEqualTo("billing");
            anna.hangup(ringing.getCall().getCallId());
        }
        assertThat(audit("queue:billing").get(0).detail()).startsWith("before: none; after: name=Queue billing, priority=7,"
                + " required={billing=4}");
        assertThat(audit("user:2001").get(0).detail()).contains("skills={general=5}").contains("skills={billing=5, general=5}");
    }

    @Test
    void aNewReasonCodeIsAcceptedAtOnceAndADeletedOneIsRefused() {
        admin.saveReasonCode(SaveReasonCodeRequest.newBuilder().setRequestId(rid()).setCreate(true)
                .setReasonCode(ReasonCode.newBuilder().setCode("training").setLabel("Training")).build());
        assertThat(lead.listReasonCodes(ListReasonCodesRequest.getDefaultInstance()).getReasonCodesList())
                .extracting(r -> r.getCode() + ":" + r.getSystem()).contains("training:false", "login:true", "break:false");
        try (DeskClient lead2099 = DeskClient.resume(channel, "2099", leadToken)) {
            var desk = lead2099.stub();
            desk.setState(SetStateRequest.newBuilder().setRequestId(rid()).setState(AgentState.AGENT_STATE_NOT_READY)
                    .setReasonCode("training").build());

            fails(() -> admin.deleteReasonCode(DeleteReasonCodeRequest.newBuilder().setRequestId(rid()).setCode("login")
                    .build()), Status.Code.FAILED_PRECONDITION, "reason code 'login' is given by the server itself");
            admin.deleteReasonCode(DeleteReasonCodeRequest.newBuilder().setRequestId(rid()).setCode("training").build());

            fails(() -> desk.setState(SetStateRequest.newBuilder().setRequestId(rid())
                            .setState(AgentState.AGENT_STATE_NOT_READY).setReasonCode("training").build()),
                    Status.Code.INVALID_ARGUMENT, "reason code: 'training'");
        }
    }

    // ---- departments, calendars, SLA policies

    private SaveDepartmentRequest unit(String id, String parent, OrgUnitKind kind, boolean create) {
        return SaveDepartmentRequest.newBuilder().setRequestId(rid()).setCreate(create).setUnit(OrgUnit.newBuilder()
                .setUnitId(id).setParentUnitId(parent).setKind(kind).setName("Unit " + id).setLeadAgentId("2099")).build();
    }

    @Test
    void departmentTreeIsSavedAndKeptATree() {
        admin.saveDepartment(unit("water", "", OrgUnitKind.ORG_UNIT_DEPARTMENT, true));
        admin.saveDepartment(unit("water-north", "water", OrgUnitKind.ORG_UNIT_DEPARTMENT, true));
        admin.saveDepartment(unit("water-north-1", "water-north", OrgUnitKind.ORG_UNIT_TEAM, true));

        assertThat(lead.listDepartments(ListDepartmentsRequest.getDefaultInstance()).getUnitsList())
                .extracting(u -> u.getUnitId() + "<" + u.getParentUnitId() + ":" + u.getLeadAgentId())
                .contains("water<:2099", "water-north<water:2099", "water-north-1<water-north:2099");
        fails(() -> admin.saveDepartment(unit("water", "water-north", OrgUnitKind.ORG_UNIT_DEPARTMENT, false)),
                Status.Code.FAILED_PRECONDITION, "the tree may not loop");
        fails(() -> admin.saveDepartment(unit("lonely", "", OrgUnitKind.ORG_UNIT_TEAM, true)),
                Status.Code.INVALID_ARGUMENT, "team lonely has no department");
        fails(() -> admin.saveDepartment(unit("x", "water-north-1", OrgUnitKind.ORG_UNIT_TEAM, true)),
                Status.Code.INVALID_ARGUMENT, "water-north-1 is a team");
        fails(() -> admin.deleteDepartment(DeleteDepartmentRequest.newBuilder().setRequestId(rid()).setUnitId("water")
                .build()), Status.Code.FAILED_PRECONDITION, "unit water still holds water-north");
        admin.deleteDepartment(DeleteDepartmentRequest.newBuilder().setRequestId(rid()).setUnitId("water-north-1").build());
        assertThat(server.workOrders().admin().orgTree().unit("water-north-1")).isEmpty();
    }

    @Test
    void slaPoliciesCountInCalendarsThatCannotBeDeletedWhileUsed() {
        WorkOrdersGrpc.newBlockingStub(channel).withCallCredentials(new BearerToken(adminToken))
                .saveType(SaveWorkOrderTypeRequest.newBuilder().setType(WorkOrderType.newBuilder().setCode("leak")
                        .setName("Gas leak")).build());
        BusinessCalendar office = admin.saveBusinessCalendar(SaveBusinessCalendarRequest.newBuilder().setRequestId(rid())
                .setCreate(true).setCalendar(BusinessCalendar.newBuilder().setCalendarId("office")
                        .setTimeZone("Asia/Shanghai").addHours(hours(1, "09:00", "17:00")).addHours(hours(2, "09:00", "17:00"))
                        .addHolidays("2026-10-01").addHolidays("2026-02-17")).build()).getCalendar();
        assertThat(office.getHolidaysList()).containsExactly("2026-02-17", "2026-10-01");
        SlaPolicy.Builder normal = SlaPolicy.newBuilder().setTypeCode("leak").setPriority(WorkOrderPriority.WORK_ORDER_NORMAL)
                .setRespondMinutes(30).setResolveMinutes(240).setWarningPercent(80).setEscalateEveryMinutes(60)
                .setCalendarId("office");
        admin.saveSlaPolicy(SaveSlaPolicyRequest.newBuilder().setRequestId(rid()).setCreate(true).setPolicy(normal).build());
        admin.saveSlaPolicy(SaveSlaPolicyRequest.newBuilder().setRequestId(rid()).setCreate(true)
                .setPolicy(normal.clone().setPriority(WorkOrderPriority.WORK_ORDER_URGENT).setResolveMinutes(60).setCalendarId(""))
                .build());

        assertThat(lead.listSlaPolicies(ListSlaPoliciesRequest.getDefaultInstance()).getPoliciesList())
                .extracting(p -> p.getTypeCode() + "/" + p.getPriority() + ":" + p.getResolveMinutes() + "@" + p.getCalendarId())
                .contains("leak/WORK_ORDER_NORMAL:240@office", "leak/WORK_ORDER_URGENT:60@");
        assertThat(lead.listBusinessCalendars(ListBusinessCalendarsRequest.getDefaultInstance()).getCalendarsList())
                .extracting(BusinessCalendar::getCalendarId).contains("office");
        fails(() -> admin.saveSlaPolicy(SaveSlaPolicyRequest.newBuilder().setRequestId(rid()).setCreate(true)
                .setPolicy(normal.clone().setTypeCode("unicorn")).build()), Status.Code.INVALID_ARGUMENT,
                "type_code: unknown work-order type 'unicorn'");
        fails(() -> admin.saveSlaPolicy(SaveSlaPolicyRequest.newBuilder().setRequestId(rid()).setCreate(true)
                .setPolicy(normal.clone().setPriority(WorkOrderPriority.WORK_ORDER_LOW).setCalendarId("nowhere")).build()),
                Status.Code.INVALID_ARGUMENT, "calendar_id: unknown calendar 'nowhere'");
        fails(() -> admin.saveSlaPolicy(SaveSlaPolicyRequest.newBuilder().setRequestId(rid()).setCreate(true)
                .setPolicy(normal.clone().setPriority(WorkOrderPriority.WORK_ORDER_LOW).setWarningPercent(0)).build()),
                Status.Code.INVALID_ARGUMENT, "warningPercent: 0 (expected: 1..100)");
        fails(() -> admin.deleteBusinessCalendar(DeleteBusinessCalendarRequest.newBuilder().setRequestId(rid())
                .setCalendarId("office").build()), Status.Code.FAILED_PRECONDITION, "used by SLA policies leak/NORMAL");
        fails(() -> admin.deleteSlaPolicy(DeleteSlaPolicyRequest.newBuilder().setRequestId(rid()).setTypeCode("leak")
                .setPriority(WorkOrderPriority.WORK_ORDER_NORMAL).build()), Status.Code.FAILED_PRECONDITION, "fall back to");
        admin.deleteSlaPolicy(DeleteSlaPolicyRequest.newBuilder().setRequestId(rid()).setTypeCode("leak")
                .setPriority(WorkOrderPriority.WORK_ORDER_URGENT).build());
        assertThat(server.workOrders().admin().policies()).extracting(p -> p.typeCode() + "/" + p.priority())
                .contains("leak/NORMAL").doesNotContain("leak/URGENT");
        assertThat(audit("work_order_type:leak")).extracting(a -> a.action() + " " + a.outcome())
                .containsExactly("admin.work_order_type.save ALLOWED");
        assertThat(audit("calendar:office").get(0).detail()).contains("holidays [2026-02-17, 2026-10-01]");
    }

    // ---- permissions, audit log, the other audited services

    @Test
    void roleGetsAPermissionThatTheWorkOrdersCheckAtOnce() {
        var granted = admin.setRolePermission(SetRolePermissionRequest.newBuilder().setRequestId(rid())
                .setRole(Role.ROLE_TEAM_LEAD).setPermission(Permission.PERMISSION_COMPLAINT_ACCESS).setGranted(true).build());

        assertThat(granted.getPermission().getGranted()).isTrue();
        assertThat(server.workOrders().permissions().granted(org.hotline.cti.security.Role.TEAM_LEAD,
                org.hotline.cti.security.Permission.COMPLAINT_ACCESS)).isTrue();
        assertThat(lead.listRolePermissions(ListRolePermissionsRequest.getDefaultInstance()).getPermissionsList())
                .extracting(p -> p.getRole() + ":" + p.getGranted())
                .containsExactly("ROLE_AGENT:false", "ROLE_TEAM_LEAD:true", "ROLE_ADMIN:false", "ROLE_WALLBOARD:false");
        var entries = admin.listAuditEntries(ListAuditEntriesRequest.newBuilder()
                .setTarget("role_permission:TEAM_LEAD/COMPLAINT_ACCESS").build()).getEntriesList();
        assertThat(entries).extracting(e -> e.getActorId() + " " + e.getActorRole() + " " + e.getAction() + " " + e.getDetail())
                .containsExactly("9001 ROLE_ADMIN admin.permission.grant before: not granted; after: granted");
        fails(() -> lead.listAuditEntries(ListAuditEntriesRequest.newBuilder().setTarget("user:2001").build()),
                Status.Code.PERMISSION_DENIED, "may not read the audit log");
    }

    @Test
    void blacklistChangesAreAudited() {
        BlacklistGrpc.newBlockingStub(channel).withCallCredentials(new BearerToken(adminToken))
                .addToBlacklist(AddToBlacklistRequest.newBuilder().setPhone("13100000099").setReason("abusive caller")
                        .setDays(7).build());

        assertThat(audit("blacklist:13100000099")).extracting(a -> a.actorId() + " " + a.action() + " " + a.detail())
                .containsExactly("9001 blacklist.add before: none; after: reason=abusive caller, 7 days");
    }
}

package org.hotline.cti.api;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import org.hotline.api.v1.AdministrationGrpc;
import org.hotline.api.v1.DeleteBusinessCalendarRequest;
import org.hotline.api.v1.DeleteBusinessCalendarResponse;
import org.hotline.api.v1.DeleteDepartmentRequest;
import org.hotline.api.v1.DeleteDepartmentResponse;
import org.hotline.api.v1.DeleteReasonCodeRequest;
import org.hotline.api.v1.DeleteReasonCodeResponse;
import org.hotline.api.v1.DeleteSkillRequest;
import org.hotline.api.v1.DeleteSkillResponse;
import org.hotline.api.v1.DeleteSlaPolicyRequest;
import org.hotline.api.v1.DeleteSlaPolicyResponse;
import org.hotline.api.v1.DeleteTeamRequest;
import org.hotline.api.v1.DeleteTeamResponse;
import org.hotline.api.v1.ListAuditEntriesRequest;
import org.hotline.api.v1.ListAuditEntriesResponse;
import org.hotline.api.v1.ListBusinessCalendarsRequest;
import org.hotline.api.v1.ListBusinessCalendarsResponse;
import org.hotline.api.v1.ListDepartmentsRequest;
import org.hotline.api.v1.ListDepartmentsResponse;
import org.hotline.api.v1.ListQueuesRequest;
import org.hotline.api.v1.ListQueuesResponse;
import org.hotline.api.v1.ListReasonCodesRequest;
import org.hotline.api.v1.ListReasonCodesResponse;
import org.hotline.api.v1.ListRolePermissionsRequest;
import org.hotline.api.v1.ListRolePermissionsResponse;
import org.hotline.api.v1.ListSkillsRequest;
import org.hotline.api.v1.ListSkillsResponse;
import org.hotline.api.v1.ListSlaPoliciesRequest;
import org.hotline.api.v1.ListSlaPoliciesResponse;
import org.hotline.api.v1.ListTeamsRequest;
import org.hotline.api.v1.ListTeamsResponse;
import org.hotline.api.v1.ListUsersRequest;
import org.hotline.api.v1.ListUsersResponse;
import org.hotline.api.v1.ResetPasswordRequest;
import org.hotline.api.v1.ResetPasswordResponse;
import org.hotline.api.v1.RolePermission;
import org.hotline.api.v1.SaveBusinessCalendarRequest;
import org.hotline.api.v1.SaveBusinessCalendarResponse;
import org.hotline.api.v1.SaveDepartmentRequest;
import org.hotline.api.v1.SaveDepartmentResponse;
import org.hotline.api.v1.SaveQueueRequest;
import org.hotline.api.v1.SaveQueueResponse;
import org.hotline.api.v1.SaveReasonCodeRequest;
import org.hotline.api.v1.SaveReasonCodeResponse;
import org.hotline.api.v1.SaveSkillRequest;
import org.hotline.api.v1.SaveSkillResponse;
import org.hotline.api.v1.SaveSlaPolicyRequest;
import org.hotline.api.v1.SaveSlaPolicyResponse;
import org.hotline.api.v1.SaveTeamRequest;
import org.hotline.api.v1.SaveTeamResponse;
import org.hotline.api.v1.SaveUserRequest;
import org.hotline.api.v1.SaveUserResponse;
import org.hotline.api.v1.SetRolePermissionRequest;
import org.hotline.api.v1.SetRolePermissionResponse;
import org.hotline.api.v1.Skill;
import org.hotline.api.v1.Team;
import org.hotline.cti.admin.AdminFeature;
import org.hotline.cti.admin.Editor;
import org.hotline.cti.admin.UserAdmin;
import org.hotline.cti.core.CallCenter;
import org.hotline.cti.core.CommandException;
import org.hotline.cti.security.Session;
import org.hotline.cti.security.SessionRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Administration service: proto to the admin feature and back. The feature checks roles,
 * validates, stores, applies to the live model and audits; this layer finds the editor from the
 * session, makes changes idempotent by request id, runs them off the gRPC threads, and ends the
 * session of a user who was just disabled.
 */
final class AdminService extends AdministrationGrpc.AdministrationImplBase {
    private static final Logger log = LoggerFactory.getLogger(AdminService.class);

    private final AdminFeature admin;
    private final RequestIds requestIds;
    private final Executor workers;
    private final SessionRegistry sessions;
    private final StreamHub hub;
    private final CallCenter center;

    AdminService(AdminFeature admin, RequestIds requestIds, Executor workers, SessionRegistry sessions, StreamHub hub,
                 CallCenter center) {
        this.admin = admin;
        this.requestIds = requestIds;
        this.workers = workers;
        this.sessions = sessions;
        this.hub = hub;
        this.center = center;
    }

    private static Editor editor() {
        Session s = AuthInterceptor.session();
        return new Editor(s.agentId(), s.role());
    }

    // ---- users

    @Override
    public void listUsers(ListUsersRequest r, StreamObserver<ListUsersResponse> out) {
        list(out, e -> {
            ListUsersResponse.Builder b = ListUsersResponse.newBuilder();
            admin.users().users(e).forEach(u -> b.addUsers(AdminMapper.user(u)));
            return b.build();
        });
    }

    @Override
    public void saveUser(SaveUserRequest r, StreamObserver<SaveUserResponse> out) {
        command(r.getRequestId(), out, e -> {
            UserAdmin.Saved saved = admin.users().save(e, AdminMapper.profile(r.getUser(), admin.siteId()),
                    r.getUser().getEnabled(), !r.getUser().getLocked(), r.getCreate());
            if (saved.disabledNow()) {
                endSessions(saved.user().profile().agentId(), e.agentId());
            }
            return saved.user().profile().agentId();
        }, (e, id) -> SaveUserResponse.newBuilder().setUser(AdminMapper.user(admin.users().users(e).stream()
                .filter(u -> u.profile().agentId().equals(id)).findFirst().orElseThrow(() -> gone("user", id)))).build());
    }

    /** A disabled user's session ends now, and it is logged out when its current call work ends. */
    private void endSessions(String agentId, String by) {
        sessions.current(agentId).ifPresent(s -> {
            sessions.close(s);
            hub.closeDesks(agentId, Status.UNAUTHENTICATED.withDescription("account disabled by an administrator"));
        });
        center.logout(agentId, true).whenComplete((v, x) -> {
            if (x != null && !(x instanceof CommandException)) {
                log.warn("disabled user {} not logged out: {}", agentId, x.toString());
            }
        });
        log.info("user {} disabled by {}: session ended", agentId, by);
    }

    @Override
    public void resetPassword(ResetPasswordRequest r, StreamObserver<ResetPasswordResponse> out) {
        command(r.getRequestId(), out, e -> {
            admin.users().resetPassword(e, r.getAgentId().strip(), r.getNewPassword());
            return r.getAgentId();
        }, (e, id) -> ResetPasswordResponse.getDefaultInstance());
    }

    // ---- skills and teams

    @Override
    public void listSkills(ListSkillsRequest r, StreamObserver<ListSkillsResponse> out) {
        list(out, e -> {
            ListSkillsResponse.Builder b = ListSkillsResponse.newBuilder();
            admin.skills().skills(e).forEach((id, name) -> b.addSkills(Skill.newBuilder().setSkillId(id).setName(name)));
            return b.build();
        });
    }

    @Override
    public void saveSkill(SaveSkillRequest r, StreamObserver<SaveSkillResponse> out) {
        command(r.getRequestId(), out, e -> {
            admin.skills().saveSkill(e, r.getSkill().getSkillId().strip(), r.getSkill().getName(), r.getCreate());
            return r.getSkill().getSkillId().strip();
        }, (e, id) -> SaveSkillResponse.newBuilder().setSkill(Skill.newBuilder().setSkillId(id)
                .setName(named(admin.skills().skills(e), "skill", id))).build());
    }

    @Override
    public void deleteSkill(DeleteSkillRequest r, StreamObserver<DeleteSkillResponse> out) {
        command(r.getRequestId(), out, e -> {
            admin.skills().deleteSkill(e, r.getSkillId().strip());
            return "";
        }, (e, id) -> DeleteSkillResponse.getDefaultInstance());
    }

    @Override
    public void listTeams(ListTeamsRequest r, StreamObserver<ListTeamsResponse> out) {
        list(out, e -> {
            ListTeamsResponse.Builder b = ListTeamsResponse.newBuilder();
            admin.skills().teams(e).forEach((id, name) -> b.addTeams(Team.newBuilder().setTeamId(id).setName(name)));
            return b.build();
        });
    }

    @Override
    public void saveTeam(SaveTeamRequest r, StreamObserver<SaveTeamResponse> out) {
        command(r.getRequestId(), out, e -> {
            admin.skills().saveTeam(e, r.getTeam().getTeamId().strip(), r.getTeam().getName(), r.getCreate());
            return r.getTeam().getTeamId().strip();
        }, (e, id) -> SaveTeamResponse.newBuilder().setTeam(Team.newBuilder().setTeamId(id)
                .setName(named(admin.skills().teams(e), "team", id))).build());
    }

    @Override
    public void deleteTeam(DeleteTeamRequest r, StreamObserver<DeleteTeamResponse> out) {
        command(r.getRequestId(), out, e -> {
            admin.skills().deleteTeam(e, r.getTeamId().strip());
            return "";
        }, (e, id) -> DeleteTeamResponse.getDefaultInstance());
    }

    // ---- departments

    @Override
    public void listDepartments(ListDepartmentsRequest r, StreamObserver<ListDepartmentsResponse> out) {
        list(out, e -> {
            ListDepartmentsResponse.Builder b = ListDepartmentsResponse.newBuilder();
            admin.organisation().units(e).forEach(u -> b.addUnits(AdminMapper.unit(u)));
            return b.build();
        });
    }

    @Override
    public void saveDepartment(SaveDepartmentRequest r, StreamObserver<SaveDepartmentResponse> out) {
        command(r.getRequestId(), out, e -> admin.organisation().save(e, AdminMapper.unit(r.getUnit()), r.getCreate()).unitId(),
                (e, id) -> SaveDepartmentResponse.newBuilder().setUnit(AdminMapper.unit(admin.organisation().units(e).stream()
                        .filter(u -> u.unitId().equals(id)).findFirst().orElseThrow(() -> gone("unit", id)))).build());
    }

    @Override
    public void deleteDepartment(DeleteDepartmentRequest r, StreamObserver<DeleteDepartmentResponse> out) {
        command(r.getRequestId(), out, e -> {
            admin.organisation().delete(e, r.getUnitId().strip());
            return "";
        }, (e, id) -> DeleteDepartmentResponse.getDefaultInstance());
    }

    // ---- queues and reason codes

    @Override
    public void listQueues(ListQueuesRequest r, StreamObserver<ListQueuesResponse> out) {
        list(out, e -> {
            ListQueuesResponse.Builder b = ListQueuesResponse.newBuilder();
            admin.queues().queues(e).forEach(q -> b.addQueues(AdminMapper.queue(q)));
            return b.build();
        });
    }

    @Override
    public void saveQueue(SaveQueueRequest r, StreamObserver<SaveQueueResponse> out) {
        command(r.getRequestId(), out, e -> admin.queues().save(e, AdminMapper.queue(r.getQueue(), admin.siteId()),
                r.getCreate()).queueId(), (e, id) -> SaveQueueResponse.newBuilder().setQueue(AdminMapper.queue(
                admin.queues().queues(e).stream().filter(q -> q.queueId().equals(id)).findFirst()
                        .orElseThrow(() -> gone("queue", id)))).build());
    }

    @Override
    public void listReasonCodes(ListReasonCodesRequest r, StreamObserver<ListReasonCodesResponse> out) {
        list(out, e -> {
            ListReasonCodesResponse.Builder b = ListReasonCodesResponse.newBuilder();
            admin.reasonCodes().reasonCodes(e).forEach(c -> b.addReasonCodes(AdminMapper.reason(c)));
            return b.build();
        });
    }

    @Override
    public void saveReasonCode(SaveReasonCodeRequest r, StreamObserver<SaveReasonCodeResponse> out) {
        command(r.getRequestId(), out, e -> admin.reasonCodes().save(e, r.getReasonCode().getCode().strip(),
                        r.getReasonCode().getLabel(), r.getCreate()).code(),
                (e, code) -> SaveReasonCodeResponse.newBuilder().setReasonCode(AdminMapper.reason(admin.reasonCodes()
                        .reasonCodes(e).stream().filter(c -> c.code().equals(code)).findFirst()
                        .orElseThrow(() -> gone("reason code", code)))).build());
    }

    @Override
    public void deleteReasonCode(DeleteReasonCodeRequest r, StreamObserver<DeleteReasonCodeResponse> out) {
        command(r.getRequestId(), out, e -> {
            admin.reasonCodes().delete(e, r.getCode().strip());
            return "";
        }, (e, code) -> DeleteReasonCodeResponse.getDefaultInstance());
    }

    // ---- SLA policies and calendars

    @Override
    public void listSlaPolicies(ListSlaPoliciesRequest r, StreamObserver<ListSlaPoliciesResponse> out) {
        list(out, e -> {
            ListSlaPoliciesResponse.Builder b = ListSlaPoliciesResponse.newBuilder();
            admin.sla().policies(e).forEach(p -> b.addPolicies(AdminMapper.policy(p)));
            return b.build();
        });
    }

    @Override
    public void saveSlaPolicy(SaveSlaPolicyRequest r, StreamObserver<SaveSlaPolicyResponse> out) {
        command(r.getRequestId(), out, e -> {
            var p = admin.sla().savePolicy(e, AdminMapper.policy(r.getPolicy()), r.getCreate());
            return p.typeCode() + "/" + p.priority();
        }, (e, key) -> SaveSlaPolicyResponse.newBuilder().setPolicy(AdminMapper.policy(admin.sla().policies(e).stream()
                .filter(p -> (p.typeCode() + "/" + p.priority()).equals(key)).findFirst()
                .orElseThrow(() -> gone("SLA policy", key)))).build());
    }

    @Override
    public void deleteSlaPolicy(DeleteSlaPolicyRequest r, StreamObserver<DeleteSlaPolicyResponse> out) {
        command(r.getRequestId(), out, e -> {
            admin.sla().deletePolicy(e, r.getTypeCode().strip(), AdminMapper.priority(r.getPriority()));
            return "";
        }, (e, key) -> DeleteSlaPolicyResponse.getDefaultInstance());
    }

    @Override
    public void listBusinessCalendars(ListBusinessCalendarsRequest r, StreamObserver<ListBusinessCalendarsResponse> out) {
        list(out, e -> {
            ListBusinessCalendarsResponse.Builder b = ListBusinessCalendarsResponse.newBuilder();
            admin.sla().calendars(e).forEach(c -> b.addCalendars(AdminMapper.calendar(c)));
            return b.build();
        });
    }

    @Override
    public void saveBusinessCalendar(SaveBusinessCalendarRequest r, StreamObserver<SaveBusinessCalendarResponse> out) {
        command(r.getRequestId(), out, e -> admin.sla().saveCalendar(e, AdminMapper.calendar(r.getCalendar()),
                r.getCreate()).calendarId(), (e, id) -> SaveBusinessCalendarResponse.newBuilder().setCalendar(
                AdminMapper.calendar(admin.sla().calendars(e).stream().filter(c -> c.calendarId().equals(id)).findFirst()
                        .orElseThrow(() -> gone("business calendar", id)))).build());
    }

    @Override
    public void deleteBusinessCalendar(DeleteBusinessCalendarRequest r, StreamObserver<DeleteBusinessCalendarResponse> out) {
        command(r.getRequestId(), out, e -> {
            admin.sla().deleteCalendar(e, r.getCalendarId().strip());
            return "";
        }, (e, id) -> DeleteBusinessCalendarResponse.getDefaultInstance());
    }

    // ---- permissions and the audit log

    @Override
    public void listRolePermissions(ListRolePermissionsRequest r, StreamObserver<ListRolePermissionsResponse> out) {
        list(out, e -> {
            ListRolePermissionsResponse.Builder b = ListRolePermissionsResponse.newBuilder();
            admin.permissions().grants(e).forEach((role, held) -> {
                for (var p : org.hotline.cti.security.Permission.values()) {
                    b.addPermissions(RolePermission.newBuilder().setRole(ProtoMapper.role(role))
                            .setPermission(AdminMapper.permission(p)).setGranted(held.contains(p)));
                }
            });
            return b.build();
        });
    }

    @Override
    public void setRolePermission(SetRolePermissionRequest r, StreamObserver<SetRolePermissionResponse> out) {
        command(r.getRequestId(), out, e -> String.valueOf(admin.permissions().set(e, AdminMapper.role(r.getRole()),
                        AdminMapper.permission(r.getPermission()), r.getGranted())),
                (e, granted) -> SetRolePermissionResponse.newBuilder().setPermission(RolePermission.newBuilder()
                        .setRole(r.getRole()).setPermission(r.getPermission()).setGranted(Boolean.parseBoolean(granted)))
                        .build());
    }

    @Override
    public void listAuditEntries(ListAuditEntriesRequest r, StreamObserver<ListAuditEntriesResponse> out) {
        list(out, e -> {
            ListAuditEntriesResponse.Builder b = ListAuditEntriesResponse.newBuilder();
            admin.audit().entries(e, r.getTarget().strip(), r.getLimit() == 0 ? 50 : r.getLimit())
                    .forEach(a -> b.addEntries(AdminMapper.audit(a)));
            return b.build();
        });
    }

    // ---- plumbing

    /** A read: the editor comes from the session on this thread, the work runs on the workers. */
    private <R> void list(StreamObserver<R> out, Function<Editor, R> read) {
        Editor[] e = new Editor[1];
        Unary.answer(out, () -> e[0] = editor(), workers, () -> read.apply(e[0]));
    }

    /**
     * A change, once per request id: {@code change} returns the id of what it changed, and
     * {@code answer} reads it back for the response (so a retry answers with what is stored).
     */
    private <R> void command(String requestId, StreamObserver<R> out, Function<Editor, String> change,
                             BiFunction<Editor, String, R> answer) {
        try {
            Editor e = editor();
            Supplier<java.util.concurrent.CompletionStage<String>> once = () -> CompletableFuture.supplyAsync(
                    () -> change.apply(e), workers);
            Unary.reply(out, requestIds.once(e.agentId(), requestId, once)
                    .thenApplyAsync(key -> answer.apply(e, key), workers));
        } catch (RuntimeException x) {
            out.onError(Errors.toStatus(x));
        }
    }

    private static String named(Map<String, String> names, String what, String id) {
        String n = names.get(id);
        if (n == null) {
            throw gone(what, id);
        }
        return n;
    }

    private static CommandException gone(String what, String id) {
        return new CommandException(CommandException.Code.NOT_FOUND, what + " '" + id + "' is gone (deleted meanwhile)");
    }
}

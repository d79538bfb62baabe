package org.hotline.supervisor.admin;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

import com.google.common.util.concurrent.ListenableFuture;
import org.hotline.agent.connection.DeskSession;
import org.hotline.api.v1.AddToBlacklistRequest;
import org.hotline.api.v1.AddToBlacklistResponse;
import org.hotline.api.v1.AdministrationGrpc;
import org.hotline.api.v1.AuditEntry;
import org.hotline.api.v1.BlacklistEntry;
import org.hotline.api.v1.BlacklistGrpc;
import org.hotline.api.v1.Bulletin;
import org.hotline.api.v1.BusinessCalendar;
import org.hotline.api.v1.DeleteBusinessCalendarRequest;
import org.hotline.api.v1.DeleteDepartmentRequest;
import org.hotline.api.v1.DeleteReasonCodeRequest;
import org.hotline.api.v1.DeleteSkillRequest;
import org.hotline.api.v1.DeleteSlaPolicyRequest;
import org.hotline.api.v1.DeleteTeamRequest;
import org.hotline.api.v1.KnowledgeGrpc;
import org.hotline.api.v1.ListAuditEntriesRequest;
import org.hotline.api.v1.ListAuditEntriesResponse;
import org.hotline.api.v1.ListBlacklistRequest;
import org.hotline.api.v1.ListBlacklistResponse;
import org.hotline.api.v1.ListBulletinsRequest;
import org.hotline.api.v1.ListBulletinsResponse;
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
import org.hotline.api.v1.ListWorkOrderTypesRequest;
import org.hotline.api.v1.ListWorkOrderTypesResponse;
import org.hotline.api.v1.OrgUnit;
import org.hotline.api.v1.PublishBulletinRequest;
import org.hotline.api.v1.PublishBulletinResponse;
import org.hotline.api.v1.Queue;
import org.hotline.api.v1.ReasonCode;
import org.hotline.api.v1.RemoveFromBlacklistRequest;
import org.hotline.api.v1.ResetPasswordRequest;
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
import org.hotline.api.v1.SaveWorkOrderTypeRequest;
import org.hotline.api.v1.SetRolePermissionRequest;
import org.hotline.api.v1.SetRolePermissionResponse;
import org.hotline.api.v1.Skill;
import org.hotline.api.v1.SlaPolicy;
import org.hotline.api.v1.Team;
import org.hotline.api.v1.User;
import org.hotline.api.v1.WorkOrderType;
import org.hotline.api.v1.WorkOrdersGrpc;

import static java.util.Objects.requireNonNull;

/**
 * The administration screens over the logged-in session: the Administration service, and
 * WorkOrders.SaveType, the Blacklist and Knowledge.PublishBulletin for the kinds that have their
 * own services. Each command's request (with its request id) is built once, so a retry after a
 * network drop is the same command.
 */
public final class GrpcAdministration implements AdminGateway {
    private final DeskSession session;

    public GrpcAdministration(DeskSession session) {
        this.session = requireNonNull(session, "session");
    }

    private static String rid() {
        return UUID.randomUUID().toString();
    }

    private AdministrationGrpc.AdministrationFutureStub admin() {
        return session.stub(AdministrationGrpc::newFutureStub);
    }

    /** Sends {@code request} (the same one on every retry) and reads the answer. */
    private <Q, A, R> CompletableFuture<R> send(Q request, Function<Q, ListenableFuture<A>> rpc, Function<A, R> answer) {
        return session.call(() -> rpc.apply(request)).thenApply(answer);
    }

    /** A kind as three calls. */
    private record Calls<T>(Supplier<CompletableFuture<List<T>>> lister, BiFunction<T, Boolean, CompletableFuture<T>> saver,
                            Function<T, CompletableFuture<Void>> deleter) implements EntityGateway<T> {
        @Override
        public CompletableFuture<List<T>> list() {
            return lister.get();
        }

        @Override
        public CompletableFuture<T> save(T item, boolean create) {
            return saver.apply(item, create);
        }

        @Override
        public CompletableFuture<Void> delete(T item) {
            return deleter == null ? EntityGateway.super.delete(item) : deleter.apply(item);
        }
    }

    @Override
    public EntityGateway<User> users() {
        return new Calls<>(() -> send(ListUsersRequest.getDefaultInstance(), r -> admin().listUsers(r), ListUsersResponse::getUsersList),
                (u, create) -> send(SaveUserRequest.newBuilder().setRequestId(rid()).setUser(u).setCreate(create).build(),
                        r -> admin().saveUser(r), SaveUserResponse::getUser),
                null);
    }

    @Override
    public EntityGateway<Skill> skills() {
        return new Calls<>(() -> send(ListSkillsRequest.getDefaultInstance(), r -> admin().listSkills(r), ListSkillsResponse::getSkillsList),
                (s, create) -> send(SaveSkillRequest.newBuilder().setRequestId(rid()).setSkill(s).setCreate(create).build(),
                        r -> admin().saveSkill(r), SaveSkillResponse::getSkill),
                s -> send(DeleteSkillRequest.newBuilder().setRequestId(rid()).setSkillId(s.getSkillId()).build(),
                        r -> admin().deleteSkill(r), a -> null));
    }

    @Override
    public EntityGateway<Team> teams() {
        return new Calls<>(() -> send(ListTeamsRequest.getDefaultInstance(), r -> admin().listTeams(r), ListTeamsResponse::getTeamsList),
                (t, create) -> send(SaveTeamRequest.newBuilder().setRequestId(rid()).setTeam(t).setCreate(create).build(),
                        r -> admin().saveTeam(r), SaveTeamResponse::getTeam),
                t -> send(DeleteTeamRequest.newBuilder().setRequestId(rid()).setTeamId(t.getTeamId()).build(),
                        r -> admin().deleteTeam(r), a -> null));
    }

    @Override
    public EntityGateway<OrgUnit> departments() {
        return new Calls<>(() -> send(ListDepartmentsRequest.getDefaultInstance(), r -> admin().listDepartments(r),
                ListDepartmentsResponse::getUnitsList),
                (u, create) -> send(SaveDepartmentRequest.newBuilder().setRequestId(rid()).setUnit(u).setCreate(create).build(),
                        r -> admin().saveDepartment(r), SaveDepartmentResponse::getUnit),
                u -> send(DeleteDepartmentRequest.newBuilder().setRequestId(rid()).setUnitId(u.getUnitId()).build(),
                        r -> admin().deleteDepartment(r), a -> null));
    }

    @Override
    public EntityGateway<Queue> queues() {
        return new Calls<>(() -> send(ListQueuesRequest.getDefaultInstance(), r -> admin().listQueues(r), ListQueuesResponse::getQueuesList),
                (q, create) -> send(SaveQueueRequest.newBuilder().setRequestId(rid()).setQueue(q).setCreate(create).build(),
                        r -> admin().saveQueue(r), SaveQueueResponse::getQueue),
                null);
    }

    @Override
    public EntityGateway<ReasonCode> reasonCodes() {
        return new Calls<>(() -> send(ListReasonCodesRequest.getDefaultInstance(), r -> admin().listReasonCodes(r),
                ListReasonCodesResponse::getReasonCodesList),
                (c, create) -> send(SaveReasonCodeRequest.newBuilder().setRequestId(rid()).setReasonCode(c).setCreate(create).build(),
                        r -> admin().saveReasonCode(r), SaveReasonCodeResponse::getReasonCode),
                c -> send(DeleteReasonCodeRequest.newBuilder().setRequestId(rid()).setCode(c.getCode()).build(),
                        r -> admin().deleteReasonCode(r), a -> null));
    }

    private WorkOrdersGrpc.WorkOrdersFutureStub workOrders() {
        return session.stub(WorkOrdersGrpc::newFutureStub);
    }

    /** SaveType creates or replaces by code and answers nothing: the type as sent is the type as stored. */
    @Override
    public EntityGateway<WorkOrderType> workOrderTypes() {
        return new Calls<>(() -> send(ListWorkOrderTypesRequest.getDefaultInstance(), r -> workOrders().listTypes(r),
                ListWorkOrderTypesResponse::getTypesList),
                (t, create) -> send(SaveWorkOrderTypeRequest.newBuilder().setType(t).build(), r -> workOrders().saveType(r), a -> t),
                null);
    }

    @Override
    public EntityGateway<SlaPolicy> slaPolicies() {
        return new Calls<>(() -> send(ListSlaPoliciesRequest.getDefaultInstance(), r -> admin().listSlaPolicies(r),
                ListSlaPoliciesResponse::getPoliciesList),
                (p, create) -> send(SaveSlaPolicyRequest.newBuilder().setRequestId(rid()).setPolicy(p).setCreate(create).build(),
                        r -> admin().saveSlaPolicy(r), SaveSlaPolicyResponse::getPolicy),
                p -> send(DeleteSlaPolicyRequest.newBuilder().setRequestId(rid()).setTypeCode(p.getTypeCode())
                        .setPriority(p.getPriority()).build(), r -> admin().deleteSlaPolicy(r), a -> null));
    }

    @Override
    public EntityGateway<BusinessCalendar> calendars() {
        return new Calls<>(() -> send(ListBusinessCalendarsRequest.getDefaultInstance(), r -> admin().listBusinessCalendars(r),
                ListBusinessCalendarsResponse::getCalendarsList),
                (c, create) -> send(SaveBusinessCalendarRequest.newBuilder().setRequestId(rid()).setCalendar(c).setCreate(create)
                        .build(), r -> admin().saveBusinessCalendar(r), SaveBusinessCalendarResponse::getCalendar),
                c -> send(DeleteBusinessCalendarRequest.newBuilder().setRequestId(rid()).setCalendarId(c.getCalendarId()).build(),
                        r -> admin().deleteBusinessCalendar(r), a -> null));
    }

    private BlacklistGrpc.BlacklistFutureStub blacklistStub() {
        return session.stub(BlacklistGrpc::newFutureStub);
    }

    /** Adding a number that is already blocked replaces its reason and time. */
    @Override
    public EntityGateway<BlacklistEntry> blacklist() {
        return new Calls<>(() -> send(ListBlacklistRequest.getDefaultInstance(), r -> blacklistStub().listBlacklist(r),
                ListBlacklistResponse::getEntriesList),
                (e, create) -> send(AddToBlacklistRequest.newBuilder().setPhone(e.getPhone()).setReason(e.getReason())
                        .setDays(BlacklistForm.days(e)).build(), r -> blacklistStub().addToBlacklist(r), AddToBlacklistResponse::getEntry),
                e -> send(RemoveFromBlacklistRequest.newBuilder().setPhone(e.getPhone()).build(),
                        r -> blacklistStub().removeFromBlacklist(r), a -> null));
    }

    private KnowledgeGrpc.KnowledgeFutureStub knowledge() {
        return session.stub(KnowledgeGrpc::newFutureStub);
    }

    /** Bulletins are published, never changed. */
    @Override
    public EntityGateway<Bulletin> bulletins() {
        return new Calls<>(() -> send(ListBulletinsRequest.getDefaultInstance(), r -> knowledge().listBulletins(r),
                ListBulletinsResponse::getBulletinsList),
                (b, create) -> send(PublishBulletinRequest.newBuilder().setRequestId(rid()).setBulletin(b).build(),
                        r -> knowledge().publishBulletin(r), PublishBulletinResponse::getBulletin),
                null);
    }

    @Override
    public EntityGateway<RolePermission> permissions() {
        return new Calls<>(() -> send(ListRolePermissionsRequest.getDefaultInstance(), r -> admin().listRolePermissions(r),
                ListRolePermissionsResponse::getPermissionsList),
                (p, create) -> send(SetRolePermissionRequest.newBuilder().setRequestId(rid()).setRole(p.getRole())
                        .setPermission(p.getPermission()).setGranted(p.getGranted()).build(),
                        r -> admin().setRolePermission(r), SetRolePermissionResponse::getPermission),
                null);
    }

    @Override
    public CompletableFuture<Void> resetPassword(String agentId, String password) {
        return send(ResetPasswordRequest.newBuilder().setRequestId(rid()).setAgentId(agentId).setNewPassword(password).build(),
                r -> admin().resetPassword(r), a -> null);
    }

    @Override
    public CompletableFuture<List<AuditEntry>> audit(String target, int limit) {
        return send(ListAuditEntriesRequest.newBuilder().setTarget(target).setLimit(limit).build(),
                r -> admin().listAuditEntries(r), ListAuditEntriesResponse::getEntriesList);
    }
}

package org.hotline.supervisor.admin;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import io.grpc.Status;
import org.hotline.api.v1.AuditEntry;
import org.hotline.api.v1.BlacklistEntry;
import org.hotline.api.v1.Bulletin;
import org.hotline.api.v1.BusinessCalendar;
import org.hotline.api.v1.OrgUnit;
import org.hotline.api.v1.Queue;
import org.hotline.api.v1.ReasonCode;
import org.hotline.api.v1.RolePermission;
import org.hotline.api.v1.Skill;
import org.hotline.api.v1.SlaPolicy;
import org.hotline.api.v1.Team;
import org.hotline.api.v1.User;
import org.hotline.api.v1.WorkOrderType;

/** The administration server in memory: answers at once, like the FX thread would see it, and records what was sent. */
final class FakeAdmin implements AdminGateway {
    /** One kind: stored by id, saves checked like the server's create and update. */
    static final class Kind<T> implements EntityGateway<T> {
        final Map<String, T> stored = new TreeMap<>();
        final List<String> sent = new ArrayList<>();
        private final Function<T, String> key;
        private Status failNext;

        Kind(Function<T, String> key) {
            this.key = key;
        }

        @SafeVarargs
        final Kind<T> with(T... items) {
            for (T t : items) {
                stored.put(key.apply(t), t);
            }
            return this;
        }

        void failNext(Status s) {
            failNext = s;
        }

        private <R> CompletableFuture<R> failed() {
            Status s = failNext;
            failNext = null;
            return CompletableFuture.failedFuture(s.asRuntimeException());
        }

        @Override
        public CompletableFuture<List<T>> list() {
            sent.add("list");
            return failNext != null ? failed() : CompletableFuture.completedFuture(List.copyOf(stored.values()));
        }

        @Override
        public CompletableFuture<T> save(T item, boolean create) {
            String id = key.apply(item);
            sent.add((create ? "create " : "update ") + id);
            if (failNext != null) {
                return failed();
            }
            if (create && stored.containsKey(id)) {
                return CompletableFuture.failedFuture(Status.ALREADY_EXISTS.withDescription("'" + id + "' already exists")
                        .asRuntimeException());
            }
            if (!create && !stored.containsKey(id)) {
                return CompletableFuture.failedFuture(Status.NOT_FOUND.withDescription("'" + id + "'").asRuntimeException());
            }
            stored.put(id, item);
            return CompletableFuture.completedFuture(item);
        }

        @Override
        public CompletableFuture<Void> delete(T item) {
            String id = key.apply(item);
            sent.add("delete " + id);
            if (failNext != null) {
                return failed();
            }
            stored.remove(id);
            return CompletableFuture.completedFuture(null);
        }
    }

    final Kind<User> users = new Kind<>(User::getAgentId);
    final Kind<Skill> skills = new Kind<>(Skill::getSkillId);
    final Kind<Team> teams = new Kind<>(Team::getTeamId);
    final Kind<OrgUnit> departments = new Kind<>(OrgUnit::getUnitId);
    final Kind<Queue> queues = new Kind<>(Queue::getQueueId);
    final Kind<ReasonCode> reasonCodes = new Kind<>(ReasonCode::getCode);
    final Kind<WorkOrderType> types = new Kind<>(WorkOrderType::getCode);
    final Kind<SlaPolicy> policies = new Kind<>(p -> p.getTypeCode() + "/" + p.getPriority());
    final Kind<BusinessCalendar> calendars = new Kind<>(BusinessCalendar::getCalendarId);
    final Kind<BlacklistEntry> blacklist = new Kind<>(BlacklistEntry::getPhone);
    final Kind<Bulletin> bulletins = new Kind<>(b -> String.valueOf(b.getId()));
    final Kind<RolePermission> permissions = new Kind<>(p -> p.getRole() + "/" + p.getPermission());
    final List<String> passwords = new ArrayList<>();
    final List<AuditEntry> audit = new ArrayList<>();
    Status failPassword;

    @Override
    public EntityGateway<User> users() {
        return users;
    }

    @Override
    public EntityGateway<Skill> skills() {
        return skills;
    }

    @Override
    public EntityGateway<Team> teams() {
        return teams;
    }

    @Override
    public EntityGateway<OrgUnit> departments() {
        return departments;
    }

    @Override
    public EntityGateway<Queue> queues() {
        return queues;
    }

    @Override
    public EntityGateway<ReasonCode> reasonCodes() {
        return reasonCodes;
    }

    @Override
    public EntityGateway<WorkOrderType> workOrderTypes() {
        return types;
    }

    @Override
    public EntityGateway<SlaPolicy> slaPolicies() {
        return policies;
    }

    @Override
    public EntityGateway<BusinessCalendar> calendars() {
        return calendars;
    }

    @Override
    public EntityGateway<BlacklistEntry> blacklist() {
        return blacklist;
    }

    @Override
    public EntityGateway<Bulletin> bulletins() {
        return bulletins;
    }

    @Override
    public EntityGateway<RolePermission> permissions() {
        return permissions;
    }

    @Override
    public CompletableFuture<Void> resetPassword(String agentId, String password) {
        if (failPassword != null) {
            return CompletableFuture.failedFuture(failPassword.asRuntimeException());
        }
        passwords.add(agentId + "=" + password);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<List<AuditEntry>> audit(String target, int limit) {
        return CompletableFuture.completedFuture(audit.stream().filter(a -> a.getTarget().equals(target)).limit(limit).toList());
    }
}

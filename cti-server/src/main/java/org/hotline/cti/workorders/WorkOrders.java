package org.hotline.cti.workorders;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import org.hotline.cti.core.CommandException;
import org.hotline.cti.security.AuditEntry;
import org.hotline.cti.security.AuditLog;
import org.hotline.cti.security.Permission;
import org.hotline.cti.security.RolePermissions;
import org.hotline.cti.stats.WorkOrderRollup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static java.util.Objects.requireNonNull;

/**
 * The work-order feature's face: create, dispatch, accept, reassign, return, urge, resolve, close,
 * follow-up calls, attachments, search, export and summaries, and the SLA timers. Every change is
 * one transaction that writes the order, its history event and (after commit) the notifications.
 * Edits carry the version the user read: a concurrent edit is refused, never overwritten.
 * Confidential orders (complaints) need {@link Permission#COMPLAINT_ACCESS}; every access to one,
 * allowed or denied, goes to the audit log.
 */
public final class WorkOrders {
    private static final Logger log = LoggerFactory.getLogger(WorkOrders.class);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd");
    private static final long MAX_ATTACHMENT_BYTES = 10L * 1024 * 1024;
    private static final int TIMER_BATCH = 500;

    private final DataSource dataSource;
    private final WorkOrderStore store;
    private final WorkOrderAdmin admin;
    private final Notifier notifier;
    private final AuditLog audit;
    private final RolePermissions permissions;
    private final Clock clock;
    private final Settings settings;
    private final WorkOrderRollup rollup;

    /**
     * @param zone           the site's zone: order numbers and summaries use its calendar days
     * @param dataDir        attachments are stored under {@code dataDir/attachments}
     * @param followUpAfter  how long after resolution the follow-up call is due
     */
    public record Settings(String siteId, ZoneId zone, Path dataDir, Duration followUpAfter) {
        public Settings {
            requireNonNull(siteId, "siteId");
            requireNonNull(zone, "zone");
            requireNonNull(dataDir, "dataDir");
            requireNonNull(followUpAfter, "followUpAfter");
        }
    }

    /** What one pass of the SLA scheduler did. */
    public record TimerRun(int warned, int overdue, int escalated, int followUpsDue) {}

    /** Work orders whose report rollups count days of the site's zone. */
    public WorkOrders(DataSource dataSource, Settings settings, WorkOrderAdmin admin, Notifier notifier,
                      AuditLog audit, RolePermissions permissions, Clock clock) {
        this(dataSource, settings, admin, notifier, audit, permissions, clock, new WorkOrderRollup(settings.zone()));
    }

    /** @param rollup keeps the work-order report counts, in the report zone of the call reports */
    public WorkOrders(DataSource dataSource, Settings settings, WorkOrderAdmin admin, Notifier notifier,
                      AuditLog audit, RolePermissions permissions, Clock clock, WorkOrderRollup rollup) {
        this.rollup = requireNonNull(rollup, "rollup");
        this.dataSource = requireNonNull(dataSource, "dataSource");
        this.settings = requireNonNull(settings, "settings");
        this.admin = requireNonNull(admin, "admin");
        this.notifier = requireNonNull(notifier, "notifier");
        this.audit = requireNonNull(audit, "audit");
        this.permissions = requireNonNull(permissions, "permissions");
        this.clock = requireNonNull(clock, "clock");
        this.store = new WorkOrderStore(settings.siteId());
    }

    // ---- create and read

    public WorkOrder create(Actor actor, NewWorkOrder n) {
        requireNonNull(actor, "actor");
        requireNonNull(n, "order");
        WorkOrderType type = admin.type(n.typeCode()).orElseThrow(() -> invalid("type: " + n.typeCode()
                + " (expected one of: " + admin.types().stream().map(WorkOrderType::code).toList() + ")"));
        if (n.title().isBlank()) {
            throw invalid("title: blank (expected: a short summary of the request)");
        }
        Map<String, String> fields = FormValidator.validate(type, n.fields());
        SlaPolicy policy = admin.policy(type.code(), n.priority()).orElseThrow(() -> new CommandException(
                CommandException.Code.FAILED_PRECONDITION, "no SLA policy for type " + type.code() + " at priority "
                + n.priority() + " (expected: an administrator defines one, at least for NORMAL)"));
        BusinessCalendar calendar = calendar(policy);
        Instant now = clock.instant();
        SlaClock.Deadlines d = SlaClock.deadlines(now, policy, calendar);
        Instant firstTimer = SlaClock.evaluate(new SlaClock.Timers(WorkOrderStatus.NEW, null, d, SlaState.ON_TIME, 0, null),
                now, policy.escalateEvery(), 0).nextTimer();
        WorkOrder created = Sql.transaction(dataSource, c -> {
            long id = store.insert(c, n, type.confidential(), actor.agentId(), now, d, firstTimer, fields,
                    "tmp-" + UUID.randomUUID().toString().replace("-", "").substring(0, 28));
            String orderNo = "WO" + DAY.format(now.atZone(settings.zone())) + "-" + String.format("%06d", id);
            Sql.update(c, "UPDATE work_orders SET order_no = ? WHERE id = ?", orderNo, id);
            store.event(c, id, now, actor.agentId(), WorkOrderAction.CREATE, null, WorkOrderStatus.NEW,
                    type.name() + ", " + n.priority() + ": " + n.title(), null);
            rollup.move(c, null, rollup.profile(c, id));
            return store.find(c, id).orElseThrow();
        });
        log.info("work order {} created by {}: type {}, priority {}, resolve by {}", created.orderNo(), actor.agentId(),
                type.code(), n.priority(), d.resolveBy());
        return created;
    }

    /** One order with its fields; a confidential one needs complaint access and is audited. */
    public WorkOrder get(Actor actor, String orderNo) {
        WorkOrder o = load(orderNo);
        checkAccess(actor, o, "work_order.view");
        return o;
    }

    public List<WorkOrderEvent> history(Actor actor, String orderNo) {
        WorkOrder o = load(orderNo);
        checkAccess(actor, o, "work_order.history");
        return Sql.read(dataSource, c -> store.history(c, o.id()));
    }

    // ---- workflow

    public WorkOrder dispatch(Actor actor, String orderNo, long version, String departmentId, String teamId,
                              String assigneeId, String note) {
        return assign(actor, orderNo, version, WorkOrderAction.DISPATCH, departmentId, teamId, assigneeId, note,
                Notification.Kind.DISPATCHED);
    }

    public WorkOrder reassign(Actor actor, String orderNo, long version, String departmentId, String teamId,
                              String assigneeId, String reason) {
        return assign(actor, orderNo, version, WorkOrderAction.REASSIGN, departmentId, teamId, assigneeId, reason,
                Notification.Kind.REASSIGNED);
    }

    private WorkOrder assign(Actor actor, String orderNo, long version, WorkOrderAction action, String departmentId,
                             String teamId, String assigneeId, String why, Notification.Kind kind) {
        OrgTree tree = admin.orgTree();
        OrgUnit department = tree.unit(departmentId).filter(u -> u.kind() == OrgUnit.Kind.DEPARTMENT)
                .orElseThrow(() -> invalid("department: " + departmentId + " (expected one of: " + tree.units().stream()
                        .filter(u -> u.kind() == OrgUnit.Kind.DEPARTMENT).map(OrgUnit::unitId).toList() + ")"));
        if (teamId != null && !teamId.isBlank()) {
            tree.unit(teamId).filter(u -> u.kind() == OrgUnit.Kind.TEAM && department.unitId().equals(u.parentUnitId()))
                    .orElseThrow(() -> invalid("team: " + teamId + " (expected: a team of department "
                            + department.unitId() + ")"));
        }
        String team = blankToNull(teamId);
        String assignee = blankToNull(assigneeId);
        String target = department.unitId() + (team == null ? "" : "/" + team) + (assignee == null ? "" : " (" + assignee + ")");
        Map<String, Object> set = new LinkedHashMap<>();
        set.put("department_id", department.unitId());
        set.put("team_id", team);
        set.put("assignee_id", assignee);
        // A new unit has its own chain of leads: escalation starts again from its first level.
        set.put("escalation_level", 0);
        set.put("escalated_at", null);
        return change(actor, orderNo, version, action, set, target, why, o -> {
            String recipient = responsible(tree, assignee, team, department.unitId());
            return recipient == null ? List.of() : List.of(notice(recipient, o, kind, o.orderNo() + " "
                    + o.title() + (why == null || why.isBlank() ? "" : ": " + why)));
        });
    }

    public WorkOrder accept(Actor actor, String orderNo, long version) {
        Map<String, Object> set = new LinkedHashMap<>();
        set.put("assignee_id", actor.agentId());
        set.put("responded_at", clock.instant());
        return change(actor, orderNo, version, WorkOrderAction.ACCEPT, set, "accepted by " + actor.agentId(), null,
                o -> List.of());
    }

    /** The department refuses the order; {@code reason} is required and shown to the call center. */
    public WorkOrder returnOrder(Actor actor, String orderNo, long version, String reason) {
        if (reason == null || reason.isBlank()) {
            throw invalid("reason: blank (expected: why the department returns the work order)");
        }
        Map<String, Object> set = new LinkedHashMap<>();
        set.put("return_reason", reason.strip());
        set.put("assignee_id", null);
        return change(actor, orderNo, version, WorkOrderAction.RETURN, set, null, reason.strip(),
                o -> List.of(notice(o.creatorId(), o, Notification.Kind.RETURNED, o.orderNo() + " returned by "
                        + actor.agentId() + ": " + reason.strip())));
    }

    /** Presses the responsible person; logged in the history, no change to the order itself. */
    public WorkOrder urge(Actor actor, String orderNo, String message) {
        WorkOrder o = load(orderNo);
        checkAccess(actor, o, "work_order.urge");
        WorkOrderAction.URGE.apply(o.orderNo(), o.status());
        Instant now = clock.instant();
        String text = message == null || message.isBlank() ? "please handle " + o.orderNo() : message.strip();
        String recipient = responsible(admin.orgTree(), o.assigneeId(), o.teamId(), o.departmentId());
        Sql.transaction(dataSource, c -> {
            store.event(c, o.id(), now, actor.agentId(), WorkOrderAction.URGE, o.status(), o.status(),
                    recipient == null ? "nobody assigned yet" : "to " + recipient, text);
            return null;
        });
        log.info("work order {} urged by {} (to {})", o.orderNo(), actor.agentId(), recipient);
        if (recipient != null) {
            notifier.send(notice(recipient, o, Notification.Kind.URGED, o.orderNo() + " urged by " + actor.agentId()
                    + ": " + text));
        }
        return o;
    }

    /**
     * A team lead raises the order one level up its escalation chain now (the SLA timer would
     * do it only once overdue): the next lead of the chain is notified, the history says why.
     */
    public WorkOrder escalate(Actor actor, String orderNo, long version, String reason) {
        if (reason == null || reason.isBlank()) {
            throw invalid("reason: empty (expected: why the order is escalated)");
        }
        WorkOrder o = load(orderNo);
        if (o.version() != version) {
            // Judged against what the lead saw: a stale list must not escalate twice.
            throw WorkOrderStore.conflict(o.orderNo(), version, o.version());
        }
        List<String> chain = admin.orgTree().escalationChain(o.escalationUnit());
        int level = o.escalationLevel() + 1;
        if (level > chain.size()) {
            throw new CommandException(CommandException.Code.FAILED_PRECONDITION, "work order " + o.orderNo()
                    + " is at escalation level " + o.escalationLevel() + ", the top of its chain " + chain
                    + " (expected: an order with a lead above it)");
        }
        String lead = chain.get(level - 1);
        Map<String, Object> set = new LinkedHashMap<>();
        set.put("escalation_level", level);
        set.put("escalated_at", clock.instant());
        return change(actor, orderNo, version, WorkOrderAction.ESCALATE, set, "level " + level + " to " + lead,
                reason.strip(), changed -> List.of(notice(lead, changed, Notification.Kind.ESCALATED, changed.orderNo()
                        + " escalated to you (level " + level + ") by " + actor.agentId() + ": " + reason.strip())));
    }

    /** Orders counted by status, type, area or department (see {@link WorkOrderStore#counts}). */
    public List<CountedOrders> counts(String column, boolean openOnly, Instant from, Instant to) {
        return Sql.transaction(dataSource, c -> store.counts(c, column, openOnly, from, to));
    }

    /** Resolves with a resolution text and creates the follow-up call to the customer. */
    public WorkOrder resolve(Actor actor, String orderNo, long version, String resolution) {
        if (resolution == null || resolution.isBlank()) {
            throw invalid("resolution: blank (expected: what was done for the customer)");
        }
        Instant now = clock.instant();
        Map<String, Object> set = new LinkedHashMap<>();
        set.put("resolution", resolution.strip());
        set.put("resolved_at", now);
        return change(actor, orderNo, version, WorkOrderAction.RESOLVE, set, resolution.strip(), null, (c, o) -> {
            if (store.followUp(c, o.id()).isEmpty()) {
                store.insertFollowUp(c, o.id(), now.plus(settings.followUpAfter()), now);
            }
        }, o -> List.of(notice(o.creatorId(), o, Notification.Kind.RESOLVED, o.orderNo() + " resolved: "
                + resolution.strip())));
    }

    public WorkOrder close(Actor actor, String orderNo, long version, String note) {
        Map<String, Object> set = new LinkedHashMap<>();
        set.put("closed_at", clock.instant());
        return change(actor, orderNo, version, WorkOrderAction.CLOSE, set, null, note, o -> List.of());
    }

    // ---- follow-up

    public Optional<FollowUp> followUp(Actor actor, String orderNo) {
        WorkOrder o = load(orderNo);
        checkAccess(actor, o, "work_order.view");
        return Sql.read(dataSource, c -> store.followUp(c, o.id()));
    }

    /** Records (or corrects) the result of the follow-up call, at the follow-up's version. */
    public FollowUp recordFollowUp(Actor actor, String orderNo, long followUpVersion, Satisfaction satisfaction,
                                   String note) {
        requireNonNull(satisfaction, "satisfaction");
        WorkOrder o = load(orderNo);
        checkAccess(actor, o, "work_order.follow_up");
        WorkOrderAction.FOLLOW_UP.apply(o.orderNo(), o.status());
        Instant now = clock.instant();
        FollowUp done = Sql.transaction(dataSource, c -> {
            WorkOrderRollup.Profile counted = rollup.profile(c, o.id());
            FollowUp f = store.followUp(c, o.id()).orElseThrow(() -> new CommandException(
                    CommandException.Code.NOT_FOUND, "work order " + orderNo + " has no follow-up (expected: resolved first)"));
            if (!store.recordFollowUp(c, f.id(), followUpVersion, satisfaction, note, actor.agentId(), now)) {
                throw new java.util.ConcurrentModificationException("follow-up of " + orderNo + " was changed by someone"
                        + " else: you edited version " + followUpVersion + ", it is now at version " + f.version()
                        + " (expected: reload and record the result again)");
            }
            store.event(c, o.id(), now, actor.agentId(), WorkOrderAction.FOLLOW_UP, o.status(), o.status(),
                    satisfaction.name() + (f.satisfaction() == null ? "" : " (was " + f.satisfaction() + ")"), note);
            rollup.move(c, counted, rollup.profile(c, o.id()));
            return store.followUp(c, o.id()).orElseThrow();
        });
        log.info("follow-up of {} recorded by {}: {}", orderNo, actor.agentId(), satisfaction);
        return done;
    }

    // ---- attachments

    public Attachment attach(Actor actor, String orderNo, String fileName, String contentType, byte[] content) {
        requireNonNull(content, "content");
        if (fileName == null || fileName.isBlank() || fileName.length() > 256) {
            throw invalid("file name: \"" + fileName + "\" (expected: 1-256 characters)");
        }
        if (content.length == 0 || content.length > MAX_ATTACHMENT_BYTES) {
            throw invalid("attachment size: " + content.length + " bytes (expected: 1.." + MAX_ATTACHMENT_BYTES + ")");
        }
        WorkOrder o = load(orderNo);
        checkAccess(actor, o, "work_order.attach");
        String sha = sha256(content);
        // Content-addressed inside the order's folder: a retried upload stores nothing twice.
        String relative = "attachments/" + o.orderNo() + "/" + sha;
        Path file = settings.dataDir().resolve(relative);
        try {
            Files.createDirectories(file.getParent());
            if (!Files.exists(file)) {
                Path tmp = Files.createTempFile(file.getParent(), "upload", ".tmp");
                Files.write(tmp, content);
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("attachment store " + file.getParent() + ": " + e.getMessage(), e);
        }
        Instant now = clock.instant();
        String type = contentType == null || contentType.isBlank() ? "application/octet-stream" : contentType;
        Attachment a = Sql.transaction(dataSource, c -> {
            long id = store.insertAttachment(c, o.id(), fileName.strip(), type, content.length, sha, relative,
                    actor.agentId(), now);
            store.event(c, o.id(), now, actor.agentId(), WorkOrderAction.ATTACH, o.status(), o.status(),
                    fileName.strip() + " (" + content.length + " bytes)", null);
            return new Attachment(id, o.id(), fileName.strip(), type, content.length, sha, actor.agentId(), now);
        });
        log.info("attachment {} ({} bytes) added to {} by {}", a.fileName(), a.sizeBytes(), orderNo, actor.agentId());
        return a;
    }

    public List<Attachment> attachments(Actor actor, String orderNo) {
        WorkOrder o = load(orderNo);
        checkAccess(actor, o, "work_order.view");
        return Sql.read(dataSource, c -> store.attachments(c, o.id()));
    }

    public byte[] attachmentContent(Actor actor, String orderNo, long attachmentId) {
        WorkOrder o = load(orderNo);
        checkAccess(actor, o, "work_order.attachment");
        String relative = Sql.read(dataSource, c -> store.attachmentPath(c, o.id(), attachmentId))
                .orElseThrow(() -> new CommandException(CommandException.Code.NOT_FOUND, "attachment " + attachmentId
                        + " of " + orderNo + " (expected: an id from the order's attachment list)"));
        try {
            return Files.readAllBytes(settings.dataDir().resolve(relative));
        } catch (IOException e) {
            throw new UncheckedIOException("attachment " + attachmentId + " of " + orderNo + " unreadable: "
                    + e.getMessage(), e);
        }
    }

    // ---- queries, export, summaries

    /**
     * Orders matching the query, newest first. Confidential ones appear only for users with
     * complaint access, and each listed one is audited.
     */
    public List<WorkOrder> search(Actor actor, WorkOrderQuery q) {
        boolean confidential = permissions.granted(actor.role(), Permission.COMPLAINT_ACCESS);
        List<WorkOrder> found = new ArrayList<>();
        Sql.read(dataSource, c -> {
            store.search(c, q, confidential, q.limit(), found::add);
            return null;
        });
        Instant now = clock.instant();
        found.stream().filter(WorkOrder::confidential).forEach(o -> audit.record(new AuditEntry(now, actor.agentId(),
                actor.role(), "work_order.list", o.orderNo(), AuditEntry.Outcome.ALLOWED, "in search results")));
        return found;
    }

    /** CSV (UTF-8 with BOM so that spreadsheet programs read Chinese right) of up to {@code maxRows} orders. */
    public int exportCsv(Actor actor, WorkOrderQuery q, int maxRows, OutputStream out) {
        return export(actor, q, maxRows, new WorkOrderExport.Csv(out));
    }

    /** An Excel workbook (.xlsx) of up to {@code maxRows} orders. */
    public int exportExcel(Actor actor, WorkOrderQuery q, int maxRows, OutputStream out) {
        return export(actor, q, maxRows, new WorkOrderExport.Excel(out));
    }

    private int export(Actor actor, WorkOrderQuery q, int maxRows, WorkOrderExport sink) {
        boolean confidential = permissions.granted(actor.role(), Permission.COMPLAINT_ACCESS);
        int[] rows = {0};
        try (sink) {
            sink.header();
            Sql.read(dataSource, c -> {
                store.search(c, q, confidential, maxRows, o -> {
                    sink.row(o, settings.zone());
                    rows[0]++;
                });
                return null;
            });
        } catch (IOException e) {
            throw new UncheckedIOException("export: " + e.getMessage(), e);
        }
        audit.record(new AuditEntry(clock.instant(), actor.agentId(), actor.role(), "work_order.export",
                "work_orders", AuditEntry.Outcome.ALLOWED, rows[0] + " rows as " + sink.format()
                + (confidential ? ", confidential included" : "")));
        log.info("work orders exported by {}: {} rows as {}", actor.agentId(), rows[0], sink.format());
        return rows[0];
    }

    /** Counts of the orders created in [from, to) per week, month or year of the site's calendar. */
    public List<SummaryRow> summary(SummaryPeriod period, Instant from, Instant to) {
        requireNonNull(period, "period");
        if (!from.isBefore(to)) {
            throw invalid("summary range: " + from + " .. " + to + " (expected: from before to)");
        }
        return Sql.read(dataSource, c -> store.summary(c, period, from, to, settings.zone()));
    }

    // ---- SLA timers

    /**
     * One pass of the SLA scheduler at the clock's "now": warnings, overdue, escalations and
     * follow-ups due, each logged in the history and notified. State lives in the database, so a
     * restarted server picks up every timer that fell due while it was down.
     */
    public TimerRun runDueTimers() {
        Instant now = clock.instant();
        int warned = 0;
        int overdue = 0;
        int escalated = 0;
        OrgTree tree = admin.orgTree();
        List<Long> due = Sql.read(dataSource, c -> store.dueTimers(c, now, TIMER_BATCH));
        for (long id : due) {
            List<Notification> out = new ArrayList<>();
            SlaClock.Step step = Sql.transaction(dataSource, c -> {
                WorkOrder o = store.find(c, id).orElse(null);
                if (o == null) {
                    return null;
                }
                WorkOrderRollup.Profile counted = rollup.profile(c, id);
                SlaClock.Step applied = applySla(c, o, now, tree, out);
                rollup.move(c, counted, rollup.profile(c, id));
                return applied;
            });
            if (step == null) {
                continue;
            }
            warned += step.warned() && !step.becameOverdue() ? 1 : 0;
            overdue += step.becameOverdue() ? 1 : 0;
            escalated += step.escalate() ? 1 : 0;
            out.forEach(notifier::send);
        }
        int followUps = 0;
        for (long orderId : Sql.read(dataSource, c -> store.dueFollowUps(c, now, TIMER_BATCH))) {
            Notification n = Sql.transaction(dataSource, c -> {
                if (!store.markFollowUpNotified(c, orderId)) {
                    return null;
                }
                WorkOrder o = store.find(c, orderId).orElseThrow();
                store.event(c, o.id(), now, Actor.SYSTEM.agentId(), WorkOrderAction.FOLLOW_UP_DUE, o.status(), o.status(),
                        "follow-up call due", null);
                return notice(o.creatorId(), o, Notification.Kind.FOLLOW_UP_DUE, o.orderNo()
                        + ": follow-up call to the customer is due");
            });
            if (n != null) {
                followUps++;
                notifier.send(n);
            }
        }
        TimerRun run = new TimerRun(warned, overdue, escalated, followUps);
        if (warned + overdue + escalated + followUps > 0) {
            log.info("SLA timers at {}: {} warned, {} overdue, {} escalated, {} follow-ups due", now, warned, overdue,
                    escalated, followUps);
        }
        return run;
    }

    /**
     * Applies what is due for {@code o} at {@code now} (state, escalation, next timer) with its
     * history events; notifications go to {@code out} for sending after commit. Returns null when
     * a concurrent command changed the order first (it recomputed the timers itself).
     */
    private SlaClock.Step applySla(Connection c, WorkOrder o, Instant now, OrgTree tree, List<Notification> out)
            throws SQLException {
        SlaPolicy policy = admin.policy(o.typeCode(), o.priority()).orElse(null);
        Duration every = policy == null ? Duration.ofHours(1) : policy.escalateEvery();
        List<String> chain = tree.escalationChain(o.escalationUnit());
        SlaClock.Step step = SlaClock.evaluate(o.timers(), now, every, chain.size());
        Map<String, Object> set = new LinkedHashMap<>();
        set.put("sla_state", step.state());
        set.put("next_timer_at", step.nextTimer());
        if (step.escalate()) {
            set.put("escalation_level", o.escalationLevel() + 1);
            set.put("escalated_at", now);
        }
        if (!store.updateTimers(c, o.id(), o.version(), set)) {
            return null;
        }
        String actor = Actor.SYSTEM.agentId();
        String recipient = o.assigneeId() != null ? o.assigneeId() : responsible(tree, null, o.teamId(), o.departmentId());
        if (step.becameOverdue()) {
            store.event(c, o.id(), now, actor, WorkOrderAction.OVERDUE, o.status(), o.status(), overdueDetail(o, now), null);
            log.info("work order {} overdue ({})", o.orderNo(), overdueDetail(o, now));
            if (recipient != null) {
                out.add(notice(recipient, o, Notification.Kind.OVERDUE, o.orderNo() + " is overdue: " + overdueDetail(o, now)));
            }
        } else if (step.warned()) {
            store.event(c, o.id(), now, actor, WorkOrderAction.WARN, o.status(), o.status(),
                    "resolve by " + o.deadlines().resolveBy(), null);
            if (recipient != null) {
                out.add(notice(recipient, o, Notification.Kind.WARNING, o.orderNo() + " must be resolved by "
                        + o.deadlines().resolveBy().atZone(settings.zone()).toLocalDateTime()));
            }
        }
        if (step.escalate()) {
            int level = o.escalationLevel() + 1;
            String lead = chain.get(level - 1);
            store.event(c, o.id(), now, actor, WorkOrderAction.ESCALATE, o.status(), o.status(),
                    "level " + level + " to " + lead, "overdue");
            log.info("work order {} escalated to level {} ({})", o.orderNo(), level, lead);
            out.add(notice(lead, o, Notification.Kind.ESCALATED, o.orderNo() + " is overdue and escalated to you (level "
                    + level + ")"));
        }
        return step;
    }

    private static String overdueDetail(WorkOrder o, Instant now) {
        return o.respondedAt() == null && !now.isBefore(o.deadlines().respondBy())
                && now.isBefore(o.deadlines().resolveBy())
                ? "no response by " + o.deadlines().respondBy() : "not resolved by " + o.deadlines().resolveBy();
    }

    // ---- internals

    /**
     * The common shape of a workflow command: check access and the transition, update at the
     * user's version, write the history event, recompute the SLA timers, then (after commit)
     * run {@code after} and send what it returns.
     */
    private WorkOrder change(Actor actor, String orderNo, long version, WorkOrderAction action, Map<String, Object> set,
                             String detail, String reason, AfterCommit after) {
        return change(actor, orderNo, version, action, set, detail, reason, (c, o) -> { }, after);
    }

    private WorkOrder change(Actor actor, String orderNo, long version, WorkOrderAction action, Map<String, Object> set,
                             String detail, String reason, InTransaction alsoWrite, AfterCommit after) {
        requireNonNull(actor, "actor");
        if (version < 1) {
            throw invalid("version: " + version + " (expected: the version of the work order you read, >= 1)");
        }
        WorkOrder before = load(orderNo);
        checkAccess(actor, before, "work_order." + action.name().toLowerCase());
        if (before.version() != version) {
            // Judged against what the user saw, not against a state they never read.
            throw WorkOrderStore.conflict(before.orderNo(), version, before.version());
        }
        WorkOrderStatus to = action.apply(before.orderNo(), before.status());
        Instant now = clock.instant();
        OrgTree tree = admin.orgTree();
        List<Notification> sla = new ArrayList<>();
        WorkOrder changed = Sql.transaction(dataSource, c -> {
            WorkOrderRollup.Profile counted = rollup.profile(c, before.id());
            Map<String, Object> all = new LinkedHashMap<>(set);
            all.put("status", to);
            store.update(c, before, version, all, now);
            store.event(c, before.id(), now, actor.agentId(), action, before.status(), to, detail, reason);
            WorkOrder o = store.find(c, before.id()).orElseThrow();
            alsoWrite.run(c, o);
            applySla(c, o, now, tree, sla);
            rollup.move(c, counted, rollup.profile(c, before.id()));
            return store.find(c, before.id()).orElseThrow();
        });
        log.info("work order {} {}: {} -> {} by {}{}", orderNo, action.name().toLowerCase(), before.status(), to,
                actor.agentId(), reason == null ? "" : " (" + reason + ")");
        List<Notification> notes = new ArrayList<>(after.run(changed));
        notes.addAll(sla);
        notes.forEach(notifier::send);
        return changed;
    }

    @FunctionalInterface
    private interface InTransaction {
        void run(Connection c, WorkOrder changed) throws SQLException;
    }

    @FunctionalInterface
    private interface AfterCommit {
        List<Notification> run(WorkOrder changed);
    }

    private WorkOrder load(String orderNo) {
        if (orderNo == null || orderNo.isBlank()) {
            throw invalid("order number: blank (expected: e.g. WO20261122-000001)");
        }
        return Sql.read(dataSource, c -> store.find(c, orderNo.strip())).orElseThrow(() -> new CommandException(
                CommandException.Code.NOT_FOUND, "work order " + orderNo + " not found (expected: an existing order number)"));
    }

    /** Confidential orders: complaint access or PERMISSION_DENIED, audited either way. */
    private void checkAccess(Actor actor, WorkOrder o, String action) {
        if (!o.confidential() || actor == Actor.SYSTEM) {
            return;
        }
        boolean allowed = permissions.granted(actor.role(), Permission.COMPLAINT_ACCESS);
        audit.record(new AuditEntry(clock.instant(), actor.agentId(), actor.role(), action, o.orderNo(),
                allowed ? AuditEntry.Outcome.ALLOWED : AuditEntry.Outcome.DENIED, "confidential " + o.typeCode()));
        if (!allowed) {
            throw new CommandException(CommandException.Code.PERMISSION_DENIED, "work order " + o.orderNo()
                    + " is confidential: role " + actor.role() + " has no complaint access (expected: a role granted "
                    + Permission.COMPLAINT_ACCESS + "); this attempt is audited");
        }
    }

    private BusinessCalendar calendar(SlaPolicy policy) {
        if (policy.calendarId() == null) {
            return BusinessCalendar.aroundTheClock(settings.zone());
        }
        return admin.calendar(policy.calendarId()).orElseThrow(() -> new CommandException(
                CommandException.Code.FAILED_PRECONDITION, "SLA policy of " + policy.typeCode() + "/" + policy.priority()
                + " names calendar " + policy.calendarId() + " which does not exist (expected: a defined calendar)"));
    }

    /** Who answers for the order: its assignee, else its team's lead, else its department's lead. */
    private static String responsible(OrgTree tree, String assignee, String team, String department) {
        if (assignee != null) {
            return assignee;
        }
        List<String> chain = tree.escalationChain(team != null ? team : department);
        return chain.isEmpty() ? null : chain.get(0);
    }

    private Notification notice(String recipient, WorkOrder o, Notification.Kind kind, String message) {
        return new Notification(0, recipient, o.id(), o.orderNo(), kind, message, clock.instant());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static CommandException invalid(String message) {
        return new CommandException(CommandException.Code.INVALID_ARGUMENT, message);
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

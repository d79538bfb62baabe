package org.hotline.cti.admin;

import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

import org.hotline.cti.core.CallCenter;
import org.hotline.cti.core.CommandException;
import org.hotline.cti.routing.QueueDefinition;
import org.hotline.cti.routing.QueueDirectory;
import org.hotline.cti.storage.DirectoryAdmin;

import static java.util.Objects.requireNonNull;

/**
 * The ACD's queues: required and overflow skills with levels, priority, overflow wait, service
 * level threshold, opening hours and the numbers that lead to each. A saved queue is stored,
 * then defined in the live router: agents already Ready are matched against its new skills and
 * waiting calls are routed again at once.
 */
public final class QueueAdmin {
    private static final Pattern NUMBER = Pattern.compile("[0-9A-Za-z*#+:_.-]{1,64}");

    private final DirectoryAdmin directory;
    private final QueueDirectory queues;
    private final CallCenter center;
    private final AdminAudit audit;

    public QueueAdmin(DirectoryAdmin directory, QueueDirectory queues, CallCenter center, AdminAudit audit) {
        this.directory = requireNonNull(directory, "directory");
        this.queues = requireNonNull(queues, "queues");
        this.center = requireNonNull(center, "center");
        this.audit = requireNonNull(audit, "audit");
    }

    /** Highest priority first. */
    public List<QueueDefinition> queues(Editor editor) {
        audit.requireReader(editor, "queues");
        return queues.queues();
    }

    public QueueDefinition save(Editor editor, QueueDefinition q, boolean create) {
        requireNonNull(q, "q");
        String action = create ? "admin.queue.create" : "admin.queue.update";
        String target = "queue:" + q.queueId();
        audit.requireAdmin(editor, action, target);
        Checks.id("queue_id", q.queueId());
        Checks.name("name", q.name());
        Checks.range("priority", q.priority(), 0, 100);
        var skills = directory.skills().keySet();
        Checks.skills("required_skills", q.requiredSkills(), skills);
        Checks.skills("overflow_skills", q.overflowSkills(), skills);
        long overflow = q.overflowAfter().toSeconds();
        if (q.overflowSkills().isEmpty() ? overflow != 0 : overflow < 1 || overflow > 3600) {
            throw Checks.invalid("overflow_after_seconds: " + overflow + " (expected: 1-3600 with overflow skills, 0 without)");
        }
        Checks.range("service_level_seconds", (int) Math.min(Integer.MAX_VALUE, q.serviceLevelThreshold().toSeconds()), 1, 3600);
        if (!q.siteId().equals(directory.siteId())) {
            throw Checks.invalid("site: " + q.siteId() + " (expected: " + directory.siteId() + ")");
        }
        List<QueueDefinition> all = queues.queues();
        Optional<QueueDefinition> before = all.stream().filter(x -> x.queueId().equals(q.queueId())).findFirst();
        Checks.createOrUpdate("queue", q.queueId(), before.isPresent(), create);
        for (String n : q.dialledNumbers()) {
            if (!NUMBER.matcher(n).matches()) {
                throw Checks.invalid("dialled_numbers: '" + n + "' (expected: 1-64 digits, letters or * # + : _ . -)");
            }
            all.stream().filter(x -> !x.queueId().equals(q.queueId()) && x.dialledNumbers().contains(n)).findFirst()
                    .ifPresent(x -> {
                        throw new CommandException(CommandException.Code.ALREADY_EXISTS, "dialled_numbers: " + n
                                + " already leads to queue " + x.queueId() + " (expected: each number in one queue)");
                    });
        }
        if (q.dialledNumbers().size() != new java.util.HashSet<>(q.dialledNumbers()).size()) {
            throw Checks.invalid("dialled_numbers: " + q.dialledNumbers() + " (expected: each number once)");
        }
        directory.saveQueue(q);
        Live.await(center.defineQueue(q));
        audit.changed(editor, action, target, before.map(QueueAdmin::describe).orElse(AdminAudit.NONE), describe(q));
        return q;
    }

    static String describe(QueueDefinition q) {
        return "name=" + q.name() + ", priority=" + q.priority() + ", required=" + new TreeMap<>(q.requiredSkills())
                + ", overflow=" + new TreeMap<>(q.overflowSkills()) + " after " + q.overflowAfter().toSeconds() + " s"
                + ", service level " + q.serviceLevelThreshold().toSeconds() + " s, hours " + q.hours().zone() + " "
                + new TreeMap<>(q.hours().days()).entrySet().stream()
                        .map(e -> e.getKey().getValue() + " " + e.getValue().open() + "-" + e.getValue().close()).toList()
                + ", numbers=" + q.dialledNumbers();
    }
}

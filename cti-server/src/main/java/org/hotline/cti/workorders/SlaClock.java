package org.hotline.cti.workorders;

import java.time.Duration;
import java.time.Instant;

import static java.util.Objects.requireNonNull;

/**
 * The SLA arithmetic of work orders as pure functions of their inputs and "now": deadlines from a
 * policy and a calendar, and what is due (warning, overdue, the next escalation) and when to look
 * again. The scheduler and the commands store {@link Step#nextTimer()} so that timers survive a
 * restart; tests drive it with a fake clock.
 */
public final class SlaClock {
    private SlaClock() {}

    /** The time limits of one order. */
    public record Deadlines(Instant respondBy, Instant resolveBy, Instant warnAt) {}

    /** The SLA-relevant state of one order. */
    public record Timers(WorkOrderStatus status, Instant respondedAt, Deadlines deadlines, SlaState state,
                         int escalationLevel, Instant escalatedAt) {
        public Timers {
            requireNonNull(status, "status");
            requireNonNull(deadlines, "deadlines");
            requireNonNull(state, "state");
        }
    }

    /**
     * What is due at "now": the new state, whether the warning / overdue just began, whether to
     * escalate one level, and the next instant something will be due ({@code null}: nothing).
     */
    public record Step(SlaState state, boolean warned, boolean becameOverdue, boolean escalate, Instant nextTimer) {}

    public static Deadlines deadlines(Instant createdAt, SlaPolicy policy, BusinessCalendar calendar) {
        Duration warning = policy.resolveWithin().multipliedBy(policy.warningPercent()).dividedBy(100);
        return new Deadlines(calendar.plus(createdAt, policy.respondWithin()),
                calendar.plus(createdAt, policy.resolveWithin()), calendar.plus(createdAt, warning));
    }

    /**
     * @param escalateEvery the wait between escalation levels
     * @param chainLength   how many levels above the order there are to escalate to
     */
    public static Step evaluate(Timers t, Instant now, Duration escalateEvery, int chainLength) {
        if (!t.status().isOpen()) {
            return new Step(t.state(), false, false, false, null);
        }
        Deadlines d = t.deadlines();
        boolean overdue = (t.respondedAt() == null && !now.isBefore(d.respondBy())) || !now.isBefore(d.resolveBy());
        boolean warning = !now.isBefore(d.warnAt());
        SlaState due = overdue ? SlaState.OVERDUE : warning ? SlaState.WARNING : SlaState.ON_TIME;
        SlaState state = due.compareTo(t.state()) > 0 ? due : t.state();
        boolean warned = state.compareTo(SlaState.WARNING) >= 0 && t.state() == SlaState.ON_TIME;
        boolean becameOverdue = state == SlaState.OVERDUE && t.state() != SlaState.OVERDUE;

        boolean canEscalate = state == SlaState.OVERDUE && escalatable(t.status()) && t.escalationLevel() < chainLength;
        Instant nextEscalation = t.escalatedAt() == null ? now : t.escalatedAt().plus(escalateEvery);
        boolean escalate = canEscalate && !now.isBefore(nextEscalation);
        int levelAfter = t.escalationLevel() + (escalate ? 1 : 0);
        Instant escalatedAfter = escalate ? now : t.escalatedAt();

        Instant next = null;
        if (state == SlaState.ON_TIME) {
            next = d.warnAt();
        }
        if (state != SlaState.OVERDUE) {
            next = earliest(next, d.resolveBy());
            if (t.respondedAt() == null) {
                next = earliest(next, d.respondBy());
            }
        } else if (escalatable(t.status()) && levelAfter < chainLength) {
            next = escalatedAfter == null ? now : escalatedAfter.plus(escalateEvery);
        }
        return new Step(state, warned, becameOverdue, escalate, next);
    }

    /** Escalation goes up the tree of the unit the order is dispatched to. */
    static boolean escalatable(WorkOrderStatus status) {
        return status == WorkOrderStatus.DISPATCHED || status == WorkOrderStatus.IN_PROGRESS;
    }

    private static Instant earliest(Instant a, Instant b) {
        return a == null || b.isBefore(a) ? b : a;
    }
}

package org.hotline.cti.workorders;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SlaClockTest {
    private static final Instant T0 = Instant.parse("2026-11-23T01:00:00Z");
    private static final SlaPolicy POLICY = new SlaPolicy("repair", Priority.NORMAL, Duration.ofHours(1),
            Duration.ofHours(4), 75, Duration.ofMinutes(30), null);
    private static final SlaClock.Deadlines D = SlaClock.deadlines(T0, POLICY, BusinessCalendar.aroundTheClock(ZoneOffset.UTC));

    private static SlaClock.Timers timers(WorkOrderStatus status, Instant responded, SlaState state, int level,
                                          Instant escalatedAt) {
        return new SlaClock.Timers(status, responded, D, state, level, escalatedAt);
    }

    @Test
    void deadlinesFollowThePolicy() {
        assertThat(D).isEqualTo(new SlaClock.Deadlines(T0.plus(Duration.ofHours(1)), T0.plus(Duration.ofHours(4)),
                T0.plus(Duration.ofHours(3))));
    }

    @Test
    void beforeAnyDeadlineTheNextTimerIsTheRespondBy() {
        SlaClock.Step s = SlaClock.evaluate(timers(WorkOrderStatus.NEW, null, SlaState.ON_TIME, 0, null), T0, Duration.ofMinutes(30), 3);
        assertThat(s).isEqualTo(new SlaClock.Step(SlaState.ON_TIME, false, false, false, D.respondBy()));
    }

    @Test
    void afterAResponseTheNextTimerIsTheWarning() {
        SlaClock.Step s = SlaClock.evaluate(timers(WorkOrderStatus.IN_PROGRESS, T0, SlaState.ON_TIME, 0, null),
                T0.plusSeconds(60), Duration.ofMinutes(30), 3);
        assertThat(s.nextTimer()).isEqualTo(D.warnAt());
    }

    @Test
    void overdueDispatchedOrderEscalatesAtOnceThenEveryIntervalUntilTheChainEnds() {
        Instant due = D.resolveBy();
        SlaClock.Step first = SlaClock.evaluate(timers(WorkOrderStatus.IN_PROGRESS, T0, SlaState.WARNING, 0, null), due,
                Duration.ofMinutes(30), 2);
        assertThat(first).isEqualTo(new SlaClock.Step(SlaState.OVERDUE, false, true, true, due.plus(Duration.ofMinutes(30))));

        SlaClock.Step second = SlaClock.evaluate(timers(WorkOrderStatus.IN_PROGRESS, T0, SlaState.OVERDUE, 1, due),
                due.plus(Duration.ofMinutes(30)), Duration.ofMinutes(30), 2);
        assertThat(second.escalate()).isTrue();
        assertThat(second.nextTimer()).isNull();
    }

    @Test
    void anUndispatchedOverdueOrderDoesNotEscalate() {
        SlaClock.Step s = SlaClock.evaluate(timers(WorkOrderStatus.NEW, null, SlaState.ON_TIME, 0, null), D.resolveBy(),
                Duration.ofMinutes(30), 3);
        assertThat(s).isEqualTo(new SlaClock.Step(SlaState.OVERDUE, true, true, false, null));
    }

    @Test
    void resolvedOrdersHaveNoTimers() {
        SlaClock.Step s = SlaClock.evaluate(timers(WorkOrderStatus.RESOLVED, T0, SlaState.WARNING, 0, null),
                D.resolveBy().plusSeconds(1), Duration.ofMinutes(30), 3);
        assertThat(s).isEqualTo(new SlaClock.Step(SlaState.WARNING, false, false, false, null));
    }
}

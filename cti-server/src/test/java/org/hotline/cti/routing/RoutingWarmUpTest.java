package org.hotline.cti.routing;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RoutingWarmUpTest {

    @Test
    void takesEveryBranchOfTheDecision() {
        RoutingWarmUp.Result r = RoutingWarmUp.run(RoutingWarmUp.DECISIONS, java.time.Clock.systemUTC());

        assertThat(r.decisions()).isEqualTo(RoutingWarmUp.DECISIONS);
        // Calls are assigned by required skills and, after waiting past the overflow time, by overflow
        // skills; some are still waiting at the end, so decisions also walked calls without an agent.
        assertThat(r.assigned()).isGreaterThan(r.decisions() / 2);
        assertThat(r.overflowAssigned()).isPositive().isLessThan(r.assigned());
        assertThat(r.leftWaiting()).isPositive();
    }
}

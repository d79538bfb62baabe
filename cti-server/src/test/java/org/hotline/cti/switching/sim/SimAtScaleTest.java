package org.hotline.cti.switching.sim;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The benchmark load (20 calls/s onto 2,000 agents) for 20 minutes of virtual time: nothing leaks and
 * every call is accounted for. Not timed; a run takes a few seconds of real time.
 */
class SimAtScaleTest {
    @TempDir
    Path recordings;

    @Test
    void twentyMinutesAtTwentyCallsPerSecondOnTwoThousandAgentsBalanceOut() {
        SimRig rig = SimRig.forLoad(recordings, 2_400);
        FifoAgents agents = new FifoAgents(rig.sim, rig.loop, 2_000, Duration.ZERO);
        rig.sim.start(agents);
        // 72,000 calls an hour of 90 s each is 1,800 Erlang: a busy but not overloaded floor.
        CallerTraffic traffic = new CallerTraffic(rig.sim, 2026, 50_000, List.of(new CallerStream("peak", "95598",
                72_000, Duration.ofSeconds(120), null, Duration.ofSeconds(90),
                List.of(new IvrChoice(1, "1", "service", Duration.ofSeconds(15), 0.3)))));

        traffic.start();
        rig.advance(Duration.ofMinutes(20));
        traffic.stop();
        rig.advance(Duration.ofMinutes(10));

        TrafficCounters counters = traffic.counters();
        assertThat((double) counters.offered()).isCloseTo(24_000, within(24_000 * 0.03));
        assertThat(counters.blockedByTrunks()).isZero();
        assertThat(counters.answered() + counters.abandoned()).isEqualTo(counters.offered());
        assertThat(counters.completed()).isEqualTo(counters.offered());
        assertThat(rig.sim.stats()).isEqualTo(new SimSwitchStats(2_400, 0, 0, 0, 0));
        assertThat(agents.idleAgents()).isEqualTo(2_000);
    }
}

package org.hotline.cti.switching.sim;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.hotline.cti.switching.CallId;
import org.hotline.cti.switching.SwitchEvent;
import org.hotline.cti.switching.SwitchEvent.Established;
import org.hotline.cti.switching.SwitchEvent.RouteRequested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The ground the ACD's Erlang C test stands on: Poisson callers with exponential talk times who
 * never give up, served first come first served by c agents, wait as an M/M/c queue says.
 */
class ErlangCTest {
    private static final int AGENTS = 10;
    private static final double MEAN_TALK_SECONDS = 180;
    private static final double OFFERED_ERLANG = 8;

    @TempDir
    Path recordings;

    @Test
    void waitingMatchesErlangCWithExponentialTalkTimes() {
        SimRig rig = SimRig.forLoad(recordings, 1_000);
        Map<CallId, Instant> offeredAt = new HashMap<>();
        Stats stats = new Stats();
        FifoAgents agents = new FifoAgents(rig.sim, rig.loop, AGENTS, Duration.ZERO);
        rig.sim.start(e -> {
            stats.observe(e, offeredAt);
            agents.onEvent(e);
        });
        double callsPerHour = OFFERED_ERLANG / MEAN_TALK_SECONDS * 3600;
        CallerTraffic traffic = new CallerTraffic(rig.sim, 8, 10_000, List.of(new CallerStream("mmc", "95598",
                callsPerHour, null, Duration.ofSeconds((long) MEAN_TALK_SECONDS), null,
                List.of(new IvrChoice(1, "", "service", Duration.ZERO, 0)))));

        traffic.start();
        rig.advance(Duration.ofDays(10));

        double c = erlangC(AGENTS, OFFERED_ERLANG);
        double meanWait = c * MEAN_TALK_SECONDS / (AGENTS - OFFERED_ERLANG);
        assertThat(stats.answered).isGreaterThan(35_000);
        assertThat(stats.waited / (double) stats.answered).isCloseTo(c, within(0.03));
        assertThat(stats.totalWaitSeconds / stats.answered).isCloseTo(meanWait, within(meanWait * 0.12));
    }

    /** Probability that a call waits, for {@code agents} servers and {@code a} Erlang offered. */
    private static double erlangC(int agents, double a) {
        double b = 1;
        for (int k = 1; k <= agents; k++) {
            b = a * b / (k + a * b);
        }
        return agents * b / (agents - a * (1 - b));
    }

    private static final class Stats {
        long answered;
        long waited;
        double totalWaitSeconds;

        void observe(SwitchEvent e, Map<CallId, Instant> offeredAt) {
            if (e instanceof RouteRequested r) {
                offeredAt.put(r.call(), r.at());
            } else if (e instanceof Established est) {
                Instant offered = offeredAt.remove(est.call());
                if (offered != null) {
                    answered++;
                    double wait = Duration.between(offered, est.at()).toNanos() / 1e9;
                    waited += wait > 0 ? 1 : 0;
                    totalWaitSeconds += wait;
                }
            }
        }
    }
}

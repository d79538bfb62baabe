package org.hotline.cti.switching.sim;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.hotline.cti.switching.IvrOutcome;
import org.hotline.cti.switching.SwitchEvent;
import org.hotline.cti.switching.SwitchEvent.IvrFinished;
import org.hotline.cti.switching.SwitchEvent.RouteRequested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class DemoCallersTest {
    @TempDir
    Path recordings;

    @Test
    void gasHotlineOffersEveryDemoQueueInItsShare() {
        SimRig rig = SimRig.forLoad(recordings, 10_000);
        CallerTraffic traffic = new CallerTraffic(rig.sim, 96777, 20_000, DemoCallers.gasHotline(1_000));

        traffic.start();
        rig.advance(Duration.ofHours(8));
        traffic.stop();
        rig.advance(Duration.ofMinutes(1));

        List<SwitchEvent> events = rig.take();
        List<IvrFinished> visits = events.stream().filter(e -> e instanceof IvrFinished).map(e -> (IvrFinished) e).toList();
        Map<String, Long> byQueue = events.stream().filter(e -> e instanceof RouteRequested)
                .map(e -> (RouteRequested) e)
                .collect(Collectors.groupingBy(RouteRequested::queueHint, Collectors.counting()));
        double total = visits.size();
        assertThat(total).as("every caller visits the IVR").isCloseTo(8_000, within(8_000 * 0.04));
        assertThat(byQueue).as("the demo directory's queues, and no key").containsOnlyKeys("repair", "billing", "general", "");
        // Hotline weights: 1 gas leak 10, 2 repair 30, 3 billing 35, 4 new connection 10, 0 agent 15, no key 5 (of 105).
        assertThat(byQueue.get("repair") / total).as("repair: gas leaks and repairs who stayed, and the repair line")
                .isCloseTo(0.85 * (10 * 0.98 + 30 * 0.95) / 105 + 0.15, within(0.02));
        assertThat(byQueue.get("billing") / total).as("billing: those the self-service did not settle")
                .isCloseTo(0.85 * 35 * 0.65 / 105, within(0.02));
        double hungUp = visits.stream().filter(v -> v.outcome() == IvrOutcome.HUNG_UP).count();
        assertThat(hungUp / total).as("callers who hang up in the IVR")
                .isCloseTo(0.85 * (10 * 0.02 + 30 * 0.05 + 35 * 0.35 + 10 * 0.08 + 15 * 0.02 + 5 * 0.15) / 105, within(0.015));
        assertThat(visits.stream().filter(v -> v.outcome() == IvrOutcome.NO_INPUT).count() / total).as("no key pressed")
                .isCloseTo(0.85 * 5 * 0.85 / 105, within(0.01));
        assertThat(traffic.counters().leftInIvr()).isEqualTo((long) hungUp);
        assertThat(traffic.counters("repair-line").offered() / (double) traffic.counters().offered())
                .isCloseTo(0.15, within(0.02));
    }
}

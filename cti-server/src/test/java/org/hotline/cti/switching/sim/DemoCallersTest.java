package org.hotline.cti.switching.sim;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

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

        Map<String, Long> byQueue = rig.take().stream().filter(e -> e instanceof RouteRequested)
                .map(e -> (RouteRequested) e)
                .collect(Collectors.groupingBy(RouteRequested::queueHint, Collectors.counting()));
        long total = byQueue.values().stream().mapToLong(Long::longValue).sum();
        assertThat((double) total).isCloseTo(8_000, within(8_000 * 0.04));
        assertThat(byQueue).as("the demo directory's queues").containsOnlyKeys("repair", "billing", "general");
        // Gas leaks (10%) and repairs (30%) of the hotline, plus every caller of the repair line.
        assertThat(byQueue.get("repair") / (double) total).isCloseTo(0.85 * 0.40 + 0.15, within(0.02));
        assertThat(byQueue.get("billing") / (double) total).isCloseTo(0.85 * 0.35, within(0.02));
        assertThat(traffic.counters("repair-line").offered() / (double) traffic.counters().offered())
                .isCloseTo(0.15, within(0.02));
    }
}

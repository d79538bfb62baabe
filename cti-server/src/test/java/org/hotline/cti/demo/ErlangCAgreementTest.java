package org.hotline.cti.demo;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.hotline.cti.agents.AgentProfile;
import org.hotline.cti.core.CallCenter;
import org.hotline.cti.core.CallCenterConfig;
import org.hotline.cti.calls.CallDetailRecord;
import org.hotline.cti.core.VirtualTimeLoop;
import org.hotline.cti.ops.LatencyRecorder;
import org.hotline.cti.switching.sim.CallerStream;
import org.hotline.cti.switching.sim.CallerTraffic;
import org.hotline.cti.switching.sim.IvrChoice;
import org.hotline.cti.switching.sim.SimSwitch;
import org.hotline.cti.switching.sim.SimSwitchConfig;
import org.hotline.cti.testing.Fixtures;
import org.hotline.cti.testing.MemoryCdrWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The whole chain (caller traffic, simulated PBX, router, agent bots) in virtual time behaves
 * like the M/M/c queue that contact centers are staffed with: its service level and average
 * speed of answer agree with Erlang C.
 */
class ErlangCAgreementTest {

    @Test
    void serviceLevelAndSpeedOfAnswerAgreeWithErlangC(@TempDir Path dir) {
        int agents = 10;
        double ahtSeconds = 180;
        double erlangs = 8.5;
        double callsPerHour = erlangs * 3600 / ahtSeconds;

        VirtualTimeLoop loop = new VirtualTimeLoop(Instant.parse("2026-11-23T00:00:00Z"), ZoneOffset.UTC);
        SimSwitch sim = new SimSwitch(loop, SimSwitchConfig.defaults(dir).withTrunks(1_000).withRecordEveryCall(false),
                Runnable::run);
        MemoryCdrWriter cdr = new MemoryCdrWriter();
        CallCenter center = new CallCenter(loop, sim, cdr, new CallCenterConfig("main", Duration.ofSeconds(60),
                Duration.ZERO, "general", ZoneOffset.UTC), new LatencyRecorder());
        List<AgentProfile> profiles = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < agents; i++) {
            profiles.add(Fixtures.agent(String.valueOf(1100 + i), Map.of("general", 5)));
            ids.add(String.valueOf(1100 + i));
        }
        AgentBots bots = new AgentBots(center, new BotBehaviour(Duration.ZERO, Duration.ofSeconds((long) ahtSeconds),
                Duration.ZERO, 0, Duration.ZERO), 11);
        center.addListener(bots);
        center.start(profiles, List.of(Fixtures.queue("general", 1, Map.of("general", 1))), Fixtures.reasons(),
                Map.of(), Map.of());
        loop.runUntilIdle();
        bots.start(ids);
        loop.runUntilIdle();

        CallerTraffic traffic = new CallerTraffic(sim, 2026, 10_000, List.of(new CallerStream("hotline", "95001",
                callsPerHour, null, null, null, List.of(new IvrChoice(1, "1", "general", Duration.ZERO, 0)))));
        traffic.start();
        Instant measureFrom = loop.clock().instant().plus(Duration.ofHours(2)); // after the warm-up
        loop.runFor(Duration.ofHours(302));
        traffic.stop();

        List<CallDetailRecord> measured = List.copyOf(cdr.records).stream()
                .filter(r -> r.startedAt().isAfter(measureFrom) && r.outcome().equals("answered")).toList();
        int answered = measured.size();
        long within = measured.stream().filter(r -> r.queueWaitMillis() <= 20_000).count();
        double asa = measured.stream().mapToLong(CallDetailRecord::queueWaitMillis).average().orElse(0) / 1000.0;
        double sl = 100.0 * within / answered;
        double expectedSl = 100 * ErlangC.serviceLevel(agents, erlangs, ahtSeconds, 20);
        double expectedAsa = ErlangC.averageSpeedOfAnswer(agents, erlangs, ahtSeconds);
        System.out.printf("Erlang C: %d calls, SL %.1f%% (expected %.1f%%), ASA %.1f s (expected %.1f s)%n",
                answered, sl, expectedSl, asa, expectedAsa);

        assertThat(answered).isGreaterThan(10_000);
        assertThat(sl).as("service level (20 s)").isCloseTo(expectedSl, within(3.0));
        assertThat(asa).as("average speed of answer").isCloseTo(expectedAsa, within(Math.max(2.0, expectedAsa * 0.12)));
    }

}

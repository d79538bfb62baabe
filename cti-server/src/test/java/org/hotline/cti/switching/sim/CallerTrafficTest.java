package org.hotline.cti.switching.sim;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.hotline.cti.switching.CallId;
import org.hotline.cti.switching.Cause;
import org.hotline.cti.switching.SwitchEvent;
import org.hotline.cti.switching.SwitchEvent.CallCleared;
import org.hotline.cti.switching.SwitchEvent.ConnectionCleared;
import org.hotline.cti.switching.SwitchEvent.Established;
import org.hotline.cti.switching.SwitchEvent.RouteRequested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class CallerTrafficTest {
    private static final Duration DAY = Duration.ofDays(1);
    private static final Pattern CHINESE_NUMBER = Pattern.compile("1[35789]\\d{9}|0(10|2\\d)[1-9]\\d{7}|0\\d{3}[1-9]\\d{6,7}");
    private static final IvrChoice STRAIGHT_THROUGH = new IvrChoice(1, "1", "service", Duration.ofSeconds(10), 0);

    @TempDir
    Path recordings;

    /** Lots of trunks and extensions, no recording files: the traffic is what is measured. */
    private SimRig bigRig() {
        return SimRig.forLoad(recordings, 100_000);
    }

    private static CallerStream stream(double perHour, Duration patience, Duration maxTalk, List<IvrChoice> choices) {
        return new CallerStream("gas", "95598", perHour, patience, null, maxTalk, choices);
    }

    /** Arrivals for {@code period}, then time for every caller to finish; the events of it all. */
    private static List<SwitchEvent> arrivalsFor(Duration period, SimRig rig, CallerTraffic traffic) {
        traffic.start();
        rig.advance(period);
        traffic.stop();
        rig.advance(Duration.ofHours(2));
        return rig.take();
    }

    @Test
    void arrivalsArePoissonAtTheConfiguredRate() {
        SimRig rig = bigRig();
        CallerTraffic traffic = new CallerTraffic(rig.sim, 42, 5_000,
                List.of(stream(360, Duration.ofSeconds(60), null, List.of(STRAIGHT_THROUGH))));

        List<SwitchEvent> events = arrivalsFor(DAY, rig, traffic);

        List<Instant> offers = events.stream().filter(e -> e instanceof RouteRequested).map(SwitchEvent::at).toList();
        double expected = 360 * 24;
        assertThat((double) offers.size()).isCloseTo(expected, within(expected * 0.04));
        assertThat(traffic.counters().offered()).isEqualTo(offers.size());
        double[] gaps = new double[offers.size() - 1];
        for (int i = 1; i < offers.size(); i++) {
            gaps[i - 1] = Duration.between(offers.get(i - 1), offers.get(i)).toNanos() / 1e9;
        }
        double mean = mean(gaps);
        double sd = Math.sqrt(mean(squaredDeviations(gaps, mean)));
        assertThat(mean).isCloseTo(10.0, within(0.4));
        // Exponential gaps have a standard deviation equal to their mean; even or bursty arrivals do not.
        assertThat(sd / mean).isCloseTo(1.0, within(0.05));
    }

    @Test
    void callersNobodyAnswersAbandonAfterTheirMeanPatience() {
        SimRig rig = bigRig();
        CallerTraffic traffic = new CallerTraffic(rig.sim, 7, 5_000,
                List.of(stream(360, Duration.ofSeconds(90), null, List.of(STRAIGHT_THROUGH))));

        List<SwitchEvent> events = arrivalsFor(DAY, rig, traffic);

        Map<CallId, Instant> offered = new HashMap<>();
        List<Double> patience = new ArrayList<>();
        for (SwitchEvent e : events) {
            if (e instanceof RouteRequested r) {
                offered.put(r.call(), r.at());
            } else if (e instanceof ConnectionCleared c && c.cause() == Cause.ABANDONED) {
                patience.add(Duration.between(offered.get(c.call()), c.at()).toNanos() / 1e9);
            }
        }
        TrafficCounters counters = traffic.counters();
        assertThat(counters.abandoned()).isEqualTo(counters.offered()).isEqualTo(patience.size());
        assertThat(counters.completed()).isEqualTo(counters.offered());
        assertThat(counters.answered()).isZero();
        double mean = mean(patience.stream().mapToDouble(Double::doubleValue).toArray());
        assertThat(mean).isCloseTo(90.0, within(90.0 * 0.04));
        assertThat(rig.sim.stats().callsInProgress()).isZero();
    }

    @Test
    void abandonShareMatchesPatienceWhenAgentsAnswerAfterAFixedWait() {
        SimRig rig = bigRig();
        rig.sim.start(new FifoAgents(rig.sim, rig.loop, 1_000, Duration.ofSeconds(30)));
        CallerTraffic traffic = new CallerTraffic(rig.sim, 11, 5_000,
                List.of(stream(360, Duration.ofSeconds(60), Duration.ofSeconds(120), List.of(STRAIGHT_THROUGH))));

        arrivalsFor(DAY, rig, traffic);

        TrafficCounters counters = traffic.counters();
        // With exponential patience of mean 60 s, P(patience < 30 s) = 1 - e^-0.5.
        double abandonShare = (double) counters.abandoned() / counters.offered();
        assertThat(abandonShare).isCloseTo(1 - Math.exp(-0.5), within(0.02));
        assertThat(counters.answered() + counters.abandoned()).isEqualTo(counters.offered());
        assertThat(counters.completed()).isEqualTo(counters.offered());
        assertThat(rig.sim.stats().trunksInUse()).isZero();
    }

    @Test
    void connectedCallersHangUpAtTheMaximumTalkTime() {
        SimRig rig = bigRig();
        List<SwitchEvent> seen = new ArrayList<>();
        FifoAgents agents = new FifoAgents(rig.sim, rig.loop, 50, Duration.ZERO);
        rig.sim.start(e -> {
            seen.add(e);
            agents.onEvent(e);
        });
        CallerTraffic traffic = new CallerTraffic(rig.sim, 3, 500,
                List.of(stream(600, null, Duration.ofSeconds(200), List.of(STRAIGHT_THROUGH))));

        arrivalsFor(Duration.ofHours(2), rig, traffic);

        Map<CallId, Instant> answered = new HashMap<>();
        Set<Duration> talkTimes = new HashSet<>();
        for (SwitchEvent e : seen) {
            if (e instanceof Established est) {
                answered.put(est.call(), est.at());
            } else if (e instanceof CallCleared c) {
                talkTimes.add(Duration.between(answered.get(c.call()), c.at()));
            }
        }
        assertThat(answered).hasSizeGreaterThan(1_000);
        assertThat(talkTimes).containsExactly(Duration.ofSeconds(200));
        assertThat(agents.idleAgents()).isEqualTo(50);
        assertThat(traffic.counters().abandoned()).isZero();
    }

    @Test
    void ivrChoicesAndEnteredAccountsFollowTheirShares() {
        SimRig rig = bigRig();
        IvrChoice repair = new IvrChoice(3, "13", "repair", Duration.ofSeconds(40), 0.5);
        IvrChoice billing = new IvrChoice(1, "2", "billing", Duration.ofSeconds(20), 0);
        CallerTraffic traffic = new CallerTraffic(rig.sim, 5, 5_000,
                List.of(stream(360, Duration.ofSeconds(30), null, List.of(repair, billing))));

        List<RouteRequested> offers = arrivalsFor(DAY, rig, traffic).stream()
                .filter(e -> e instanceof RouteRequested).map(e -> (RouteRequested) e).toList();

        List<RouteRequested> toRepair = offers.stream().filter(r -> r.queueHint().equals("repair")).toList();
        List<RouteRequested> toBilling = offers.stream().filter(r -> r.queueHint().equals("billing")).toList();
        assertThat(toRepair.size() + toBilling.size()).isEqualTo(offers.size());
        assertThat((double) toRepair.size() / offers.size()).isCloseTo(0.75, within(0.02));
        assertThat(toRepair).allSatisfy(r -> assertThat(r.data()).containsEntry("ivr_path", "1>3"));
        assertThat(toBilling).allSatisfy(r -> assertThat(r.data()).isEqualTo(Map.of("ivr_path", "2")));
        long withAccount = toRepair.stream().filter(r -> r.data().containsKey("entered_account")).count();
        assertThat((double) withAccount / toRepair.size()).isCloseTo(0.5, within(0.03));
    }

    @Test
    void callersLookLikeChineseNumbersAndSomeCallAgainWithTheSameAccount() {
        SimRig rig = bigRig();
        CallerTraffic traffic = new CallerTraffic(rig.sim, 9, 2_000,
                List.of(stream(360, Duration.ofSeconds(30), null,
                        List.of(new IvrChoice(1, "9", "", Duration.ofSeconds(5), 1.0)))));

        List<RouteRequested> offers = arrivalsFor(DAY, rig, traffic).stream()
                .filter(e -> e instanceof RouteRequested).map(e -> (RouteRequested) e).toList();

        assertThat(offers).allSatisfy(r -> assertThat(r.callingNumber()).matches(CHINESE_NUMBER));
        Map<String, Set<String>> accountsByCaller = new HashMap<>();
        offers.forEach(r -> accountsByCaller.computeIfAbsent(r.callingNumber(), n -> new HashSet<>())
                .add(r.data().get("entered_account")));
        assertThat(accountsByCaller.size()).isLessThan(offers.size() / 2).isGreaterThan(1_500);
        assertThat(accountsByCaller.values()).allSatisfy(accounts -> assertThat(accounts).hasSize(1));
        long mobiles = accountsByCaller.keySet().stream().filter(n -> n.startsWith("1")).count();
        assertThat((double) mobiles / accountsByCaller.size()).isCloseTo(0.7, within(0.05));
    }

    @Test
    void callsBeyondTheTrunksAreCountedAsBlocked() {
        SimRig rig = new SimRig(SimSwitchConfig.defaults(recordings).withTrunks(5));
        CallerTraffic traffic = new CallerTraffic(rig.sim, 1, 100,
                List.of(stream(3600, null, null, List.of(STRAIGHT_THROUGH))));

        traffic.start();
        rig.advance(Duration.ofMinutes(10));

        TrafficCounters counters = traffic.counters();
        assertThat(counters.offered()).isGreaterThan(500);
        assertThat(counters.blockedByTrunks()).isEqualTo(counters.offered() - 5);
        assertThat(rig.sim.stats().blockedByTrunks()).isEqualTo(counters.blockedByTrunks());
        assertThat(traffic.counters("gas")).isEqualTo(counters);
    }

    @Test
    void theSameSeedRepeatsARunAndAnotherSeedDoesNot() {
        assertThat(hourWithSeed(17)).isEqualTo(hourWithSeed(17)).isNotEqualTo(hourWithSeed(18));
    }

    private List<SwitchEvent> hourWithSeed(long seed) {
        SimRig rig = bigRig();
        CallerTraffic traffic = new CallerTraffic(rig.sim, seed, 1_000,
                List.of(stream(600, Duration.ofSeconds(40), Duration.ofSeconds(90), List.of(STRAIGHT_THROUGH))));
        traffic.start();
        rig.advance(Duration.ofHours(1));
        // Call ids carry no randomness but are compared too: both runs start at the same instant.
        return rig.take();
    }

    @Test
    void stopEndsArrivalsButLetsCallersInTheIvrGoOn() {
        SimRig rig = bigRig();
        CallerTraffic traffic = new CallerTraffic(rig.sim, 2, 1_000,
                List.of(stream(3600, null, null, List.of(STRAIGHT_THROUGH))));
        traffic.start();
        rig.advance(Duration.ofMinutes(10));

        traffic.stop();
        rig.loop.runUntilIdle();
        long offered = traffic.counters().offered();
        rig.advance(Duration.ofHours(1));

        assertThat(traffic.counters().offered()).isEqualTo(offered);
        assertThat(rig.take().stream().filter(e -> e instanceof RouteRequested).count()).isEqualTo(offered);
    }

    @Test
    void streamsAreCountedSeparately() {
        SimRig rig = bigRig();
        CallerTraffic traffic = new CallerTraffic(rig.sim, 4, 1_000, List.of(
                new CallerStream("gas", "95598", 1800, Duration.ofSeconds(20), null, null, List.of(STRAIGHT_THROUGH)),
                new CallerStream("water", "96116", 600, Duration.ofSeconds(20), null, null, List.of(STRAIGHT_THROUGH))));

        List<RouteRequested> offers = arrivalsFor(Duration.ofHours(4), rig, traffic).stream()
                .filter(e -> e instanceof RouteRequested).map(e -> (RouteRequested) e).toList();
        long water = offers.stream().filter(r -> r.calledNumber().equals("96116")).count();
        assertThat(traffic.counters("water").offered()).isEqualTo(water);
        assertThat(traffic.counters("gas").offered()).isEqualTo(offers.size() - water);
        assertThat((double) water).isCloseTo(2400, within(2400 * 0.08));
    }

    private static double mean(double[] xs) {
        double sum = 0;
        for (double x : xs) {
            sum += x;
        }
        return sum / xs.length;
    }

    private static double[] squaredDeviations(double[] xs, double mean) {
        double[] out = new double[xs.length];
        for (int i = 0; i < xs.length; i++) {
            out[i] = (xs[i] - mean) * (xs[i] - mean);
        }
        return out;
    }
}

package org.hotline.cti.switching.sim;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

import org.hotline.cti.switching.Announcement;
import org.hotline.cti.switching.CallId;
import org.hotline.cti.switching.ConnectionId;
import org.hotline.cti.switching.Destination;
import org.hotline.cti.switching.Devices;
import org.hotline.cti.switching.MonitorMode;
import org.hotline.cti.switching.SwitchEvent;
import org.hotline.cti.switching.SwitchEvent.CallView;
import org.hotline.cti.switching.SwitchEvent.ConnectionView;
import org.hotline.cti.switching.SwitchEvent.SwitchSnapshot;
import org.hotline.cti.switching.SwitchException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whatever the CTI server and the callers do, in any order, the switch stays consistent: a phone
 * is busy in one call at most, trunks are counted right, a lone party is always a waiting one, no
 * call says anything after its CallCleared, services fail only with SwitchException, and when
 * everybody hangs up nothing is left.
 */
class SimSwitchPropertyTest {
    private static final List<String> EXTENSIONS = List.of("1001", "1002", "1003", "1004", "1099");
    private static final int TRUNKS = 5;

    @Property(tries = 120)
    void anySequenceOfServicesKeepsTheSwitchConsistent(@ForAll long seed) {
        SimRig rig = new SimRig(SimSwitchConfig.defaults(Path.of("recordings")).withTrunks(TRUNKS)
                .withPstn(FakePstn.with(Map.of("02164000001", FakePstn.Outcome.BUSY,
                        "02164000002", FakePstn.Outcome.NO_ANSWER))));
        Random random = new Random(seed);

        for (int step = 0; step < 60; step++) {
            randomService(rig, random, snapshot(rig));
            assertConsistent(rig);
        }
        hangUpEverybody(rig);

        assertThat(snapshot(rig).calls()).isEmpty();
        assertThat(rig.sim.stats().trunksInUse()).isZero();
        assertThat(rig.sim.stats().callsInProgress()).isZero();
        assertEveryCallEndedOnce(rig.events);
    }

    private static void randomService(SimRig rig, Random random, SwitchSnapshot snap) {
        SimSwitch sim = rig.sim;
        ConnectionId conn = anyConnection(snap, random);
        CallId call = conn == null ? null : conn.call();
        String ext = pick(EXTENSIONS, random);
        switch (random.nextInt(16)) {
            case 0, 1 -> attempt(rig, sim.inboundCall("1380000000" + random.nextInt(10), "95598",
                    new IvrScript("1", "service", null, Duration.ofSeconds(random.nextInt(3)))));
            case 2 -> attempt(rig, sim.makeCall(ext, anyDestination(random), Map.of()));
            case 3 -> rig.advance(Duration.ofSeconds(random.nextInt(12)));
            default -> {
                if (conn == null) {
                    return;
                }
                switch (random.nextInt(13)) {
                    case 0 -> attempt(rig, sim.routeSelect(call, ext));
                    case 1 -> attempt(rig, sim.answerCall(conn));
                    case 2 -> attempt(rig, sim.clearConnection(conn));
                    case 3 -> attempt(rig, sim.hangUp(conn));
                    case 4 -> attempt(rig, sim.holdCall(conn));
                    case 5 -> attempt(rig, sim.retrieveCall(conn));
                    case 6 -> attempt(rig, sim.consultationCall(conn, anyDestination(random)));
                    case 7 -> attempt(rig, sim.singleStepTransfer(conn, anyDestination(random)));
                    case 8 -> attempt(rig, sim.singleStepConference(call, conn.device(), ext,
                            pick(List.of(MonitorMode.values()), random)));
                    case 9 -> attempt(rig, sim.playAnnouncement(call, pick(List.of(Announcement.values()), random)));
                    case 10 -> attempt(rig, sim.generateDigits(conn, "5"));
                    case 11 -> attempt(rig, sim.setMute(conn, random.nextBoolean()));
                    default -> {
                        ConnectionId other = sameDeviceElsewhere(snap, conn);
                        if (other != null) {
                            attempt(rig, random.nextBoolean() ? sim.transferCall(conn, other)
                                    : sim.conferenceCall(conn, other));
                        }
                    }
                }
            }
        }
    }

    private static void assertConsistent(SimRig rig) {
        SwitchSnapshot snap = snapshot(rig);
        SimSwitchStats stats = rig.sim.stats();
        Map<String, Integer> occupied = new HashMap<>();
        int outsideParties = 0;
        for (CallView call : snap.calls()) {
            if (call.connections().size() < 2) {
                assertThat(call.connections()).as("a call with one party is one that waits: %s", call)
                        .singleElement().extracting(ConnectionView::state).isEqualTo("QUEUED");
            }
            for (ConnectionView c : call.connections()) {
                if (Devices.isExternal(c.device())) {
                    outsideParties++;
                } else if (!c.state().equals("HELD")) {
                    occupied.merge(c.device(), 1, Integer::sum);
                }
            }
        }
        assertThat(occupied.values()).as("phones busy in more than one call: %s", occupied).allMatch(n -> n == 1);
        int callersInIvr = stats.callsInProgress() - snap.calls().size();
        assertThat(stats.trunksInUse()).isEqualTo(outsideParties + callersInIvr).isLessThanOrEqualTo(TRUNKS);
    }

    private static void hangUpEverybody(SimRig rig) {
        for (int round = 0; round < 10 && rig.sim.stats().callsInProgress() > 0; round++) {
            rig.advance(Duration.ofSeconds(20));
            for (CallView call : snapshot(rig).calls()) {
                for (ConnectionView c : call.connections()) {
                    attempt(rig, rig.sim.hangUp(new ConnectionId(call.call(), c.device())));
                }
            }
        }
    }

    private static void assertEveryCallEndedOnce(List<SwitchEvent> events) {
        Set<CallId> cleared = new HashSet<>();
        Set<CallId> seen = new HashSet<>();
        for (SwitchEvent e : events) {
            CallId call = callOf(e);
            assertThat(cleared).as("event after CallCleared: %s", e).doesNotContain(call);
            seen.add(call);
            if (e instanceof SwitchEvent.CallCleared) {
                cleared.add(call);
            } else if (e instanceof SwitchEvent.Transferred t) {
                cleared.add(t.secondaryCall());
            } else if (e instanceof SwitchEvent.Conferenced c) {
                cleared.add(c.secondaryCall());
            }
        }
        assertThat(cleared).isEqualTo(seen);
    }

    private static CallId callOf(SwitchEvent e) {
        if (e instanceof SwitchEvent.Transferred t) {
            return t.primaryCall();
        }
        if (e instanceof SwitchEvent.Conferenced c) {
            return c.primaryCall();
        }
        try {
            return (CallId) e.getClass().getMethod("call").invoke(e);
        } catch (ReflectiveOperationException x) {
            throw new AssertionError("event without a call: " + e, x);
        }
    }

    /** Runs the service; it must finish on the loop, and a refusal must be a SwitchException. */
    private static void attempt(SimRig rig, CompletionStage<?> stage) {
        rig.loop.runUntilIdle();
        CompletableFuture<?> f = stage.toCompletableFuture();
        assertThat(f).isDone();
        try {
            f.join();
        } catch (CompletionException e) {
            assertThat(e.getCause()).isInstanceOf(SwitchException.class);
        }
    }

    private static SwitchSnapshot snapshot(SimRig rig) {
        return rig.done(rig.sim.snapshot());
    }

    private static ConnectionId anyConnection(SwitchSnapshot snap, Random random) {
        List<ConnectionId> all = new ArrayList<>();
        snap.calls().forEach(call -> call.connections().forEach(c -> all.add(new ConnectionId(call.call(), c.device()))));
        return all.isEmpty() ? null : pick(all, random);
    }

    private static ConnectionId sameDeviceElsewhere(SwitchSnapshot snap, ConnectionId conn) {
        for (CallView call : snap.calls()) {
            if (!call.call().equals(conn.call())
                    && call.connections().stream().anyMatch(c -> c.device().equals(conn.device()))) {
                return new ConnectionId(call.call(), conn.device());
            }
        }
        return null;
    }

    private static Destination anyDestination(Random random) {
        return switch (random.nextInt(3)) {
            case 0 -> new Destination.Extension(pick(EXTENSIONS, random));
            case 1 -> new Destination.Queue("repair");
            default -> new Destination.External("0216400000" + random.nextInt(3));
        };
    }

    private static <T> T pick(List<T> items, Random random) {
        return items.get(random.nextInt(items.size()));
    }
}

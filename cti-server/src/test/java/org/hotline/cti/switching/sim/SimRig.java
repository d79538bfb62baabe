package org.hotline.cti.switching.sim;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.regex.Pattern;

import org.hotline.cti.core.VirtualTimeLoop;
import org.hotline.cti.switching.CallId;
import org.hotline.cti.switching.ConnectionId;
import org.hotline.cti.switching.Destination;
import org.hotline.cti.switching.Devices;
import org.hotline.cti.switching.SwitchEvent;
import org.hotline.cti.switching.SwitchException;

import static org.assertj.core.api.Assertions.assertThat;

/** A simulated PBX on virtual time with a listener that records every event and a file executor the test runs. */
final class SimRig {
    static final Instant T0 = Instant.parse("2026-11-23T08:00:00Z");
    static final String CALLER = "13812345678";
    static final String CALLER_DEVICE = Devices.external(CALLER);
    static final String HOTLINE = "95598";

    final VirtualTimeLoop loop = new VirtualTimeLoop(T0, ZoneOffset.UTC);
    final List<SwitchEvent> events = new ArrayList<>();
    final List<Runnable> fileJobs = new ArrayList<>();
    final SimSwitch sim;

    SimRig(Path recordings) {
        this(SimSwitchConfig.defaults(recordings).withTrunks(4));
    }

    /** For traffic runs: {@code trunks} trunks, six-digit extensions for thousands of agents, no recording files. */
    static SimRig forLoad(Path recordings, int trunks) {
        return new SimRig(new SimSwitchConfig(trunks, Pattern.compile("\\d{6}"), recordings, false,
                Duration.ofSeconds(2), Duration.ofSeconds(8)));
    }

    SimRig(SimSwitchConfig config) {
        sim = new SimSwitch(loop, config, fileJobs::add);
        sim.start(events::add);
    }

    /** Runs what is due now and returns the stage's value; fails the test if it did not complete. */
    <T> T done(CompletionStage<T> stage) {
        loop.runUntilIdle();
        CompletableFuture<T> f = stage.toCompletableFuture();
        assertThat(f).as("stage completed on the loop").isDone();
        return f.join();
    }

    /** Runs what is due now and returns why the stage failed. */
    SwitchException refused(CompletionStage<?> stage) {
        loop.runUntilIdle();
        CompletableFuture<?> f = stage.toCompletableFuture();
        assertThat(f).as("stage completed on the loop").isDone();
        try {
            f.join();
        } catch (CompletionException e) {
            assertThat(e.getCause()).isInstanceOf(SwitchException.class);
            return (SwitchException) e.getCause();
        }
        throw new AssertionError("expected the service to be refused, but it succeeded");
    }

    /** The events since the last call, in order. */
    List<SwitchEvent> take() {
        loop.runUntilIdle();
        List<SwitchEvent> taken = List.copyOf(events);
        events.clear();
        return taken;
    }

    void advance(Duration d) {
        loop.runFor(d);
    }

    Instant now() {
        return loop.clock().instant();
    }

    /** A caller without IVR choices whose call is offered (RouteRequested taken). */
    CallId waitingCall() {
        CallId call = done(sim.inboundCall(CALLER, HOTLINE, IvrScript.none()));
        take();
        return call;
    }

    /** A caller talking to {@code agent}; the events up to here are taken. */
    CallId connectedCall(String agent) {
        CallId call = waitingCall();
        done(sim.routeSelect(call, agent));
        done(sim.answerCall(new ConnectionId(call, agent)));
        take();
        return call;
    }

    /** {@code agent} (talking in {@code primary}) consults {@code other}, who answers if {@code answered}; events taken. */
    CallId consultation(CallId primary, String agent, String other, boolean answered) {
        CallId consult = done(sim.consultationCall(new ConnectionId(primary, agent),
                new Destination.Extension(other)));
        if (answered) {
            done(sim.answerCall(new ConnectionId(consult, other)));
        }
        take();
        return consult;
    }

    void runFileJobs() {
        List<Runnable> jobs = List.copyOf(fileJobs);
        fileJobs.clear();
        jobs.forEach(Runnable::run);
    }
}

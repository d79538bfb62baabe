package org.hotline.cti.switching.sim;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.hotline.cti.switching.CallId;
import org.hotline.cti.switching.ConnectionId;
import org.hotline.cti.switching.SwitchEvent;
import org.hotline.cti.switching.SwitchEvent.Delivered;
import org.hotline.cti.switching.SwitchEvent.Established;
import org.hotline.cti.switching.SwitchEvent.RecordingStarted;
import org.hotline.cti.switching.SwitchEvent.RouteRequested;
import org.hotline.cti.switching.SwitchException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The production setup on real threads: events come from the "sim-pbx" thread, recordings survive close. */
class StandaloneSimSwitchTest {
    private static final long TIMEOUT_SECONDS = 10;

    @TempDir
    Path recordings;

    private record Seen(SwitchEvent event, String thread) {}

    @Test
    void runsOnItsOwnThreadAndFinishesRecordingsOnClose() throws Exception {
        BlockingQueue<Seen> seen = new LinkedBlockingQueue<>();
        SimSwitch sim = SimSwitch.standalone(SimSwitchConfig.defaults(recordings), Clock.systemUTC());
        sim.start(e -> seen.add(new Seen(e, Thread.currentThread().getName())));

        CallId call = sim.inboundCall("13812345678", "96777", IvrScript.none()).toCompletableFuture()
                .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        assertThat(next(seen).event()).isInstanceOf(RouteRequested.class);
        sim.routeSelect(call, "1001").toCompletableFuture().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        sim.answerCall(new ConnectionId(call, "1001")).toCompletableFuture().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        List<Seen> rest = List.of(next(seen), next(seen), next(seen));
        sim.close();

        assertThat(rest).<Class<?>>extracting(s -> s.event().getClass())
                .containsExactly(Delivered.class, Established.class, RecordingStarted.class);
        assertThat(rest).extracting(Seen::thread).containsOnly("sim-pbx");
        assertThat(Path.of(((RecordingStarted) rest.get(2).event()).path())).isRegularFile().hasSize(44 + 16000);
        assertThatThrownBy(() -> sim.answerCall(new ConnectionId(call, "1001")).toCompletableFuture()
                .get(TIMEOUT_SECONDS, TimeUnit.SECONDS))
                .hasCauseInstanceOf(SwitchException.class);
    }

    private static Seen next(BlockingQueue<Seen> seen) throws InterruptedException {
        Seen s = seen.poll(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        assertThat(s).as("an event within %d s", TIMEOUT_SECONDS).isNotNull();
        return s;
    }
}

package org.hotline.cti.switching.asterisk;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.hotline.cti.switching.SwitchEvent;

import static java.util.Objects.requireNonNull;

/**
 * Runs the real adapter (asterisk-java over loopback TCP) against {@link FakeAmiServer} serving
 * transcripts, and collects the port events and the final live-model state.
 */
public final class AmiReplay {
    /** What a replay produced. */
    public record Result(List<SwitchEvent> events, String finalState, AmiMetrics metrics, List<java.util.Map<String, String>> actionsSent) {}

    private AmiReplay() {}

    public static Result run(List<AmiTranscript> sessions, FakeAmiServer.Options options) throws IOException {
        return run(sessions, options, s -> { });
    }

    /**
     * Replays {@code sessions} (one per TCP connection); {@code driver} gets the started adapter
     * before the stream begins so tests can call services when the server asks for an action.
     */
    public static Result run(List<AmiTranscript> sessions, FakeAmiServer.Options options,
                             Consumer<AsteriskSwitch> driver) throws IOException {
        requireNonNull(sessions, "sessions");
        List<SwitchEvent> events = Collections.synchronizedList(new ArrayList<>());
        AsteriskSwitch[] holder = new AsteriskSwitch[1];
        try (FakeAmiServer server = new FakeAmiServer(sessions, options)) {
            AsteriskSettings settings = AsteriskSettings.defaults("127.0.0.1", server.port(), "cti", "cti-secret")
                    .withLiveness(Duration.ofSeconds(2), Duration.ofSeconds(5));
            AsteriskSwitch sw = new AsteriskSwitch(settings, Clock.systemUTC());
            holder[0] = sw;
            driver.accept(sw);
            sw.start(events::add);
            try {
                server.drained(sessions.size() - 1).get(60, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IOException("replay of " + sessions.get(sessions.size() - 1).name() + " did not finish: " + e, e);
            }
            String state;
            try {
                // Logoff returns once Goodbye is read, so every frame before it is already queued.
                sw.logoff();
                state = sw.inspect(PortEventJson::state);
            } finally {
                sw.close();
            }
            return new Result(List.copyOf(events), state, sw.metrics(), List.copyOf(server.received()));
        }
    }
}

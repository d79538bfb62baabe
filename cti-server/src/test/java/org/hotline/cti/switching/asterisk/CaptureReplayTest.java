package org.hotline.cti.switching.asterisk;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.hotline.cti.switching.SwitchEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every shared capture through the real adapter (asterisk-java over loopback TCP): the full port
 * event sequence and the final live-model state must be exactly the reviewed expectation in
 * {@code src/test/resources/asterisk-expected/}, and every event frame must be accounted for.
 */
class CaptureReplayTest {

    static List<String> captures() {
        return Captures.amiFiles();
    }

    @Test
    void everyCaptureHasAnExpectation() {
        assertThat(captures()).hasSize(13);
        for (String capture : captures()) {
            assertThat(getClass().getResource(expectationOf(capture))).as(capture).isNotNull();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("captures")
    void replayGivesTheReviewedEventsAndFinalStateAndAccountsForEveryFrame(String capture) throws IOException {
        AmiTranscript transcript = Captures.load(capture);

        AmiReplay.Result result = AmiReplay.run(List.of(transcript), FakeAmiServer.Options.replay());

        List<String> lines = new ArrayList<>();
        for (SwitchEvent e : result.events()) {
            lines.add(PortEventJson.of(e));
        }
        lines.add(result.finalState());
        assertThat(lines).containsExactlyElementsOf(expected(capture));

        long eventBlocks = transcript.blocks().stream()
                .filter(b -> b.direction() == AmiTranscript.Direction.S2C && b.text().startsWith("Event:")).count();
        long neutralListEnds = FakeAmiServer.Options.replay().afterLogin().stream()
                .filter(action -> transcript.blocks().stream().noneMatch(b -> b.direction() == AmiTranscript.Direction.C2S
                        && b.text().toLowerCase(Locale.ROOT).startsWith("action: " + action)))
                .count();
        AmiMetrics m = result.metrics();
        assertThat(m.eventFramesAccounted()).as("event frames applied + ignored + unknown").isEqualTo(eventBlocks + neutralListEnds);
        assertThat(m.unknownEvents()).isZero();
        assertThat(m.truncatedFrames()).isZero();
        assertThat(m.malformedLines()).isZero();
        assertThat(m.oversizedFrames()).isZero();
        assertThat(m.framesRead()).isEqualTo(m.eventFramesAccounted() + m.nonEventFrames());
    }

    private static String expectationOf(String capture) {
        return "/asterisk-expected/" + capture.replace(".txt", ".jsonl");
    }

    private List<String> expected(String capture) throws IOException {
        try (InputStream in = getClass().getResourceAsStream(expectationOf(capture))) {
            assertThat(in).as("expectation for " + capture).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
    }
}

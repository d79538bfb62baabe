package org.hotline.cti.switching.asterisk;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.hotline.cti.switching.SwitchEvent;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The eventfilter lines of the shipped {@code docs/asterisk/manager.conf}, applied to each capture
 * as Asterisk applies legacy filters (an event passes when one regular expression matches its
 * text), must leave the adapter's port events unchanged: the filter drops only what we do not use.
 */
class SampleEventFilterTest {

    static List<String> captures() {
        // 10 is left out: its list replies are action responses, which eventfilter does not touch.
        return Captures.amiFiles().stream().filter(f -> !f.startsWith("10-")).toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("captures")
    void filteredStreamGivesTheSamePortEvents(String capture) throws IOException {
        List<Pattern> filters = filters();
        AmiTranscript full = Captures.load(capture);
        List<AmiTranscript.Block> kept = new ArrayList<>();
        int dropped = 0;
        for (AmiTranscript.Block b : full.blocks()) {
            boolean event = b.direction() == AmiTranscript.Direction.S2C && b.text().startsWith("Event:")
                    && !b.text().contains("\r\nActionID:");
            if (event && filters.stream().noneMatch(p -> p.matcher(b.text()).find())) {
                dropped++;
                continue;
            }
            kept.add(b);
        }

        AmiReplay.Result result = AmiReplay.run(List.of(new AmiTranscript(capture + "-filtered", kept)), FakeAmiServer.Options.replay());

        List<String> lines = new ArrayList<>();
        for (SwitchEvent e : result.events()) {
            lines.add(normalise(PortEventJson.of(e)));
        }
        lines.add(result.finalState());
        assertThat(lines).containsExactlyElementsOf(expected(capture).stream().map(SampleEventFilterTest::normalise).toList());
        assertThat(dropped).as("the filter must drop something").isPositive();
    }

    /** Without SuccessfulAuth the first resync is dated by the CTI server's clock, not the switch's. */
    private static String normalise(String line) {
        return line.startsWith("{\"type\":\"LinkRestored\"") ? line.replaceFirst("\"at\":\"[^\"]*\"", "\"at\":\"-\"") : line;
    }

    static List<Pattern> filters() throws IOException {
        Path conf = null;
        for (Path at = Path.of("").toAbsolutePath(); at != null; at = at.getParent()) {
            if (Files.isRegularFile(at.resolve("docs/asterisk/manager.conf"))) {
                conf = at.resolve("docs/asterisk/manager.conf");
                break;
            }
        }
        assertThat(conf).as("docs/asterisk/manager.conf above the working directory").isNotNull();
        List<Pattern> filters = new ArrayList<>();
        for (String line : Files.readAllLines(conf)) {
            String l = line.strip();
            if (l.startsWith("eventfilter")) {
                String regex = l.substring(l.indexOf('=') + 1).strip();
                // POSIX class as Asterisk's regcomp understands it -> Java.
                filters.add(Pattern.compile(regex.replace("[[:space:]]", "\\s")));
            }
        }
        assertThat(filters).as("eventfilter lines in " + conf).isNotEmpty();
        return filters;
    }

    private List<String> expected(String capture) throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/asterisk-expected/" + capture.replace(".txt", ".jsonl"))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
    }
}

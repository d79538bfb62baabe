package org.hotline.cti.switching.asterisk;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import picocli.CommandLine;

import static org.assertj.core.api.Assertions.assertThat;

/** The operator tools: {@code ami-replay FILE} and {@code bench ami}. */
class AsteriskCommandsTest {

    @Test
    void amiReplayPrintsThePortEventsAndTheFinalStateAsJsonLines() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int exit = new CommandLine(new AmiReplayCommand(new PrintStream(bytes, true, StandardCharsets.UTF_8)))
                .execute(Captures.dir().resolve("02-inbound-abandoned.txt").toString());

        assertThat(exit).isZero();
        assertThat(bytes.toString(StandardCharsets.UTF_8).lines().toList()).containsExactlyElementsOf(expected("02-inbound-abandoned"));
    }

    @Test
    void amiReplayRefusesAFileItCannotRead() {
        int exit = new CommandLine(new AmiReplayCommand(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)))
                .execute("no-such-transcript.txt");

        assertThat(exit).isEqualTo(2);
    }

    @Test
    void benchStreamGivesEveryRepetitionFreshChannelsAndIds() throws IOException {
        AmiBenchCommand.Stream one = AmiBenchCommand.buildStream(Captures.dir(), 1);
        AmiBenchCommand.Stream two = AmiBenchCommand.buildStream(Captures.dir(), 2);

        Set<String> first = values(one.body(), "Uniqueid");
        Set<String> both = values(two.body(), "Uniqueid");
        assertThat(both).hasSize(first.size() * 2 - 1); // "none" of the two marks is shared
        assertThat(values(two.body(), "Channel")).hasSize(values(one.body(), "Channel").size() * 2 - 1);
        assertThat(two.events()).isEqualTo(one.events() * 2 - 2);
    }

    @Test
    void benchAmiReportsRatesAndNoDroppedEventsWithJsonLastLine() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        AmiBenchCommand bench = new AmiBenchCommand(new PrintStream(bytes, true, StandardCharsets.UTF_8));

        int exit = new CommandLine(bench).execute("--repetitions", "1", "--skip-live", "--captures", Captures.dir().toString());

        assertThat(exit).isZero();
        List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
        String json = lines.get(lines.size() - 1);
        assertThat(json).startsWith("{\"events\":").endsWith("}");
        assertThat(json).contains("\"droppedAdapter\":0,");
        assertThat(number(json, "adapterEventsPerSec")).isPositive();
        assertThat(number(json, "bareEventsPerSec")).isPositive();
    }

    private static double number(String json, String key) {
        Matcher m = Pattern.compile("\"" + key + "\":([0-9.]+)").matcher(json);
        assertThat(m.find()).as(key + " in " + json).isTrue();
        return Double.parseDouble(m.group(1));
    }

    private static Set<String> values(String body, String header) {
        Set<String> values = new HashSet<>();
        Matcher m = Pattern.compile("(?m)^" + header + ": ([^\\r\\n]*)").matcher(body);
        while (m.find()) {
            values.add(m.group(1));
        }
        return values;
    }

    private List<String> expected(String capture) throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/asterisk-expected/" + capture + ".jsonl")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
    }
}

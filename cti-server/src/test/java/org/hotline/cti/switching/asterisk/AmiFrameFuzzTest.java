package org.hotline.cti.switching.asterisk;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.hotline.cti.switching.SwitchEvent;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random AMI streams mixing real frames from the captures with malformed, oversized, unknown,
 * garbage and truncated frames, through the frame assembler and the live model: nothing may
 * throw, every frame must land in a counted bucket, and the model must still follow a clean call
 * afterwards (never stuck).
 */
class AmiFrameFuzzTest {
    private static final List<String> REAL_FRAMES = realFrames();

    sealed interface Piece permits Valid, Unknown, Malformed, Oversized, HugeFrame, Garbage {}

    record Valid(String frame) implements Piece {}

    record Unknown(String name) implements Piece {}

    record Malformed(String frame, String badLine) implements Piece {}

    record Oversized(String frame, int extraChars) implements Piece {}

    record HugeFrame(int lines) implements Piece {}

    record Garbage(String line) implements Piece {}

    @Property(tries = 300)
    void neverThrowsCountsEveryFrameAndStaysAbleToFollowCalls(@ForAll("streams") List<Piece> stream,
                                                              @ForAll boolean cutLastFrame) {
        AmiMetrics metrics = new AmiMetrics();
        List<SwitchEvent> events = new ArrayList<>();
        AsteriskCallModel model = new AsteriskCallModel(AsteriskSettings.defaults("127.0.0.1", 5038, "cti", "x"),
                events::add, metrics, Clock.systemUTC());
        AmiFrameAssembler assembler = new AmiFrameAssembler(model::apply, metrics);
        int unknown = 0;
        int malformed = 0;
        int oversized = 0;

        for (Piece p : stream) {
            if (p instanceof Valid v) {
                feed(assembler, v.frame());
            } else if (p instanceof Unknown u) {
                unknown++;
                feed(assembler, "Event: " + u.name() + "\r\nPrivilege: call,all\r\nChannel: PJSIP/9-1\r\n");
            } else if (p instanceof Malformed m) {
                malformed++;
                feed(assembler, m.frame() + "\r\n" + m.badLine());
            } else if (p instanceof Oversized o) {
                oversized++;
                feed(assembler, o.frame() + "\r\nValue: " + "x".repeat(AmiFrameAssembler.MAX_LINE_CHARS + o.extraChars()));
            } else if (p instanceof HugeFrame h) {
                oversized++;
                StringBuilder sb = new StringBuilder("Event: VarSet");
                for (int i = 0; i < h.lines(); i++) {
                    sb.append("\r\nVariable").append(i).append(": v");
                }
                feed(assembler, sb.toString());
            } else if (p instanceof Garbage g) {
                feed(assembler, g.line());
            }
        }
        int truncated = 0;
        if (cutLastFrame) {
            truncated = 1;
            for (String line : "Event: Hangup\r\nChannel: PJSIP/1001-00000001\r\nUniqueid: 1795298890.1".split("\r\n")) {
                assembler.line(line);
            }
            assembler.endOfStream();
        }

        assertThat(metrics.framesRead()).isEqualTo(stream.size() + truncated);
        assertThat(metrics.framesRead()).isEqualTo(metrics.eventFramesAccounted() + metrics.nonEventFrames() + metrics.truncatedFrames());
        assertThat(metrics.truncatedFrames()).isEqualTo(truncated);
        assertThat(metrics.unknownEvents()).isGreaterThanOrEqualTo(unknown);
        assertThat(metrics.malformedLines()).isGreaterThanOrEqualTo(malformed);
        assertThat(metrics.oversizedFrames()).isEqualTo(oversized);

        // Not stuck: a fresh call (new channel names and ids) is still followed from ring to clear.
        events.clear();
        for (String frame : freshCall()) {
            feed(assembler, frame);
        }
        assertThat(events).extracting(e -> e.getClass().getSimpleName())
                .containsSubsequence("Delivered", "Established", "ConnectionCleared", "ConnectionCleared", "CallCleared");
    }

    private static void feed(AmiFrameAssembler assembler, String frame) {
        for (String line : frame.split("\r\n")) {
            assembler.line(line);
        }
        assembler.line("");
    }

    @Provide
    Arbitrary<List<Piece>> streams() {
        Arbitrary<String> real = Arbitraries.of(REAL_FRAMES);
        Arbitrary<Piece> valid = real.map(Valid::new);
        Arbitrary<Piece> unknown = Arbitraries.strings().alpha().ofMinLength(3).ofMaxLength(20)
                .filter(n -> !KnownIgnored.NAMES.contains(n) && !n.equals("Newchannel")).map(n -> "Zz" + n).map(Unknown::new);
        Arbitrary<String> badLine = Arbitraries.strings().withChars("abc xyz-_/;=").ofMinLength(1).ofMaxLength(40)
                .filter(s -> !s.isBlank());
        Arbitrary<Piece> malformed = Combinators.combine(real, badLine).as(Malformed::new);
        Arbitrary<Piece> oversized = Combinators.combine(real, Arbitraries.integers().between(1, 50_000)).as(Oversized::new);
        Arbitrary<Piece> huge = Arbitraries.integers().between(AmiFrameAssembler.MAX_FRAME_LINES, 2000).map(HugeFrame::new);
        Arbitrary<Piece> garbage = Arbitraries.strings().ofMinLength(1).ofMaxLength(300)
                .map(s -> s.replace('\r', ' ').replace('\n', ' ')).filter(s -> !s.isBlank() && !s.startsWith("Asterisk Call Manager"))
                .map(Garbage::new);
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(10, valid), net.jqwik.api.Tuple.of(2, unknown), net.jqwik.api.Tuple.of(2, malformed),
                net.jqwik.api.Tuple.of(1, oversized), net.jqwik.api.Tuple.of(1, huge), net.jqwik.api.Tuple.of(2, garbage))
                .list().ofMaxSize(60);
    }

    private static List<String> realFrames() {
        List<String> frames = new ArrayList<>();
        for (String file : Captures.amiFiles()) {
            for (AmiTranscript.Block b : Captures.load(file).blocks()) {
                if (b.direction() == AmiTranscript.Direction.S2C && b.text().startsWith("Event:")) {
                    frames.add(b.text().substring(0, b.text().length() - 4)); // without the final empty line
                }
            }
        }
        return frames;
    }

    /** Capture 01's call with ids and channel names no capture uses. */
    private static List<String> freshCall() {
        List<String> frames = new ArrayList<>();
        for (AmiTranscript.Block b : Captures.load("01-inbound-answered.txt").blocks()) {
            if (b.direction() == AmiTranscript.Direction.S2C && b.text().startsWith("Event:")) {
                frames.add(b.text().replace("1795298890.", "4242424242.").replace("-0000000", "-fffffff")
                        .substring(0, b.text().length() - 4));
            }
        }
        return frames;
    }
}

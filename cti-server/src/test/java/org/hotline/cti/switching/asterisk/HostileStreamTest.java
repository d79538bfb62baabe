package org.hotline.cti.switching.asterisk;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.hotline.cti.switching.SwitchEvent;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Capture 01 with hostile frames spliced in, through asterisk-java over TCP: a 200 KB line, a
 * frame of 600 lines (the limit is 512), an event nobody knows and a line without a colon. The call must come out
 * exactly as in the clean replay and each hostile frame must be counted.
 */
class HostileStreamTest {

    @Test
    void hostileFramesAreCountedAndTheCallIsStillFollowedExactly() throws IOException {
        AmiTranscript clean = Captures.load("01-inbound-answered.txt");
        List<AmiTranscript.Block> blocks = new ArrayList<>();
        boolean spliced = false;
        for (AmiTranscript.Block b : clean.blocks()) {
            blocks.add(b);
            if (!spliced && b.text().startsWith("Event: Newchannel")) {
                spliced = true;
                blocks.add(s2c(b.tMs(), "Event: VarSet\r\nChannel: PJSIP/pstn-00000000\r\nVariable: HUGE\r\nValue: "
                        + "y".repeat(200_000) + "\r\n\r\n"));
                StringBuilder many = new StringBuilder("Event: DeviceStateChange\r\n");
                for (int i = 0; i < 600; i++) {
                    many.append("Line").append(i).append(": x\r\n");
                }
                blocks.add(s2c(b.tMs(), many.append("\r\n").toString()));
                blocks.add(s2c(b.tMs(), "Event: QuantumEntanglement\r\nPrivilege: call,all\r\nSpin: up\r\n\r\n"));
                blocks.add(s2c(b.tMs(), "Event: RTCPSent\r\nthis line has no colon\r\nChannel: PJSIP/pstn-00000000\r\n\r\n"));
            }
        }

        AmiReplay.Result result = AmiReplay.run(List.of(new AmiTranscript("01-hostile", blocks)), FakeAmiServer.Options.replay());

        List<String> lines = new ArrayList<>();
        for (SwitchEvent e : result.events()) {
            lines.add(PortEventJson.of(e));
        }
        lines.add(result.finalState());
        assertThat(lines).containsExactlyElementsOf(expected());
        AmiMetrics m = result.metrics();
        assertThat(m.oversizedFrames()).isEqualTo(2);
        assertThat(m.unknownEvents()).isEqualTo(1);
        assertThat(m.malformedLines()).isEqualTo(1);
        assertThat(m.framesRead()).isEqualTo(m.eventFramesAccounted() + m.nonEventFrames());
    }

    private static AmiTranscript.Block s2c(long t, String text) {
        return new AmiTranscript.Block(t, AmiTranscript.Direction.S2C, text);
    }

    private List<String> expected() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/asterisk-expected/01-inbound-answered.jsonl")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
    }
}

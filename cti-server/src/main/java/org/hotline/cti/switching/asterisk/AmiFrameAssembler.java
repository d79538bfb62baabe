package org.hotline.cti.switching.asterisk;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static java.util.Objects.requireNonNull;

/**
 * Cuts the AMI line stream into frames (a frame ends at an empty line). Runs on asterisk-java's
 * reader thread, so it only collects lines and hands finished frames on; parsing happens on the
 * adapter's own thread. Oversized lines and frames are cut to the limits and counted, never
 * allowed to grow memory without bound.
 */
final class AmiFrameAssembler {
    private static final Logger log = LoggerFactory.getLogger(AmiFrameAssembler.class);
    static final int MAX_LINE_CHARS = 8 * 1024;
    static final int MAX_FRAME_LINES = 512;

    private final Consumer<AmiFrame> sink;
    private final AmiMetrics metrics;
    private List<String> lines = new ArrayList<>(24);
    private boolean oversized;

    AmiFrameAssembler(Consumer<AmiFrame> sink, AmiMetrics metrics) {
        this.sink = requireNonNull(sink, "sink");
        this.metrics = requireNonNull(metrics, "metrics");
    }

    /** One line as read, without its CRLF. */
    void line(String line) {
        if (line.isEmpty()) {
            if (!lines.isEmpty()) {
                finish(false);
            }
            return;
        }
        if (lines.isEmpty() && line.startsWith("Asterisk Call Manager")) {
            return; // the banner is a single line without an empty line after it
        }
        if (line.length() > MAX_LINE_CHARS) {
            line = line.substring(0, MAX_LINE_CHARS);
            oversized = true;
        }
        if (lines.size() >= MAX_FRAME_LINES) {
            oversized = true;
            return;
        }
        lines.add(line);
    }

    /** The stream ended (or broke); a frame in progress is incomplete. */
    void endOfStream() {
        if (!lines.isEmpty()) {
            finish(true);
        }
    }

    private void finish(boolean truncated) {
        AmiFrame frame = new AmiFrame(lines, truncated);
        metrics.framesRead.increment();
        if (oversized) {
            metrics.oversizedFrames.increment();
            log.warn("AMI frame over the limits ({} chars per line, {} lines) cut to fit: {}", MAX_LINE_CHARS,
                    MAX_FRAME_LINES, lines.get(0));
            oversized = false;
        }
        lines = new ArrayList<>(24);
        sink.accept(frame);
    }
}

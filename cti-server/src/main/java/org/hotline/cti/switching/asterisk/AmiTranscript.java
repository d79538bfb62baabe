package org.hotline.cti.switching.asterisk;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/**
 * A recorded AMI (or FastAGI) session in the shared capture format: blocks headed
 * {@code ### <t_ms> <C2S|S2C>} each holding one message exactly as on the wire.
 */
public final class AmiTranscript {
    private static final Pattern HEADER = Pattern.compile("(?m)^### (\\d+) (C2S|S2C)\\r?\\n");

    /** Who sent a block: the client (C2S) or Asterisk (S2C). */
    public enum Direction { C2S, S2C }

    /** One message; {@code text} is byte-exact (CRLF kept). */
    public record Block(long tMs, Direction direction, String text) {
        public Block {
            requireNonNull(direction, "direction");
            requireNonNull(text, "text");
        }

        /** Header name -> first value, for AMI blocks. */
        public Map<String, String> headers() {
            Map<String, String> h = new LinkedHashMap<>();
            for (String line : text.split("\r?\n")) {
                int colon = line.indexOf(": ");
                if (colon > 0) {
                    h.putIfAbsent(line.substring(0, colon), line.substring(colon + 2));
                }
            }
            return h;
        }
    }

    private final String name;
    private final List<Block> blocks;

    public AmiTranscript(String name, List<Block> blocks) {
        this.name = requireNonNull(name, "name");
        this.blocks = List.copyOf(blocks);
    }

    public static AmiTranscript load(Path file) throws IOException {
        return parse(file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8));
    }

    public static AmiTranscript parse(String name, String content) {
        Matcher m = HEADER.matcher(content);
        List<Block> blocks = new ArrayList<>();
        long t = -1;
        Direction d = null;
        int start = -1;
        while (m.find()) {
            if (d != null) {
                blocks.add(new Block(t, d, content.substring(start, m.start())));
            }
            t = Long.parseLong(m.group(1));
            d = Direction.valueOf(m.group(2));
            start = m.end();
        }
        if (d != null) {
            blocks.add(new Block(t, d, content.substring(start)));
        }
        if (blocks.isEmpty()) {
            throw new IllegalArgumentException("transcript " + name + ": no '### <t_ms> <C2S|S2C>' block headers (expected: the shared capture format)");
        }
        return new AmiTranscript(name, blocks);
    }

    public String name() {
        return name;
    }

    public List<Block> blocks() {
        return blocks;
    }

    /** Concatenated S2C bytes: exactly what Asterisk sent. */
    public String serverStream() {
        StringBuilder sb = new StringBuilder();
        for (Block b : blocks) {
            if (b.direction() == Direction.S2C) {
                sb.append(b.text());
            }
        }
        return sb.toString();
    }
}

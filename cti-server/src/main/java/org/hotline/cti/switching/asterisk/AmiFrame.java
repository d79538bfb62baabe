package org.hotline.cti.switching.asterisk;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * One AMI message as it came off the wire: its header lines in order, parsed lazily so that the
 * reader thread only collects lines. Header names are kept as Asterisk spells them; lookups are
 * exact because Asterisk is consistent within one version and the captures prove the spelling.
 */
public final class AmiFrame {
    private final List<String> lines;
    private final boolean truncated;
    private Map<String, String> headers;
    private int malformedLines;

    AmiFrame(List<String> lines, boolean truncated) {
        this.lines = requireNonNull(lines, "lines");
        this.truncated = truncated;
    }

    /** Builds a frame from header pairs (tests and synthetic frames). */
    public static AmiFrame of(String... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("namesAndValues: " + namesAndValues.length + " items (expected: pairs)");
        }
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            lines.add(namesAndValues[i] + ": " + namesAndValues[i + 1]);
        }
        return new AmiFrame(lines, false);
    }

    public List<String> lines() {
        return lines;
    }

    /** The frame ended before its empty line (the link broke in the middle of it). */
    public boolean truncated() {
        return truncated;
    }

    /** Header lines that were not {@code Name: value}. */
    public int malformedLines() {
        if (headers != null) {
            return malformedLines;
        }
        // Counted without building the header map: most frames are ignored and never need it.
        int bad = 0;
        for (String line : lines) {
            if (line.indexOf(':') <= 0) {
                bad++;
            }
        }
        return bad;
    }

    /** The event name, or null for a response or a frame without one. */
    public String event() {
        if (headers == null && !lines.isEmpty() && lines.get(0).startsWith("Event: ")) {
            return lines.get(0).substring(7);
        }
        return get("Event");
    }

    /** The first value of {@code name} found by scanning the lines, without building the header map. */
    String scan(String name) {
        if (headers != null) {
            return headers.get(name);
        }
        int n = name.length();
        for (String line : lines) {
            if (line.length() > n && line.startsWith(name) && line.charAt(n) == ':') {
                int start = n + 1;
                return line.length() > start && line.charAt(start) == ' ' ? line.substring(start + 1) : line.substring(start);
            }
        }
        return null;
    }

    public String get(String name) {
        return parse().get(name);
    }

    public String get(String name, String fallback) {
        String v = parse().get(name);
        return v == null ? fallback : v;
    }

    public Map<String, String> headers() {
        return parse();
    }

    /** The {@code Timestamp:} header (timestampevents = yes) as an instant, or null. */
    public Instant timestamp() {
        String ts = scan("Timestamp");
        if (ts == null) {
            return null;
        }
        int dot = ts.indexOf('.');
        try {
            long seconds = Long.parseLong(dot < 0 ? ts : ts.substring(0, dot));
            long micros = 0;
            if (dot >= 0) {
                String frac = (ts.substring(dot + 1) + "000000").substring(0, 6);
                micros = Long.parseLong(frac);
            }
            return Instant.ofEpochSecond(seconds, micros * 1000);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private Map<String, String> parse() {
        if (headers != null) {
            return headers;
        }
        Map<String, String> h = new LinkedHashMap<>(lines.size() * 2);
        int bad = 0;
        for (String line : lines) {
            int colon = line.indexOf(':');
            if (colon <= 0) {
                bad++;
                continue;
            }
            String name = line.substring(0, colon);
            int start = colon + 1;
            if (start < line.length() && line.charAt(start) == ' ') {
                start++;
            }
            // The first value wins: AMI repeats names only for Variable lines, which we do not need.
            h.putIfAbsent(name, line.substring(start));
        }
        malformedLines = bad;
        headers = h;
        return h;
    }

    @Override
    public String toString() {
        return String.join("|", lines);
    }
}

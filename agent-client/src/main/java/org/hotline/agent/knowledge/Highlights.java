package org.hotline.agent.knowledge;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the server's highlighted text (HTML-escaped, matches between {@code <em>} and
 * {@code </em>}) into plain segments, so that a view draws the emphasis itself and never shows
 * or interprets markup. Any other tag-like text is left as the literal text it stands for.
 */
public final class Highlights {
    private static final String OPEN = "<em>";
    private static final String CLOSE = "</em>";

    private Highlights() {
    }

    /** One run of text, matched (emphasised) or not. */
    public record Segment(String text, boolean match) {
    }

    public static List<Segment> parse(String highlighted) {
        List<Segment> out = new ArrayList<>();
        if (highlighted == null || highlighted.isEmpty()) {
            return out;
        }
        int at = 0;
        while (at < highlighted.length()) {
            int open = highlighted.indexOf(OPEN, at);
            if (open < 0) {
                add(out, highlighted.substring(at), false);
                break;
            }
            int close = highlighted.indexOf(CLOSE, open + OPEN.length());
            if (close < 0) {
                add(out, highlighted.substring(at), false); // unbalanced: show it as it came
                break;
            }
            add(out, highlighted.substring(at, open), false);
            add(out, highlighted.substring(open + OPEN.length(), close), true);
            at = close + CLOSE.length();
        }
        return out;
    }

    /** The plain text of highlighted text: tags dropped, entities decoded. */
    public static String plain(String highlighted) {
        StringBuilder b = new StringBuilder();
        parse(highlighted).forEach(s -> b.append(s.text()));
        return b.toString();
    }

    private static void add(List<Segment> out, String escaped, boolean match) {
        String text = unescape(escaped);
        if (text.isEmpty()) {
            return;
        }
        if (!out.isEmpty() && out.get(out.size() - 1).match() == match) {
            Segment last = out.remove(out.size() - 1);
            text = last.text() + text;
        }
        out.add(new Segment(text, match));
    }

    static String unescape(String s) {
        if (s.indexOf('&') < 0) {
            return s;
        }
        StringBuilder b = new StringBuilder(s.length());
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            int semi = c == '&' ? s.indexOf(';', i) : -1;
            String decoded = semi > i && semi - i <= 10 ? entity(s.substring(i + 1, semi)) : null;
            if (decoded == null) {
                b.append(c);
                i++;
            } else {
                b.append(decoded);
                i = semi + 1;
            }
        }
        return b.toString();
    }

    private static String entity(String name) {
        switch (name) {
            case "amp": return "&";
            case "lt": return "<";
            case "gt": return ">";
            case "quot": return "\"";
            case "apos": return "'";
            default:
                break;
        }
        try {
            if (name.startsWith("#x") || name.startsWith("#X")) {
                return new String(Character.toChars(Integer.parseInt(name.substring(2), 16)));
            }
            if (name.startsWith("#")) {
                return new String(Character.toChars(Integer.parseInt(name.substring(1))));
            }
        } catch (IllegalArgumentException e) {
            return null;
        }
        return null;
    }
}

package org.hotline.cti.switching.asterisk;

import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;

import org.hotline.cti.switching.CallId;
import org.hotline.cti.switching.SwitchEvent;

/**
 * Port events as one-line JSON objects (the {@code ami-replay} output): {@code type} is the event's
 * name, then every record component by name. Written by hand because the format is tiny and the
 * server has no JSON library of its own.
 */
public final class PortEventJson {
    private PortEventJson() {}

    public static String of(SwitchEvent event) {
        StringBuilder sb = new StringBuilder("{\"type\":");
        string(sb, event.getClass().getSimpleName());
        components(sb, (Record) event, true);
        return sb.append('}').toString();
    }

    /** The last line of a replay: the live model's calls, channels and queue members. */
    public static String state(AsteriskSwitchView view) {
        StringBuilder sb = new StringBuilder("{\"type\":\"State\",\"calls\":");
        value(sb, view.calls().calls());
        sb.append(",\"channels\":");
        value(sb, view.channels());
        sb.append(",\"agents\":");
        value(sb, view.agents());
        sb.append(",\"bridges\":").append(view.bridges());
        return sb.append('}').toString();
    }

    private static void components(StringBuilder sb, Record r, boolean leadingComma) {
        boolean first = !leadingComma;
        for (RecordComponent c : r.getClass().getRecordComponents()) {
            if (!first) {
                sb.append(',');
            }
            first = false;
            string(sb, c.getName());
            sb.append(':');
            try {
                value(sb, c.getAccessor().invoke(r));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot read " + c.getName() + " of " + r.getClass().getSimpleName(), e);
            }
        }
    }

    private static void value(StringBuilder sb, Object v) {
        if (v == null) {
            sb.append("null");
        } else if (v instanceof CallId || v instanceof Number || v instanceof Boolean) {
            if (v instanceof CallId id) {
                string(sb, id.value());
                return;
            }
            sb.append(v);
        } else if (v instanceof Record r) {
            sb.append('{');
            components(sb, r, false);
            sb.append('}');
        } else if (v instanceof Map<?, ?> m) {
            sb.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : new java.util.TreeMap<>(m).entrySet()) {
                if (!first) {
                    sb.append(',');
                }
                first = false;
                string(sb, String.valueOf(e.getKey()));
                sb.append(':');
                value(sb, e.getValue());
            }
            sb.append('}');
        } else if (v instanceof Collection<?> c) {
            sb.append('[');
            boolean first = true;
            for (Object o : c) {
                if (!first) {
                    sb.append(',');
                }
                first = false;
                value(sb, o);
            }
            sb.append(']');
        } else if (v instanceof Instant i) {
            string(sb, i.toString());
        } else {
            string(sb, v.toString());
        }
    }

    private static void string(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (ch < 0x20) {
                        sb.append(String.format("\\u%04x", (int) ch));
                    } else {
                        sb.append(ch);
                    }
                }
            }
        }
        sb.append('"');
    }
}

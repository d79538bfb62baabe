package org.hotline.supervisor.admin;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import org.hotline.agent.Messages;

/**
 * What is wrong with a form's values as typed, field by field, in the administrator's language.
 * The checks mirror the server's (ids, levels 1-10, times, dates, zones) so a form says what is
 * wrong before it is sent; the server still checks everything. A field's label is the text
 * {@code admin.field.<field>}, the same key the view labels the input with.
 */
public final class Problems {
    /** Skill, team, queue, user and calendar ids on the server: 1-64 letters, digits, '_', '.', '-'. */
    static final Pattern ID = Pattern.compile("[A-Za-z0-9_.-]{1,64}");
    private static final Pattern TIME = Pattern.compile("([01][0-9]|2[0-3]):[0-5][0-9]");

    private final Messages texts;
    private final Map<String, String> byField = new LinkedHashMap<>();

    Problems(Messages texts) {
        this.texts = texts;
    }

    /** The label of a field as the form shows it. */
    String label(String field) {
        return texts.get("admin.field." + field);
    }

    /** Records {@code text} for {@code field}; the first problem of a field is the one shown. */
    public void add(String field, String text) {
        byField.putIfAbsent(field, text);
    }

    /** Records a problem with the text {@code admin.problem.<kind>}: {0} is the field's label, then {@code args}. */
    public void of(String field, String kind, Object... args) {
        Object[] all = new Object[args.length + 1];
        all[0] = label(field);
        System.arraycopy(args, 0, all, 1, args.length);
        add(field, texts.get("admin.problem." + kind, all));
    }

    public boolean required(String field, String value) {
        if (value == null || value.isBlank()) {
            of(field, "required");
            return false;
        }
        return true;
    }

    /** A required id of the server's form. */
    public void id(String field, String value) {
        if (required(field, value) && !ID.matcher(value.strip()).matches()) {
            of(field, "id", value.strip());
        }
    }

    public void pattern(String field, String value, Pattern pattern, String expectedKind) {
        if (required(field, value) && !pattern.matcher(value.strip()).matches()) {
            of(field, expectedKind, value.strip());
        }
    }

    /** A whole number from {@code min} to {@code max}; returns it, or {@code min - 1} when it is not one. */
    public int number(String field, String value, int min, int max) {
        if (!required(field, value)) {
            return min - 1;
        }
        try {
            int n = Integer.parseInt(value.strip());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below, like a number out of range
        }
        of(field, "range", value.strip(), String.valueOf(min), String.valueOf(max));
        return min - 1;
    }

    /** "HH:MM"; true when it is one. */
    public boolean time(String field, String value, String what) {
        if (value == null || !TIME.matcher(value.strip()).matches()) {
            of(field, "time", what, value == null ? "" : value.strip());
            return false;
        }
        return true;
    }

    public void zone(String field, String value) {
        if (!required(field, value)) {
            return;
        }
        try {
            ZoneId.of(value.strip());
        } catch (DateTimeException e) {
            of(field, "zone", value.strip());
        }
    }

    /** Dates "YYYY-MM-DD", each valid. */
    public void dates(String field, Collection<String> values) {
        for (String v : values) {
            try {
                LocalDate.parse(v);
            } catch (DateTimeParseException e) {
                of(field, "date", v);
                return;
            }
        }
    }

    public boolean isEmpty() {
        return byField.isEmpty();
    }

    Map<String, String> byField() {
        return byField;
    }
}

package org.hotline.cti.workorders;

import java.util.List;
import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/**
 * One custom field on a work-order type's form, defined by an administrator as data.
 *
 * @param key      stable name of the field, e.g. {@code meter_id}
 * @param label    what the desk shows, e.g. 表号
 * @param choices  the options of a {@link FieldKind#CHOICE} field, empty for the other kinds
 */
public record FieldDefinition(String key, String label, FieldKind kind, boolean required, List<String> choices) {
    private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9_]{0,63}");

    public FieldDefinition {
        requireNonNull(key, "key");
        requireNonNull(label, "label");
        requireNonNull(kind, "kind");
        choices = List.copyOf(requireNonNull(choices, "choices"));
        if (!KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("field key: \"" + key
                    + "\" (expected: lower-case letters, digits and '_', starting with a letter, at most 64)");
        }
        if (kind == FieldKind.CHOICE && choices.isEmpty()) {
            throw new IllegalArgumentException("field " + key + ": a CHOICE field without choices (expected: at least one)");
        }
        if (kind != FieldKind.CHOICE && !choices.isEmpty()) {
            throw new IllegalArgumentException("field " + key + ": choices " + choices + " on a " + kind
                    + " field (expected: choices only on CHOICE fields)");
        }
        for (String c : choices) {
            if (c.isBlank() || c.contains("|")) {
                throw new IllegalArgumentException("field " + key + ": choice \"" + c
                        + "\" (expected: not blank and without '|')");
            }
        }
    }

    public static FieldDefinition of(String key, String label, FieldKind kind, boolean required) {
        return new FieldDefinition(key, label, kind, required, List.of());
    }

    public static FieldDefinition choice(String key, String label, boolean required, String... choices) {
        return new FieldDefinition(key, label, FieldKind.CHOICE, required, List.of(choices));
    }
}

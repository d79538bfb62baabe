package org.hotline.cti.workorders;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.hotline.cti.core.CommandException;

/**
 * Checks the custom-field values of a work order against its type's form and normalises them
 * (trimmed text, plain numbers, ISO dates, "true"/"false"). Every problem is reported at once,
 * each naming the field, the bad value and what is expected, so the desk can show them all.
 */
public final class FormValidator {
    private static final int MAX_VALUE_LENGTH = 2000;

    private FormValidator() {}

    /** The normalised values, or INVALID_ARGUMENT listing every problem. */
    public static Map<String, String> validate(WorkOrderType type, Map<String, String> values) {
        List<String> problems = problems(type, values);
        if (!problems.isEmpty()) {
            throw new CommandException(CommandException.Code.INVALID_ARGUMENT, "work order form of type " + type.code()
                    + ": " + String.join("; ", problems));
        }
        Map<String, String> normalised = new LinkedHashMap<>();
        for (FieldDefinition f : type.fields()) {
            String v = values.get(f.key());
            if (v != null && !v.isBlank()) {
                normalised.put(f.key(), normalise(f, v.strip()));
            }
        }
        return normalised;
    }

    /** Every problem of the values against the form; empty when they are valid. */
    public static List<String> problems(WorkOrderType type, Map<String, String> values) {
        List<String> problems = new ArrayList<>();
        Map<String, FieldDefinition> byKey = type.fields().stream()
                .collect(Collectors.toMap(FieldDefinition::key, f -> f));
        for (String key : values.keySet()) {
            if (!byKey.containsKey(key)) {
                problems.add("field " + key + " is not on the form (expected " + (byKey.isEmpty()
                        ? "no fields: the form is empty)" : "one of: " + byKey.keySet().stream().sorted()
                        .collect(Collectors.joining(", ")) + ")"));
            }
        }
        for (FieldDefinition f : type.fields()) {
            String raw = values.get(f.key());
            String name = "field " + f.key() + " (" + f.label() + ")";
            if (raw == null || raw.isBlank()) {
                if (f.required()) {
                    problems.add(name + " is required (expected: " + expected(f) + ")");
                }
                continue;
            }
            String v = raw.strip();
            if (v.length() > MAX_VALUE_LENGTH) {
                problems.add(name + ": " + v.length() + " characters (expected: at most " + MAX_VALUE_LENGTH + ")");
                continue;
            }
            if (!valid(f, v)) {
                problems.add(name + ": \"" + v + "\" (expected: " + expected(f) + ")");
            }
        }
        return problems;
    }

    private static boolean valid(FieldDefinition f, String v) {
        return switch (f.kind()) {
            case TEXT -> true;
            case ADDRESS -> v.length() >= 4;
            case NUMBER -> number(v) != null;
            case DATE -> date(v) != null;
            case CHOICE -> f.choices().contains(v);
            case YES_NO -> yesNo(v) != null;
        };
    }

    private static String normalise(FieldDefinition f, String v) {
        return switch (f.kind()) {
            case NUMBER -> number(v).toPlainString();
            case DATE -> date(v).toString();
            case YES_NO -> yesNo(v).toString();
            default -> v;
        };
    }

    private static String expected(FieldDefinition f) {
        return switch (f.kind()) {
            case TEXT -> "text";
            case ADDRESS -> "an address of at least 4 characters";
            case NUMBER -> "a number such as 12.5";
            case DATE -> "a date as yyyy-mm-dd";
            case CHOICE -> "one of " + String.join(", ", f.choices());
            case YES_NO -> "yes or no";
        };
    }

    private static BigDecimal number(String v) {
        try {
            return new BigDecimal(v).stripTrailingZeros();
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static LocalDate date(String v) {
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static Boolean yesNo(String v) {
        return switch (v.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "是" -> Boolean.TRUE;
            case "false", "no", "否" -> Boolean.FALSE;
            default -> null;
        };
    }
}

package org.hotline.cti.admin;

import java.util.Collection;
import java.util.Map;
import java.util.regex.Pattern;

import org.hotline.cti.core.CommandException;

/** The shared input rules of administration, each failing with a message that says what is expected. */
final class Checks {
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_.-]{1,64}");
    private static final int SHOWN = 10;

    private Checks() {}

    static String id(String what, String value) {
        if (value == null || !ID.matcher(value).matches()) {
            throw invalid(what + ": '" + value + "' (expected: 1-64 letters, digits, '_', '.' or '-')");
        }
        return value;
    }

    static String name(String what, String value) {
        String v = value == null ? "" : value.strip();
        if (v.isEmpty() || v.length() > 128) {
            throw invalid(what + ": " + v.length() + " characters (expected: 1-128)");
        }
        return v;
    }

    static int range(String what, int value, int min, int max) {
        if (value < min || value > max) {
            throw invalid(what + ": " + value + " (expected: " + min + "-" + max + ")");
        }
        return value;
    }

    /** Levels 1-10 of skills that exist. */
    static void skills(String what, Map<String, Integer> levels, Collection<String> known) {
        levels.forEach((skill, level) -> {
            if (!known.contains(skill)) {
                throw invalid(what + ": unknown skill '" + skill + "' (expected one of " + known + ")");
            }
            range(what + " level of " + skill, level, 1, 10);
        });
    }

    /** Create needs a new id, update an existing one. */
    static void createOrUpdate(String what, String id, boolean exists, boolean create) {
        if (create && exists) {
            throw new CommandException(CommandException.Code.ALREADY_EXISTS, what + " '" + id
                    + "' already exists (expected: a new id, or create = false to update it)");
        }
        if (!create && !exists) {
            throw notFound(what + " '" + id + "' (no such " + what + "; use create = true to add it)");
        }
    }

    /** "a, b, c and 4 more". */
    static String some(Collection<String> items) {
        return items.size() <= SHOWN ? String.join(", ", items)
                : String.join(", ", items.stream().limit(SHOWN).toList()) + " and " + (items.size() - SHOWN) + " more";
    }

    static CommandException invalid(String m) {
        return new CommandException(CommandException.Code.INVALID_ARGUMENT, m);
    }

    static CommandException notFound(String m) {
        return new CommandException(CommandException.Code.NOT_FOUND, m);
    }

    static CommandException inUse(String m) {
        return new CommandException(CommandException.Code.FAILED_PRECONDITION, m);
    }
}

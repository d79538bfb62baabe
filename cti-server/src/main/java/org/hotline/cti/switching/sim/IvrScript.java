package org.hotline.cti.switching.sim;

import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/**
 * What one caller does in the IVR before asking for an agent: the keys pressed in the menus, the
 * queue the menus lead to, an account number keyed in (or none) and how long it all takes.
 *
 * @param digits         menu choices in order, one key each ("13" = 1, then 3); may be empty
 * @param queueHint      the queue the IVR chose ("" for none)
 * @param enteredAccount the account number keyed in for a dynamic query, or {@code null}
 * @param duration       time in the IVR before the call is offered to the CTI server
 */
public record IvrScript(String digits, String queueHint, String enteredAccount, Duration duration) {
    private static final Pattern KEYS = Pattern.compile("[0-9*#]*");

    public IvrScript {
        requireNonNull(digits, "digits");
        requireNonNull(duration, "duration");
        if (!KEYS.matcher(digits).matches()) {
            throw new IllegalArgumentException("digits: '" + digits + "' (expected: keys 0-9, * and #)");
        }
        if (duration.isNegative()) {
            throw new IllegalArgumentException("duration: " + duration + " (expected: >= 0)");
        }
        queueHint = queueHint == null ? "" : queueHint;
    }

    /** A caller who goes straight to the CTI server (no menus). */
    public static IvrScript none() {
        return new IvrScript("", "", null, Duration.ZERO);
    }

    /** False for a caller who goes straight to the CTI server: no menus, no time in the IVR. */
    boolean visitsIvr() {
        return !digits.isEmpty() || !duration.isZero();
    }

    /** The keys pressed, one per menu level. */
    List<String> choices() {
        return digits.isEmpty() ? List.of() : List.of(digits.split(""));
    }

    /** The menu path as the CTI server sees it in the call data: "1>3". */
    String path() {
        return String.join(">", digits.split(""));
    }
}

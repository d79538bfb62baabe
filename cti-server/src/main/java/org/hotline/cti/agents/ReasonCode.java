package org.hotline.cti.agents;

import static java.util.Objects.requireNonNull;

/** Why an agent is not ready (data, not code: administrators add their own). */
public record ReasonCode(String code, String label, boolean system) {
    /** Given by the server when an agent let a call ring out. */
    public static final String MISSED = "missed";
    /** Given by the server when an agent logs in. */
    public static final String LOGIN = "login";

    public ReasonCode {
        requireNonNull(code, "code");
        requireNonNull(label, "label");
    }
}

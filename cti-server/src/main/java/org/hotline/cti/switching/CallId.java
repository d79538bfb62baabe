package org.hotline.cti.switching;

import static java.util.Objects.requireNonNull;

/** A call as the switch names it. Stable for the life of the call, also across transfers. */
public record CallId(String value) {
    public CallId {
        requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("call id: '" + value + "' (expected: not blank)");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}

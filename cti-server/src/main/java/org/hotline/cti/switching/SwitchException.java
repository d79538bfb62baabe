package org.hotline.cti.switching;

/** A switch refused or could not carry out a service. The message says what and why. */
public class SwitchException extends RuntimeException {
    private final Reason reason;

    public enum Reason {
        /** No such call or connection (anymore). */
        UNKNOWN_CALL,
        /** The connection is not in a state where the service is valid. */
        INVALID_STATE,
        /** The destination does not exist or cannot be reached. */
        INVALID_DESTINATION,
        /** The device or the trunks are busy right now; trying another device or later may work. */
        BUSY,
        /** The link to the switch is down. */
        UNAVAILABLE,
        /** The switch answered with an error. */
        REFUSED
    }

    public SwitchException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}

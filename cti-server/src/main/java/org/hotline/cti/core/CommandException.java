package org.hotline.cti.core;

/**
 * A command that cannot be carried out, as an expected result (not a bug): the message says
 * what was wrong and what is expected. The API maps {@link Code} to a gRPC status in one place.
 */
public final class CommandException extends RuntimeException {
    public enum Code { INVALID_ARGUMENT, NOT_FOUND, FAILED_PRECONDITION, PERMISSION_DENIED, UNAVAILABLE, ALREADY_EXISTS }

    private final Code code;

    public CommandException(Code code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    public Code code() {
        return code;
    }

    static CommandException invalid(String m) {
        return new CommandException(Code.INVALID_ARGUMENT, m);
    }

    static CommandException notFound(String m) {
        return new CommandException(Code.NOT_FOUND, m);
    }

    static CommandException state(String m) {
        return new CommandException(Code.FAILED_PRECONDITION, m);
    }
}

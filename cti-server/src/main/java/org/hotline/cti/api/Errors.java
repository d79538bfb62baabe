package org.hotline.cti.api;

import java.util.ConcurrentModificationException;
import java.util.concurrent.CompletionException;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import org.hotline.cti.core.CommandException;
import org.hotline.cti.switching.SwitchException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The one place where failures become gRPC statuses. */
final class Errors {
    private static final Logger log = LoggerFactory.getLogger(Errors.class);

    private Errors() {}

    static StatusRuntimeException toStatus(Throwable t) {
        Throwable e = t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
        if (e instanceof StatusRuntimeException s) {
            return s;
        }
        if (e instanceof CommandException c) {
            Status s = switch (c.code()) {
                case INVALID_ARGUMENT -> Status.INVALID_ARGUMENT;
                case NOT_FOUND -> Status.NOT_FOUND;
                case FAILED_PRECONDITION -> Status.FAILED_PRECONDITION;
                case PERMISSION_DENIED -> Status.PERMISSION_DENIED;
                case UNAVAILABLE -> Status.UNAVAILABLE;
                case ALREADY_EXISTS -> Status.ALREADY_EXISTS;
            };
            return s.withDescription(c.getMessage()).asRuntimeException();
        }
        if (e instanceof SwitchException x) {
            Status s = switch (x.reason()) {
                case UNKNOWN_CALL -> Status.NOT_FOUND;
                case INVALID_STATE -> Status.FAILED_PRECONDITION;
                case INVALID_DESTINATION -> Status.INVALID_ARGUMENT;
                case BUSY -> Status.RESOURCE_EXHAUSTED;
                case UNAVAILABLE -> Status.UNAVAILABLE;
                case REFUSED -> Status.ABORTED;
            };
            return s.withDescription("switch: " + x.getMessage()).asRuntimeException();
        }
        if (e instanceof ConcurrentModificationException) {
            // An optimistic-lock conflict: the client reloads and applies its change again.
            return Status.ABORTED.withDescription(e.getMessage()).asRuntimeException();
        }
        if (e instanceof IllegalArgumentException) {
            return Status.INVALID_ARGUMENT.withDescription(e.getMessage()).asRuntimeException();
        }
        log.error("unexpected failure", e);
        return Status.INTERNAL.withDescription("internal error: " + e).asRuntimeException();
    }

    static StatusRuntimeException permission(String what) {
        return Status.PERMISSION_DENIED.withDescription(what).asRuntimeException();
    }

    static StatusRuntimeException invalid(String what) {
        return Status.INVALID_ARGUMENT.withDescription(what).asRuntimeException();
    }
}

package org.hotline.agent;

import java.util.concurrent.CompletionException;

import io.grpc.Status;

import static java.util.Objects.requireNonNull;

/** What an agent reads when a command fails: a sentence from the bundle for the kind, then the server's reason. */
public final class ErrorTexts {
    private final Messages messages;

    public ErrorTexts(Messages messages) {
        this.messages = requireNonNull(messages, "messages");
    }

    public String of(Throwable t) {
        Throwable cause = t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
        Status s = Status.fromThrowable(cause);
        String kind = switch (s.getCode()) {
            case UNAVAILABLE, DEADLINE_EXCEEDED -> messages.get("error.unreachable");
            case PERMISSION_DENIED -> messages.get("error.denied");
            case UNAUTHENTICATED -> messages.get("error.session");
            case FAILED_PRECONDITION -> messages.get("error.not_now");
            case INVALID_ARGUMENT -> messages.get("error.invalid");
            case NOT_FOUND -> messages.get("error.not_found");
            case ABORTED -> messages.get("error.conflict");
            case ALREADY_EXISTS -> messages.get("error.exists");
            default -> messages.get("error.other");
        };
        return s.getDescription() == null || s.getDescription().isBlank() ? kind : kind + " (" + s.getDescription() + ")";
    }
}

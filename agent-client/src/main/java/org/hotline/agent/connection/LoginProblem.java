package org.hotline.agent.connection;

import io.grpc.Status;

/** Why a login did not succeed, each with its own message on the login screen. */
public enum LoginProblem {
    /** Unknown agent id or wrong password (the server does not say which). */
    WRONG_CREDENTIALS,
    /** Too many failed logins: an administrator must unlock the account. */
    ACCOUNT_LOCKED,
    /** The agent is logged in elsewhere: the desk offers to take that session over. */
    SESSION_OPEN_ELSEWHERE,
    /** No answer from the address: wrong address, server down, or the network. */
    SERVER_UNREACHABLE,
    /** The server presents a certificate other than the pinned one. */
    CERTIFICATE_MISMATCH,
    /** The server refused the request as invalid (e.g. an empty field). */
    INVALID_INPUT,
    /** The account may not use a desk (e.g. a wallboard account). */
    NOT_ALLOWED,
    /** Anything else: the server's own description is shown. */
    OTHER;

    /** Classifies a failed gRPC call; a certificate mismatch is told apart by the caller. */
    public static LoginProblem of(Status status) {
        return switch (status.getCode()) {
            case UNAUTHENTICATED -> WRONG_CREDENTIALS;
            case PERMISSION_DENIED -> status.getDescription() != null && status.getDescription().contains("locked")
                    ? ACCOUNT_LOCKED : NOT_ALLOWED;
            case ALREADY_EXISTS -> SESSION_OPEN_ELSEWHERE;
            case UNAVAILABLE, DEADLINE_EXCEEDED -> SERVER_UNREACHABLE;
            case INVALID_ARGUMENT -> INVALID_INPUT;
            default -> OTHER;
        };
    }
}

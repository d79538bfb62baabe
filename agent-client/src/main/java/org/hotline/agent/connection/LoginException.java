package org.hotline.agent.connection;

import java.util.Optional;

import static java.util.Objects.requireNonNull;

/** A login (or the probe before it) that did not succeed, classified for the login screen. */
public final class LoginException extends RuntimeException {
    private final LoginProblem problem;
    private final transient Fingerprint presented;

    public LoginException(LoginProblem problem, String detail, Fingerprint presented) {
        super(problem + ": " + detail);
        this.problem = requireNonNull(problem, "problem");
        this.presented = presented;
    }

    public LoginProblem problem() {
        return problem;
    }

    /** The certificate fingerprint the server presented, when the handshake got that far. */
    public Optional<Fingerprint> presented() {
        return Optional.ofNullable(presented);
    }
}

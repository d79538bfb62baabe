package org.hotline.agent.login;

import java.util.concurrent.CompletableFuture;

import org.hotline.agent.connection.Fingerprint;
import org.hotline.agent.connection.ServerAddress;
import org.hotline.api.v1.LoginRequest;

/**
 * Reaching a server and logging in; futures complete on the FX thread, failures are
 * {@link org.hotline.agent.connection.LoginException}s.
 *
 * @param <S> the logged-in session
 */
public interface LoginGateway<S> {
    /** Connects without credentials and returns the server's certificate fingerprint (null in plaintext). */
    CompletableFuture<Fingerprint> probe(ServerAddress server);

    /** Logs in trusting only {@code pin} (ignored in plaintext). */
    CompletableFuture<S> login(ServerAddress server, Fingerprint pin, LoginRequest request);

    /** True when the desk talks plaintext to its server (configured, trusted networks only). */
    boolean plaintext();
}

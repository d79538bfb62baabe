package org.hotline.agent.connection;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

import org.hotline.agent.login.LoginGateway;
import org.hotline.api.v1.LoginRequest;

import static java.util.Objects.requireNonNull;

/** Login over gRPC: a throw-away channel to probe, then the session's own channel. */
public final class GrpcLoginGateway implements LoginGateway<DeskSession> {
    private final Executor ui;
    private final boolean plaintext;

    /** @param ui where results and every later desk callback are delivered (the FX thread) */
    public GrpcLoginGateway(Executor ui, boolean plaintext) {
        this.ui = requireNonNull(ui, "ui");
        this.plaintext = plaintext;
    }

    @Override
    public CompletableFuture<Fingerprint> probe(ServerAddress server) {
        ServerConnection c = ServerConnection.open(server, null, plaintext);
        return c.probe().whenComplete((f, e) -> c.close()).whenCompleteAsync((f, e) -> { }, ui);
    }

    @Override
    public CompletableFuture<DeskSession> login(ServerAddress server, Fingerprint pin, LoginRequest request) {
        ServerConnection c = ServerConnection.open(server, pin, plaintext);
        return c.login(request, ui).whenComplete((s, e) -> {
            if (e != null) {
                c.close();
            }
        }).whenCompleteAsync((s, e) -> { }, ui);
    }

    @Override
    public boolean plaintext() {
        return plaintext;
    }
}

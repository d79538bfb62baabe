package org.hotline.agent.connection;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

import com.google.common.util.concurrent.FutureCallback;
import com.google.common.util.concurrent.Futures;
import com.google.common.util.concurrent.ListenableFuture;
import com.google.common.util.concurrent.MoreExecutors;
import io.grpc.ChannelCredentials;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.TlsChannelCredentials;
import org.hotline.api.v1.HeartbeatRequest;
import org.hotline.api.v1.LoginRequest;
import org.hotline.api.v1.LoginResponse;
import org.hotline.api.v1.SessionGrpc;

import static java.util.Objects.requireNonNull;

/**
 * One channel to one CTI server, before and after login. TLS with the pinned certificate unless
 * the server is configured for plaintext. Nothing here blocks the caller: every call returns a
 * future completed on a gRPC thread.
 */
public final class ServerConnection implements AutoCloseable {
    private static final long LOGIN_DEADLINE_SECONDS = 15;

    private final ServerAddress address;
    private final Fingerprint pin;
    private final PinningTrustManager trust;
    private final ManagedChannel channel;

    private ServerConnection(ServerAddress address, Fingerprint pin, boolean plaintext) {
        this.address = address;
        this.pin = pin;
        this.trust = plaintext ? null : new PinningTrustManager(pin);
        ChannelCredentials credentials = plaintext ? InsecureChannelCredentials.create()
                : TlsChannelCredentials.newBuilder().trustManager(trust).build();
        this.channel = Grpc.newChannelBuilderForAddress(address.host(), address.port(), credentials)
                .keepAliveTime(20, TimeUnit.SECONDS)
                .keepAliveTimeout(5, TimeUnit.SECONDS)
                .build();
    }

    /**
     * A channel to {@code address} trusting only {@code pin}; with a null pin the channel accepts
     * any certificate and is good for {@link #probe()} only: log in after pinning what it saw.
     */
    public static ServerConnection open(ServerAddress address, Fingerprint pin, boolean plaintext) {
        return new ServerConnection(requireNonNull(address, "address"), pin, plaintext);
    }

    public ServerAddress address() {
        return address;
    }

    /** True when a password may be sent: plaintext by configuration, or a pinned certificate. */
    public boolean trusted() {
        return trust == null || pin != null;
    }

    ManagedChannel channel() {
        return channel;
    }

    /**
     * Reaches the server without credentials and returns the fingerprint it presented (null in
     * plaintext). The server answers UNAUTHENTICATED: the handshake is what counts.
     */
    public CompletableFuture<Fingerprint> probe() {
        ListenableFuture<?> f = SessionGrpc.newFutureStub(channel).withDeadlineAfter(LOGIN_DEADLINE_SECONDS, TimeUnit.SECONDS)
                .heartbeat(HeartbeatRequest.getDefaultInstance());
        CompletableFuture<Fingerprint> out = new CompletableFuture<>();
        Futures.addCallback(f, new FutureCallback<Object>() {
            @Override
            public void onSuccess(Object r) {
                out.complete(presentedOrNull());
            }

            @Override
            public void onFailure(Throwable t) {
                Status s = Status.fromThrowable(t);
                if (s.getCode() == Status.Code.UNAUTHENTICATED) {
                    out.complete(presentedOrNull());
                } else {
                    out.completeExceptionally(failure(s));
                }
            }
        }, MoreExecutors.directExecutor());
        return out;
    }

    /** Logs in; only on a trusted connection, so a password never goes to an unverified server. */
    public CompletableFuture<DeskSession> login(LoginRequest request, Executor callbacks) {
        requireNonNull(request, "request");
        if (!trusted()) {
            throw new IllegalStateException("log in only on a pinned connection (expected: probe, pin, reopen)");
        }
        CompletableFuture<DeskSession> out = new CompletableFuture<>();
        Futures.addCallback(SessionGrpc.newFutureStub(channel).withDeadlineAfter(LOGIN_DEADLINE_SECONDS, TimeUnit.SECONDS)
                .login(request), new FutureCallback<LoginResponse>() {
            @Override
            public void onSuccess(LoginResponse r) {
                out.complete(new DeskSession(ServerConnection.this, r, callbacks));
            }

            @Override
            public void onFailure(Throwable t) {
                out.completeExceptionally(failure(Status.fromThrowable(t)));
            }
        }, MoreExecutors.directExecutor());
        return out;
    }

    private Fingerprint presentedOrNull() {
        return trust == null ? null : trust.presented().orElse(null);
    }

    private LoginException failure(Status s) {
        Fingerprint presented = presentedOrNull();
        if (pin != null && presented != null && !pin.equals(presented)) {
            return new LoginException(LoginProblem.CERTIFICATE_MISMATCH, "server presents " + presented
                    + ", pinned " + pin, presented);
        }
        String detail = s.getDescription() == null ? s.getCode().toString() : s.getDescription();
        return new LoginException(LoginProblem.of(s), detail, presented);
    }

    @Override
    public void close() {
        channel.shutdownNow();
    }
}

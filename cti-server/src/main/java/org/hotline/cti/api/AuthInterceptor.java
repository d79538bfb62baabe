package org.hotline.cti.api;

import java.util.Set;

import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import org.hotline.api.v1.SessionGrpc;
import org.hotline.cti.security.Session;
import org.hotline.cti.security.SessionRegistry;

/**
 * Finds the session behind "authorization: Bearer &lt;token&gt;" and puts it in the call's
 * context. Every method but Login needs one; role checks happen in each service.
 */
final class AuthInterceptor implements ServerInterceptor {
    static final Context.Key<Session> SESSION = Context.key("hotline-session");
    static final Metadata.Key<String> AUTHORIZATION = Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);
    private static final Set<String> OPEN = Set.of(SessionGrpc.getLoginMethod().getFullMethodName());

    private final SessionRegistry sessions;

    AuthInterceptor(SessionRegistry sessions) {
        this.sessions = sessions;
    }

    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
                                                      ServerCallHandler<Q, R> next) {
        if (OPEN.contains(call.getMethodDescriptor().getFullMethodName())) {
            return next.startCall(call, headers);
        }
        String auth = headers.get(AUTHORIZATION);
        String token = auth != null && auth.startsWith("Bearer ") ? auth.substring(7).trim() : null;
        Session s = sessions.find(token).orElse(null);
        if (s == null) {
            call.close(Status.UNAUTHENTICATED.withDescription(token == null
                    ? "no session token (expected header 'authorization: Bearer <token>' from Login)"
                    : "session expired or ended elsewhere: log in again"), new Metadata());
            return new ServerCall.Listener<>() {};
        }
        sessions.touch(s);
        return Contexts.interceptCall(Context.current().withValue(SESSION, s), call, headers, next);
    }

    static Session session() {
        return SESSION.get();
    }
}

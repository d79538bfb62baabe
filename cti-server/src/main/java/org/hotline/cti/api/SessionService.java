package org.hotline.cti.api;

import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.BiPredicate;

import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import org.hotline.api.v1.HeartbeatRequest;
import org.hotline.api.v1.HeartbeatResponse;
import org.hotline.api.v1.LoginRequest;
import org.hotline.api.v1.LoginResponse;
import org.hotline.api.v1.LogoutRequest;
import org.hotline.api.v1.LogoutResponse;
import org.hotline.api.v1.SessionGrpc;
import org.hotline.cti.agents.AgentDirectory;
import org.hotline.cti.agents.AgentProfile;
import org.hotline.cti.core.CallCenter;
import org.hotline.cti.security.Session;
import org.hotline.cti.security.SessionRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Login, logout and heartbeats. Password checks are slow on purpose (bcrypt), so they run on
 * their own bounded executor, never on gRPC's threads or the event loop.
 */
final class SessionService extends SessionGrpc.SessionImplBase {
    private static final Logger log = LoggerFactory.getLogger(SessionService.class);
    private static final Logger audit = LoggerFactory.getLogger("audit");

    private final AgentDirectory directory;
    private final BiPredicate<String, String> passwordMatches;
    private final SessionRegistry sessions;
    private final CallCenter center;
    private final StreamHub hub;
    private final Executor authExecutor;
    private final int heartbeatSeconds;

    SessionService(AgentDirectory directory, BiPredicate<String, String> passwordMatches, SessionRegistry sessions,
                   CallCenter center, StreamHub hub, Executor authExecutor, int heartbeatSeconds) {
        this.directory = directory;
        this.passwordMatches = passwordMatches;
        this.sessions = sessions;
        this.center = center;
        this.hub = hub;
        this.authExecutor = authExecutor;
        this.heartbeatSeconds = heartbeatSeconds;
    }

    @Override
    public void login(LoginRequest req, StreamObserver<LoginResponse> out) {
        authExecutor.execute(() -> {
            try {
                LoginResponse r = doLogin(req);
                out.onNext(r);
                out.onCompleted();
            } catch (RuntimeException e) {
                out.onError(Errors.toStatus(e));
            }
        });
    }

    private LoginResponse doLogin(LoginRequest req) {
        String id = req.getAgentId().trim();
        if (id.isEmpty() || req.getPassword().isEmpty()) {
            throw Errors.invalid("agent_id and password are required");
        }
        Optional<AgentDirectory.Credentials> creds = directory.credentials(id);
        if (creds.isEmpty()) {
            audit.info("login refused for unknown user {}", id);
            throw Status.UNAUTHENTICATED.withDescription("wrong agent id or password").asRuntimeException();
        }
        if (!creds.get().enabled()) {
            audit.info("login refused for disabled user {}", id);
            throw Status.PERMISSION_DENIED.withDescription("account " + id
                    + " is disabled; ask an administrator to enable it").asRuntimeException();
        }
        if (creds.get().locked()) {
            audit.info("login refused for locked user {}", id);
            throw Status.PERMISSION_DENIED.withDescription("account " + id + " is locked after "
                    + creds.get().failedAttempts() + " failed logins; ask an administrator to unlock it")
                    .asRuntimeException();
        }
        boolean ok = passwordMatches.test(req.getPassword(), creds.get().passwordHash());
        directory.recordLoginResult(id, ok);
        if (!ok) {
            audit.info("login refused for {}: wrong password", id);
            throw Status.UNAUTHENTICATED.withDescription("wrong agent id or password").asRuntimeException();
        }
        AgentProfile p = directory.find(id).orElseThrow(() ->
                Status.UNAUTHENTICATED.withDescription("wrong agent id or password").asRuntimeException());
        Optional<Session> open = sessions.current(id);
        if (open.isPresent() && !req.getTakeOver()) {
            Session s = open.get();
            throw Status.ALREADY_EXISTS.withDescription("agent " + id + " already has a session open since "
                    + s.createdAt() + (s.client().isEmpty() ? "" : " (" + s.client() + ")")
                    + "; log in with take_over to end it").asRuntimeException();
        }
        String extension = req.getExtension().isBlank() ? p.extension() : req.getExtension().trim();
        if (p.role().canWorkCalls() && !extension.isEmpty()) {
            await(center.upsertAgent(p));
            await(center.login(id, extension));
        }
        open.ifPresent(s -> {
            hub.closeDesks(id, Status.UNAUTHENTICATED.withDescription("session taken over by a new login"));
            audit.info("session of {} taken over", id);
        });
        String token = sessions.open(id, p.role(), extension, req.getClientName());
        audit.info("{} logged in as {} at extension '{}' from '{}'", id, p.role(), extension, req.getClientName());
        LoginResponse.Builder b = LoginResponse.newBuilder().setSessionToken(token).setAgentId(id)
                .setName(p.name()).setRole(ProtoMapper.role(p.role())).setExtension(extension)
                .setHeartbeatIntervalSeconds(heartbeatSeconds).setSiteId(p.siteId());
        directory.reasonCodes().forEach(r -> b.addReasonCodes(ProtoMapper.reason(r)));
        return b.build();
    }

    @Override
    public void logout(LogoutRequest req, StreamObserver<LogoutResponse> out) {
        Session s = AuthInterceptor.session();
        CompletionStage<Void> done = s.role().canWorkCalls() && !s.extension().isEmpty()
                ? center.logout(s.agentId(), false) : java.util.concurrent.CompletableFuture.completedFuture(null);
        done.whenComplete((v, e) -> {
            if (e != null) {
                out.onError(Errors.toStatus(e));
                return;
            }
            sessions.close(s);
            hub.closeDesks(s.agentId(), Status.OK);
            audit.info("{} logged out", s.agentId());
            out.onNext(LogoutResponse.getDefaultInstance());
            out.onCompleted();
        });
    }

    @Override
    public void heartbeat(HeartbeatRequest req, StreamObserver<HeartbeatResponse> out) {
        // The interceptor already marked the session as seen.
        out.onNext(HeartbeatResponse.newBuilder().setServerTimeMillis(System.currentTimeMillis()).build());
        out.onCompleted();
    }

    private static <T> T await(CompletionStage<T> s) {
        try {
            return s.toCompletableFuture().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw Status.CANCELLED.withDescription("interrupted").asRuntimeException();
        } catch (java.util.concurrent.ExecutionException e) {
            throw Errors.toStatus(e.getCause());
        }
    }
}

package org.hotline.agent.connection;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.grpc.Status;
import org.hotline.api.v1.AgentDeskGrpc;
import org.hotline.api.v1.BlacklistGrpc;
import org.hotline.api.v1.ContactHistoryGrpc;
import org.hotline.api.v1.CustomersGrpc;
import org.hotline.api.v1.DeskEvent;
import org.hotline.api.v1.HeartbeatRequest;
import org.hotline.api.v1.KnowledgeGrpc;
import org.hotline.api.v1.LoginResponse;
import org.hotline.api.v1.LogoutRequest;
import org.hotline.api.v1.ReasonCode;
import org.hotline.api.v1.Role;
import org.hotline.api.v1.SessionGrpc;
import org.hotline.api.v1.SubscribeDeskRequest;
import org.hotline.api.v1.WorkOrdersGrpc;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static java.util.Objects.requireNonNull;

/**
 * A logged-in desk: the event stream with automatic reconnect (backoff, a fresh snapshot after
 * each reconnect), heartbeats, and the stubs every feature calls through. Every callback and
 * every future it hands out completes on the callback executor given at login.
 */
public final class DeskSession implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(DeskSession.class);

    private final ServerConnection connection;
    private final LoginResponse login;
    private final Executor callbacks;
    private final BearerToken token;
    private final ScheduledExecutorService timer;
    private final Rpc rpc;

    private final java.util.List<KeptStream<?>> kept = new java.util.concurrent.CopyOnWriteArrayList<>();
    private KeptStream<DeskEvent> desk;
    private final java.util.concurrent.atomic.AtomicBoolean open = new java.util.concurrent.atomic.AtomicBoolean(true);

    DeskSession(ServerConnection connection, LoginResponse login, Executor callbacks) {
        this.connection = connection;
        this.login = login;
        this.callbacks = requireNonNull(callbacks, "callbacks");
        this.token = new BearerToken(login.getSessionToken());
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "desk-link");
            t.setDaemon(true);
            return t;
        });
        this.rpc = new Rpc(callbacks, timer);
    }

    public String agentId() {
        return login.getAgentId();
    }

    public String agentName() {
        return login.getName();
    }

    public String extension() {
        return login.getExtension();
    }

    public Role role() {
        return login.getRole();
    }

    public List<ReasonCode> reasonCodes() {
        return login.getReasonCodesList();
    }

    public ServerAddress server() {
        return connection.address();
    }

    /** Subscribes and keeps the desk stream up until {@link #close()} or until the server ends the session. */
    public void start(DeskListener listener) {
        requireNonNull(listener, "listener");
        int every = Math.max(5, login.getHeartbeatIntervalSeconds());
        timer.scheduleWithFixedDelay(this::heartbeat, every, every, TimeUnit.SECONDS);
        if (extension().isEmpty()) {
            // No phone (an administrator, a team lead at a desk without one): the server has no desk
            // stream for such a session; the supervisor's own streams carry the link.
            callbacks.execute(() -> listener.onLink(LinkState.CONNECTED, "no extension"));
            return;
        }
        desk = keep("desk of " + agentId(),
                o -> AgentDeskGrpc.newStub(connection.channel()).withCallCredentials(token)
                        .subscribe(SubscribeDeskRequest.getDefaultInstance(), o),
                DeskEvent::hasSnapshot).start(listener);
    }

    /**
     * Another stream of this session kept open the same way as the desk's (reconnect with backoff,
     * {@code resync} marks the fresh start); {@code open} starts the call on a stub from {@link #streamStub}.
     */
    public <E> KeptStream<E> keep(String name, java.util.function.Consumer<io.grpc.stub.StreamObserver<E>> open,
                                  java.util.function.Predicate<E> resync) {
        KeptStream<E> s = new KeptStream<>(name, open, resync, callbacks, timer);
        kept.add(s);
        return s;
    }

    private void heartbeat() {
        if (!open.get()) {
            return;
        }
        SessionGrpc.SessionFutureStub stub = SessionGrpc.newFutureStub(connection.channel()).withCallCredentials(token)
                .withDeadlineAfter(5, TimeUnit.SECONDS);
        com.google.common.util.concurrent.Futures.addCallback(stub.heartbeat(HeartbeatRequest.getDefaultInstance()),
                new com.google.common.util.concurrent.FutureCallback<>() {
                    @Override
                    public void onSuccess(org.hotline.api.v1.HeartbeatResponse r) {
                    }

                    @Override
                    public void onFailure(Throwable t) {
                        Status s = Status.fromThrowable(t);
                        // A silent network: the streams may not notice for a while; cut them and resync.
                        if (s.getCode() != Status.Code.UNAUTHENTICATED) {
                            kept.forEach(k -> k.interrupt(s));
                        }
                    }
                }, timer);
    }

    private static String describe(Status s) {
        return KeptStream.describe(s);
    }

    /** Runs unary calls: results on the callback executor, retried with the same request when the server was unreachable. */
    public <T> java.util.concurrent.CompletableFuture<T> call(
            java.util.function.Supplier<com.google.common.util.concurrent.ListenableFuture<T>> call) {
        return rpc.call(call);
    }

    Rpc rpc() {
        return rpc;
    }

    /** A unary stub of any service (e.g. {@code SupervisionGrpc::newFutureStub}) with the session token and the unary deadline. */
    public <S extends io.grpc.stub.AbstractStub<S>> S stub(java.util.function.Function<io.grpc.Channel, S> newStub) {
        return authorized(newStub.apply(connection.channel()));
    }

    /** A streaming stub of any service with the session token and no deadline, for {@link #keep}. */
    public <S extends io.grpc.stub.AbstractStub<S>> S streamStub(java.util.function.Function<io.grpc.Channel, S> newStub) {
        return newStub.apply(connection.channel()).withCallCredentials(token);
    }

    private <S extends io.grpc.stub.AbstractStub<S>> S authorized(S stub) {
        return stub.withCallCredentials(token).withDeadlineAfter(Rpc.DEADLINE_SECONDS, TimeUnit.SECONDS);
    }

    AgentDeskGrpc.AgentDeskFutureStub desk() {
        return authorized(AgentDeskGrpc.newFutureStub(connection.channel()));
    }

    CustomersGrpc.CustomersFutureStub customers() {
        return authorized(CustomersGrpc.newFutureStub(connection.channel()));
    }

    ContactHistoryGrpc.ContactHistoryFutureStub contacts() {
        return authorized(ContactHistoryGrpc.newFutureStub(connection.channel()));
    }

    BlacklistGrpc.BlacklistFutureStub blacklist() {
        return authorized(BlacklistGrpc.newFutureStub(connection.channel()));
    }

    KnowledgeGrpc.KnowledgeFutureStub knowledge() {
        return authorized(KnowledgeGrpc.newFutureStub(connection.channel()));
    }

    WorkOrdersGrpc.WorkOrdersFutureStub workOrders() {
        return authorized(WorkOrdersGrpc.newFutureStub(connection.channel()));
    }

    /** Logs out on the server (waiting at most {@code timeout}; blocks: not on the FX thread), then closes. */
    public void logout(Duration timeout) {
        try {
            SessionGrpc.newBlockingStub(connection.channel()).withCallCredentials(token)
                    .withDeadlineAfter(timeout.toMillis(), TimeUnit.MILLISECONDS).logout(LogoutRequest.getDefaultInstance());
            log.info("{} logged out", agentId());
        } catch (io.grpc.StatusRuntimeException e) {
            log.info("logout of {} not confirmed by the server: {}", agentId(), describe(e.getStatus()));
        } finally {
            close();
        }
    }

    @Override
    public void close() {
        if (!open.compareAndSet(true, false)) {
            return;
        }
        kept.forEach(KeptStream::close);
        timer.shutdown();
        connection.close();
    }
}

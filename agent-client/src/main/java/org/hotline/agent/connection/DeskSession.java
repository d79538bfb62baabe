package org.hotline.agent.connection;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import io.grpc.Context;
import io.grpc.Status;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
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
    private final Backoff backoff = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(15),
            ThreadLocalRandom.current()::nextDouble);

    // Touched on the timer thread only.
    private DeskListener listener;
    private Context.CancellableContext stream;
    private LinkState link = LinkState.CONNECTING;
    private boolean closed;
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

    /** Subscribes and keeps the stream up until {@link #close()} or until the server ends the session. */
    public void start(DeskListener listener) {
        requireNonNull(listener, "listener");
        later(() -> {
            this.listener = listener;
            subscribe();
        });
        int every = Math.max(5, login.getHeartbeatIntervalSeconds());
        timer.scheduleWithFixedDelay(this::heartbeat, every, every, TimeUnit.SECONDS);
    }

    private void subscribe() {
        if (closed) {
            return;
        }
        Context.CancellableContext ctx = Context.current().withCancellation();
        stream = ctx;
        ctx.run(() -> AgentDeskGrpc.newStub(connection.channel()).withCallCredentials(token)
                .subscribe(SubscribeDeskRequest.getDefaultInstance(), new ClientResponseObserver<SubscribeDeskRequest, DeskEvent>() {
                    @Override
                    public void beforeStart(ClientCallStreamObserver<SubscribeDeskRequest> call) {
                    }

                    @Override
                    public void onNext(DeskEvent e) {
                        if (e.hasSnapshot()) {
                            later(() -> {
                                if (stream == ctx) {
                                    backoff.reset();
                                    report(LinkState.CONNECTED, "snapshot");
                                }
                            });
                        }
                        callbacks.execute(() -> listener.onEvent(e));
                    }

                    @Override
                    public void onError(Throwable t) {
                        later(() -> streamEnded(ctx, Status.fromThrowable(t)));
                    }

                    @Override
                    public void onCompleted() {
                        later(() -> streamEnded(ctx, Status.OK.withDescription("the server closed the stream")));
                    }
                }));
    }

    private void streamEnded(Context.CancellableContext ctx, Status status) {
        if (closed || stream != ctx) {
            return;
        }
        if (status.getCode() == Status.Code.UNAUTHENTICATED || status.getCode() == Status.Code.PERMISSION_DENIED
                || status.isOk() && link == LinkState.ENDED) {
            report(LinkState.ENDED, describe(status));
            return;
        }
        Duration wait = backoff.next();
        log.info("desk stream of {} lost ({}); reconnecting in {} ms", agentId(), describe(status), wait.toMillis());
        report(LinkState.RECONNECTING, describe(status));
        timer.schedule(this::subscribe, wait.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void heartbeat() {
        if (closed || link == LinkState.ENDED) {
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
                        // A silent network: the stream may not notice for a while; cut it and resync.
                        later(() -> {
                            if (link == LinkState.CONNECTED && s.getCode() != Status.Code.UNAUTHENTICATED) {
                                log.info("heartbeat of {} failed ({}); resubscribing", agentId(), describe(s));
                                stream.cancel(s.asRuntimeException());
                            }
                        });
                    }
                }, timer);
    }

    /** Runs on the link thread; after close() the thread is gone and late gRPC callbacks are dropped. */
    private void later(Runnable r) {
        try {
            timer.execute(r);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // closed: nothing left to do
        }
    }

    private void report(LinkState state, String detail) {
        if (link == state && state != LinkState.RECONNECTING) {
            return;
        }
        link = state;
        DeskListener l = listener;
        callbacks.execute(() -> l.onLink(state, detail));
    }

    private static String describe(Status s) {
        return s.getDescription() == null ? s.getCode().toString() : s.getCode() + ": " + s.getDescription();
    }

    /** Runs unary calls: results on the callback executor, retried with the same request when the server was unreachable. */
    Rpc rpc() {
        return rpc;
    }

    /** A stub that carries the session token and the unary deadline. */
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
        later(() -> {
            closed = true;
            if (stream != null) {
                stream.cancel(null);
            }
        });
        timer.shutdown();
        connection.close();
    }
}

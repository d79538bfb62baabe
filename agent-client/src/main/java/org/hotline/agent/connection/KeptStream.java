package org.hotline.agent.connection;

import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Predicate;

import io.grpc.Context;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static java.util.Objects.requireNonNull;

/**
 * A server stream kept open for as long as the session lives: whenever it breaks it is opened
 * again with backoff, and the link is reported. The first message after a (re)connect that
 * {@code resync} accepts (the snapshot of the desk and supervision streams, any message of the
 * wallboard's) marks the link {@link LinkState#CONNECTED}. UNAUTHENTICATED or PERMISSION_DENIED end
 * it for good. Events and link changes reach the listener on the callback executor; the
 * bookkeeping runs on the session's link thread.
 */
public final class KeptStream<E> implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(KeptStream.class);

    /** What a kept stream reports, on the callback executor. */
    public interface Listener<E> {
        void onEvent(E event);

        void onLink(LinkState state, String detail);
    }

    private final String name;
    private final Consumer<StreamObserver<E>> open;
    private final Predicate<E> resync;
    private final Executor callbacks;
    private final ScheduledExecutorService timer;
    private final Backoff backoff = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(15),
            ThreadLocalRandom.current()::nextDouble);

    // Touched on the timer thread only.
    private Listener<E> listener;
    private Context.CancellableContext stream;
    private LinkState link = LinkState.CONNECTING;
    private boolean closed;

    KeptStream(String name, Consumer<StreamObserver<E>> open, Predicate<E> resync, Executor callbacks,
               ScheduledExecutorService timer) {
        this.name = requireNonNull(name, "name");
        this.open = requireNonNull(open, "open");
        this.resync = requireNonNull(resync, "resync");
        this.callbacks = requireNonNull(callbacks, "callbacks");
        this.timer = requireNonNull(timer, "timer");
    }

    /** Opens the stream; it stays up until {@link #close()} or until the server refuses it. */
    public KeptStream<E> start(Listener<E> listener) {
        requireNonNull(listener, "listener");
        later(() -> {
            this.listener = listener;
            subscribe();
        });
        return this;
    }

    private void subscribe() {
        if (closed) {
            return;
        }
        Context.CancellableContext ctx = Context.current().withCancellation();
        stream = ctx;
        ctx.run(() -> open.accept(new StreamObserver<E>() {
            @Override
            public void onNext(E e) {
                if (resync.test(e)) {
                    later(() -> {
                        if (stream == ctx) {
                            backoff.reset();
                            report(LinkState.CONNECTED, "resynchronised");
                        }
                    });
                }
                Listener<E> l = listener;
                callbacks.execute(() -> l.onEvent(e));
            }

            @Override
            public void onError(Throwable t) {
                later(() -> ended(ctx, Status.fromThrowable(t)));
            }

            @Override
            public void onCompleted() {
                later(() -> ended(ctx, Status.OK.withDescription("the server closed the stream")));
            }
        }));
    }

    private void ended(Context.CancellableContext ctx, Status status) {
        if (closed || stream != ctx) {
            return;
        }
        if (status.getCode() == Status.Code.UNAUTHENTICATED || status.getCode() == Status.Code.PERMISSION_DENIED
                || status.isOk() && link == LinkState.ENDED) {
            report(LinkState.ENDED, describe(status));
            return;
        }
        Duration wait = backoff.next();
        log.info("{} stream lost ({}); reconnecting in {} ms", name, describe(status), wait.toMillis());
        report(LinkState.RECONNECTING, describe(status));
        timer.schedule(this::subscribe, wait.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** A silent network (a failed heartbeat): cut the stream if it looks up, so it reconnects and resyncs. */
    void interrupt(Status why) {
        later(() -> {
            if (!closed && link == LinkState.CONNECTED && stream != null) {
                log.info("{} stream cut ({}); resubscribing", name, describe(why));
                stream.cancel(why.asRuntimeException());
            }
        });
    }

    private void later(Runnable r) {
        try {
            timer.execute(r);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // the session is closed: nothing left to do
        }
    }

    private void report(LinkState state, String detail) {
        if (link == state && state != LinkState.RECONNECTING) {
            return;
        }
        link = state;
        Listener<E> l = listener;
        callbacks.execute(() -> l.onLink(state, detail));
    }

    static String describe(Status s) {
        return s.getDescription() == null ? s.getCode().toString() : s.getCode() + ": " + s.getDescription();
    }

    /** Releases the subscription on the server; no more events or link changes are reported. */
    @Override
    public void close() {
        later(() -> {
            closed = true;
            if (stream != null) {
                stream.cancel(null);
            }
        });
    }
}

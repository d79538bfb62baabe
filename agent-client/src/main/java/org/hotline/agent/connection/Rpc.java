package org.hotline.agent.connection;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import com.google.common.util.concurrent.FutureCallback;
import com.google.common.util.concurrent.Futures;
import com.google.common.util.concurrent.ListenableFuture;
import com.google.common.util.concurrent.MoreExecutors;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;

/**
 * Runs unary calls for the desk: each result arrives on the callback executor (the FX thread in
 * the app), and a call that failed because the server could not be reached is retried a few
 * times with the same request (so with the same request id: the server acts once).
 */
final class Rpc {
    static final long DEADLINE_SECONDS = 10;
    private static final int ATTEMPTS = 4;

    private final Executor callbacks;
    private final ScheduledExecutorService timer;

    Rpc(Executor callbacks, ScheduledExecutorService timer) {
        this.callbacks = callbacks;
        this.timer = timer;
    }

    <T> CompletableFuture<T> call(Supplier<ListenableFuture<T>> call) {
        CompletableFuture<T> out = new CompletableFuture<>();
        attempt(call, out, new Backoff(Duration.ofMillis(250), Duration.ofSeconds(2), ThreadLocalRandom.current()::nextDouble));
        return out.whenCompleteAsync((r, e) -> { }, callbacks);
    }

    private <T> void attempt(Supplier<ListenableFuture<T>> call, CompletableFuture<T> out, Backoff backoff) {
        Futures.addCallback(call.get(), new FutureCallback<T>() {
            @Override
            public void onSuccess(T r) {
                out.complete(r);
            }

            @Override
            public void onFailure(Throwable t) {
                Status s = Status.fromThrowable(t);
                if (s.getCode() == Status.Code.UNAVAILABLE && backoff.attempts() < ATTEMPTS - 1) {
                    timer.schedule(() -> attempt(call, out, backoff), backoff.next().toMillis(), TimeUnit.MILLISECONDS);
                } else {
                    out.completeExceptionally(t instanceof StatusRuntimeException ? t : s.asRuntimeException());
                }
            }
        }, MoreExecutors.directExecutor());
    }
}

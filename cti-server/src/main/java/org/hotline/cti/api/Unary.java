package org.hotline.cti.api;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

import io.grpc.stub.StreamObserver;

/**
 * Answers a unary RPC with work that blocks on storage: the work runs on the feature's workers,
 * never on a gRPC thread, and any failure (role checks before it included) becomes a status in
 * {@link Errors}. Role checks happen on the calling thread, where the session is.
 */
final class Unary {
    private Unary() {}

    static <T> void answer(StreamObserver<T> out, Runnable check, Executor workers, Supplier<T> work) {
        try {
            check.run();
            reply(out, CompletableFuture.supplyAsync(work, workers));
        } catch (RuntimeException e) {
            out.onError(Errors.toStatus(e));
        }
    }

    /** Completes the call with the stage's value, or its failure as a status. */
    static <T> void reply(StreamObserver<T> out, CompletionStage<T> stage) {
        stage.whenComplete((r, e) -> {
            if (e != null) {
                out.onError(Errors.toStatus(e));
            } else {
                out.onNext(r);
                out.onCompleted();
            }
        });
    }
}

package org.hotline.cti.api;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * Makes commands idempotent: a retry with a request id already seen (per user) gets the first
 * attempt's outcome and does not act again. Remembers the last {@code capacity} ids.
 */
final class RequestIds {
    private final int capacity;
    private final Map<String, CompletableFuture<String>> seen;

    RequestIds(int capacity) {
        this.capacity = capacity;
        this.seen = new LinkedHashMap<>(16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, CompletableFuture<String>> e) {
                return size() > RequestIds.this.capacity;
            }
        };
    }

    /**
     * Runs a command once per request id and answers the unary call with {@code response}
     * (request id, call id), or with the failure's status.
     */
    <R> void respond(String requestId, io.grpc.stub.StreamObserver<R> out, Supplier<CompletionStage<String>> action,
                     java.util.function.BiFunction<String, String, R> response) {
        String user = AuthInterceptor.session().agentId();
        try {
            once(user, requestId, action).whenComplete((callId, e) -> {
                if (e != null) {
                    out.onError(Errors.toStatus(e));
                } else {
                    out.onNext(response.apply(requestId, callId == null ? "" : callId));
                    out.onCompleted();
                }
            });
        } catch (RuntimeException e) {
            out.onError(Errors.toStatus(e));
        }
    }

    CompletionStage<String> once(String user, String requestId, Supplier<CompletionStage<String>> action) {
        if (requestId == null || requestId.isBlank()) {
            throw Errors.invalid("request_id: empty (expected: a client-chosen id, reused only for retries)");
        }
        String key = user + "\u0000" + requestId;
        CompletableFuture<String> mine = new CompletableFuture<>();
        CompletableFuture<String> first;
        synchronized (seen) {
            first = seen.putIfAbsent(key, mine);
        }
        if (first != null) {
            return first;
        }
        try {
            action.get().whenComplete((v, e) -> {
                if (e != null) {
                    mine.completeExceptionally(e);
                } else {
                    mine.complete(v);
                }
            });
        } catch (RuntimeException e) {
            mine.completeExceptionally(e);
        }
        return mine;
    }
}

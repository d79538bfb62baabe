package org.hotline.cti.admin;

import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Waits for a change handed to the event loop, so that a save answers only once it is live. */
final class Live {
    private static final long TIMEOUT_SECONDS = 10;

    private Live() {}

    static void await(CompletionStage<?> stage) {
        try {
            stage.toCompletableFuture().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while applying the change to the live model", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new CompletionException(e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("the live model did not take the change within " + TIMEOUT_SECONDS
                    + " s (it is stored and applies at the next restart)", e);
        }
    }
}

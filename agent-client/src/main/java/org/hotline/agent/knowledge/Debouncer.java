package org.hotline.agent.knowledge;

/**
 * Runs the last of a burst of requests once the burst is over (a search after the agent stops
 * typing). The desk uses a JavaFX pause; tests run the pending action when they choose.
 */
@FunctionalInterface
public interface Debouncer {
    /** Forgets any pending action and runs {@code action} after the quiet time (on the FX thread). */
    void restart(Runnable action);
}

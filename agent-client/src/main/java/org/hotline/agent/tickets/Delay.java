package org.hotline.agent.tickets;

import java.time.Duration;

/** Runs a task later on the FX thread: how the form debounces its draft writes (tests run them by hand). */
@FunctionalInterface
public interface Delay {
    void after(Duration delay, Runnable task);
}

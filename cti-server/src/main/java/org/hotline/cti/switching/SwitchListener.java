package org.hotline.cti.switching;

/**
 * Receives the switch's events. Called from the adapter's own thread: an implementation only
 * enqueues (onto the CTI event loop), it never blocks or does work there.
 */
@FunctionalInterface
public interface SwitchListener {
    void onEvent(SwitchEvent event);
}

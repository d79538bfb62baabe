package org.hotline.cti.core;

/**
 * Decides, on the event loop, whether a caller may reach a queue at all (the blacklist). It is
 * consulted for every routed call, so implementations answer from memory (a snapshot their
 * storage refreshes) and never block.
 */
@FunctionalInterface
public interface CallScreen {
    /** Lets every caller through. */
    CallScreen NONE = callerNumber -> false;

    /** True when this calling number must hear the BLOCKED announcement instead of being queued. */
    boolean blocks(String callerNumber);
}

package org.hotline.cti.customers;

/** Where finished screen pops go (the agent's desk stream). Called on the event loop; must not block. */
@FunctionalInterface
public interface ScreenPopSink {
    void pop(String agentId, ScreenPop pop);
}

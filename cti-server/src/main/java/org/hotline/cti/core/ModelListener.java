package org.hotline.cti.core;

import java.time.Instant;

import org.hotline.cti.agents.AgentView;
import org.hotline.cti.calls.CallView;

/**
 * Receives the live model's changes, on the event loop, as they happen. Implementations must
 * only enqueue (e.g. into bounded per-client buffers): never block. {@code origin} is when the
 * switch event (or command) behind the change happened.
 */
public interface ModelListener {
    enum CallChange { RINGING, CONNECTED, HELD, RETRIEVED, TRANSFERRED, CONFERENCED, ENDED, DATA, DIALING, MONITORING }

    default void agentChanged(AgentView agent, Instant origin) {}

    /** {@code agentId} is the desk the change is for. */
    default void callChanged(String agentId, CallChange change, CallView call, String cause, Instant origin) {}

    default void queueChanged(QueueView queue, Instant origin) {}

    /** The call's detail record is durable: the desk may show it as recorded. */
    default void callRecorded(String agentId, String callId, String recordId) {}

    default void notice(String agentId, String code, String text, String from) {}

    /** Once a second, for wallboards and periodic views. */
    default void tick(Instant now) {}
}

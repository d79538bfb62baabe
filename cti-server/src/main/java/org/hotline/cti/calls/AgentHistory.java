package org.hotline.cti.calls;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.hotline.cti.agents.AgentStateChange;

/**
 * What the outbox wrote about one agent, for the agent's own screens (my day, my call history):
 * the state log, the agent's talk legs and the calls it took part in. Calls block on storage:
 * never call from the event loop.
 */
public interface AgentHistory {
    /** State changes of the agent at or after {@code from}, oldest first. */
    List<AgentStateChange> stateChangesSince(String agentId, Instant from);

    /** The agent's last state change before {@code t}: what state it was in at {@code t}. */
    Optional<AgentStateChange> lastStateChangeBefore(String agentId, Instant t);

    /** The agent's talk segments that ended after {@code from}, oldest first (not clipped). */
    List<CallSegment> talkSegmentsEndingAfter(String agentId, Instant from);

    /** Calls the agent talked on or dialled, newest first, as {@code query} filters them. */
    List<CallHistoryEntry> calls(CallHistoryQuery query);
}

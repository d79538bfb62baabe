package org.hotline.cti.agents;

import java.time.Instant;

/** One line of the agent state log: append-only, written in batches through the outbox. */
public record AgentStateChange(String recordId, String siteId, String agentId, AgentState from, AgentState to,
                               String reasonCode, Instant at, long millisInPreviousState) {}

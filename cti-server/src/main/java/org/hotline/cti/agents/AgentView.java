package org.hotline.cti.agents;

import java.time.Instant;
import java.util.Set;

/**
 * An immutable snapshot of an {@link Agent}, safe to hand to other threads. {@code current*}
 * describe the call the agent is busy with, if any (empty strings otherwise).
 */
public record AgentView(AgentProfile profile, AgentState state, String reason, Instant stateSince, String extension,
                        Set<String> calls, int callsToday, long handleMillisToday, AgentState pendingState,
                        String pendingReason, String currentCallId, String currentCaller, String currentQueue) {
    public String agentId() {
        return profile.agentId();
    }
}

package org.hotline.cti.core;

import java.util.Map;

import org.hotline.cti.agents.AgentState;
import org.hotline.cti.switching.MonitorMode;

/** What a desk (or a bot, or a team lead) asks the live model to do. */
public sealed interface AgentCommand {
    /** The agent acting (for supervision commands: the team lead). */
    String agentId();

    record SetState(String agentId, AgentState state, String reasonCode) implements AgentCommand {}

    record Answer(String agentId, String callId) implements AgentCommand {}

    record Hangup(String agentId, String callId) implements AgentCommand {}

    record Hold(String agentId, String callId) implements AgentCommand {}

    record Retrieve(String agentId, String callId) implements AgentCommand {}

    /** Hold {@code callId} and call {@code destination}: an agent id, "queue:&lt;id&gt;" or a number. */
    record Consult(String agentId, String callId, String destination) implements AgentCommand {}

    /** {@code callId} is either the held call or the consultation call. */
    record CompleteTransfer(String agentId, String callId) implements AgentCommand {}

    record BlindTransfer(String agentId, String callId, String destination) implements AgentCommand {}

    record Conference(String agentId, String callId) implements AgentCommand {}

    record Dial(String agentId, String number, Map<String, String> values) implements AgentCommand {}

    record SendDigits(String agentId, String callId, String digits) implements AgentCommand {}

    record Mute(String agentId, String callId, boolean muted) implements AgentCommand {}

    record AttachData(String agentId, String callId, String customerId, String enteredAccount,
                      Map<String, String> values) implements AgentCommand {}

    /** A team lead sets another agent's state. */
    record ForceState(String agentId, String targetAgentId, AgentState state, String reasonCode) implements AgentCommand {}

    record ForceLogout(String agentId, String targetAgentId) implements AgentCommand {}

    /** A team lead's message to a logged-in agent's desk. */
    record SendMessage(String agentId, String targetAgentId, String text) implements AgentCommand {}

    /** A team lead listens, whispers or barges into the target agent's current call. */
    record Monitor(String agentId, String targetAgentId, MonitorMode mode) implements AgentCommand {}
}

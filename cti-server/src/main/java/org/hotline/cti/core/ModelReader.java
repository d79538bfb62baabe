package org.hotline.cti.core;

import java.util.List;

import org.hotline.cti.agents.AgentView;
import org.hotline.cti.agents.ReasonCode;
import org.hotline.cti.calls.CallView;

/** Read access to the live model, handed to code that runs on the event loop via {@link CallCenter#read}. */
public interface ModelReader {
    AgentView agent(String agentId);

    List<AgentView> agents();

    /** The calls in which the agent is a party. */
    List<CallView> callsOf(String agentId);

    CallView call(String callId);

    List<QueueView> queues();

    List<ReasonCode> reasonCodes();

    /** Calls in the model right now. */
    int callCount();

    boolean switchLinkUp();
}

package org.hotline.supervisor.agents;

import java.util.concurrent.CompletableFuture;

import org.hotline.api.v1.AgentState;
import org.hotline.api.v1.SupervisionResponse;

/** The team lead's actions on an agent; every future completes on the FX thread. */
public interface SupervisionGateway {
    CompletableFuture<SupervisionResponse> listen(String agentId);

    CompletableFuture<SupervisionResponse> whisper(String agentId);

    CompletableFuture<SupervisionResponse> barge(String agentId);

    /** {@code state} READY, or NOT_READY with a reason code. */
    CompletableFuture<SupervisionResponse> forceState(String agentId, AgentState state, String reasonCode);

    CompletableFuture<SupervisionResponse> forceLogout(String agentId);

    CompletableFuture<SupervisionResponse> sendMessage(String agentId, String text);
}

package org.hotline.agent.desk;

import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.hotline.api.v1.AgentState;
import org.hotline.api.v1.CommandResponse;

/**
 * The softphone commands of the desk, as the server's AgentDesk service offers them. Futures
 * complete on the FX thread; a failure is a gRPC status with the server's reason.
 */
public interface SoftphoneGateway {
    CompletableFuture<CommandResponse> setState(AgentState state, String reasonCode);

    CompletableFuture<CommandResponse> answer(String callId);

    CompletableFuture<CommandResponse> hangup(String callId);

    CompletableFuture<CommandResponse> hold(String callId);

    CompletableFuture<CommandResponse> retrieve(String callId);

    /** Holds {@code callId} and calls {@code destination}: an agent id, {@code queue:<id>} or a number. */
    CompletableFuture<CommandResponse> consult(String callId, String destination);

    /** Joins the held call and the consultation made from it, and leaves. */
    CompletableFuture<CommandResponse> completeTransfer(String heldCallId);

    CompletableFuture<CommandResponse> blindTransfer(String callId, String destination);

    CompletableFuture<CommandResponse> conference(String heldCallId);

    CompletableFuture<CommandResponse> dial(String number, Map<String, String> values);

    CompletableFuture<CommandResponse> sendDigits(String callId, String digits);

    CompletableFuture<CommandResponse> mute(String callId, boolean muted);

    CompletableFuture<CommandResponse> attachData(String callId, Map<String, String> values, String customerId);
}

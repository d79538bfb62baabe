package org.hotline.agent.desk;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import io.grpc.Status;
import org.hotline.api.v1.AgentState;
import org.hotline.api.v1.CommandResponse;

/** Records every command; answers at once, or fails with a given status. */
final class FakeSoftphone implements SoftphoneGateway {
    final List<String> sent = new ArrayList<>();
    Status failWith;

    private CompletableFuture<CommandResponse> record(String what) {
        sent.add(what);
        if (failWith != null) {
            return CompletableFuture.failedFuture(failWith.asRuntimeException());
        }
        return CompletableFuture.completedFuture(CommandResponse.getDefaultInstance());
    }

    @Override
    public CompletableFuture<CommandResponse> setState(AgentState state, String reasonCode) {
        return record("state " + state + " " + reasonCode);
    }

    @Override
    public CompletableFuture<CommandResponse> answer(String callId) {
        return record("answer " + callId);
    }

    @Override
    public CompletableFuture<CommandResponse> hangup(String callId) {
        return record("hangup " + callId);
    }

    @Override
    public CompletableFuture<CommandResponse> hold(String callId) {
        return record("hold " + callId);
    }

    @Override
    public CompletableFuture<CommandResponse> retrieve(String callId) {
        return record("retrieve " + callId);
    }

    @Override
    public CompletableFuture<CommandResponse> consult(String callId, String destination) {
        return record("consult " + callId + " " + destination);
    }

    @Override
    public CompletableFuture<CommandResponse> completeTransfer(String heldCallId) {
        return record("transfer " + heldCallId);
    }

    @Override
    public CompletableFuture<CommandResponse> blindTransfer(String callId, String destination) {
        return record("blind " + callId + " " + destination);
    }

    @Override
    public CompletableFuture<CommandResponse> conference(String heldCallId) {
        return record("conference " + heldCallId);
    }

    @Override
    public CompletableFuture<CommandResponse> dial(String number, Map<String, String> values) {
        return record("dial " + number);
    }

    @Override
    public CompletableFuture<CommandResponse> sendDigits(String callId, String digits) {
        return record("digits " + callId + " " + digits);
    }

    @Override
    public CompletableFuture<CommandResponse> mute(String callId, boolean muted) {
        return record("mute " + callId + " " + muted);
    }

    @Override
    public CompletableFuture<CommandResponse> attachData(String callId, Map<String, String> values, String customerId) {
        return record("attach " + callId + " " + customerId);
    }
}

package org.hotline.agent.connection;

import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.hotline.agent.desk.SoftphoneGateway;
import org.hotline.api.v1.AgentState;
import org.hotline.api.v1.AttachDataRequest;
import org.hotline.api.v1.BlindTransferRequest;
import org.hotline.api.v1.CallCommandRequest;
import org.hotline.api.v1.CommandResponse;
import org.hotline.api.v1.ConsultRequest;
import org.hotline.api.v1.DialRequest;
import org.hotline.api.v1.MuteRequest;
import org.hotline.api.v1.SendDigitsRequest;
import org.hotline.api.v1.SetStateRequest;

/** The softphone over the AgentDesk service; each command's request id is kept across its retries. */
public final class GrpcSoftphone implements SoftphoneGateway {
    private final DeskSession session;

    public GrpcSoftphone(DeskSession session) {
        this.session = session;
    }

    private static CallCommandRequest cmd(String callId) {
        return CallCommandRequest.newBuilder().setRequestId(RequestIds.next()).setCallId(callId).build();
    }

    @Override
    public CompletableFuture<CommandResponse> setState(AgentState state, String reasonCode) {
        SetStateRequest r = SetStateRequest.newBuilder().setRequestId(RequestIds.next()).setState(state)
                .setReasonCode(reasonCode == null ? "" : reasonCode).build();
        return session.rpc().call(() -> session.desk().setState(r));
    }

    @Override
    public CompletableFuture<CommandResponse> answer(String callId) {
        CallCommandRequest r = cmd(callId);
        return session.rpc().call(() -> session.desk().answer(r));
    }

    @Override
    public CompletableFuture<CommandResponse> hangup(String callId) {
        CallCommandRequest r = cmd(callId);
        return session.rpc().call(() -> session.desk().hangup(r));
    }

    @Override
    public CompletableFuture<CommandResponse> hold(String callId) {
        CallCommandRequest r = cmd(callId);
        return session.rpc().call(() -> session.desk().hold(r));
    }

    @Override
    public CompletableFuture<CommandResponse> retrieve(String callId) {
        CallCommandRequest r = cmd(callId);
        return session.rpc().call(() -> session.desk().retrieve(r));
    }

    @Override
    public CompletableFuture<CommandResponse> consult(String callId, String destination) {
        ConsultRequest r = ConsultRequest.newBuilder().setRequestId(RequestIds.next()).setCallId(callId)
                .setDestination(destination).build();
        return session.rpc().call(() -> session.desk().consult(r));
    }

    @Override
    public CompletableFuture<CommandResponse> completeTransfer(String heldCallId) {
        CallCommandRequest r = cmd(heldCallId);
        return session.rpc().call(() -> session.desk().completeTransfer(r));
    }

    @Override
    public CompletableFuture<CommandResponse> blindTransfer(String callId, String destination) {
        BlindTransferRequest r = BlindTransferRequest.newBuilder().setRequestId(RequestIds.next()).setCallId(callId)
                .setDestination(destination).build();
        return session.rpc().call(() -> session.desk().blindTransfer(r));
    }

    @Override
    public CompletableFuture<CommandResponse> conference(String heldCallId) {
        CallCommandRequest r = cmd(heldCallId);
        return session.rpc().call(() -> session.desk().conference(r));
    }

    @Override
    public CompletableFuture<CommandResponse> dial(String number, Map<String, String> values) {
        DialRequest r = DialRequest.newBuilder().setRequestId(RequestIds.next()).setNumber(number).putAllValues(values).build();
        return session.rpc().call(() -> session.desk().dial(r));
    }

    @Override
    public CompletableFuture<CommandResponse> sendDigits(String callId, String digits) {
        SendDigitsRequest r = SendDigitsRequest.newBuilder().setRequestId(RequestIds.next()).setCallId(callId)
                .setDigits(digits).build();
        return session.rpc().call(() -> session.desk().sendDigits(r));
    }

    @Override
    public CompletableFuture<CommandResponse> mute(String callId, boolean muted) {
        MuteRequest r = MuteRequest.newBuilder().setRequestId(RequestIds.next()).setCallId(callId).setMuted(muted).build();
        return session.rpc().call(() -> session.desk().mute(r));
    }

    @Override
    public CompletableFuture<CommandResponse> attachData(String callId, Map<String, String> values, String customerId) {
        AttachDataRequest r = AttachDataRequest.newBuilder().setRequestId(RequestIds.next()).setCallId(callId)
                .putAllValues(values).setCustomerId(customerId == null ? "" : customerId).build();
        return session.rpc().call(() -> session.desk().attachData(r));
    }
}

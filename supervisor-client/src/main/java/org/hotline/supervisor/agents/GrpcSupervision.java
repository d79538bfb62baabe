package org.hotline.supervisor.agents;

import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.hotline.agent.connection.DeskSession;
import org.hotline.agent.connection.KeptStream;
import org.hotline.api.v1.AgentState;
import org.hotline.api.v1.ForceLogoutRequest;
import org.hotline.api.v1.ForceStateRequest;
import org.hotline.api.v1.MonitorRequest;
import org.hotline.api.v1.SendMessageRequest;
import org.hotline.api.v1.SubscribeSupervisionRequest;
import org.hotline.api.v1.SupervisionEvent;
import org.hotline.api.v1.SupervisionGrpc;
import org.hotline.api.v1.SupervisionResponse;

/** The Supervision service over the team lead's session: the live stream and the actions on agents. */
public final class GrpcSupervision implements SupervisionGateway {
    private final DeskSession session;

    public GrpcSupervision(DeskSession session) {
        this.session = session;
    }

    /** Snapshot then deltas of every agent and queue, kept open across network blips (a fresh snapshot after each). */
    public KeptStream<SupervisionEvent> stream() {
        return session.keep("supervision of " + session.agentId(),
                o -> session.streamStub(SupervisionGrpc::newStub).subscribe(SubscribeSupervisionRequest.getDefaultInstance(), o),
                SupervisionEvent::hasSnapshot);
    }

    private static String rid() {
        return UUID.randomUUID().toString();
    }

    private SupervisionGrpc.SupervisionFutureStub stub() {
        return session.stub(SupervisionGrpc::newFutureStub);
    }

    private MonitorRequest monitor(String agentId) {
        return MonitorRequest.newBuilder().setRequestId(rid()).setAgentId(agentId).build();
    }

    @Override
    public CompletableFuture<SupervisionResponse> listen(String agentId) {
        MonitorRequest r = monitor(agentId);
        return session.call(() -> stub().listen(r));
    }

    @Override
    public CompletableFuture<SupervisionResponse> whisper(String agentId) {
        MonitorRequest r = monitor(agentId);
        return session.call(() -> stub().whisper(r));
    }

    @Override
    public CompletableFuture<SupervisionResponse> barge(String agentId) {
        MonitorRequest r = monitor(agentId);
        return session.call(() -> stub().barge(r));
    }

    @Override
    public CompletableFuture<SupervisionResponse> forceState(String agentId, AgentState state, String reasonCode) {
        ForceStateRequest r = ForceStateRequest.newBuilder().setRequestId(rid()).setAgentId(agentId).setState(state)
                .setReasonCode(reasonCode).build();
        return session.call(() -> stub().forceState(r));
    }

    @Override
    public CompletableFuture<SupervisionResponse> forceLogout(String agentId) {
        ForceLogoutRequest r = ForceLogoutRequest.newBuilder().setRequestId(rid()).setAgentId(agentId).build();
        return session.call(() -> stub().forceLogout(r));
    }

    @Override
    public CompletableFuture<SupervisionResponse> sendMessage(String agentId, String text) {
        SendMessageRequest r = SendMessageRequest.newBuilder().setRequestId(rid()).setAgentId(agentId).setText(text).build();
        return session.call(() -> stub().sendMessage(r));
    }
}

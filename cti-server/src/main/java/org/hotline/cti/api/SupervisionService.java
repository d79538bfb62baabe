package org.hotline.cti.api;

import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import org.hotline.api.v1.ForceLogoutRequest;
import org.hotline.api.v1.ForceStateRequest;
import org.hotline.api.v1.MonitorRequest;
import org.hotline.api.v1.SendMessageRequest;
import org.hotline.api.v1.SubscribeSupervisionRequest;
import org.hotline.api.v1.SupervisionEvent;
import org.hotline.api.v1.SupervisionGrpc;
import org.hotline.api.v1.SupervisionResponse;
import org.hotline.cti.agents.AgentState;
import org.hotline.cti.core.AgentCommand;
import org.hotline.cti.core.CallCenter;
import org.hotline.cti.security.Session;
import org.hotline.cti.switching.MonitorMode;

/** Team leads and administrators: every agent and queue live, and actions on agents. */
final class SupervisionService extends SupervisionGrpc.SupervisionImplBase {
    private final CallCenter center;
    private final StreamHub hub;
    private final RequestIds requestIds;

    SupervisionService(CallCenter center, StreamHub hub, RequestIds requestIds) {
        this.center = center;
        this.hub = hub;
        this.requestIds = requestIds;
    }

    private static Session lead() {
        Session s = AuthInterceptor.session();
        if (!s.role().canSupervise()) {
            throw Errors.permission("role " + s.role() + " may not supervise (expected: team lead or admin)");
        }
        return s;
    }

    @Override
    public void subscribe(SubscribeSupervisionRequest req, StreamObserver<SupervisionEvent> out) {
        Session s;
        try {
            s = lead();
        } catch (RuntimeException e) {
            out.onError(Errors.toStatus(e));
            return;
        }
        Outbound<SupervisionEvent> buffer = hub.supervisorOutbound(s.agentId(),
                (ServerCallStreamObserver<SupervisionEvent>) out);
        center.read(r -> {
            hub.attachSupervisor(buffer, r);
            return null;
        });
    }

    @Override
    public void forceState(ForceStateRequest req, StreamObserver<SupervisionResponse> out) {
        run(req.getRequestId(), out, () -> {
            AgentState st = ProtoMapper.state(req.getState());
            if (st != AgentState.READY && st != AgentState.NOT_READY) {
                throw Errors.invalid("state: " + req.getState() + " (expected: READY or NOT_READY)");
            }
            return center.execute(new AgentCommand.ForceState(lead().agentId(), req.getAgentId(), st,
                    req.getReasonCode()));
        });
    }

    @Override
    public void forceLogout(ForceLogoutRequest req, StreamObserver<SupervisionResponse> out) {
        run(req.getRequestId(), out, () -> center.execute(new AgentCommand.ForceLogout(lead().agentId(), req.getAgentId())));
    }

    @Override
    public void sendMessage(SendMessageRequest req, StreamObserver<SupervisionResponse> out) {
        run(req.getRequestId(), out, () -> center.execute(new AgentCommand.SendMessage(lead().agentId(), req.getAgentId(),
                req.getText())));
    }

    @Override
    public void listen(MonitorRequest req, StreamObserver<SupervisionResponse> out) {
        monitor(req, out, MonitorMode.LISTEN);
    }

    @Override
    public void whisper(MonitorRequest req, StreamObserver<SupervisionResponse> out) {
        monitor(req, out, MonitorMode.WHISPER);
    }

    @Override
    public void barge(MonitorRequest req, StreamObserver<SupervisionResponse> out) {
        monitor(req, out, MonitorMode.BARGE);
    }

    private void monitor(MonitorRequest req, StreamObserver<SupervisionResponse> out, MonitorMode mode) {
        run(req.getRequestId(), out, () -> center.execute(new AgentCommand.Monitor(lead().agentId(), req.getAgentId(), mode)));
    }

    private void run(String requestId, StreamObserver<SupervisionResponse> out, Supplier<CompletionStage<String>> action) {
        requestIds.respond(requestId, out, action,
                (rid, callId) -> SupervisionResponse.newBuilder().setRequestId(rid).setCallId(callId).build());
    }
}

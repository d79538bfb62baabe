package org.hotline.cti.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import io.grpc.ManagedChannel;
import io.grpc.stub.StreamObserver;
import org.hotline.api.v1.AgentDeskGrpc;
import org.hotline.api.v1.AgentState;
import org.hotline.api.v1.CallCommandRequest;
import org.hotline.api.v1.CallUpdate;
import org.hotline.api.v1.CommandResponse;
import org.hotline.api.v1.ConsultRequest;
import org.hotline.api.v1.DeskEvent;
import org.hotline.api.v1.LoginRequest;
import org.hotline.api.v1.LoginResponse;
import org.hotline.api.v1.SessionGrpc;
import org.hotline.api.v1.SetStateRequest;
import org.hotline.api.v1.SubscribeDeskRequest;
import org.hotline.cti.bench.BearerToken;

/** A desk for tests: logs in over gRPC, collects its stream, sends commands and waits for events. */
public final class DeskClient implements AutoCloseable {
    public final String agentId;
    public final String token;
    private final ManagedChannel channel;
    private final AgentDeskGrpc.AgentDeskBlockingStub desk;
    private final LinkedBlockingQueue<Object> events = new LinkedBlockingQueue<>();
    private final List<DeskEvent> seen = new ArrayList<>();
    private final AtomicInteger requests = new AtomicInteger();

    private DeskClient(String agentId, String token, ManagedChannel channel) {
        this.agentId = agentId;
        this.token = token;
        this.channel = channel;
        this.desk = AgentDeskGrpc.newBlockingStub(channel).withCallCredentials(new BearerToken(token));
    }

    public static DeskClient login(ManagedChannel channel, String agentId, String password) {
        LoginResponse r = SessionGrpc.newBlockingStub(channel).login(LoginRequest.newBuilder().setAgentId(agentId)
                .setPassword(password).setClientName("test").build());
        return new DeskClient(agentId, r.getSessionToken(), channel);
    }

    /** A client that reuses a token (after a server restart). */
    public static DeskClient resume(ManagedChannel channel, String agentId, String token) {
        return new DeskClient(agentId, token, channel);
    }

    public DeskClient subscribe() {
        // Wait for the server rather than fail at once: a desk waits out a restart.
        AgentDeskGrpc.newStub(channel).withCallCredentials(new BearerToken(token)).withWaitForReady()
                .subscribe(SubscribeDeskRequest.getDefaultInstance(), new StreamObserver<>() {
                    @Override public void onNext(DeskEvent e) { events.add(e); }
                    @Override public void onError(Throwable t) { events.add(t); }
                    @Override public void onCompleted() { }
                });
        return this;
    }

    /** Waits for the next event matching {@code p} (events before it are kept in {@link #seen()}). */
    public DeskEvent await(Predicate<DeskEvent> p, Duration timeout) {
        long end = System.nanoTime() + timeout.toNanos();
        try {
            while (true) {
                long left = end - System.nanoTime();
                Object o = left <= 0 ? null : events.poll(left, TimeUnit.NANOSECONDS);
                if (o == null) {
                    throw new AssertionError(agentId + ": no matching event within " + timeout + "; saw " + seen);
                }
                if (o instanceof Throwable t) {
                    throw new AssertionError(agentId + ": stream failed: " + t, t);
                }
                DeskEvent e = (DeskEvent) o;
                seen.add(e);
                if (p.test(e)) {
                    return e;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted");
        }
    }

    public CallUpdate awaitCall(CallUpdate.Kind kind) {
        return await(e -> e.hasCall() && e.getCall().getKind() == kind, Duration.ofSeconds(10)).getCall();
    }

    public List<DeskEvent> seen() {
        return seen;
    }

    private String rid() {
        return agentId + "-" + requests.incrementAndGet();
    }

    public CommandResponse ready() {
        return desk.setState(SetStateRequest.newBuilder().setRequestId(rid()).setState(AgentState.AGENT_STATE_READY).build());
    }

    public CommandResponse answer(String callId) {
        return desk.answer(cmd(callId));
    }

    public CommandResponse hold(String callId) {
        return desk.hold(cmd(callId));
    }

    public CommandResponse retrieve(String callId) {
        return desk.retrieve(cmd(callId));
    }

    public CommandResponse hangup(String callId) {
        return desk.hangup(cmd(callId));
    }

    public CommandResponse consult(String callId, String destination) {
        return desk.consult(ConsultRequest.newBuilder().setRequestId(rid()).setCallId(callId)
                .setDestination(destination).build());
    }

    public CommandResponse completeTransfer(String callId) {
        return desk.completeTransfer(cmd(callId));
    }

    public AgentDeskGrpc.AgentDeskBlockingStub stub() {
        return desk;
    }

    private CallCommandRequest cmd(String callId) {
        return CallCommandRequest.newBuilder().setRequestId(rid()).setCallId(callId).build();
    }

    @Override
    public void close() {
        // The channel belongs to the test.
    }
}

package org.hotline.cti.api;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import org.hotline.api.v1.AgentState;
import org.hotline.api.v1.AgentStatus;
import org.hotline.api.v1.DeskEvent;
import org.hotline.api.v1.LoginRequest;
import org.hotline.api.v1.SessionGrpc;
import org.hotline.api.v1.SetStateRequest;
import org.hotline.api.v1.SubscribeSupervisionRequest;
import org.hotline.api.v1.SupervisionEvent;
import org.hotline.api.v1.SupervisionGrpc;
import org.hotline.cti.bench.BearerToken;
import org.hotline.cti.security.CertificateFingerprint;
import org.hotline.cti.security.PinnedChannelCredentials;
import org.hotline.cti.server.HotlineServer;
import org.hotline.cti.testing.DeskClient;
import org.hotline.cti.testing.TestDatabase;
import org.hotline.cti.testing.TestServers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Over real gRPC with TLS: a supervisor desktop that stops reading its stream. The server must cut
 * it off once its transport window is full and it has not read for the stall time, keep serving
 * the desks meanwhile without holding messages for it, and the client, once it reads again, must
 * learn that it was cut off and get a fresh snapshot when it subscribes again.
 */
class SlowClientTest {
    private static final int STALL_MILLIS = 1_000;

    @Test
    void aSupervisorThatStopsReadingIsCutOffWhileDesksKeepUpAndResyncsWhenItReadsAgain(@TempDir Path dir)
            throws Exception {
        try (TestDatabase db = TestDatabase.h2(dir)) {
            TestServers.seed(db.config());
            try (HotlineServer server = HotlineServer.start(TestServers.options(dir, db.config(), 0)
                    .withStreamLimits(new StreamHub.Limits(10_000, 50_000, STALL_MILLIS)))) {
                ManagedChannel desks = TestServers.channel(server);
                // The supervisor is another desktop: its own TCP connection, with a small window so it fills fast.
                ManagedChannel slow = NettyChannelBuilder.forAddress("localhost", server.grpcPort(),
                                PinnedChannelCredentials.pinnedTo(CertificateFingerprint.parse(server.fingerprint())))
                        .flowControlWindow(16 * 1024).build();
                try {
                    DeskClient anna = DeskClient.login(desks, "2001", TestServers.PASSWORD).subscribe();
                    anna.await(DeskEvent::hasSnapshot, Duration.ofSeconds(10));
                    String lead = SessionGrpc.newBlockingStub(slow).login(LoginRequest.newBuilder().setAgentId("2099")
                            .setPassword(TestServers.PASSWORD).setClientName("test").build()).getSessionToken();
                    SupervisionGrpc.SupervisionStub supervision = SupervisionGrpc.newStub(slow)
                            .withCallCredentials(new BearerToken(lead));
                    StalledStream stalled = new StalledStream();
                    supervision.subscribe(SubscribeSupervisionRequest.getDefaultInstance(), stalled);
                    assertThat(stalled.next(Duration.ofSeconds(10))).as("the snapshot (the one message it asked for)")
                            .isInstanceOfSatisfying(SupervisionEvent.class, e -> assertThat(e.hasSnapshot()).isTrue());
                    int clientsWithSupervisor = server.api().hub().connectedClients();
                    assertThat(clientsWithSupervisor).isEqualTo(2);

                    // Anna changes state over and over; every change is a supervision event nobody reads.
                    int changes = 0;
                    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                    while (server.api().hub().connectedClients() == clientsWithSupervisor) {
                        assertThat(System.nanoTime()).as("the stalled supervisor was not cut off within 60 s, after %d"
                                + " state changes", changes).isLessThan(deadline);
                        boolean ready = changes % 2 == 0;
                        anna.stub().setState(SetStateRequest.newBuilder().setRequestId("t-" + changes)
                                .setState(ready ? AgentState.AGENT_STATE_READY : AgentState.AGENT_STATE_NOT_READY)
                                .setReasonCode(ready ? "" : "break").build());
                        changes++;
                    }
                    assertThat(server.api().hub().bufferedMessages()).as("nothing is kept for the cut-off client")
                            .isLessThan(100);

                    // The desk got every one of its own changes, in order, while the supervisor stalled.
                    int expected = changes;
                    int[] seen = {0};
                    DeskEvent last = anna.await(e -> e.hasAgent() && ++seen[0] == expected, Duration.ofSeconds(5));
                    AgentState finalState = changes % 2 == 1 ? AgentState.AGENT_STATE_READY : AgentState.AGENT_STATE_NOT_READY;
                    assertThat(last.getAgent().getState()).isEqualTo(finalState);

                    // Reading again, the supervisor drains what the transport held and then learns it was cut off.
                    stalled.readAgain();
                    Throwable end = stalled.awaitEnd(Duration.ofSeconds(10));
                    assertThat(Status.fromThrowable(end).getCode()).as("why the stream ended: %s", end)
                            .isEqualTo(Status.Code.RESOURCE_EXHAUSTED);

                    StalledStream again = new StalledStream();
                    supervision.subscribe(SubscribeSupervisionRequest.getDefaultInstance(), again);
                    again.readAgain();
                    Object first = again.next(Duration.ofSeconds(10));
                    assertThat(first).isInstanceOf(SupervisionEvent.class);
                    SupervisionEvent snapshot = (SupervisionEvent) first;
                    assertThat(snapshot.hasSnapshot()).as("a resubscription starts with a fresh snapshot").isTrue();
                    assertThat(snapshot.getSnapshot().getAgentsList()).filteredOn(a -> a.getAgentId().equals("2001"))
                            .extracting(AgentStatus::getState).containsExactly(finalState);
                } finally {
                    desks.shutdownNow();
                    slow.shutdownNow();
                }
            }
        }
    }

    /** A supervision stream that asks for one message and then reads nothing until told to. */
    private static final class StalledStream implements ClientResponseObserver<SubscribeSupervisionRequest, SupervisionEvent> {
        private final LinkedBlockingQueue<Object> received = new LinkedBlockingQueue<>();
        private final AtomicReference<ClientCallStreamObserver<SubscribeSupervisionRequest>> call = new AtomicReference<>();

        @Override
        public void beforeStart(ClientCallStreamObserver<SubscribeSupervisionRequest> c) {
            call.set(c);
            c.disableAutoRequestWithInitial(1);
        }

        void readAgain() {
            call.get().request(Integer.MAX_VALUE);
        }

        Object next(Duration timeout) throws InterruptedException {
            Object o = received.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
            assertThat(o).as("a message within %s", timeout).isNotNull();
            return o;
        }

        Throwable awaitEnd(Duration timeout) throws InterruptedException {
            long end = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < end) {
                Object o = received.poll(10, TimeUnit.MILLISECONDS);
                if (o instanceof Throwable t) {
                    return t;
                }
            }
            throw new AssertionError("the stream did not end within " + timeout);
        }

        @Override public void onNext(SupervisionEvent value) { received.add(value); }
        @Override public void onError(Throwable t) { received.add(t); }
        @Override public void onCompleted() { received.add(new AssertionError("completed instead of cut off")); }
    }
}

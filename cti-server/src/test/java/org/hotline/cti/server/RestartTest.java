package org.hotline.cti.server;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.grpc.ManagedChannel;
import io.grpc.stub.StreamObserver;
import org.hotline.api.v1.AgentDeskGrpc;
import org.hotline.api.v1.AgentState;
import org.hotline.api.v1.CallCommandRequest;
import org.hotline.api.v1.CallUpdate;
import org.hotline.api.v1.CommandResponse;
import org.hotline.api.v1.DeskEvent;
import org.hotline.api.v1.SubscribeDeskRequest;
import org.hotline.cti.bench.BearerToken;
import org.hotline.cti.storage.CallRecords;
import org.hotline.cti.switching.sim.CallerStream;
import org.hotline.cti.switching.sim.CallerTraffic;
import org.hotline.cti.switching.sim.IvrChoice;
import org.hotline.cti.switching.sim.SimSwitch;
import org.hotline.cti.testing.DeskClient;
import org.hotline.cti.testing.TestDatabase;
import org.hotline.cti.testing.TestServers;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The server stops in the middle of traffic and starts again: nothing acknowledged is lost, desks resume. */
class RestartTest {

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void noAcknowledgedCallRecordIsLostAndDesksResyncAfterARestart(TestDatabase.Kind kind, @TempDir Path dir)
            throws Exception {
        try (TestDatabase db = TestDatabase.create(kind, dir)) {
            TestServers.seed(db.config());
            int port = TestServers.freePort();
            Map<String, String> acknowledged = new ConcurrentHashMap<>();
            ScheduledExecutorService timers = Executors.newScheduledThreadPool(1);
            String annaToken;
            String benToken;
            String fingerprint;
            ManagedChannel ch;
            HotlineServer first = HotlineServer.start(TestServers.options(dir, db.config(), port));
            try {
                fingerprint = first.fingerprint();
                ch = TestServers.channel(port, fingerprint);
                DeskClient anna = DeskClient.login(ch, "2001", TestServers.PASSWORD);
                DeskClient ben = DeskClient.login(ch, "2002", TestServers.PASSWORD);
                annaToken = anna.token;
                benToken = ben.token;
                autoDesk(ch, anna.token, timers, acknowledged);
                autoDesk(ch, ben.token, timers, acknowledged);
                anna.ready();
                ben.ready();
                CallerTraffic traffic = new CallerTraffic((SimSwitch) first.switchPort(), 7, 100, List.of(
                        new CallerStream("t", "95001", 4 * 3600, Duration.ofSeconds(20), null, null,
                                List.of(new IvrChoice(1, "1", "general", Duration.ZERO, 0)))));
                traffic.start();
                long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
                while (acknowledged.size() < 5 && System.nanoTime() < until) {
                    Thread.sleep(50);
                }
                assertThat(acknowledged).as("calls recorded before the stop").hasSizeGreaterThanOrEqualTo(5);
                // Mid-traffic: calls are still waiting and talking when the server stops.
                traffic.stop();
            } finally {
                first.close();
            }
            Set<String> before = Set.copyOf(acknowledged.keySet());

            try (HotlineServer second = HotlineServer.start(TestServers.options(dir, db.config(), port))) {
                assertThat(second.fingerprint()).as("same certificate, so pinned clients reconnect").isEqualTo(fingerprint);
                assertThat(second.outbox().awaitDelivered(Duration.ofSeconds(10))).isTrue();
                CallRecords records = new CallRecords(second.database().sessionFactory(), "main");
                for (String callId : before) {
                    assertThat(records.findCall(callId)).as("acknowledged record of call %s", callId).isPresent()
                            .hasValueSatisfying(c -> assertThat(c.record().recordId()).isEqualTo(acknowledged.get(callId)));
                }
                // The desks come back with their tokens, on the same channel, and get a fresh snapshot.
                ch.resetConnectBackoff();
                for (String[] desk : new String[][] {{"2001", annaToken}, {"2002", benToken}}) {
                    DeskClient again = DeskClient.resume(ch, desk[0], desk[1]).subscribe();
                    DeskEvent snap = again.await(DeskEvent::hasSnapshot, Duration.ofSeconds(15));
                    assertThat(snap.getSnapshot().getAgent().getState()).as("agent %s logged in again", desk[0])
                            .isNotEqualTo(AgentState.AGENT_STATE_LOGGED_OUT)
                            .isNotEqualTo(AgentState.AGENT_STATE_UNSPECIFIED);
                }
            } finally {
                ch.shutdownNow();
                timers.shutdownNow();
            }
        }
    }

    /** Answers what rings, hangs up after 100 ms, and remembers each record the server acknowledged. */
    private static void autoDesk(ManagedChannel ch, String token, ScheduledExecutorService timers,
                                 Map<String, String> acknowledged) {
        AgentDeskGrpc.AgentDeskStub stub = AgentDeskGrpc.newStub(ch).withCallCredentials(new BearerToken(token));
        StreamObserver<CommandResponse> ignore = new StreamObserver<>() {
            @Override public void onNext(CommandResponse v) { }
            @Override public void onError(Throwable t) { }
            @Override public void onCompleted() { }
        };
        String me = token.substring(0, 6);
        stub.subscribe(SubscribeDeskRequest.getDefaultInstance(), new StreamObserver<>() {
            private int n;

            @Override
            public void onNext(DeskEvent e) {
                if (e.hasRecorded()) {
                    acknowledged.put(e.getRecorded().getCallId(), e.getRecorded().getRecordId());
                } else if (e.hasCall()) {
                    String id = e.getCall().getCall().getCallId();
                    if (e.getCall().getKind() == CallUpdate.Kind.KIND_RINGING) {
                        stub.answer(CallCommandRequest.newBuilder().setRequestId(me + ++n).setCallId(id).build(), ignore);
                    } else if (e.getCall().getKind() == CallUpdate.Kind.KIND_CONNECTED) {
                        String rid = me + ++n;
                        timers.schedule(() -> stub.hangup(CallCommandRequest.newBuilder().setRequestId(rid)
                                .setCallId(id).build(), ignore), 100, TimeUnit.MILLISECONDS);
                    }
                }
            }

            @Override public void onError(Throwable t) { }
            @Override public void onCompleted() { }
        });
    }
}

package org.hotline.cti.server;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import io.grpc.ManagedChannel;
import org.hotline.api.v1.CallUpdate;
import org.hotline.api.v1.DeskEvent;
import org.hotline.cti.calls.CallSegment;
import org.hotline.cti.calls.SegmentKind;
import org.hotline.cti.storage.CallRecords;
import org.hotline.cti.switching.sim.IvrScript;
import org.hotline.cti.switching.sim.SimSwitch;
import org.hotline.cti.testing.DeskClient;
import org.hotline.cti.testing.TestDatabase;
import org.hotline.cti.testing.TestServers;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

/**
 * Over real gRPC with TLS, on the simulated switch, against H2 and MariaDB: a call routed by
 * skill, answered, held, retrieved, consulted, transferred with its data, hung up, and its
 * record with every leg in the database.
 */
class EndToEndTest {
    private static final String CALLER = "13912345678";

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aCallIsRoutedBySkillTransferredWithItsDataAndRecorded(TestDatabase.Kind kind, @TempDir Path dir) throws Exception {
        try (TestDatabase db = TestDatabase.create(kind, dir)) {
            TestServers.seed(db.config());
            try (HotlineServer server = HotlineServer.start(TestServers.options(dir, db.config(), 0))) {
                ManagedChannel ch = TestServers.channel(server);
                try {
                    DeskClient anna = DeskClient.login(ch, "2001", TestServers.PASSWORD).subscribe();
                    DeskClient ben = DeskClient.login(ch, "2002", TestServers.PASSWORD).subscribe();
                    anna.await(DeskEvent::hasSnapshot, Duration.ofSeconds(10));
                    ben.await(DeskEvent::hasSnapshot, Duration.ofSeconds(10));
                    anna.ready();
                    ben.ready();

                    SimSwitch sim = (SimSwitch) server.switchPort();
                    sim.inboundCall(CALLER, "95001", new IvrScript("3", "repair", "A-778", Duration.ZERO));

                    CallUpdate ringing = ben.awaitCall(CallUpdate.Kind.KIND_RINGING);
                    String callId = ringing.getCall().getCallId();
                    assertThat(ringing.getCall().getData().getCallerNumber()).isEqualTo(CALLER);
                    assertThat(ringing.getCall().getData().getQueue()).isEqualTo("repair");
                    assertThat(ringing.getCall().getData().getEnteredAccount()).isEqualTo("A-778");

                    ben.answer(callId);
                    ben.awaitCall(CallUpdate.Kind.KIND_CONNECTED);
                    ben.hold(callId);
                    ben.awaitCall(CallUpdate.Kind.KIND_HELD);
                    ben.retrieve(callId);
                    ben.awaitCall(CallUpdate.Kind.KIND_RETRIEVED);

                    String consultId = ben.consult(callId, "2001").getCallId();
                    CallUpdate consultRinging = anna.awaitCall(CallUpdate.Kind.KIND_RINGING);
                    assertThat(consultRinging.getCall().getCallId()).isEqualTo(consultId);
                    anna.answer(consultId);
                    anna.awaitCall(CallUpdate.Kind.KIND_CONNECTED);

                    ben.completeTransfer(callId);
                    CallUpdate transferred = anna.awaitCall(CallUpdate.Kind.KIND_TRANSFERRED);
                    assertThat(transferred.getCall().getCallId()).isEqualTo(callId);
                    assertThat(transferred.getCall().getData().getEnteredAccount())
                            .as("the attached data arrives on the second desk").isEqualTo("A-778");
                    assertThat(transferred.getCall().getData().getIvrPathList()).contains("3");
                    ben.await(e -> e.hasCall() && e.getCall().getKind() == CallUpdate.Kind.KIND_ENDED
                            && e.getCall().getCall().getCallId().equals(callId), Duration.ofSeconds(10));
                    // Regression: both desks are told the consultation leg ended, or it stays on their screens.
                    for (DeskClient desk : List.of(ben, anna)) {
                        assertThat(desk.seen()).as("%s is told the consultation ended", desk.agentId)
                                .anyMatch(e -> e.hasCall() && e.getCall().getKind() == CallUpdate.Kind.KIND_ENDED
                                        && e.getCall().getCall().getCallId().equals(consultId));
                    }

                    anna.hangup(callId);
                    DeskEvent recorded = anna.await(e -> e.hasRecorded() && e.getRecorded().getCallId().equals(callId),
                            Duration.ofSeconds(10));
                    assertThat(recorded.getRecorded().getRecordId()).isNotEmpty();

                    assertThat(server.outbox().awaitDelivered(Duration.ofSeconds(10))).isTrue();
                    CallRecords records = new CallRecords(server.database().sessionFactory(), "main");
                    CallRecords.StoredCall stored = records.findCall(callId).orElseThrow();
                    assertThat(stored.record().outcome()).isEqualTo("answered");
                    assertThat(stored.record().queueId()).isEqualTo("repair");
                    assertThat(stored.record().agentId()).isEqualTo("2001");
                    assertThat(stored.record().callerNumber()).isEqualTo(CALLER);
                    List<CallSegment> segments = stored.segments();
                    assertThat(segments).extracting(CallSegment::kind, CallSegment::agentId, CallSegment::outcome)
                            .contains(tuple(SegmentKind.QUEUE, "", "delivered"),
                                    tuple(SegmentKind.RING, "2002", "answered"),
                                    tuple(SegmentKind.HOLD, "2002", "retrieved"),
                                    tuple(SegmentKind.TALK, "2002", "transferred"),
                                    tuple(SegmentKind.TALK, "2001", "ended"));

                    var http = java.net.http.HttpClient.newHttpClient();
                    String metrics = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                            "http://127.0.0.1:" + server.opsPort() + "/metrics")).build(),
                            java.net.http.HttpResponse.BodyHandlers.ofString()).body();
                    assertThat(metrics).contains("hotline_agents{state=\"ready\"}", "hotline_outbox_depth",
                            "hotline_calls_answered_today{queue=\"repair\"} 1.0", "hotline_event_latency_seconds",
                            "hotline_stream_clients");
                    var health = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                            "http://127.0.0.1:" + server.opsPort() + "/health")).build(),
                            java.net.http.HttpResponse.BodyHandlers.ofString());
                    assertThat(health.statusCode()).isEqualTo(200);
                    assertThat(health.body()).contains("\"status\":\"UP\"");
                } finally {
                    ch.shutdownNow();
                }
            }
        }
    }
}

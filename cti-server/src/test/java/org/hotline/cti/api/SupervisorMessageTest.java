package org.hotline.cti.api;

import java.nio.file.Path;
import java.time.Duration;

import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import org.hotline.api.v1.DeskEvent;
import org.hotline.api.v1.SendMessageRequest;
import org.hotline.api.v1.SupervisionGrpc;
import org.hotline.cti.server.HotlineServer;
import org.hotline.cti.testing.DeskClient;
import org.hotline.cti.testing.TestDatabase;
import org.hotline.cti.testing.TestServers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A team lead's message reaches the agent's desk as a notice from the lead; an agent may not send one. */
class SupervisorMessageTest {
    @TempDir
    static Path dir;
    static TestDatabase db;
    static HotlineServer server;
    static ManagedChannel ch;

    @BeforeAll
    static void start() {
        db = TestDatabase.create(TestDatabase.Kind.H2, dir);
        TestServers.seed(db.config());
        server = HotlineServer.start(TestServers.options(dir, db.config(), 0));
        ch = TestServers.channel(server);
    }

    @AfterAll
    static void stop() throws Exception {
        ch.shutdownNow();
        server.close();
        db.close();
    }

    private static SupervisionGrpc.SupervisionBlockingStub as(DeskClient who) {
        return SupervisionGrpc.newBlockingStub(ch).withCallCredentials(new org.hotline.cti.bench.BearerToken(who.token));
    }

    @Test
    void theAgentSeesTheLeadsMessageAndBadMessagesAreRefused() {
        try (DeskClient agent = DeskClient.login(ch, "2001", TestServers.PASSWORD).subscribe();
             DeskClient lead = DeskClient.login(ch, "2099", TestServers.PASSWORD).subscribe()) {
            agent.await(DeskEvent::hasSnapshot, Duration.ofSeconds(10));
            as(lead).sendMessage(SendMessageRequest.newBuilder().setRequestId("m1").setAgentId("2001")
                    .setText("  请接听排队的燃气报修  ").build());
            DeskEvent e = agent.await(x -> x.hasNotice() && x.getNotice().getCode().equals("notice.message"),
                    Duration.ofSeconds(10));
            assertThat(e.getNotice().getText()).isEqualTo("请接听排队的燃气报修");
            assertThat(e.getNotice().getFrom()).isEqualTo("2099");

            assertThatThrownBy(() -> as(lead).sendMessage(SendMessageRequest.newBuilder().setRequestId("m2")
                    .setAgentId("2001").setText(" ").build()))
                    .isInstanceOf(StatusRuntimeException.class).hasMessageContaining("INVALID_ARGUMENT")
                    .hasMessageContaining("1-500");
            assertThatThrownBy(() -> as(lead).sendMessage(SendMessageRequest.newBuilder().setRequestId("m3")
                    .setAgentId("2002").setText("hi").build()))
                    .as("2002 is not logged in").isInstanceOf(StatusRuntimeException.class);
            assertThatThrownBy(() -> as(agent).sendMessage(SendMessageRequest.newBuilder().setRequestId("m4")
                    .setAgentId("2099").setText("hi").build()))
                    .satisfies(t -> assertThat(((StatusRuntimeException) t).getStatus().getCode())
                            .isEqualTo(Status.Code.PERMISSION_DENIED));
        }
    }
}

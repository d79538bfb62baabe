package org.hotline.cti.api;

import java.nio.file.Path;
import java.time.Duration;

import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import org.hotline.api.v1.AgentDeskGrpc;
import org.hotline.api.v1.DeskEvent;
import org.hotline.api.v1.ForceStateRequest;
import org.hotline.api.v1.AgentState;
import org.hotline.api.v1.LoginRequest;
import org.hotline.api.v1.SessionGrpc;
import org.hotline.api.v1.SetStateRequest;
import org.hotline.api.v1.SupervisionGrpc;
import org.hotline.cti.bench.BearerToken;
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

/** Logins and role checks over the real TLS API. */
class ApiSecurityTest {
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

    private static Status.Code code(Runnable r) {
        try {
            r.run();
            return Status.Code.OK;
        } catch (StatusRuntimeException e) {
            return e.getStatus().getCode();
        }
    }

    @Test
    void aWrongPasswordIsRefusedWithoutSayingWhichPartWasWrong() {
        assertThatThrownBy(() -> SessionGrpc.newBlockingStub(ch).login(LoginRequest.newBuilder().setAgentId("2001")
                .setPassword("nope").build()))
                .isInstanceOf(StatusRuntimeException.class)
                .hasMessageContaining("UNAUTHENTICATED").hasMessageContaining("wrong agent id or password");
        assertThat(code(() -> SessionGrpc.newBlockingStub(ch).login(LoginRequest.newBuilder().setAgentId("9999")
                .setPassword("pw").build()))).isEqualTo(Status.Code.UNAUTHENTICATED);
    }

    @Test
    void callsWithoutAValidSessionAreUnauthenticated() {
        assertThat(code(() -> AgentDeskGrpc.newBlockingStub(ch).setState(SetStateRequest.newBuilder()
                .setRequestId("x").setState(AgentState.AGENT_STATE_READY).build())))
                .isEqualTo(Status.Code.UNAUTHENTICATED);
        assertThat(code(() -> AgentDeskGrpc.newBlockingStub(ch).withCallCredentials(new BearerToken("forged"))
                .setState(SetStateRequest.newBuilder().setRequestId("x").setState(AgentState.AGENT_STATE_READY).build())))
                .isEqualTo(Status.Code.UNAUTHENTICATED);
    }

    @Test
    void anAgentMayNotSuperviseAndASecondLoginNeedsTakeOver() {
        DeskClient first = DeskClient.login(ch, "2002", TestServers.PASSWORD).subscribe();
        first.await(DeskEvent::hasSnapshot, Duration.ofSeconds(10));
        assertThat(code(() -> SupervisionGrpc.newBlockingStub(ch).withCallCredentials(new BearerToken(first.token))
                .forceState(ForceStateRequest.newBuilder().setRequestId("f").setAgentId("2001")
                        .setState(AgentState.AGENT_STATE_READY).build())))
                .isEqualTo(Status.Code.PERMISSION_DENIED);

        assertThatThrownBy(() -> SessionGrpc.newBlockingStub(ch).login(LoginRequest.newBuilder().setAgentId("2002")
                .setPassword(TestServers.PASSWORD).build()))
                .hasMessageContaining("ALREADY_EXISTS").hasMessageContaining("take_over");
        String second = SessionGrpc.newBlockingStub(ch).login(LoginRequest.newBuilder().setAgentId("2002")
                .setPassword(TestServers.PASSWORD).setTakeOver(true).build()).getSessionToken();
        assertThat(second).isNotEqualTo(first.token);
        assertThat(code(() -> AgentDeskGrpc.newBlockingStub(ch).withCallCredentials(new BearerToken(first.token))
                .setState(SetStateRequest.newBuilder().setRequestId("old").setState(AgentState.AGENT_STATE_READY).build())))
                .as("the old session ended").isEqualTo(Status.Code.UNAUTHENTICATED);
    }

    @Test
    void anAccountLocksAfterRepeatedWrongPasswords() {
        for (int i = 0; i < 5; i++) {
            code(() -> SessionGrpc.newBlockingStub(ch).login(LoginRequest.newBuilder().setAgentId("2099")
                    .setPassword("bad").build()));
        }
        assertThatThrownBy(() -> SessionGrpc.newBlockingStub(ch).login(LoginRequest.newBuilder().setAgentId("2099")
                .setPassword(TestServers.PASSWORD).build()))
                .hasMessageContaining("PERMISSION_DENIED").hasMessageContaining("locked");
    }
}

package org.hotline.cti.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grpc.ChannelCredentials;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.protobuf.services.HealthStatusManager;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real gRPC server over TLS on loopback, with clients that pin its certificate. */
class PinnedTlsConnectionTest {

    private static final List<String> NAMES = ServerNames.standard(Optional.empty(), List.of());

    private final List<Server> servers = new ArrayList<>();
    private final List<ManagedChannel> channels = new ArrayList<>();

    @TempDir
    Path data;

    @AfterEach
    void shutDown() throws InterruptedException {
        channels.forEach(ManagedChannel::shutdownNow);
        servers.forEach(Server::shutdownNow);
        for (ManagedChannel channel : channels) {
            channel.awaitTermination(5, TimeUnit.SECONDS);
        }
        for (Server server : servers) {
            server.awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void clientPinnedToTheServersFingerprintConnects() throws Exception {
        TlsMaterial material = TlsMaterial.loadOrCreate(data, NAMES, Clock.systemUTC());
        Server server = start(material);

        ServingStatus status = check(server, PinnedChannelCredentials.pinnedTo(material.fingerprint()));

        assertThat(status).isEqualTo(ServingStatus.SERVING);
    }

    @Test
    void clientPinnedToTheFingerprintCopiedFromTheLogConnects() throws Exception {
        TlsMaterial material = TlsMaterial.loadOrCreate(data, NAMES, Clock.systemUTC());
        Server server = start(material);
        CertificateFingerprint typed = CertificateFingerprint.parse(material.fingerprint().toString().toLowerCase());

        assertThat(check(server, PinnedChannelCredentials.pinnedTo(typed))).isEqualTo(ServingStatus.SERVING);
    }

    @Test
    void pinnedClientDoesNotCareWhichNameItDialled() throws Exception {
        TlsMaterial material = TlsMaterial.loadOrCreate(data, NAMES, Clock.systemUTC());
        Server server = start(material);
        // The authority is what TLS would check the certificate's names against; this name is not in it.
        ManagedChannel channel = Grpc.newChannelBuilderForAddress("127.0.0.1", server.getPort(),
                        PinnedChannelCredentials.pinnedTo(material.fingerprint()))
                .overrideAuthority("desk-dials-this.example.net")
                .build();
        channels.add(channel);

        ServingStatus status = HealthGrpc.newBlockingStub(channel).withDeadlineAfter(10, TimeUnit.SECONDS)
                .check(HealthCheckRequest.getDefaultInstance()).getStatus();

        assertThat(status).isEqualTo(ServingStatus.SERVING);
    }

    @Test
    void clientPinnedToAnotherFingerprintIsRefusedWithAClearReason(@TempDir Path otherData) throws Exception {
        TlsMaterial material = TlsMaterial.loadOrCreate(data, NAMES, Clock.systemUTC());
        TlsMaterial impostor = TlsMaterial.loadOrCreate(otherData, NAMES, Clock.systemUTC());
        Server server = start(impostor);
        PinnedTrustManager trust = PinnedTrustManager.pinnedTo(material.fingerprint());

        assertThatThrownBy(() -> check(server, PinnedChannelCredentials.of(trust)))
                .isInstanceOfSatisfying(StatusRuntimeException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE))
                .rootCause()
                .hasMessageContaining("server certificate SHA-256 fingerprint " + impostor.fingerprint())
                .hasMessageContaining("does not match the pinned fingerprint " + material.fingerprint());
        assertThat(trust.lastPresentedFingerprint()).contains(impostor.fingerprint());
        assertThat(trust.pinnedFingerprint()).contains(material.fingerprint());
    }

    @Test
    void plainTextClientGetsNoAnswer() throws Exception {
        Server server = start(TlsMaterial.loadOrCreate(data, NAMES, Clock.systemUTC()));

        assertThatThrownBy(() -> check(server, InsecureChannelCredentials.create()))
                .isInstanceOfSatisfying(StatusRuntimeException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE));
    }

    @Test
    void trustOnFirstUseCapturesTheFingerprintThenHoldsToIt(@TempDir Path otherData) throws Exception {
        TlsMaterial material = TlsMaterial.loadOrCreate(data, NAMES, Clock.systemUTC());
        Server server = start(material);
        PinnedTrustManager trust = PinnedTrustManager.trustOnFirstUse();
        assertThat(trust.pinnedFingerprint()).isEmpty();

        assertThat(check(server, PinnedChannelCredentials.of(trust))).isEqualTo(ServingStatus.SERVING);
        assertThat(trust.pinnedFingerprint()).contains(material.fingerprint());
        assertThat(check(server, PinnedChannelCredentials.of(trust))).isEqualTo(ServingStatus.SERVING);

        Server impostor = start(TlsMaterial.loadOrCreate(otherData, NAMES, Clock.systemUTC()));
        assertThatThrownBy(() -> check(impostor, PinnedChannelCredentials.of(trust)))
                .isInstanceOf(StatusRuntimeException.class)
                .rootCause()
                .hasMessageContaining("does not match the pinned fingerprint " + material.fingerprint());
        assertThat(trust.pinnedFingerprint()).contains(material.fingerprint());
    }

    @Test
    void restartedServerKeepsTheCertificateClientsPinned() throws Exception {
        TlsMaterial first = TlsMaterial.loadOrCreate(data, NAMES, Clock.systemUTC());
        Server before = start(first);
        before.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);

        Server after = start(TlsMaterial.loadOrCreate(data, NAMES, Clock.systemUTC()));

        assertThat(check(after, PinnedChannelCredentials.pinnedTo(first.fingerprint())))
                .isEqualTo(ServingStatus.SERVING);
    }

    @Test
    void operatorSuppliedPkcs1KeyServesTls(@TempDir Path operatorDir) throws Exception {
        TestCertificates.Pair pair = TestCertificates.rsaWithPkcs1Key(operatorDir, "CN=cti.example.org");
        TlsMaterial material = TlsMaterial.load(pair.certificateFile(), pair.keyFile(), Clock.systemUTC());
        Server server = start(material);

        assertThat(check(server, PinnedChannelCredentials.pinnedTo(CertificateFingerprint.of(pair.certificate()))))
                .isEqualTo(ServingStatus.SERVING);
    }

    private Server start(TlsMaterial material) throws IOException {
        HealthStatusManager health = new HealthStatusManager();
        Server server = NettyServerBuilder
                .forAddress(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), material.serverCredentials())
                .addService(health.getHealthService())
                .build()
                .start();
        servers.add(server);
        return server;
    }

    private ManagedChannel channel(Server server, ChannelCredentials credentials) {
        ManagedChannel channel = Grpc.newChannelBuilderForAddress(
                InetAddress.getLoopbackAddress().getHostAddress(), server.getPort(), credentials).build();
        channels.add(channel);
        return channel;
    }

    private ServingStatus check(Server server, ChannelCredentials credentials) {
        return HealthGrpc.newBlockingStub(channel(server, credentials))
                .withDeadlineAfter(10, TimeUnit.SECONDS)
                .check(HealthCheckRequest.getDefaultInstance())
                .getStatus();
    }
}

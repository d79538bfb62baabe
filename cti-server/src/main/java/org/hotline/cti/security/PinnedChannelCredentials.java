package org.hotline.cti.security;

import static java.util.Objects.requireNonNull;

import io.grpc.ChannelCredentials;
import io.grpc.TlsChannelCredentials;

/**
 * Client-side gRPC credentials that trust the CTI server by its pinned certificate fingerprint.
 *
 * <pre>{@code
 * PinnedTrustManager trust = PinnedTrustManager.pinnedTo(CertificateFingerprint.parse(saved));
 * ManagedChannel channel = Grpc.newChannelBuilder(target, PinnedChannelCredentials.of(trust)).build();
 * }</pre>
 *
 * <p>Depends on the JDK and the gRPC API only so it can move to a shared client library.
 */
public final class PinnedChannelCredentials {

    private PinnedChannelCredentials() {}

    /** TLS channel credentials that verify the server with {@code trustManager} and nothing else. */
    public static ChannelCredentials of(PinnedTrustManager trustManager) {
        requireNonNull(trustManager, "trustManager");
        return TlsChannelCredentials.newBuilder().trustManager(trustManager).build();
    }

    /** Shorthand for {@code of(PinnedTrustManager.pinnedTo(fingerprint))}. */
    public static ChannelCredentials pinnedTo(CertificateFingerprint fingerprint) {
        return of(PinnedTrustManager.pinnedTo(fingerprint));
    }
}

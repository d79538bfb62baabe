package org.hotline.cti.security;

import static java.util.Objects.requireNonNull;

import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Trusts exactly one server certificate, named by its SHA-256 {@link CertificateFingerprint}.
 *
 * <p>The CTI server signs its own certificate, so there is no certificate authority to ask: the
 * fingerprint the operator reads in the server's start-up log is the whole identity. Host names
 * are deliberately not checked; a desk may reach the server by an address the certificate does
 * not list, and the pin is a stronger check than a name would be.
 *
 * <p>Two modes:
 * <ul>
 *   <li>{@link #pinnedTo pinned}: only the certificate with the given fingerprint is accepted;</li>
 *   <li>{@link #trustOnFirstUse trust on first use}: the first certificate presented is accepted and
 *       becomes the pin for every later handshake of this instance. The caller shows
 *       {@link #pinnedFingerprint()} to the user and stores it for the next start.</li>
 * </ul>
 *
 * <p>Only the JDK is used here so the class can move to a shared client library. Thread-safe.
 */
public final class PinnedTrustManager extends X509ExtendedTrustManager {

    private static final X509Certificate[] NO_ISSUERS = new X509Certificate[0];

    private final boolean trustOnFirstUse;
    private final AtomicReference<CertificateFingerprint> pin;
    private final AtomicReference<CertificateFingerprint> lastPresented = new AtomicReference<>();

    private PinnedTrustManager(CertificateFingerprint pin, boolean trustOnFirstUse) {
        this.pin = new AtomicReference<>(pin);
        this.trustOnFirstUse = trustOnFirstUse;
    }

    /** Accepts only the server certificate whose SHA-256 fingerprint is {@code expected}. */
    public static PinnedTrustManager pinnedTo(CertificateFingerprint expected) {
        return new PinnedTrustManager(requireNonNull(expected, "expected"), false);
    }

    /** Accepts the first server certificate it sees, then only that one. */
    public static PinnedTrustManager trustOnFirstUse() {
        return new PinnedTrustManager(null, true);
    }

    /**
     * The fingerprint now trusted: the configured one, or in trust-on-first-use mode the one
     * captured from the first handshake (empty until then).
     */
    public Optional<CertificateFingerprint> pinnedFingerprint() {
        return Optional.ofNullable(pin.get());
    }

    /**
     * The fingerprint of the certificate the server presented last, accepted or not: what a
     * client shows when the pin does not match ("the server now presents ...").
     */
    public Optional<CertificateFingerprint> lastPresentedFingerprint() {
        return Optional.ofNullable(lastPresented.get());
    }

    /** True in trust-on-first-use mode. */
    public boolean isTrustOnFirstUse() {
        return trustOnFirstUse;
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        verify(chain);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        verify(chain);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        verify(chain);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw clientAuthUnsupported();
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        throw clientAuthUnsupported();
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        throw clientAuthUnsupported();
    }

    /** None: trust comes from the pin, not from an issuer. */
    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return NO_ISSUERS;
    }

    private void verify(X509Certificate[] chain) throws CertificateException {
        if (chain == null || chain.length == 0) {
            throw new CertificateException("server presented no certificate (expected: the pinned certificate "
                    + pin.get() + ")");
        }
        // Only the leaf matters: the pin names the server's own certificate, not an issuer.
        CertificateFingerprint presented = CertificateFingerprint.of(chain[0]);
        lastPresented.set(presented);
        if (trustOnFirstUse && pin.compareAndSet(null, presented)) {
            return;
        }
        CertificateFingerprint expected = pin.get();
        if (!presented.equals(expected)) {
            throw new CertificateException("server certificate SHA-256 fingerprint " + presented
                    + " does not match the pinned fingerprint " + expected
                    + " (expected: the fingerprint shown in the CTI server's start-up log;"
                    + " if the server's certificate was replaced on purpose, pin the new one)");
        }
    }

    private static CertificateException clientAuthUnsupported() {
        return new CertificateException("PinnedTrustManager verifies servers only (expected: use it on the"
                + " client side of a TLS connection)");
    }
}

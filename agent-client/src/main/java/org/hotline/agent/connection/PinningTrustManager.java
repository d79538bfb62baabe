package org.hotline.agent.connection;

import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Trusts the server whose certificate has the pinned fingerprint, and nothing else. With no pin
 * yet it accepts any certificate but only records it: the desk then shows the fingerprint and
 * sends no password until the agent (or IT, through the installer) has pinned it.
 *
 * <p>Host names are not checked on purpose: desks reach the server by whatever address IT
 * configured, and the pin is the stronger check.
 */
final class PinningTrustManager extends X509ExtendedTrustManager {
    private final Fingerprint pin;
    private final AtomicReference<Fingerprint> presented = new AtomicReference<>();

    /** @param pin the trusted fingerprint, or null to accept and record any (probe before pinning) */
    PinningTrustManager(Fingerprint pin) {
        this.pin = pin;
    }

    /** The fingerprint of the certificate the server presented last. */
    Optional<Fingerprint> presented() {
        return Optional.ofNullable(presented.get());
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

    private void verify(X509Certificate[] chain) throws CertificateException {
        if (chain == null || chain.length == 0) {
            throw new CertificateException("the server presented no certificate");
        }
        Fingerprint f = Fingerprint.of(chain[0]);
        presented.set(f);
        if (pin != null && !pin.equals(f)) {
            throw new CertificateException("server certificate " + f + " does not match the pinned " + pin);
        }
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("desks verify servers only");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        throw new CertificateException("desks verify servers only");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        throw new CertificateException("desks verify servers only");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0];
    }
}

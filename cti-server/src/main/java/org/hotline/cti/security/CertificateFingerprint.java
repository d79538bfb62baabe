package org.hotline.cti.security;

import static java.util.Objects.requireNonNull;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The SHA-256 fingerprint of a certificate's DER encoding: the value an operator reads in the
 * server's start-up log and a client pins. Shown as upper-case hex pairs separated by colons
 * ({@code 3A:F1:...}), the way browsers and {@code openssl x509 -fingerprint -sha256} show it.
 *
 * <p>Uses only the JDK so it can move to a shared client library together with
 * {@link PinnedTrustManager}.
 */
public final class CertificateFingerprint {

    private static final int SHA256_LENGTH = 32;
    private static final HexFormat COLON_HEX = HexFormat.ofDelimiter(":").withUpperCase();

    private final byte[] digest;

    private CertificateFingerprint(byte[] digest) {
        this.digest = digest;
    }

    /** The fingerprint of {@code certificate}. */
    public static CertificateFingerprint of(X509Certificate certificate) {
        requireNonNull(certificate, "certificate");
        try {
            return ofEncoded(certificate.getEncoded());
        } catch (CertificateEncodingException e) {
            throw new IllegalArgumentException("certificate: " + certificate.getSubjectX500Principal()
                    + " cannot be DER-encoded (expected: a well-formed X.509 certificate)", e);
        }
    }

    /** The fingerprint of a DER-encoded certificate. */
    public static CertificateFingerprint ofEncoded(byte[] derCertificate) {
        requireNonNull(derCertificate, "derCertificate");
        return new CertificateFingerprint(sha256().digest(derCertificate));
    }

    /**
     * Reads a fingerprint as people copy it: colon-separated or plain hex, any case, with or
     * without a {@code SHA256:} / {@code SHA-256=} prefix and surrounding blanks.
     */
    public static CertificateFingerprint parse(String text) {
        requireNonNull(text, "text");
        String hex = text.strip();
        String upper = hex.toUpperCase(Locale.ROOT);
        for (String prefix : new String[] {"SHA-256:", "SHA-256=", "SHA256:", "SHA256="}) {
            if (upper.startsWith(prefix)) {
                hex = hex.substring(prefix.length()).strip();
                break;
            }
        }
        String digits = hex.replace(":", "").replace(" ", "");
        if (digits.length() != SHA256_LENGTH * 2 || !digits.chars().allMatch(CertificateFingerprint::isHexDigit)) {
            throw new IllegalArgumentException("fingerprint: '" + text + "' (expected: 32 bytes of SHA-256 as hex,"
                    + " e.g. 3A:F1:...:09 with 32 pairs)");
        }
        return new CertificateFingerprint(HexFormat.of().parseHex(digits));
    }

    /** True when {@code certificate} is the certificate this fingerprint was taken from. */
    public boolean matches(X509Certificate certificate) {
        return equals(of(certificate));
    }

    /** The raw 32 digest bytes (a copy). */
    public byte[] toByteArray() {
        return digest.clone();
    }

    /** Colon-separated upper-case hex, e.g. {@code 3A:F1:...:09}. */
    @Override
    public String toString() {
        return COLON_HEX.formatHex(digest);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CertificateFingerprint that && MessageDigest.isEqual(digest, that.digest);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(digest);
    }

    private static boolean isHexDigit(int c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            // Every Java SE platform must provide SHA-256.
            throw new IllegalStateException("SHA-256 is missing from this JRE", e);
        }
    }
}

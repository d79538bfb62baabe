package org.hotline.agent.connection;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;

import static java.util.Objects.requireNonNull;

/**
 * The SHA-256 fingerprint of the CTI server's certificate, written as the server logs it at start
 * ({@code AB:CD:...}, 32 bytes): the whole identity of a server that signs its own certificate.
 */
public final class Fingerprint {
    private static final HexFormat COLON_HEX = HexFormat.ofDelimiter(":").withUpperCase();
    private final byte[] digest;

    private Fingerprint(byte[] digest) {
        this.digest = digest;
    }

    public static Fingerprint of(X509Certificate certificate) {
        requireNonNull(certificate, "certificate");
        try {
            return new Fingerprint(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new IllegalStateException("cannot fingerprint the server certificate", e);
        }
    }

    /** Reads {@code AB:CD:...} or plain hex, any case, spaces ignored. */
    public static Fingerprint parse(String text) {
        requireNonNull(text, "text");
        String hex = text.replace(":", "").replace(" ", "").trim().toLowerCase(Locale.ROOT);
        if (hex.length() != 64 || !hex.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            throw new IllegalArgumentException("fingerprint: '" + text
                    + "' (expected: 32 hexadecimal bytes such as AB:CD:..., as the CTI server logs at start)");
        }
        return new Fingerprint(HexFormat.of().parseHex(hex));
    }

    @Override
    public String toString() {
        return COLON_HEX.formatHex(digest);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Fingerprint f && MessageDigest.isEqual(digest, f.digest);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(digest);
    }
}

package org.hotline.cti.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class CertificateFingerprintTest {

    private static final byte[] DER = "not really DER, any bytes will do".getBytes(StandardCharsets.US_ASCII);

    @Test
    void showsSha256AsColonSeparatedUpperCaseHex() throws Exception {
        byte[] sha256 = MessageDigest.getInstance("SHA-256").digest(DER);

        String shown = CertificateFingerprint.ofEncoded(DER).toString();

        assertThat(shown).matches("([0-9A-F]{2}:){31}[0-9A-F]{2}");
        assertThat(shown.replace(":", "")).isEqualToIgnoringCase(HexFormat.of().formatHex(sha256));
    }

    @Test
    void parsesWhatItShows() {
        CertificateFingerprint fingerprint = CertificateFingerprint.ofEncoded(DER);

        assertThat(CertificateFingerprint.parse(fingerprint.toString())).isEqualTo(fingerprint);
    }

    @Test
    void parsesTheWaysPeopleCopyIt() {
        CertificateFingerprint fingerprint = CertificateFingerprint.ofEncoded(DER);
        String colons = fingerprint.toString();

        assertThat(CertificateFingerprint.parse(colons.toLowerCase())).isEqualTo(fingerprint);
        assertThat(CertificateFingerprint.parse(colons.replace(":", ""))).isEqualTo(fingerprint);
        assertThat(CertificateFingerprint.parse("  SHA256:" + colons + "\n")).isEqualTo(fingerprint);
        assertThat(CertificateFingerprint.parse("SHA-256=" + colons)).isEqualTo(fingerprint);
        assertThat(CertificateFingerprint.parse(colons.replace(":", " "))).isEqualTo(fingerprint);
    }

    @Test
    void rejectsTextThatIsNotAFingerprintAndSaysWhatIsExpected() {
        assertThatThrownBy(() -> CertificateFingerprint.parse("AB:CD"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'AB:CD'")
                .hasMessageContaining("expected: 32 bytes of SHA-256");
        String almost = CertificateFingerprint.ofEncoded(DER).toString().replaceFirst("^..", "ZZ");
        assertThatThrownBy(() -> CertificateFingerprint.parse(almost)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void differentCertificatesHaveDifferentFingerprints() {
        CertificateFingerprint one = CertificateFingerprint.ofEncoded(DER);
        CertificateFingerprint other = CertificateFingerprint.ofEncoded("other".getBytes(StandardCharsets.US_ASCII));

        assertThat(one).isNotEqualTo(other);
        assertThat(one).hasSameHashCodeAs(CertificateFingerprint.ofEncoded(DER.clone()));
    }
}

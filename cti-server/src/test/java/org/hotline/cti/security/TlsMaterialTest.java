package org.hotline.cti.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.hotline.cti.testsupport.LogCapture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TlsMaterialTest {

    private static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final List<String> NAMES =
            ServerNames.standard(Optional.of("cti-host"), List.of("cti.example.org", "10.1.2.3"));

    @TempDir
    Path data;

    @Test
    void createsSelfSignedCertificateAndPkcs8KeyOnFirstStart() throws Exception {
        TlsMaterial material = TlsMaterial.loadOrCreate(data, NAMES, CLOCK);

        assertThat(material.certificateFile()).isEqualTo(data.resolve("tls/server.crt")).exists();
        assertThat(material.privateKeyFile()).isEqualTo(data.resolve("tls/server.key")).exists();
        assertThat(Files.readString(material.certificateFile())).startsWith("-----BEGIN CERTIFICATE-----\n");
        assertThat(Files.readString(material.privateKeyFile(), StandardCharsets.US_ASCII))
                .startsWith("-----BEGIN PRIVATE KEY-----\n")
                .endsWith("-----END PRIVATE KEY-----\n");
        X509Certificate certificate = material.certificate();
        assertThat(certificate.getSubjectX500Principal().getName()).isEqualTo("CN=hotline-cti");
        assertThat(certificate.getIssuerX500Principal()).isEqualTo(certificate.getSubjectX500Principal());
        certificate.verify(certificate.getPublicKey()); // self-signed: its own key signed it
        assertThat(certificate.getPublicKey().getAlgorithm()).isEqualTo("EC");
        assertThat(certificate.getBasicConstraints()).isEqualTo(-1);
        assertThat(certificate.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.1"); // serverAuth
    }

    @Test
    void certificateListsLoopbackHostAndConfiguredNames() throws Exception {
        TlsMaterial material = TlsMaterial.loadOrCreate(data, NAMES, CLOCK);

        assertThat(material.certificate().getSubjectAlternativeNames())
                .containsExactlyInAnyOrder(
                        List.of(2, "localhost"),
                        List.of(7, "127.0.0.1"),
                        List.of(7, "0:0:0:0:0:0:0:1"),
                        List.of(2, "cti-host"),
                        List.of(2, "cti.example.org"),
                        List.of(7, "10.1.2.3"));
    }

    @Test
    void certificateIsValidForTenYearsFromNow() throws Exception {
        X509Certificate certificate = TlsMaterial.loadOrCreate(data, NAMES, CLOCK).certificate();

        certificate.checkValidity(Date.from(NOW));
        assertThat(certificate.getNotAfter().toInstant()).isEqualTo(Instant.parse("2036-11-21T12:00:00Z"));
        assertThat(certificate.getNotBefore().toInstant()).isBefore(NOW).isAfter(NOW.minus(1, ChronoUnit.DAYS));
    }

    @Test
    void privateKeyIsReadableByItsOwnerOnly() throws Exception {
        assumeThat(Files.getFileAttributeView(data, PosixFileAttributeView.class)).isNotNull();

        TlsMaterial material = TlsMaterial.loadOrCreate(data, NAMES, CLOCK);

        assertThat(Files.getPosixFilePermissions(material.privateKeyFile()))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        assertThat(Files.getPosixFilePermissions(material.certificateFile())).contains(PosixFilePermission.OWNER_READ);
    }

    @Test
    void reusesTheSameCertificateOnLaterStarts() throws Exception {
        TlsMaterial first = TlsMaterial.loadOrCreate(data, NAMES, CLOCK);
        String keyPem = Files.readString(first.privateKeyFile());

        TlsMaterial second = TlsMaterial.loadOrCreate(data, NAMES, Clock.offset(CLOCK, Duration.ofDays(400)));

        assertThat(second.fingerprint()).isEqualTo(first.fingerprint());
        assertThat(second.certificate()).isEqualTo(first.certificate());
        assertThat(Files.readString(second.privateKeyFile())).isEqualTo(keyPem);
    }

    @Test
    void logsTheFingerprintOperatorsGiveToClients() throws Exception {
        try (LogCapture log = LogCapture.of(TlsMaterial.class)) {
            TlsMaterial created = TlsMaterial.loadOrCreate(data, NAMES, CLOCK);
            TlsMaterial.loadOrCreate(data, NAMES, CLOCK);

            assertThat(log.lines()).hasSize(2);
            assertThat(log.lines().get(0)).startsWith("INFO Created self-signed TLS certificate")
                    .contains("SHA-256 fingerprint " + created.fingerprint());
            assertThat(log.lines().get(1)).startsWith("INFO Using TLS certificate")
                    .contains("SHA-256 fingerprint " + created.fingerprint());
        }
    }

    @Test
    void keepsPinnedCertificateWhenConfiguredNamesChangeButWarns() throws Exception {
        TlsMaterial first = TlsMaterial.loadOrCreate(data, NAMES, CLOCK);
        List<String> more = ServerNames.standard(Optional.of("cti-host"), List.of("cti.example.org", "new.example.org"));

        try (LogCapture log = LogCapture.of(TlsMaterial.class)) {
            TlsMaterial second = TlsMaterial.loadOrCreate(data, more, CLOCK);

            assertThat(second.fingerprint()).isEqualTo(first.fingerprint());
            assertThat(log.lines()).anySatisfy(line -> assertThat(line).startsWith("WARN")
                    .contains("does not list [new.example.org]"));
        }
    }

    @Test
    void refusesToStartWhenTheCertificateLostItsKey() throws Exception {
        TlsMaterial material = TlsMaterial.loadOrCreate(data, NAMES, CLOCK);
        Files.delete(material.privateKeyFile());

        assertThatThrownBy(() -> TlsMaterial.loadOrCreate(data, NAMES, CLOCK))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("server.key is missing")
                .hasMessageContaining("expected: both files");
        assertThat(material.certificateFile()).exists();
    }

    @Test
    void replacesAKeyLeftWithoutCertificateByAnInterruptedFirstStart() throws Exception {
        TlsMaterial material = TlsMaterial.loadOrCreate(data, NAMES, CLOCK);
        String oldKey = Files.readString(material.privateKeyFile());
        Files.delete(material.certificateFile());

        TlsMaterial fresh = TlsMaterial.loadOrCreate(data, NAMES, CLOCK);

        assertThat(fresh.fingerprint()).isNotEqualTo(material.fingerprint());
        assertThat(Files.readString(fresh.privateKeyFile())).isNotEqualTo(oldKey);
        assertThat(TlsMaterial.loadOrCreate(data, NAMES, CLOCK).fingerprint()).isEqualTo(fresh.fingerprint());
    }

    @Test
    void leavesNoTemporaryFilesBehind() throws Exception {
        TlsMaterial.loadOrCreate(data, NAMES, CLOCK);

        try (var files = Files.list(data.resolve("tls"))) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("server.crt", "server.key");
        }
    }

    @Test
    void usesOperatorSuppliedCertificateAndKey(@TempDir Path operatorDir) throws Exception {
        TestCertificates.Pair pair = TestCertificates.rsaWithPkcs1Key(operatorDir, "CN=cti.example.org");

        TlsMaterial material = TlsMaterial.load(pair.certificateFile(), pair.keyFile(), CLOCK);

        assertThat(material.certificate()).isEqualTo(pair.certificate());
        assertThat(material.fingerprint()).isEqualTo(CertificateFingerprint.of(pair.certificate()));
        assertThat(data.resolve("tls")).doesNotExist();
    }

    @Test
    void readsTheKeyFromACombinedCertificateAndKeyFile(@TempDir Path operatorDir) throws Exception {
        TestCertificates.Pair pair = TestCertificates.rsaWithPkcs1Key(operatorDir, "CN=cti.example.org");
        Path combined = Files.writeString(operatorDir.resolve("combined.pem"),
                Files.readString(pair.certificateFile()) + Files.readString(pair.keyFile()));

        TlsMaterial material = TlsMaterial.load(combined, combined, CLOCK);

        assertThat(material.fingerprint()).isEqualTo(CertificateFingerprint.of(pair.certificate()));
    }

    @Test
    void namesAMissingOperatorFile(@TempDir Path operatorDir) throws Exception {
        TestCertificates.Pair pair = TestCertificates.rsaWithPkcs1Key(operatorDir, "CN=cti.example.org");
        Path missing = operatorDir.resolve("typo.key");

        assertThatThrownBy(() -> TlsMaterial.load(pair.certificateFile(), missing, CLOCK))
                .isInstanceOf(IOException.class)
                .hasMessageContaining(missing.toAbsolutePath().toString())
                .hasMessageContaining("does not exist");
    }

    @Test
    void refusesAnEncryptedKeyAndSaysHowToDecryptIt(@TempDir Path operatorDir) throws Exception {
        TestCertificates.Pair pair = TestCertificates.rsaWithPkcs1Key(operatorDir, "CN=cti.example.org");
        Path encrypted = Files.writeString(operatorDir.resolve("encrypted.key"), TestCertificates.encryptedRsaKeyPem());

        assertThatThrownBy(() -> TlsMaterial.load(pair.certificateFile(), encrypted, CLOCK))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("is encrypted")
                .hasMessageContaining("openssl pkcs8 -topk8 -nocrypt");
    }

    @Test
    void rejectsAKeyThatDoesNotBelongToTheCertificate(@TempDir Path other) throws Exception {
        TlsMaterial mine = TlsMaterial.loadOrCreate(data, NAMES, CLOCK);
        TlsMaterial theirs = TlsMaterial.loadOrCreate(other, NAMES, CLOCK);

        assertThatThrownBy(() -> TlsMaterial.load(mine.certificateFile(), theirs.privateKeyFile(), CLOCK))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("does not belong to the certificate");
    }

    @Test
    void rejectsAnRsaKeyForAnEcCertificate(@TempDir Path operatorDir) throws Exception {
        TlsMaterial ec = TlsMaterial.loadOrCreate(data, NAMES, CLOCK);
        TestCertificates.Pair rsa = TestCertificates.rsaWithPkcs1Key(operatorDir, "CN=other");

        assertThatThrownBy(() -> TlsMaterial.load(ec.certificateFile(), rsa.keyFile(), CLOCK))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("does not belong to the certificate");
    }

    @Test
    void explainsFilesThatAreNotPem(@TempDir Path operatorDir) throws Exception {
        Path garbage = Files.writeString(operatorDir.resolve("garbage.pem"), "hello\n");
        TlsMaterial material = TlsMaterial.loadOrCreate(data, NAMES, CLOCK);

        assertThatThrownBy(() -> TlsMaterial.load(garbage, material.privateKeyFile(), CLOCK))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("garbage.pem")
                .hasMessageContaining("expected: X.509 certificates in PEM");
        assertThatThrownBy(() -> TlsMaterial.load(material.certificateFile(), garbage, CLOCK))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("garbage.pem")
                .hasMessageContaining("expected:");
    }

    @Test
    void warnsWhenTheCertificateHasExpired() throws Exception {
        TlsMaterial.loadOrCreate(data, NAMES, CLOCK);
        Clock elevenYearsLater = Clock.fixed(Instant.parse("2037-11-21T12:00:00Z"), ZoneOffset.UTC);

        try (LogCapture log = LogCapture.of(TlsMaterial.class)) {
            TlsMaterial.loadOrCreate(data, NAMES, elevenYearsLater);

            assertThat(log.lines()).anySatisfy(line -> assertThat(line).startsWith("WARN").contains("expired on"));
        }
    }

    @Test
    void neverShowsTheKeyInToString() throws Exception {
        TlsMaterial material = TlsMaterial.loadOrCreate(data, NAMES, CLOCK);

        assertThat(material.toString()).contains(material.fingerprint().toString()).doesNotContain("PRIVATE");
    }
}

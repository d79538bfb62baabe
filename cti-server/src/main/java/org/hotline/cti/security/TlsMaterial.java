package org.hotline.cti.security;

import static java.util.Objects.requireNonNull;

import io.grpc.ServerCredentials;
import io.grpc.TlsServerCredentials;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gRPC server's certificate and private key.
 *
 * <p>By default the server makes its own on first start ({@link #loadOrCreate}): a self-signed
 * certificate in {@code <data>/tls/server.crt} and its PKCS#8 key in {@code <data>/tls/server.key}
 * (readable by the owner only where the file system allows), reused on every later start so the
 * fingerprint clients pinned stays valid. An operator with a certificate from their own authority
 * passes its files to {@link #load} instead. Either way the start-up log shows the SHA-256
 * {@link #fingerprint()} that clients pin.
 */
public final class TlsMaterial {

    /** The folder under the data directory that holds the generated files. */
    public static final String DIRECTORY = "tls";
    public static final String CERTIFICATE_FILE = "server.crt";
    public static final String PRIVATE_KEY_FILE = "server.key";

    private static final Logger LOG = LoggerFactory.getLogger(TlsMaterial.class);
    private static final Duration EXPIRY_WARNING = Duration.ofDays(30);

    private final Path certificateFile;
    private final Path privateKeyFile;
    private final List<X509Certificate> chain;
    private final PrivateKey privateKey;
    private final CertificateFingerprint fingerprint;

    private TlsMaterial(Path certificateFile, Path privateKeyFile, List<X509Certificate> chain, PrivateKey privateKey) {
        this.certificateFile = certificateFile;
        this.privateKeyFile = privateKeyFile;
        this.chain = List.copyOf(chain);
        this.privateKey = privateKey;
        this.fingerprint = CertificateFingerprint.of(chain.get(0));
    }

    /**
     * Reuses {@code <dataDirectory>/tls/server.crt} and {@code server.key}, or creates them when
     * neither exists yet.
     *
     * @param names the SubjectAltNames for a new certificate, usually {@link ServerNames#forThisHost};
     *     an existing certificate is kept even when they changed (clients pinned it), with a warning
     * @throws IOException when the files cannot be read or written, or the certificate exists without
     *     its key
     */
    public static TlsMaterial loadOrCreate(Path dataDirectory, List<String> names, Clock clock) throws IOException {
        requireNonNull(dataDirectory, "dataDirectory");
        requireNonNull(names, "names");
        requireNonNull(clock, "clock");
        Path directory = dataDirectory.resolve(DIRECTORY);
        Path certificateFile = directory.resolve(CERTIFICATE_FILE);
        Path keyFile = directory.resolve(PRIVATE_KEY_FILE);
        boolean haveCertificate = Files.exists(certificateFile);
        boolean haveKey = Files.exists(keyFile);
        if (haveCertificate && haveKey) {
            TlsMaterial material = read(certificateFile, keyFile, clock);
            material.warnAboutMissingNames(names);
            return material;
        }
        if (haveCertificate) {
            throw new IOException("TLS certificate " + certificateFile + " exists but its private key " + keyFile
                    + " is missing (expected: both files; restore the key from a backup, or delete the certificate"
                    + " so a new one is made, which every client must then pin again)");
        }
        if (haveKey) {
            // The key is written before the certificate, and the fingerprint is only logged once both
            // exist: a lone key is an interrupted first start that no client can have pinned.
            LOG.warn("TLS private key {} has no certificate beside it (an interrupted first start); making a new pair",
                    keyFile);
        }
        return create(certificateFile, keyFile, names, clock);
    }

    /**
     * Uses an operator's certificate and key instead of generated ones. The certificate file may hold
     * a chain, server certificate first; the key may be PKCS#8, PKCS#1 (RSA) or SEC 1 (EC), unencrypted.
     *
     * @throws IOException when a file cannot be read or the key does not belong to the certificate
     */
    public static TlsMaterial load(Path certificateFile, Path privateKeyFile, Clock clock) throws IOException {
        requireNonNull(certificateFile, "certificateFile");
        requireNonNull(privateKeyFile, "privateKeyFile");
        requireNonNull(clock, "clock");
        for (Path file : List.of(certificateFile, privateKeyFile)) {
            if (!Files.isRegularFile(file)) {
                throw new IOException("TLS file " + file.toAbsolutePath() + " does not exist or is not a file"
                        + " (expected: the operator's PEM certificate and private key files)");
            }
        }
        return read(certificateFile, privateKeyFile, clock);
    }

    /** The server certificate (the leaf of the chain). */
    public X509Certificate certificate() {
        return chain.get(0);
    }

    /** The server certificate followed by any intermediates from the certificate file. */
    public List<X509Certificate> certificateChain() {
        return chain;
    }

    /** The SHA-256 fingerprint of {@link #certificate()}, which clients pin. */
    public CertificateFingerprint fingerprint() {
        return fingerprint;
    }

    public Path certificateFile() {
        return certificateFile;
    }

    public Path privateKeyFile() {
        return privateKeyFile;
    }

    /**
     * Credentials for {@code Grpc.newServerBuilderForPort(port, credentials)}. Built from the key as
     * loaded, re-encoded as PKCS#8, so operator keys in PKCS#1 or SEC 1 work with every TLS stack.
     */
    public ServerCredentials serverCredentials() {
        try {
            byte[] certificates = PemFiles.certificatesPem(chain).getBytes(StandardCharsets.US_ASCII);
            byte[] key = PemFiles.privateKeyPem(privateKey).getBytes(StandardCharsets.US_ASCII);
            return TlsServerCredentials.newBuilder()
                    .keyManager(new ByteArrayInputStream(certificates), new ByteArrayInputStream(key))
                    .build();
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("TLS material from " + certificateFile + " cannot be handed to gRPC: "
                    + e.getMessage(), e);
        }
    }

    /** Never shows the key. */
    @Override
    public String toString() {
        return "TlsMaterial[" + certificateFile + ", SHA-256 " + fingerprint + "]";
    }

    private static TlsMaterial create(Path certificateFile, Path keyFile, List<String> names, Clock clock)
            throws IOException {
        SelfSignedCertificates certificates = new SelfSignedCertificates(clock, new SecureRandom());
        X509Certificate certificate;
        KeyPair keyPair;
        try {
            keyPair = certificates.newKeyPair();
            certificate = certificates.create(keyPair, names);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot make a self-signed TLS certificate: " + e.getMessage(), e);
        }
        Files.createDirectories(certificateFile.toAbsolutePath().getParent());
        // Key first: see loadOrCreate for why a lone key is safe to replace and a lone certificate is not.
        PemFiles.writeAtomically(keyFile, PemFiles.privateKeyPem(keyPair.getPrivate()), true);
        try {
            PemFiles.writeAtomically(certificateFile, PemFiles.certificatesPem(List.of(certificate)), false);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encode the new TLS certificate: " + e.getMessage(), e);
        }
        TlsMaterial material = new TlsMaterial(certificateFile, keyFile, List.of(certificate), keyPair.getPrivate());
        LOG.info("Created self-signed TLS certificate {} for {}, valid until {}; SHA-256 fingerprint {}",
                certificateFile, names, certificate.getNotAfter().toInstant(), material.fingerprint);
        return material;
    }

    private static TlsMaterial read(Path certificateFile, Path keyFile, Clock clock) throws IOException {
        List<X509Certificate> chain = PemFiles.readCertificates(certificateFile);
        PrivateKey key = PemFiles.readPrivateKey(keyFile);
        requireKeyMatches(chain.get(0), key, certificateFile, keyFile);
        if (PemFiles.readableByOthers(keyFile)) {
            LOG.warn("TLS private key {} is readable by other accounts; restrict it with `chmod 600 {}`", keyFile,
                    keyFile);
        }
        TlsMaterial material = new TlsMaterial(certificateFile, keyFile, chain, key);
        Instant notAfter = material.certificate().getNotAfter().toInstant();
        Instant now = clock.instant();
        if (notAfter.isBefore(now.plus(EXPIRY_WARNING))) {
            LOG.warn("TLS certificate {} {} {}; pinned clients keep working, other TLS tools will refuse it",
                    certificateFile, notAfter.isBefore(now) ? "expired on" : "expires on", notAfter);
        }
        LOG.info("Using TLS certificate {} ({}), valid until {}; SHA-256 fingerprint {}", certificateFile,
                material.certificate().getSubjectX500Principal().getName(), notAfter, material.fingerprint);
        return material;
    }

    /**
     * Signs a nonce with the key and checks it with the certificate: a mismatched pair would
     * otherwise only fail at the first client handshake, with an error far from its cause.
     */
    private static void requireKeyMatches(X509Certificate certificate, PrivateKey key, Path certificateFile,
                                          Path keyFile) throws IOException {
        String algorithm = switch (key.getAlgorithm().toUpperCase(Locale.ROOT)) {
            case "EC", "ECDSA" -> "SHA256withECDSA";
            case "RSA" -> "SHA256withRSA";
            default -> throw new IOException("TLS private key " + keyFile + " is " + key.getAlgorithm()
                    + " (expected: an RSA or EC key)");
        };
        try {
            byte[] nonce = new byte[32];
            new SecureRandom().nextBytes(nonce);
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(key);
            signer.update(nonce);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(certificate.getPublicKey());
            verifier.update(nonce);
            if (verifier.verify(signature)) {
                return;
            }
        } catch (GeneralSecurityException e) {
            // A key of another type than the certificate's lands here: the same mismatch.
        }
        throw new IOException("TLS private key " + keyFile + " does not belong to the certificate " + certificateFile
                + " (expected: the key the certificate " + certificate.getSubjectX500Principal().getName()
                + " was issued for)");
    }

    private void warnAboutMissingNames(Collection<String> names) {
        List<String> missing = new ArrayList<>();
        List<String> listed = subjectAltNames(certificate());
        for (String name : names) {
            if (listed.stream().noneMatch(l -> sameName(l, name))) {
                missing.add(name);
            }
        }
        if (!missing.isEmpty()) {
            LOG.warn("TLS certificate {} does not list {}; it is kept because clients pinned it. Delete {} and {}"
                    + " to make a new one (every client must then pin again)", certificateFile, missing,
                    certificateFile, privateKeyFile);
        }
    }

    /** The DNS names and IP addresses the certificate lists, as strings. */
    static List<String> subjectAltNames(X509Certificate certificate) {
        try {
            Collection<List<?>> entries = certificate.getSubjectAlternativeNames();
            if (entries == null) {
                return List.of();
            }
            return entries.stream().map(entry -> String.valueOf(entry.get(1))).toList();
        } catch (CertificateParsingException e) {
            return List.of();
        }
    }

    // The JDK prints IPv6 addresses in full ("0:0:0:0:0:0:0:1"), operators write "::1".
    private static boolean sameName(String listed, String name) {
        if (ServerNames.isIpAddress(listed) && ServerNames.isIpAddress(name)) {
            try {
                return InetAddress.getByName(listed).equals(InetAddress.getByName(name));
            } catch (UnknownHostException e) {
                return false;
            }
        }
        return listed.equalsIgnoreCase(name);
    }
}

package org.hotline.cti.security;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;

/** Reads and writes the PEM files of {@link TlsMaterial}. */
final class PemFiles {

    private static final Set<PosixFilePermission> OWNER_ONLY =
            EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    private static final Base64.Encoder PEM_BASE64 =
            Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII));

    private PemFiles() {}

    static String certificatesPem(List<X509Certificate> chain) throws CertificateException {
        StringBuilder pem = new StringBuilder();
        for (X509Certificate certificate : chain) {
            pem.append(pem("CERTIFICATE", certificate.getEncoded()));
        }
        return pem.toString();
    }

    /** PKCS#8, the one private key format every TLS stack (Netty, BoringSSL, OpenSSL) reads. */
    static String privateKeyPem(PrivateKey key) {
        return pem("PRIVATE KEY", key.getEncoded());
    }

    /**
     * Every certificate in {@code file}, leaf first as TLS expects. Other PEM blocks (a key in a
     * combined file) are skipped; a file without PEM is read as DER.
     */
    static List<X509Certificate> readCertificates(Path file) throws IOException {
        List<X509Certificate> chain = new ArrayList<>();
        try {
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1);
                 PEMParser parser = new PEMParser(reader)) {
                JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
                for (Object parsed = parser.readObject(); parsed != null; parsed = parser.readObject()) {
                    if (parsed instanceof X509CertificateHolder holder) {
                        chain.add(converter.getCertificate(holder));
                    }
                }
            }
            if (chain.isEmpty()) {
                try (InputStream in = Files.newInputStream(file)) {
                    CertificateFactory.getInstance("X.509").generateCertificates(in).stream()
                            .map(X509Certificate.class::cast)
                            .forEach(chain::add);
                }
            }
        } catch (CertificateException | IOException | RuntimeException e) {
            throw new IOException("TLS certificate file " + file + " cannot be read: " + e.getMessage()
                    + " (expected: X.509 certificates in PEM, server certificate first)", e);
        }
        if (chain.isEmpty()) {
            throw new IOException("TLS certificate file " + file
                    + " holds no certificate (expected: PEM with -----BEGIN CERTIFICATE-----)");
        }
        return chain;
    }

    /**
     * The first unencrypted private key in PKCS#8, PKCS#1 (RSA) or SEC 1 (EC) PEM in {@code file};
     * certificates before it are skipped, so a combined certificate-and-key file works too.
     */
    static PrivateKey readPrivateKey(Path file) throws IOException {
        List<String> seen = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.US_ASCII); PEMParser parser = new PEMParser(reader)) {
            JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
            for (Object parsed = parser.readObject(); parsed != null; parsed = parser.readObject()) {
                if (parsed instanceof PrivateKeyInfo info) {
                    return converter.getPrivateKey(info);
                }
                if (parsed instanceof PEMKeyPair pair) {
                    return converter.getKeyPair(pair).getPrivate();
                }
                if (parsed instanceof PEMEncryptedKeyPair || parsed instanceof PKCS8EncryptedPrivateKeyInfo) {
                    throw new KeyFileException("TLS private key file " + file + " is encrypted (expected: an"
                            + " unencrypted key readable only by the server's account; decrypt it with"
                            + " `openssl pkcs8 -topk8 -nocrypt`)");
                }
                seen.add(parsed.getClass().getSimpleName());
            }
        } catch (KeyFileException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new IOException("TLS private key file " + file + " cannot be read: " + e.getMessage()
                    + " (expected: an unencrypted private key in PEM)", e);
        }
        throw new IOException("TLS private key file " + file + " holds " + (seen.isEmpty() ? "no PEM object" : seen)
                + " (expected: -----BEGIN PRIVATE KEY----- or a PKCS#1/SEC 1 private key)");
    }

    /** A key file problem whose message is already complete. */
    private static final class KeyFileException extends IOException {
        KeyFileException(String message) {
            super(message);
        }
    }

    /**
     * Writes {@code text} to {@code target} through a temporary file and an atomic rename, so a
     * crash never leaves half a file; with {@code ownerOnly} the file is never readable by others,
     * not even for a moment.
     */
    static void writeAtomically(Path target, String text, boolean ownerOnly) throws IOException {
        Path directory = target.toAbsolutePath().getParent();
        Path temporary;
        if (ownerOnly && supportsPosix(directory)) {
            temporary = Files.createTempFile(directory, ".tmp-", ".pem", PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        } else {
            temporary = Files.createTempFile(directory, ".tmp-", ".pem");
            if (ownerOnly) {
                restrictToOwnerWherePossible(temporary);
            }
        }
        try {
            Files.writeString(temporary, text, StandardCharsets.US_ASCII);
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** True when {@code file} is on a POSIX file system and others than its owner may read it. */
    static boolean readableByOthers(Path file) throws IOException {
        if (!supportsPosix(file)) {
            return false;
        }
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
        return permissions.contains(PosixFilePermission.GROUP_READ) || permissions.contains(PosixFilePermission.OTHERS_READ);
    }

    private static boolean supportsPosix(Path path) {
        return Files.getFileAttributeView(path, PosixFileAttributeView.class) != null;
    }

    // Windows: the data folder's ACL decides; this drops what java.io.File can express.
    private static void restrictToOwnerWherePossible(Path file) {
        var f = file.toFile();
        f.setReadable(false, false);
        f.setReadable(true, true);
        f.setWritable(false, false);
        f.setWritable(true, true);
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + PEM_BASE64.encodeToString(der) + "\n-----END " + type + "-----\n";
    }
}

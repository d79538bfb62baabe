package org.hotline.cti.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.PKCS8Generator;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.bouncycastle.operator.OutputEncryptor;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** Certificates as an operator might bring them from their own tools. */
final class TestCertificates {

    record Pair(X509Certificate certificate, Path certificateFile, Path keyFile) {}

    // RSA key generation takes up to seconds on a busy machine; one key serves every test.
    private static KeyPair rsaKeyPair;

    private TestCertificates() {}

    /** An RSA certificate with its key in the traditional PKCS#1 form ("BEGIN RSA PRIVATE KEY"). */
    static Pair rsaWithPkcs1Key(Path directory, String subject) throws Exception {
        KeyPair keyPair = rsaKeyPair();
        X500Name name = new X500Name(subject);
        Instant now = Instant.now();
        X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(
                new JcaX509v3CertificateBuilder(name, BigInteger.ONE, Date.from(now.minus(Duration.ofHours(1))),
                        Date.from(now.plus(Duration.ofDays(365))), name, keyPair.getPublic())
                        .build(new JcaContentSignerBuilder("SHA256withRSA").build(keyPair.getPrivate())));
        Path certificateFile = directory.resolve("operator.crt");
        Path keyFile = directory.resolve("operator.key");
        Files.writeString(certificateFile, pem(certificate));
        Files.writeString(keyFile, pem(keyPair.getPrivate()));
        assertThat(Files.readString(keyFile)).startsWith("-----BEGIN RSA PRIVATE KEY-----");
        return new Pair(certificate, certificateFile, keyFile);
    }

    /** The RSA key as PKCS#8 encrypted with a password, as some certificate tools hand it out. */
    static String encryptedRsaKeyPem() throws Exception {
        OutputEncryptor encryptor = new JceOpenSSLPKCS8EncryptorBuilder(PKCS8Generator.AES_256_CBC)
                .setProvider(new BouncyCastleProvider()) // the JDK lacks the cipher under BouncyCastle's name
                .setPassword("secret".toCharArray())
                .build();
        String pem = pem(new JcaPKCS8Generator(rsaKeyPair().getPrivate(), encryptor).generate());
        assertThat(pem).startsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----");
        return pem;
    }

    private static synchronized KeyPair rsaKeyPair() throws Exception {
        if (rsaKeyPair == null) {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            rsaKeyPair = generator.generateKeyPair();
        }
        return rsaKeyPair;
    }

    private static String pem(Object object) throws Exception {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            writer.writeObject(object);
        }
        return text.toString();
    }
}

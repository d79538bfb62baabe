package org.hotline.cti.security;

import static java.util.Objects.requireNonNull;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Makes the CTI server's self-signed certificate: EC P-256, {@code CN=hotline-cti}, the given
 * SubjectAltNames, for TLS server use only.
 *
 * <p>Uses the JDK's own crypto providers through BouncyCastle's builders, so BouncyCastle is never
 * registered as a global JCA provider.
 */
final class SelfSignedCertificates {

    static final String SUBJECT = "CN=hotline-cti";
    static final Period VALIDITY = Period.ofYears(10);
    static final String KEY_ALGORITHM = "EC";

    /** Tolerates clients and servers whose clocks run somewhat behind the machine that made the certificate. */
    private static final Duration BACKDATE = Duration.ofHours(1);
    private static final int SERIAL_BITS = 159; // positive and at most 20 bytes, as RFC 5280 asks

    private final Clock clock;
    private final SecureRandom random;

    SelfSignedCertificates(Clock clock, SecureRandom random) {
        this.clock = requireNonNull(clock, "clock");
        this.random = requireNonNull(random, "random");
    }

    /** A fresh P-256 key pair: as strong as RSA 3072 and much faster to make and use. */
    KeyPair newKeyPair() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance(KEY_ALGORITHM);
        generator.initialize(new ECGenParameterSpec("secp256r1"), random);
        return generator.generateKeyPair();
    }

    /** A certificate for {@code keyPair}, valid from now for {@link #VALIDITY}, listing {@code names}. */
    X509Certificate create(KeyPair keyPair, List<String> names) throws GeneralSecurityException {
        requireNonNull(keyPair, "keyPair");
        requireNonNull(names, "names");
        if (names.isEmpty()) {
            throw new IllegalArgumentException("names: [] (expected: at least one host name or IP address)");
        }
        Instant now = clock.instant();
        Instant notAfter = now.atOffset(ZoneOffset.UTC).plus(VALIDITY).toInstant();
        X500Name subject = new X500Name(SUBJECT);
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject, new BigInteger(SERIAL_BITS, random),
                Date.from(now.minus(BACKDATE)), Date.from(notAfter), subject, keyPair.getPublic());
        try {
            JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
                    .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth))
                    .addExtension(Extension.subjectAlternativeName, false, subjectAltNames(names))
                    .addExtension(Extension.subjectKeyIdentifier, false,
                            extensions.createSubjectKeyIdentifier(keyPair.getPublic()));
            return new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(keyPair.getPrivate())));
        } catch (CertIOException | OperatorCreationException e) {
            throw new GeneralSecurityException("cannot build the self-signed certificate for " + names, e);
        }
    }

    private static GeneralNames subjectAltNames(List<String> names) {
        GeneralName[] entries = names.stream()
                .map(name -> ServerNames.isIpAddress(name)
                        ? new GeneralName(GeneralName.iPAddress, name)
                        : new GeneralName(GeneralName.dNSName, name))
                .toArray(GeneralName[]::new);
        return new GeneralNames(entries);
    }
}

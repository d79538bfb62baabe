package org.hotline.cti.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackages;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import com.tngtech.archunit.ArchConfiguration;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PinnedTrustManagerTest {

    private static final List<String> NAMES = ServerNames.standard(Optional.empty(), List.of());

    @Test
    void acceptsOnlyThePinnedCertificate(@TempDir Path one, @TempDir Path two) throws Exception {
        X509Certificate pinned = TlsMaterial.loadOrCreate(one, NAMES, Clock.systemUTC()).certificate();
        X509Certificate other = TlsMaterial.loadOrCreate(two, NAMES, Clock.systemUTC()).certificate();
        PinnedTrustManager trust = PinnedTrustManager.pinnedTo(CertificateFingerprint.of(pinned));

        trust.checkServerTrusted(new X509Certificate[] {pinned}, "ECDHE_ECDSA");
        assertThatThrownBy(() -> trust.checkServerTrusted(new X509Certificate[] {other}, "ECDHE_ECDSA"))
                .isInstanceOf(CertificateException.class);
        assertThat(trust.lastPresentedFingerprint()).contains(CertificateFingerprint.of(other));
        assertThat(trust.isTrustOnFirstUse()).isFalse();
    }

    @Test
    void judgesTheServerCertificateNotItsIssuers(@TempDir Path one, @TempDir Path two) throws Exception {
        X509Certificate pinned = TlsMaterial.loadOrCreate(one, NAMES, Clock.systemUTC()).certificate();
        X509Certificate issuer = TlsMaterial.loadOrCreate(two, NAMES, Clock.systemUTC()).certificate();
        PinnedTrustManager trustingTheIssuer = PinnedTrustManager.pinnedTo(CertificateFingerprint.of(issuer));

        assertThatThrownBy(() -> trustingTheIssuer.checkServerTrusted(new X509Certificate[] {pinned, issuer}, "RSA"))
                .isInstanceOf(CertificateException.class);
    }

    @Test
    void refusesAnEmptyChain() {
        PinnedTrustManager trust = PinnedTrustManager.trustOnFirstUse();

        assertThatThrownBy(() -> trust.checkServerTrusted(new X509Certificate[0], "RSA"))
                .isInstanceOf(CertificateException.class)
                .hasMessageContaining("no certificate");
        assertThat(trust.pinnedFingerprint()).isEmpty();
    }

    @Test
    void neverVouchesForClients(@TempDir Path one) throws Exception {
        X509Certificate certificate = TlsMaterial.loadOrCreate(one, NAMES, Clock.systemUTC()).certificate();
        PinnedTrustManager trust = PinnedTrustManager.pinnedTo(CertificateFingerprint.of(certificate));

        assertThatThrownBy(() -> trust.checkClientTrusted(new X509Certificate[] {certificate}, "RSA"))
                .isInstanceOf(CertificateException.class)
                .hasMessageContaining("verifies servers only");
        assertThat(trust.getAcceptedIssuers()).isEmpty();
    }

    @Test
    void pinningNeedsOnlyTheJdkAndTheGrpcApi() {
        Class<?>[] clientSide = {PinnedTrustManager.class, CertificateFingerprint.class, PinnedChannelCredentials.class};
        ArchConfiguration configuration = ArchConfiguration.get();
        boolean resolving = configuration.resolveMissingDependenciesFromClassPath();
        // Only direct dependencies matter here; resolving the whole gRPC API from the class path takes seconds.
        configuration.setResolveMissingDependenciesFromClassPath(false);
        JavaClasses classes;
        try {
            classes = new ClassFileImporter().importClasses(clientSide);
        } finally {
            configuration.setResolveMissingDependenciesFromClassPath(resolving);
        }

        noClasses().that().belongToAnyOf(clientSide)
                .should().dependOnClassesThat(resideOutsideOfPackages("java..", "javax..", "io.grpc")
                        .and(not(belongToAnyOf(clientSide))))
                .because("the desktop clients will take these classes into a shared client library,"
                        + " which must not drag BouncyCastle, logging or server code along")
                .check(classes);
    }
}

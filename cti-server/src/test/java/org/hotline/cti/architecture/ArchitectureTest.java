package org.hotline.cti.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The boundaries of ARCHITECTURE.md, checked on every build. */
class ArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.hotline.cti");
    }

    @Test
    void onlyTheAsteriskAdapterKnowsAsteriskJava() {
        ArchRule rule = noClasses().that().resideOutsideOfPackage("org.hotline.cti.switching.asterisk..")
                .should().dependOnClassesThat().resideInAPackage("org.asteriskjava..")
                .because("the switch is behind a port: everything above it must behave the same on the simulated switch");
        rule.check(classes);
    }

    @Test
    void theDomainKnowsNeitherGrpcNorPersistenceNorJavaFx() {
        ArchRule rule = noClasses().that().resideInAnyPackage("org.hotline.cti.core..", "org.hotline.cti.calls..",
                        "org.hotline.cti.agents..", "org.hotline.cti.routing..", "org.hotline.cti.switching")
                .should().dependOnClassesThat().resideInAnyPackage("io.grpc..", "jakarta.persistence..",
                        "org.hibernate..", "javafx..", "org.hotline.api..")
                .because("the live model is tested without a network, a database or a screen; the edges translate");
        rule.check(classes);
    }

    @Test
    void theLiveModelDoesNotDependOnItsAdapters() {
        ArchRule rule = noClasses().that().resideInAnyPackage("org.hotline.cti.core..", "org.hotline.cti.routing..",
                        "org.hotline.cti.calls..", "org.hotline.cti.agents..")
                .should().dependOnClassesThat().resideInAnyPackage("org.hotline.cti.switching.sim..",
                        "org.hotline.cti.switching.asterisk..", "org.hotline.cti.storage..", "org.hotline.cti.api..")
                .because("adapters depend on the core, never the other way round");
        rule.check(classes);
    }

    @Test
    void routingStrategiesArePure() {
        ArchRule rule = noClasses().that().haveSimpleNameEndingWith("Strategy")
                .should().dependOnClassesThat().haveSimpleName("EventLoop")
                .orShould().dependOnClassesThat().haveSimpleName("Switch")
                .because("routing decisions are pure functions of their inputs so they can be property-tested");
        rule.check(classes);
    }
}

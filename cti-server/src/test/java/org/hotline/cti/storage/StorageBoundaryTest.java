package org.hotline.cti.storage;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

class StorageBoundaryTest {
    private static final String[] DOMAIN = {"org.hotline.cti.agents..", "org.hotline.cti.routing..",
            "org.hotline.cti.calls..", "org.hotline.cti.security..", "org.hotline.cti.core..",
            "org.hotline.cti.switching.."};

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.hotline.cti");

    @Test
    void domainPackagesKnowNoPersistenceLibrary() {
        noClasses().that().resideInAnyPackage(DOMAIN)
                .should().dependOnClassesThat().resideInAnyPackage("jakarta.persistence..", "org.hibernate..",
                        "org.flywaydb..", "com.zaxxer.hikari..")
                .because("the live model and routing are tested without a database; storage implements their ports")
                .check(classes);
    }

    @Test
    void domainPackagesDoNotReachIntoStorage() {
        noClasses().that().resideInAnyPackage(DOMAIN)
                .should().dependOnClassesThat().resideInAPackage("org.hotline.cti.storage..")
                .because("storage is an adapter behind the ports in agents, routing, calls and security")
                .check(classes);
    }
}

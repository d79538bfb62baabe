package org.hotline.cti.switching.sim;

import java.nio.file.Path;

import com.tngtech.archunit.ArchConfiguration;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

class SimBoundaryTest {

    private static final ArchRule SIM_STANDS_BELOW_THE_PORT = classes()
            .that().resideInAPackage("org.hotline.cti.switching.sim")
            .should().onlyDependOnClassesThat().resideInAnyPackage("org.hotline.cti.switching",
                    "org.hotline.cti.switching.sim", "org.hotline.cti.core", "java..", "org.slf4j..")
            .because("the simulated PBX stands where a real PBX would: it knows the port and the loop, "
                    + "not the live model, routing, storage or the other adapter, so the core cannot come to "
                    + "depend on anything the Asterisk adapter does not also offer");

    @Test
    void simulatedPbxDependsOnlyOnThePortAndTheLoop() throws Exception {
        Path compiled = Path.of(SimSwitch.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .resolve(SimSwitch.class.getPackageName().replace('.', '/'));
        // The rule needs only the names of what the sim uses: read its own class files and nothing
        // else (scanning the classpath takes seconds); thread-local so other ArchUnit tests keep theirs.
        ArchConfiguration.withThreadLocalScope(config -> {
            config.setResolveMissingDependenciesFromClassPath(false);
            JavaClasses sim = new ClassFileImporter().importPath(compiled);
            SIM_STANDS_BELOW_THE_PORT.check(sim);
        });
    }
}

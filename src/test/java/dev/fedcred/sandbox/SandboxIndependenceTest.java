package dev.fedcred.sandbox;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The emulator must not share code with the client it tests, or a misreading of the protocol would
 * be on both sides and go unnoticed; and it must stay free of UI toolkits so the CLI can run it.
 */
class SandboxIndependenceTest {

    private static final JavaClasses SANDBOX = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.fedcred.sandbox");

    @Test
    void sandboxDoesNotDependOnTheClient() {
        noClasses().that().resideInAPackage("dev.fedcred.sandbox..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "dev.fedcred.core..", "dev.fedcred.ui..", "dev.fedcred.cli..")
                .check(SANDBOX);
    }

    @Test
    void sandboxUsesNoUiToolkitsNorTheOidcSdk() {
        noClasses().that().resideInAPackage("dev.fedcred.sandbox..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "javafx..", "java.awt..", "javax.swing..", "com.nimbusds.oauth2..", "com.nimbusds.openid..")
                .check(SANDBOX);
    }
}

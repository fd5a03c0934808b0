package dev.fedcred.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.InstanceofCheck;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import dev.fedcred.core.targets.Target;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The rules of the house that keep core reusable and the emulators independent. */
@AnalyzeClasses(packages = "dev.fedcred", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule coreHasNoUiCliOrSandboxDependencies = noClasses()
            .that().resideInAPackage("dev.fedcred.core..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "javafx..", "java.awt..", "javax.swing..",
                    "dev.fedcred.ui..", "dev.fedcred.cli..", "dev.fedcred.sandbox..")
            .because("core is the credential logic that the UI and the CLI share");

    @ArchTest
    static final ArchRule coreDoesNotReachTheCompositionRoot = noClasses()
            .that().resideInAPackage("dev.fedcred.core..")
            .should().dependOnClassesThat().haveFullyQualifiedName("dev.fedcred.FedcredContext")
            .because("dependencies flow from the composition root into core, not back");

    @ArchTest
    static final ArchRule sandboxDoesNotUseCore = noClasses()
            .that().resideInAPackage("dev.fedcred.sandbox..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.fedcred.core..", "dev.fedcred.ui..",
                    "dev.fedcred.cli..", "javafx..", "java.awt..", "javax.swing..",
                    "com.nimbusds.oauth2..", "com.nimbusds.openid..")
            .because("an emulator that shared the client's code, or its OIDC SDK, would share its mistakes");

    @ArchTest
    static final ArchRule sandboxDoesNotUseTheAwsSdk = noClasses()
            .that().resideInAPackage("dev.fedcred.sandbox..")
            .should().dependOnClassesThat().resideInAnyPackage("software.amazon.awssdk..")
            .because("the STS emulator must be an independent reading of the protocol that the real SDK is tested against");

    @ArchTest
    static final ArchRule sandboxDoesNotUseGooglesAuthOrHttpClients = noClasses()
            .that().resideInAPackage("dev.fedcred.sandbox..")
            .should().dependOnClassesThat().resideInAnyPackage("com.google.auth..", "com.google.api.client..")
            .because("the GCP emulator must be an independent reading of Google's STS and IAM Credentials APIs, "
                    + "which the real google-auth-library is tested against");

    @ArchTest
    static final ArchRule onlyTheSharedWidgetsUseControlsFx = noClasses()
            .that().resideOutsideOfPackage("dev.fedcred.ui.fx")
            .should().dependOnClassesThat().resideInAnyPackage("org.controlsfx..", "impl.org.controlsfx..")
            .because("ControlsFX must not load for the window's first frame: its use (FieldDecorations) "
                    + "sits in ui.fx, where the first-frame check knows it");

    @ArchTest
    static final ArchRule cliDoesNotUseTheUi = noClasses()
            .that().resideInAPackage("dev.fedcred.cli..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.fedcred.ui..", "javafx..")
            .because("the CLI must start fast and run without a display");

    @ArchTest
    static final ArchRule onlyATargetKindTestsForItsTargetsClass = noClasses()
            .should(testForATargetClassOutsideItsPackage())
            .because("callers ask TargetKinds for a target's kind instead of testing its class, so adding a kind"
                    + " means a package and one registration (docs/ARCHITECTURE.md)");

    private static ArchCondition<JavaClass> testForATargetClassOutsideItsPackage() {
        DescribedPredicate<JavaClass> targetClass = DescribedPredicate.describe("a target class",
                type -> type.isAssignableTo(Target.class) && !type.isEquivalentTo(Target.class));
        return new ArchCondition<>("test for a target class outside that class's package") {
            @Override
            public void check(JavaClass item, ConditionEvents events) {
                for (InstanceofCheck check : item.getInstanceofChecks()) {
                    JavaClass tested = check.getRawType();
                    if (targetClass.test(tested) && !tested.getPackageName().equals(item.getPackageName())) {
                        events.add(SimpleConditionEvent.satisfied(check, item.getName() + " tests for "
                                + tested.getName() + " in " + check.getSourceCodeLocation()));
                    }
                }
            }
        };
    }

    @ArchTest
    static final ArchRule corePackagesHaveNoCycles = slices().assignedFrom(everyPackageUnder("dev.fedcred.core"))
            .should().beFreeOfCycles()
            .because("each part of core can be read, tested and changed from the bottom up");

    @ArchTest
    static final ArchRule uiPackagesHaveNoCycles = slices().assignedFrom(everyPackageUnder("dev.fedcred.ui"))
            .should().beFreeOfCycles()
            .because("each room of the desktop app depends only on the rooms below it");

    /** Each package its own slice, the root package included (which {@code matching("root.(**)")} leaves out). */
    private static SliceAssignment everyPackageUnder(String root) {
        return new SliceAssignment() {
            @Override
            public SliceIdentifier getIdentifierOf(JavaClass type) {
                String name = type.getPackageName();
                return name.equals(root) || name.startsWith(root + ".") ? SliceIdentifier.of(name)
                        : SliceIdentifier.ignore();
            }

            @Override
            public String getDescription() {
                return "every package under " + root;
            }
        };
    }
}

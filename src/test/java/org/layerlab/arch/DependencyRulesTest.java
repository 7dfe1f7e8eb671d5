package org.layerlab.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The dependency direction of DESIGN.md: engine ← nn ← training ← project ← export ← cli/ui. */
class DependencyRulesTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.layerlab");
    }

    private static String[] above(String... packages) {
        String[] out = new String[packages.length];
        for (int i = 0; i < packages.length; i++) {
            out[i] = "org.layerlab." + packages[i] + "..";
        }
        return out;
    }

    @Test
    void engineImportsNothingOfTheProject() {
        noClasses().that().resideInAPackage("org.layerlab.engine..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        above("nn", "data", "training", "project", "export", "cli", "ui"))
                .allowEmptyShould(true).check(classes);
    }

    @Test
    void nnAndDataDoNotReachUp() {
        noClasses().that().resideInAnyPackage("org.layerlab.nn..")
                .should().dependOnClassesThat().resideInAnyPackage(above("data", "training", "project", "export", "cli", "ui"))
                .allowEmptyShould(true).check(classes);
        noClasses().that().resideInAnyPackage("org.layerlab.data..")
                .should().dependOnClassesThat().resideInAnyPackage(above("nn", "training", "project", "export", "cli", "ui"))
                .allowEmptyShould(true).check(classes);
    }

    @Test
    void trainingProjectAndExportDoNotReachUp() {
        noClasses().that().resideInAPackage("org.layerlab.training..")
                .should().dependOnClassesThat().resideInAnyPackage(above("project", "export", "cli", "ui"))
                .allowEmptyShould(true).check(classes);
        noClasses().that().resideInAPackage("org.layerlab.project..")
                .should().dependOnClassesThat().resideInAnyPackage(above("export", "cli", "ui"))
                .allowEmptyShould(true).check(classes);
        noClasses().that().resideInAPackage("org.layerlab.export..")
                .should().dependOnClassesThat().resideInAnyPackage(above("cli", "ui"))
                .allowEmptyShould(true).check(classes);
    }

    @Test
    void nothingImportsUi() {
        noClasses().that().resideOutsideOfPackage("org.layerlab.ui..")
                .should().dependOnClassesThat().resideInAPackage("org.layerlab.ui..")
                .allowEmptyShould(true).check(classes);
    }

    @Test
    void onlyUiImportsJavafx() {
        noClasses().that().resideOutsideOfPackage("org.layerlab.ui..")
                .should().dependOnClassesThat().resideInAPackage("javafx..")
                .allowEmptyShould(true).check(classes);
    }

    /** Each package is a slice: a package that needs another must not be needed by it, however indirectly. */
    @Test
    void packagesFormNoCycles() {
        slices().matching("org.layerlab.(**)").should().beFreeOfCycles().check(classes);
    }
}

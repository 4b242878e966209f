package org.dicas;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.dicas.security.ReleasabilityPolicy;
import org.junit.jupiter.api.Test;

/**
 * Business rules stay plain Java, and a marking is checked in one place. That the read policy lives in one place is
 * {@code ReadPathTest}'s job: it fails on any read of marked records that goes around security.
 */
class ArchitectureTest {

    static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.dicas");

    @Test
    void sharedValueTypesAndThePolicyHaveNoSpringInThem() {
        noClasses().that().resideInAPackage("org.dicas.shared..").and().doNotHaveSimpleName("package-info")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta.servlet..")
                .check(CLASSES);
        noClasses().that().haveFullyQualifiedName(ReleasabilityPolicy.class.getName())
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta.servlet..")
                .check(CLASSES);
    }

    @Test
    void engineAndDomainPackagesHaveNoSpringInThem() {
        noClasses().that().resideInAPackage("..engine..").and().doNotHaveSimpleName("package-info")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "java.sql..", "javax.sql..")
                .allowEmptyShould(true)
                .check(CLASSES);
        noClasses().that().resideInAPackage("..search.text..").and().doNotHaveSimpleName("package-info")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "java.sql..", "javax.sql..")
                .check(CLASSES);
    }

    @Test
    void theEmbeddedDatabaseLifecycleHasNoSpringInIt() {
        noClasses().that().resideInAPackage("org.dicas.platform.embedded..").and().doNotHaveSimpleName("package-info")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..")
                .check(CLASSES);
    }

    @Test
    void writePermissionsAreRefusedOnlyThroughNamedRules() throws java.io.IOException {
        java.util.List<String> places = new java.util.ArrayList<>();
        try (var files = java.nio.file.Files.walk(java.nio.file.Path.of("src/main/java"))) {
            for (var f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                if (java.nio.file.Files.readString(f).contains("new AccessDeniedException(")) {
                    places.add(f.toString());
                }
            }
        }
        org.assertj.core.api.Assertions.assertThat(places).as("ad-hoc refusals instead of a WriteDecision").isEmpty();
    }

    @Test
    void aMarkingIsRequiredIsCheckedInOnePlace() throws java.io.IOException {
        java.util.List<String> places = new java.util.ArrayList<>();
        try (var files = java.nio.file.Files.walk(java.nio.file.Path.of("src/main/java"))) {
            for (var f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String src = java.nio.file.Files.readString(f);
                if (src.contains("\"a marking is required") || src.contains("\"marking.error.required\"")
                        || src.matches("(?s).*isBlank\\(\\)\\)\\s*\\{\\s*throw (new InvalidInputException\\(|"
                        + "InvalidInputException\\.of\\()\"marking\".*")) {
                    places.add(f.toString());
                }
            }
        }
        org.assertj.core.api.Assertions.assertThat(places).containsExactly("src/main/java/org/dicas/shared/Marking.java");
    }
}

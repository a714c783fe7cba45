package nl.werkpact.keurmerk.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import nl.werkpact.keurmerk.models.CalledFromModels;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The shape docs/ARCHITECTURE.md draws, held by the build: no package needs another that needs it back, each layer
 * uses only the layers below it, and the few rules a newcomer cannot see from a class alone (which beans a model may
 * call, who talks to SMTP, where settings are read) are written here.
 */
class ArchitectureTest {

  private static final String BASE = "nl.werkpact.keurmerk";
  private static JavaClasses code;

  @BeforeAll
  static void importProductionCode() {
    code =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(BASE);
  }

  @Test
  void noPackageNeedsAnotherThatNeedsItBack() {
    slices().matching(BASE + ".(**)").should().beFreeOfCycles().check(code);
  }

  @Test
  void eachLayerUsesOnlyTheLayersBelowIt() {
    layeredArchitecture()
        .consideringOnlyDependenciesInAnyPackage(BASE + "..")
        .layer("Common")
        .definedBy(BASE + ".common..")
        .layer("Web and clock")
        .definedBy(BASE + ".web..", BASE + ".clock..")
        .layer("Regions")
        .definedBy(BASE + ".region..")
        .layer("Identity")
        .definedBy(BASE + ".identity..")
        .layer("Engine guard and models")
        .definedBy(BASE + ".guard..", BASE + ".models..")
        .layer("Domain")
        .definedBy(
            BASE + ".employer",
            BASE + ".convenant",
            BASE + ".audit",
            BASE + ".keurmerk",
            BASE + ".mail",
            BASE + ".tasks")
        .layer("Processes")
        .definedBy(BASE + ".*.process..")
        .layer("Features")
        .definedBy(
            BASE + ".register..",
            BASE + ".dossier..",
            BASE + ".dashboard..",
            BASE + ".certificate..",
            BASE + ".golive..",
            BASE + ".criteria..",
            BASE + ".preferences..",
            BASE + ".network..",
            BASE + ".ceremony..",
            BASE + ".portal..")
        .layer("Application")
        .definedBy(BASE, BASE + ".demo..", BASE + ".operations..")
        .whereLayer("Application")
        .mayNotBeAccessedByAnyLayer()
        .whereLayer("Features")
        .mayOnlyBeAccessedByLayers("Application")
        .whereLayer("Processes")
        .mayOnlyBeAccessedByLayers("Features", "Application")
        .whereLayer("Domain")
        .mayOnlyBeAccessedByLayers("Processes", "Features", "Application")
        .whereLayer("Engine guard and models")
        .mayOnlyBeAccessedByLayers("Processes", "Features", "Application")
        .whereLayer("Identity")
        .mayOnlyBeAccessedByLayers(
            "Engine guard and models", "Domain", "Processes", "Features", "Application")
        .whereLayer("Regions")
        .mayOnlyBeAccessedByLayers(
            "Identity", "Engine guard and models", "Domain", "Processes", "Features", "Application")
        .whereLayer("Web and clock")
        .mayOnlyBeAccessedByLayers(
            "Regions",
            "Identity",
            "Engine guard and models",
            "Domain",
            "Processes",
            "Features",
            "Application")
        .check(code);
  }

  @Test
  void onlyBeansMarkedForModelsAreCallableFromThemAndEachIsAProcessComponent() {
    classes()
        .that()
        .areAnnotatedWith(CalledFromModels.class)
        .should()
        .beAnnotatedWith(Component.class)
        .andShould()
        .resideInAPackage("..process")
        .because(
            "a model names a Spring bean (ProcessBeans), and a delegate belongs to the process it serves")
        .check(code);
  }

  @Test
  void domainServicesAndRepositoriesKnowNothingOfTheEngine() {
    noClasses()
        .that()
        .resideInAnyPackage(
            BASE + ".employer",
            BASE + ".convenant",
            BASE + ".audit",
            BASE + ".keurmerk",
            BASE + ".mail",
            BASE + ".tasks")
        .and()
        .haveSimpleNameEndingWith("Service")
        .or()
        .haveSimpleNameEndingWith("Repository")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.camunda..")
        .because("they are tested with plain JUnit; delegates are the thin seam to the engine")
        .check(code);
  }

  @Test
  void onlyTheMailPackageTalksToAMailServer() {
    noClasses()
        .that(not(resideInAnyPackage(BASE + ".mail")))
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.springframework.mail..", "jakarta.mail..")
        .because("the dispatcher is the one place that talks to SMTP (docs/decisions/0002)")
        .check(code);
  }

  @Test
  void settingsAreReadThroughTypedPropertiesNotScatteredValues() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .belongToAnyOf(Value.class)
        .because(
            "every setting has one typed home with IDE metadata (docs/operations.md lists them)")
        .check(code);
  }
}

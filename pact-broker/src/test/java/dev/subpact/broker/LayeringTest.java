package dev.subpact.broker;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.subpact.broker.api.ApiContext;
import dev.subpact.broker.api.Links;
import org.junit.jupiter.api.Test;

/**
 * The broker's layers, checked on its compiled classes: the HTTP layer ({@code api}, and the
 * {@code dashboard} that renders HTML) sits on top of the domain services, which throw domain
 * exceptions ({@code error.BrokerException}) and never speak HTTP; packages form no cycles.
 */
class LayeringTest {

  static final JavaClasses BROKER = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("dev.subpact.broker");

  @Test
  void domainPackagesDoNotImportTheHttpLayer() {
    noClasses().that().resideInAnyPackage("..broker.contract..", "..broker.matrix..", "..broker.verification..",
            "..broker.webhook..", "..broker.storage..", "..broker.json..", "..broker.error..", "..broker.metrics..")
        .should().dependOnClassesThat().resideInAnyPackage("..broker.api..", "..broker.dashboard..", "io.javalin..")
        .because("services throw BrokerException, which the api maps to HTTP; only the api speaks HTTP")
        .check(BROKER);
  }

  /**
   * GraphqlAwareness still registers its own routes (the schema PUT and the usage reports) and is
   * being extended in parallel; it may use the api's request context and links, and nothing else
   * of the HTTP layer, until those routes move to the api.
   */
  @Test
  void graphqlUsesOnlyTheApiContextAndLinks() {
    noClasses().that().resideInAPackage("..broker.graphql..")
        .should().dependOnClassesThat(JavaClass.Predicates.resideInAPackage("..broker.api..")
            .and(DescribedPredicate.not(JavaClass.Predicates.belongToAnyOf(ApiContext.class, Links.class))))
        .orShould().dependOnClassesThat().resideInAPackage("..broker.dashboard..")
        .check(BROKER);
  }

  @Test
  void packagesFormNoCycles() {
    slices().matching("dev.subpact.broker.(*)..").should().beFreeOfCycles().check(BROKER);
  }
}

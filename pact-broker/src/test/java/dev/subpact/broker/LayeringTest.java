package dev.subpact.broker;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The broker's layers, checked on its compiled classes: {@code api} holds every route and the HTTP
 * mapping; the {@code dashboard} renders pages the api serves; both reach the data through the
 * services ({@code data}, contract, verification, matrix, webhook, graphql), which throw domain
 * exceptions ({@code error}) and own the use of {@code storage}; packages form no cycles.
 */
class LayeringTest {

  static final JavaClasses BROKER = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("dev.subpact.broker");

  static final String[] SERVICES_AND_BELOW = {"..broker.data..", "..broker.contract..", "..broker.matrix..",
      "..broker.verification..", "..broker.webhook..", "..broker.graphql..", "..broker.storage..", "..broker.model..",
      "..broker.json..", "..broker.error..", "..broker.metrics.."};

  @Test
  void servicesNeverSpeakHttpNorRenderPages() {
    noClasses().that().resideInAnyPackage(SERVICES_AND_BELOW)
        .should().dependOnClassesThat().resideInAnyPackage("..broker.api..", "..broker.dashboard..", "io.javalin..")
        .because("services throw BrokerException, which the api maps to HTTP; only the api speaks HTTP")
        .check(BROKER);
  }

  @Test
  void apiAndDashboardNeverTouchStorageNorSql() {
    noClasses().that().resideInAnyPackage("..broker.api..", "..broker.dashboard..")
        .should().dependOnClassesThat().resideInAnyPackage("..broker.storage..", "java.sql..")
        .because("requests read and write through the services (BrokerData's sessions, Contracts, GraphqlAwareness…),"
            + " which hand back values and domain refusals, never SQL or its exceptions")
        .check(BROKER);
  }

  @Test
  void onlyTheApiAndTheEntryPointTouchJavalin() {
    noClasses().that().resideOutsideOfPackages("..broker.api..", "dev.subpact.broker")
        .should().dependOnClassesThat().resideInAPackage("io.javalin..")
        .because("the api registers every route (the dashboard's and GraphQL's too); PactBroker starts the server")
        .check(BROKER);
  }

  @Test
  void theDashboardNeverUsesTheApi() {
    noClasses().that().resideInAPackage("..broker.dashboard..")
        .should().dependOnClassesThat().resideInAPackage("..broker.api..")
        .because("the dashboard renders pages; the api serves them")
        .check(BROKER);
  }

  @Test
  void storageNeverUsesTheServices() {
    noClasses().that().resideInAPackage("..broker.storage..")
        .should().dependOnClassesThat().resideInAnyPackage("..broker.data..", "..broker.contract..", "..broker.matrix..",
            "..broker.verification..", "..broker.webhook..", "..broker.graphql..", "..broker.metrics..")
        .check(BROKER);
  }

  @Test
  void packagesFormNoCycles() {
    slices().matching("dev.subpact.broker.(*)..").should().beFreeOfCycles().check(BROKER);
  }
}

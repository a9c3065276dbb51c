package dev.subpact.broker;

import au.com.dius.pact.provider.junit5.HttpTestTarget;
import au.com.dius.pact.provider.junit5.PactVerificationContext;
import au.com.dius.pact.provider.junit5.PactVerificationInvocationContextProvider;
import au.com.dius.pact.provider.junitsupport.Consumer;
import au.com.dius.pact.provider.junitsupport.Provider;
import au.com.dius.pact.provider.junitsupport.State;
import au.com.dius.pact.provider.junitsupport.loader.PactFolder;
import dev.subpact.broker.model.Environment;
import dev.subpact.broker.model.Publication;
import java.nio.file.Path;
import java.util.List;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Dogfood: the broker verified against the official pact_broker-client's own contract with the
 * Pact Broker (67 interactions, Pact v2), every provider state implemented as a fixture. The base
 * URL is http://example.org because the contract expects the official test setup's absolute links.
 * The pact is verified as published except that its Ruby regexes are rewritten in Java's syntax
 * ({@link RubyRegexes}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class PactBrokerClientContract {

  static final String ENVIRONMENT_UUID = "16926ef3-590f-4e3f-838e-719717aa88c9";
  static final String TEST_ENVIRONMENT_UUID = "cb632df3-0a0d-4227-aac3-60114dd36479";
  static final String FOO_VERSION = "5556b8149bf8bac76bc30f50a8a2dd4c22c85f30";

  RunningBroker broker;
  Fixtures fixtures;

  abstract Engine engine();

  @BeforeAll
  void start() throws Exception {
    for (String pact : List.of("pact-broker-client-v2--pact-broker.json", "pact_broker_client--pact_broker.json")) {
      RubyRegexes.javaCopy("/compat/pact-broker-client/" + pact, Path.of("target/compat-java-regex"));
    }
    broker = PactBroker.start(BrokerConfig.local(0, engine().newDatabase())
        .withBaseUrl("http://example.org")
        .withWebhooks(List.of("webhook", "127.0.0.1"), List.of("https", "http"), 1, java.time.Duration.ofMillis(10)));
    fixtures = new Fixtures(broker);
  }

  @AfterAll
  void stop() {
    broker.close();
  }

  @BeforeEach
  void target(PactVerificationContext context) {
    fixtures.reset();
    context.setTarget(new HttpTestTarget("127.0.0.1", broker.port()));
  }

  @TestTemplate
  @ExtendWith(PactVerificationInvocationContextProvider.class)
  void interaction(PactVerificationContext context, ClassicHttpRequest request) throws Exception {
    String path = request.getUri().getRawPath();
    String resolved = HalPlaceholders.resolve(path);
    if (!resolved.equals(path)) {
      String query = request.getUri().getRawQuery();
      request.setPath(resolved + (query == null ? "" : "?" + query));
    }
    context.verifyInteraction();
  }

  @State({"the pacticipant relations are present",
      "the pb:environments relation exists in the index resource",
      "the pb:latest-tagged-version relation exists in the index resource",
      "the pb:latest-version relation exists in the index resource",
      "the pb:pacticipant-branch relation exists in the index resource",
      "the pb:pacticipant-version and pb:environments relations exist in the index resource",
      "the pb:publish-contracts relations exists in the index resource",
      "'Condor' does not exist in the pact-broker",
      "the 'Pricing Service' does not exist in the pact-broker",
      "no pact between Condor and the Pricing Service exists"})
  void nothing() {}

  @State("an environment with name test and UUID 16926ef3-590f-4e3f-838e-719717aa88c9 exists")
  void environmentWithUuid() {
    fixtures.environment(ENVIRONMENT_UUID, "test");
  }

  @State({"an environment with name test exists", "an environment exists"})
  void environmentTest() {
    fixtures.environment(ENVIRONMENT_UUID, "test");
  }

  @State("the pact for Foo Thing version 1.2.3 has been verified by Bar version 4.5.6")
  void fooThingVerified() {
    fixtures.verify(fixtures.pact("Foo Thing", "1.2.3", "Bar"), "4.5.6", true);
  }

  @State("the pact for Foo version 1.2.3 has been verified by Bar version 4.5.6")
  void fooVerified() {
    fixtures.verify(fixtures.pact("Foo", "1.2.3", "Bar"), "4.5.6", true);
  }

  @State("the pact for Foo version 1.2.3 has been successfully verified by Bar version 4.5.6 with tag prod, and 1.2.4 unsuccessfully by 9.9.9")
  void fooVerifiedTaggedAndFailed() {
    fixtures.verify(fixtures.pact("Foo", "1.2.3", "Bar"), "4.5.6", true, "prod");
    fixtures.verify(fixtures.pact("Foo", "1.2.4", "Bar"), "9.9.9", false);
  }

  @State("the pact for Foo version 1.2.3 has been successfully verified by Bar version 4.5.6 (tagged prod) and version 5.6.7")
  void fooVerifiedByProdAndLater() {
    Publication pact = fixtures.pact("Foo", "1.2.3", "Bar");
    fixtures.verify(pact, "4.5.6", true, "prod");
    fixtures.verify(pact, "5.6.7", true);
  }

  @State("the pact for Foo version 1.2.3 has been successfully verified by Bar version 4.5.6, and 1.2.4 unsuccessfully by 9.9.9")
  void fooVerifiedAndFailed() {
    fixtures.verify(fixtures.pact("Foo", "1.2.3", "Bar"), "4.5.6", true);
    fixtures.verify(fixtures.pact("Foo", "1.2.4", "Bar"), "9.9.9", false);
  }

  @State("the pact for Foo version 1.2.3 and 1.2.4 has been verified by Bar version 4.5.6")
  void twoFooVersionsVerified() {
    fixtures.verify(fixtures.pact("Foo", "1.2.3", "Bar"), "4.5.6", true);
    fixtures.verify(fixtures.pact("Foo", "1.2.4", "Bar"), "4.5.6", true);
  }

  @State("the pact for Foo version 1.2.3 has been verified by Bar version 4.5.6 and version 5.6.7")
  void fooVerifiedByTwo() {
    Publication pact = fixtures.pact("Foo", "1.2.3", "Bar");
    fixtures.verify(pact, "4.5.6", true);
    fixtures.verify(pact, "5.6.7", true);
  }

  @State("provider Bar version 4.5.6 has a successful verification for Foo version 1.2.3 tagged prod and a failed verification for version 3.4.5 tagged prod")
  void barVerifiedOneFailedOne() {
    fixtures.verify(fixtures.pact("Foo", "1.2.3", "Bar", "prod"), "4.5.6", true);
    fixtures.verify(fixtures.pact("Foo", "3.4.5", "Bar", "prod"), "4.5.6", false);
  }

  @State("version 5556b8149bf8bac76bc30f50a8a2dd4c22c85f30 of pacticipant Foo exists with 2 environments that aren't test available for deployment")
  void fooWithTwoEnvironments() {
    fixtures.version("Foo", FOO_VERSION);
    fixtures.environment("aaaaaaaa-0000-4000-8000-000000000001", "prod");
    fixtures.environment("aaaaaaaa-0000-4000-8000-000000000002", "dev");
  }

  @State({"version 5556b8149bf8bac76bc30f50a8a2dd4c22c85f30 of pacticipant Foo exists with a test environment available for deployment",
      "version 5556b8149bf8bac76bc30f50a8a2dd4c22c85f30 of pacticipant Foo exists with a test environment available for release"})
  void fooWithTestEnvironment() {
    fixtures.version("Foo", FOO_VERSION);
    fixtures.environment(TEST_ENVIRONMENT_UUID, "test");
  }

  @State({"a latest pact between Condor and the Pricing Service exists",
      "a pact between Condor and the Pricing Service exists",
      "the 'Pricing Service' and 'Condor' already exist in the pact-broker, and Condor already has a pact published for version 1.3.0"})
  void condorPact() {
    fixtures.emptyPact("Condor", "1.3.0", "Pricing Service");
  }

  @State("tagged as prod pact between Condor and the Pricing Service exists")
  void condorProdPact() {
    fixtures.emptyPact("Condor", "1.3.0", "Pricing Service", "prod");
  }

  @State("a pact between Condor and the Pricing Service exists for the production version of Condor")
  void condorProductionPact() {
    fixtures.emptyPact("Condor", "1.2.3", "Pricing Service", "prod");
    fixtures.emptyPact("Condor", "1.3.0", "Pricing Service");
  }

  @State("the 'Pricing Service' and 'Condor' already exist in the pact-broker")
  void pricingServiceAndCondor() {
    fixtures.pacticipant("Pricing Service", null);
    fixtures.pacticipant("Condor", null);
  }

  @State("the 'Pricing Service' already exists in the pact-broker")
  void pricingService() {
    fixtures.pacticipant("Pricing Service", "git@git.realestate.com.au:business-systems/pricing-service");
    fixtures.version("Pricing Service", "1.3.0");
  }

  @State({"'Condor' exists in the pact-broker"})
  void condor() {
    fixtures.version("Condor", "1.3.0");
  }

  @State("'Condor' exists in the pact-broker with version 1.3.0, tagged with 'prod'")
  void condorTagged() {
    fixtures.version("Condor", "1.3.0", "prod");
  }

  @State("'Condor' exists in the pact-broker with the latest tagged 'production' version 1.2.3")
  void condorProduction() {
    fixtures.version("Condor", "1.2.3", "production");
    fixtures.version("Condor", "2.0.0");
  }

  @State("'Condor' exists in the pact-broker with the latest version 1.2.3")
  void condorLatest() {
    fixtures.version("Condor", "1.0.0");
    fixtures.version("Condor", "1.2.3");
  }

  @State("a branch named main exists for pacticipant Foo")
  void fooMainBranch() {
    fixtures.branch("Foo", "1", "main");
  }

  @State("a pacticipant with name Foo exists")
  void foo() {
    fixtures.pacticipant("Foo", null);
  }

  @State("an version is deployed to environment with UUID 16926ef3-590f-4e3f-838e-719717aa88c9 with target customer-1")
  void deployedWithTarget() {
    Environment environment = fixtures.environment(ENVIRONMENT_UUID, "test");
    fixtures.deploy("Foo", "1", environment, "customer-1");
  }

  @State("a currently deployed version exists")
  void currentlyDeployed() {
    Environment environment = fixtures.environment(ENVIRONMENT_UUID, "test");
    String uuid = fixtures.deploy("Foo", "2", environment, "customer-1");
    fixtures.renameDeployment(uuid, "ff3adecf-cfc5-4653-a4e3-f1861092f8e0");
  }

  @State("a webhook with the uuid 696c5f93-1b7f-44bc-8d03-59440fcaa9a0 exists")
  void webhook() {
    fixtures.webhook("696c5f93-1b7f-44bc-8d03-59440fcaa9a0", "Condor", "Pricing Service");
  }
}

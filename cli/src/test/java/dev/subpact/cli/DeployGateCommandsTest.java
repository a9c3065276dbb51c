package dev.subpact.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.subpact.reference.Build;
import dev.subpact.reference.ReferenceBackend;
import dev.subpact.broker.BrokerConfig;
import dev.subpact.broker.PactBroker;
import dev.subpact.broker.RunningBroker;
import dev.subpact.broker.client.BrokerAuth;
import dev.subpact.broker.client.BrokerClient;
import dev.subpact.broker.client.Contract;
import dev.subpact.broker.client.PactForVerification;
import dev.subpact.broker.client.PublishRequest;
import au.com.dius.pact.core.model.Consumer;
import au.com.dius.pact.core.model.ContentType;
import au.com.dius.pact.core.model.DefaultPactWriter;
import au.com.dius.pact.core.model.OptionalBody;
import au.com.dius.pact.core.model.PactSpecVersion;
import au.com.dius.pact.core.model.Provider;
import au.com.dius.pact.core.model.ProviderState;
import au.com.dius.pact.core.model.Request;
import au.com.dius.pact.core.model.RequestResponseInteraction;
import au.com.dius.pact.core.model.RequestResponsePact;
import au.com.dius.pact.core.model.Response;
import au.com.dius.pact.core.model.generators.Generators;
import au.com.dius.pact.core.model.matchingrules.MatchingRulesImpl;
import au.com.dius.pact.core.model.messaging.Message;
import au.com.dius.pact.core.model.messaging.MessagePact;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import dev.subpact.graphql.pact.GraphqlPacts;
import dev.subpact.incident.Incident;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** pacts, can-i-deploy and record-deployment against subpact's own broker (real HTTP on port 0). */
class DeployGateCommandsTest {

  @TempDir Path dir;
  private RunningBroker broker;
  private StringWriter out;

  @BeforeEach
  void start() throws Exception {
    broker = PactBroker.start(BrokerConfig.local(0, "sqlite:" + dir.resolve("broker.db")));
    Path pacts = Files.createDirectories(dir.resolve("karen"));
    GraphqlPacts.writeTo(pacts, Incident.crashedContracts().get(4));
    assertThat(run("publish", "--pacts", pacts.toString(), "--consumer-version", "20045", "--branch", "main")).isZero();
  }

  @AfterEach
  void stop() {
    broker.close();
  }

  private int run(String... args) {
    out = new StringWriter();
    return CliRun.execute(out, CliRun.againstBroker(broker.url(), args));
  }

  @Test
  void fetchesThePactsTheProviderMustVerifyWithTheirConsumerVersion() throws Exception {
    Path fetched = dir.resolve("fetched");

    // default selectors: mainBranch (main is detected as karen's main branch, as the official broker does) + deployedOrReleased
    assertThat(run("pacts", "--provider", Incident.PROVIDER, "--out", fetched.toString())).isZero();

    List<Path> files = Files.list(fetched).sorted().toList();
    assertThat(files).hasSize(1);
    assertThat(GraphqlPacts.read(files.get(0)).consumer()).isEqualTo("karen");
    assertThat(GraphqlPacts.read(files.get(0)).consumerVersion()).isEqualTo("20045");
    assertThat(Files.readString(files.get(0))).contains("pb:publish-verification-results");
  }

  @Test
  void canIDeploySaysNoUntilTheBackendVerifiedTheDeployedBotsAndYesAfter() {
    BrokerClient client = BrokerClient.of(URI.create(broker.url()), BrokerAuth.none());
    client.environment("staging", false);
    assertThat(run("record-deployment", "--pacticipant", "karen", "--version", "20045", "--environment", "staging")).isZero();
    assertThat(out.toString()).contains("Recorded karen 20045 as deployed to staging.");

    assertThat(run("can-i-deploy", "--pacticipant", Incident.PROVIDER, "--version", "abc", "--to-environment", "staging")).isEqualTo(1);

    PactForVerification pact = client.pactsForVerification(Incident.PROVIDER, List.of(), null, false).get(0);
    client.publishVerificationResult(pact.verificationResultsUrl(), true, "abc", "main", null);
    assertThat(run("can-i-deploy", "--pacticipant", Incident.PROVIDER, "--version", "abc", "--to-environment", "staging")).isZero();
    assertThat(out.toString()).contains("karen 20045 → flexus-backend abc: verified").contains(": yes");

    client.publishVerificationResult(pact.verificationResultsUrl(), false, "def", "main", null);
    assertThat(run("can-i-deploy", "--pacticipant", Incident.PROVIDER, "--version", "def", "--to-environment", "staging")).isEqualTo(1);
    assertThat(out.toString()).contains("karen 20045 → flexus-backend def: failed").contains(": no");
  }

  @Test
  void verifyPublishesOneResultPerFetchedPactAndCanIDeployFollowsIt() {
    BrokerClient client = BrokerClient.of(URI.create(broker.url()), BrokerAuth.none());
    client.environment("staging", false);
    assertThat(run("record-deployment", "--pacticipant", "karen", "--version", "20045", "--environment", "staging")).isZero();
    Path fetched = dir.resolve("fetched");
    assertThat(run("pacts", "--provider", Incident.PROVIDER, "--selector", "deployedOrReleased", "--out", fetched.toString())).isZero();

    for (String build : List.of("renamed", "aliased")) {
      try (ReferenceBackend backend = ReferenceBackend.start(Build.named(build), 0)) {
        int exit = run("verify", "--backend", backend.websocketUrl().toString(), "--state-url", backend.stateUrl().toString(),
            "--pacts", fetched.toString(), "--publish-results", "--provider-version", build, "--provider-branch", "main");
        assertThat(exit).as(out.toString()).isEqualTo(build.equals("renamed") ? 1 : 0);
        assertThat(out.toString()).contains("published: karen 20045 " + (build.equals("renamed") ? "failed" : "verified") + " by " + build);
      }
    }

    assertThat(run("can-i-deploy", "--pacticipant", Incident.PROVIDER, "--version", "renamed", "--to-environment", "staging")).isEqualTo(1);
    assertThat(run("can-i-deploy", "--pacticipant", Incident.PROVIDER, "--version", "aliased", "--to-environment", "staging")).isZero();
  }

  /**
   * A provider's whole pact set in one run: karen's GraphQL pact, a REST consumer's pact written by
   * Pact JVM's writer (verified by Pact JVM's HTTP verifier against a Node {@code http} REST provider,
   * provider-verification/src/test/node/rest-server.js, which forwards GraphQL and its states to the
   * reference backend), and a message consumer's pact, which nothing here can verify.
   */
  @Test
  void aRestConsumerIsVerifiedByPactJvmAndPublishedBesideTheBotsAndAMessageOneNeverAsVerified() throws Exception {
    BrokerClient client = BrokerClient.of(URI.create(broker.url()), BrokerAuth.none());
    Path shop = dir.resolve("shop-flexus-backend.json");
    Response user = new Response(200, Map.of("Content-Type", List.of("application/json")),
        OptionalBody.body("{\"id\":1,\"name\":\"Ada\"}".getBytes(StandardCharsets.UTF_8), ContentType.Companion.getJSON()),
        new MatchingRulesImpl(), new Generators());
    DefaultPactWriter.INSTANCE.writePact(shop.toFile(), new RequestResponsePact(new Provider(Incident.PROVIDER), new Consumer("shop"),
        List.of(new RequestResponseInteraction("get user 1", List.of(new ProviderState("user 1 exists")),
            new Request("GET", "/users/1", Map.of(), Map.of(), OptionalBody.missing(), new MatchingRulesImpl(), new Generators()), user, null))),
        PactSpecVersion.V3);
    Path mailer = dir.resolve("mailer-flexus-backend.json");
    DefaultPactWriter.INSTANCE.writePact(mailer.toFile(), new MessagePact(new Provider(Incident.PROVIDER), new Consumer("mailer"),
        List.of(new Message("a user was created", List.of(), OptionalBody.missing(), new MatchingRulesImpl(), new Generators(),
            new LinkedHashMap<>(), null))), PactSpecVersion.V3);
    for (Path pact : List.of(shop, mailer)) {
      client.publish(new PublishRequest("1.0.0", "main", List.of(), null, List.of(Contract.read(pact)), false));
    }
    Path fetched = dir.resolve("fetched");
    assertThat(run("pacts", "--provider", Incident.PROVIDER, "--out", fetched.toString())).isZero();

    try (ReferenceBackend backend = ReferenceBackend.start(Build.named("aliased"), 0)) {
      Process rest = new ProcessBuilder("node", "rest-server.js", "http://127.0.0.1:" + backend.port(), backend.stateUrl().toString())
          .directory(Path.of("../provider-verification/src/test/node").toFile()).redirectErrorStream(true).start();
      try {
        String line = new java.io.BufferedReader(new java.io.InputStreamReader(rest.getInputStream(), StandardCharsets.UTF_8)).readLine();
        assertThat(line).as("rest-server.js prints its port").startsWith("PORT ");
        String origin = "http://127.0.0.1:" + line.substring(5).trim();
        int exit = run("verify", "--backend", backend.websocketUrl().toString(), "--http", origin + "/v1/graphql",
            "--state-url", origin + "/_pact/state", "--pacts", fetched.toString(),
            "--publish-results", "--provider-version", "aliased", "--provider-branch", "main");

        assertThat(exit).as(out.toString()).isEqualTo(1);
      } finally {
        rest.destroy();
        rest.waitFor();
      }
    }
    assertThat(out.toString())
        .contains("ok    get user 1  outcome: verified")
        .contains("FAIL  a user was created  outcome: not-verified")
        .contains("published: karen 20045 verified by aliased")
        .contains("published: shop 1.0.0 verified by aliased")
        .contains("published: mailer 1.0.0 failed by aliased");
  }

  /**
   * A consumer whose pact holds a document over the parse limits (issue 14; karen's pact renamed, so it
   * keeps karen's consumer version): verify replays the other pacts, publishes them verified and that
   * one failed, instead of ending the run with exit 2.
   */
  @Test
  void aPactWithADocumentOverTheParseLimitsIsPublishedFailedBesideTheOthers() throws Exception {
    BrokerClient client = BrokerClient.of(URI.create(broker.url()), BrokerAuth.none());
    String karen = GraphqlPacts.write(Incident.crashedContracts().get(4));
    String deep = "subscription Deep " + "{ f ".repeat(2_000) + "}".repeat(2_000);
    Path mallory = Files.writeString(dir.resolve("mallory-flexus-backend.json"), karen.replace("\"name\" : \"karen\"", "\"name\" : \"mallory\"")
        .replaceFirst("\"query\" : \"[^\"]*\"", "\"query\" : \"" + deep + "\""), StandardCharsets.UTF_8);
    client.publish(new PublishRequest("1.0.0", "main", List.of(), null, List.of(Contract.read(mallory)), false));
    Path fetched = dir.resolve("fetched");
    assertThat(run("pacts", "--provider", Incident.PROVIDER, "--out", fetched.toString())).isZero();

    try (ReferenceBackend backend = ReferenceBackend.start(Build.named("aliased"), 0)) {
      int exit = run("verify", "--backend", backend.websocketUrl().toString(), "--state-url", backend.stateUrl().toString(),
          "--pacts", fetched.toString(), "--publish-results", "--provider-version", "aliased", "--provider-branch", "main");
      assertThat(exit).as(out.toString()).isEqualTo(1);
    }
    assertThat(out.toString())
        .contains("DOCUMENT_OVER_LIMIT").contains("nests brackets deeper than 100 levels")
        .contains("published: karen 20045 verified by aliased")
        .contains("published: mallory 20045 failed by aliased")
        .doesNotContain("\tat ");
  }

  @Test
  void publishingResultsOfPactsThatDidNotComeFromABrokerSaysHowToFetchThem() {
    try (ReferenceBackend backend = ReferenceBackend.start(Build.named("aliased"), 0)) {
      Path local = dir.resolve("karen");
      assertThat(run("verify", "--backend", backend.websocketUrl().toString(), "--state-url", backend.stateUrl().toString(),
          "--pacts", local.toString(), "--publish-results", "--provider-version", "x")).isEqualTo(2);
      assertThat(out.toString()).contains("has no pb:publish-verification-results link: fetch flexus-backend's pacts from the broker (they carry"
          + " the link) to publish results. (`subpact pacts --provider P --out DIR` fetches them)");
    }
  }

  @Test
  void aBotWhoseContractTheDeployedBackendNeverVerifiedMayNotDeploy() {
    BrokerClient client = BrokerClient.of(URI.create(broker.url()), BrokerAuth.none());
    client.environment("staging", false);
    client.recordBranch(Incident.PROVIDER, "abc", "main");
    assertThat(run("record-deployment", "--pacticipant", Incident.PROVIDER, "--version", "abc", "--environment", "staging")).isZero();

    assertThat(run("can-i-deploy", "--pacticipant", "karen", "--version", "20045", "--to-environment", "staging")).isEqualTo(1);
    assertThat(out.toString()).contains("karen 20045 → flexus-backend abc: unverified");
  }

  @Test
  void recordingADeploymentToAnUnknownEnvironmentSaysHowToCreateIt() {
    assertThat(run("record-deployment", "--pacticipant", "karen", "--version", "20045", "--environment", "prod")).isEqualTo(2);
    assertThat(out.toString()).contains("has no environment named prod. Create it first");
  }
}

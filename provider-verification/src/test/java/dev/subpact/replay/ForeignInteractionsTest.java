package dev.subpact.replay;

import static org.assertj.core.api.Assertions.assertThat;

import au.com.dius.pact.consumer.ConsumerPactBuilder;
import au.com.dius.pact.consumer.MessagePactBuilder;
import au.com.dius.pact.consumer.dsl.PactDslJsonBody;
import au.com.dius.pact.core.model.DefaultPactWriter;
import au.com.dius.pact.core.model.PactSpecVersion;
import au.com.dius.pact.core.model.RequestResponsePact;
import au.com.dius.pact.core.model.V4Pact;
import dev.subpact.reference.Build;
import dev.subpact.reference.ReferenceBackend;
import dev.subpact.graphql.check.FindingKind;
import dev.subpact.graphql.pact.GraphqlPact;
import dev.subpact.graphql.pact.GraphqlPacts;
import dev.subpact.graphql.report.InteractionReport;
import dev.subpact.graphql.report.Report;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One run over a provider's whole pact set: the incident's GraphQL subscriptions replayed against
 * the reference backend, beside a REST consumer's pact written by Pact JVM's consumer DSL and
 * verified by Pact JVM's own HTTP provider verifier against a REST provider written with Node's
 * {@code http} module (src/test/node/rest-server.js, which also forwards the GraphQL HTTP
 * endpoint and the GraphQL states to the reference backend: one origin, one state URL), and a
 * message consumer's pact, which nothing here can verify.
 */
class ForeignInteractionsTest {

  @TempDir Path dir;

  /** The REST consumer's pact, written by Pact JVM's consumer DSL: one interaction the provider honours, one it does not. */
  private GraphqlPact shop() {
    RequestResponsePact pact = ConsumerPactBuilder.consumer("shop").hasPactWith("flexus-backend")
        .given("user 1 exists").uponReceiving("get user 1")
        .path("/users/1").method("GET")
        .willRespondWith().status(200).body(new PactDslJsonBody().integerType("id", 1).stringType("name", "Ada"))
        .given("user 1 exists").uponReceiving("get user 1 with an email")
        .path("/users/1").method("GET")
        .willRespondWith().status(200).body(new PactDslJsonBody().integerType("id", 1).stringType("email", "ada@example.com"))
        .toPact();
    Path file = dir.resolve("shop-flexus-backend.json");
    DefaultPactWriter.INSTANCE.writePact(file.toFile(), pact, PactSpecVersion.V3);
    return GraphqlPacts.read(file);
  }

  /** A message consumer's pact, written by Pact JVM's message DSL (V4 Asynchronous/Messages). */
  private GraphqlPact mailer() {
    V4Pact pact = new MessagePactBuilder(PactSpecVersion.V4).consumer("mailer").hasPactWith("flexus-backend")
        .expectsToReceive("a user was created").withContent(new PactDslJsonBody().integerType("id", 1))
        .toPact(V4Pact.class);
    Path file = dir.resolve("mailer-flexus-backend.json");
    DefaultPactWriter.INSTANCE.writePact(file.toFile(), pact, PactSpecVersion.V4);
    return GraphqlPacts.read(file);
  }

  @Test
  void restInteractionsAreVerifiedByPactJvmBesideTheGraphqlReplay() throws Exception {
    List<GraphqlPact> pacts = new ArrayList<>(IncidentPacts.crashed().stream().filter(p -> p.consumer().equals("karen")).toList());
    pacts.add(shop());
    pacts.add(mailer());
    Report report;
    try (ReferenceBackend backend = ReferenceBackend.start(Build.named("before-rename"), 0);
        NodeServer rest = NodeServer.start("rest-server.js", "http://127.0.0.1:" + backend.port(), backend.stateUrl().toString())) {
      report = ReplayEngine.run(ReplayConfig.builder(backend.websocketUrl())
          .httpUrl(URI.create(rest.origin() + ReferenceBackend.GRAPHQL_PATH))
          .stateUrl(URI.create(rest.origin() + "/_pact/state"))
          .timeout(Duration.ofSeconds(10))
          .build(), pacts);
    }

    assertThat(report.results()).extracting(r -> r.consumer() + ": " + r.interaction() + " -> " + r.outcome())
        .containsExactly(
            "karen: DeleteEmessages mutation -> accepted",
            "karen: KarenThreads subscription -> accepted",
            "mailer: a user was created -> not-verified",
            "shop: get user 1 -> verified",
            "shop: get user 1 with an email -> http-mismatch");
    InteractionReport verified = result(report, "get user 1");
    assertThat(verified.ok()).isTrue();
    InteractionReport mismatch = result(report, "get user 1 with an email");
    assertThat(mismatch.ok()).isFalse();
    assertThat(mismatch.errors()).singleElement().satisfies(f -> {
      assertThat(f.kind()).isEqualTo(FindingKind.HTTP_MISMATCH);
      assertThat(f.path()).as("Pact JVM names the object missing the key").isEqualTo("$");
      assertThat(f.message()).as("Pact JVM's own mismatch description").isEqualTo("Actual map is missing the following keys: email");
    });
    InteractionReport message = result(report, "a user was created");
    assertThat(message.ok()).as("a message nothing here verifies fails the run").isFalse();
    assertThat(message.errors()).singleElement().satisfies(f -> assertThat(f.message())
        .startsWith("Asynchronous/Messages 'a user was created' is not verified"));
    assertThat(report.ok()).isFalse();
    assertThat(report.passed("karen", "20045")).isTrue();
    assertThat(report.passed("shop", null)).as("published as failed").isFalse();
    assertThat(report.passed("mailer", null)).as("never published as verified").isFalse();
  }

  @Test
  void aRestProviderThatIsNotThereIsReportedUnreachable() throws Exception {
    GraphqlPact shop = shop();
    URI nowhere;
    try (NodeServer rest = NodeServer.start("rest-server.js")) {
      nowhere = rest.origin();
    }
    Report report = ReplayEngine.run(ReplayConfig.builder(URI.create("ws" + nowhere.toString().substring(4) + "/v1/graphql"))
        .httpUrl(URI.create(nowhere + "/v1/graphql")).build(), List.of(shop));

    assertThat(report.results()).allSatisfy(r -> {
      assertThat(r.outcome()).isEqualTo("unreachable");
      assertThat(r.errors()).singleElement().satisfies(f -> assertThat(f.message()).contains(", the backend's HTTP URL?)"));
    });
  }

  @Test
  void aProviderThatHangsIsCutShortByTheTimeout() throws Exception {
    Path file = dir.resolve("hang-flexus-backend.json");
    DefaultPactWriter.INSTANCE.writePact(file.toFile(), ConsumerPactBuilder.consumer("hang").hasPactWith("flexus-backend")
        .uponReceiving("a request that hangs").path("/hang").method("GET").willRespondWith().status(200).toPact(), PactSpecVersion.V3);
    Report report;
    try (NodeServer rest = NodeServer.start("rest-server.js")) {
      report = ReplayEngine.run(ReplayConfig.builder(URI.create("ws://127.0.0.1:" + rest.port() + "/v1/graphql"))
          .timeout(Duration.ofSeconds(2)).build(), List.of(GraphqlPacts.read(file)));
    }
    assertThat(report.results()).singleElement().satisfies(r -> {
      assertThat(r.outcome()).isEqualTo("timed-out");
      assertThat(r.errors()).singleElement().satisfies(f -> assertThat(f.message()).startsWith("HTTP GET /hang did not end within the interaction's timeout of 2000 ms"));
    });
  }

  @Test
  void aStateTheProviderRefusesFailsTheInteraction() throws Exception {
    GraphqlPact shop = shop();
    Report report;
    try (NodeServer rest = NodeServer.start("rest-server.js")) {
      // no upstream: the server answers 400 to states it does not know
      GraphqlPact renamed = new GraphqlPact("shop", "flexus-backend", null, List.of(), shop.foreign().stream()
          .map(i -> new dev.subpact.graphql.pact.ForeignInteraction(i.description(), i.kind(), i.summary(), i.providerStates(),
              i.json().replace("user 1 exists", "user 9 exists"), i.specification()))
          .toList(), false);
      report = ReplayEngine.run(ReplayConfig.builder(URI.create("ws://127.0.0.1:" + rest.port() + "/v1/graphql"))
          .stateUrl(URI.create(rest.origin() + "/_pact/state")).build(), List.of(renamed));
    }
    assertThat(report.results()).isNotEmpty().allSatisfy(r -> {
      assertThat(r.outcome()).isEqualTo("state-change-failed");
      assertThat(r.ok()).isFalse();
    });
  }

  private static InteractionReport result(Report report, String interaction) {
    return report.results().stream().filter(r -> r.interaction().equals(interaction)).findFirst().orElseThrow();
  }
}

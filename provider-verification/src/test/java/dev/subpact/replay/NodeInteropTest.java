package dev.subpact.replay;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.subpact.graphql.check.FindingKind;
import dev.subpact.graphql.operation.Operation;
import dev.subpact.graphql.pact.ExpectedMessage;
import dev.subpact.graphql.pact.GraphqlInteraction;
import dev.subpact.graphql.pact.Transport;
import dev.subpact.graphql.pact.GraphqlPact;
import dev.subpact.graphql.report.InteractionReport;
import dev.subpact.graphql.report.Report;
import dev.subpact.graphql.schema.SchemaLoader;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Interop with GraphQL WebSocket servers nobody here wrote: the graphql-ws library (graphql-transport-ws)
 * and Apollo's subscriptions-transport-ws (wire name graphql-ws), run by Node from src/test/node.
 */
class NodeInteropTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static InteractionReport replay(URI url, dev.subpact.graphql.pact.GraphqlPact pact, String initPayload) throws Exception {
    Report report = ReplayEngine.run(ReplayConfig.builder(url).timeout(Duration.ofSeconds(5))
        .initPayload(JSON.readTree(initPayload)).build(), List.of(pact));
    return report.results().get(0);
  }

  @Test
  void graphql_ws_server_streams_every_expected_message() throws Exception {
    try (NodeServer server = NodeServer.start("graphql-ws-server.js")) {
      InteractionReport ok = replay(server.url(), Pacts.greetings("graphql-transport-ws", "frog", "Hello frog", "Bonjour frog", "Hola frog"), "{\"apiKey\":\"k\"}");
      assertThat(ok.outcome()).as(ok.errors().toString()).isEqualTo("accepted");
      InteractionReport wrong = replay(server.url(), Pacts.greetings("graphql-transport-ws", "frog", "Hello frog", "Hi frog"), "{\"apiKey\":\"k\"}");
      assertThat(wrong.outcome()).isEqualTo("data-mismatch");
      assertThat(wrong.errors()).singleElement().satisfies(f -> assertThat(f.path()).isEqualTo("$.data.greetings"));
    }
  }

  @Test
  void expected_messages_are_found_in_order_among_the_others_unless_the_pact_asks_for_an_exact_sequence() throws Exception {
    try (NodeServer server = NodeServer.start("graphql-ws-server.js")) {
      // graphql-ws streams Hello, Bonjour, Hola: the pact expects only the third
      InteractionReport found = replay(server.url(), Pacts.greetings("graphql-transport-ws", "frog", "Hola frog"), "{\"apiKey\":\"k\"}");
      assertThat(found.outcome()).as(found.errors().toString()).isEqualTo("accepted");
      assertThat(found.warnings()).extracting(f -> f.message()).containsExactly(
          "message 1 is not expected message 1 of 1 and was skipped (the pact does not ask for an exact sequence): {\"data\":{\"greetings\":\"Hello frog\"}}",
          "message 2 is not expected message 1 of 1 and was skipped (the pact does not ask for an exact sequence): {\"data\":{\"greetings\":\"Bonjour frog\"}}");
      InteractionReport exact = replay(server.url(), Pacts.exact(Pacts.greetings("graphql-transport-ws", "frog", "Hola frog")), "{\"apiKey\":\"k\"}");
      assertThat(exact.outcome()).isEqualTo("data-mismatch");
      assertThat(exact.errors()).singleElement().satisfies(f -> assertThat(f.path()).isEqualTo("$.data.greetings"));
      InteractionReport outOfOrder = replay(server.url(), Pacts.greetings("graphql-transport-ws", "frog", "Hola frog", "Hello frog"), "{\"apiKey\":\"k\"}");
      assertThat(outOfOrder.outcome()).as("found in order, not in any order").isEqualTo("completed-early");
      assertThat(outOfOrder.errors().get(0).message()).contains("after 1 of 2 expected message(s)");
    }
  }

  @Test
  void graphql_ws_server_rejections_and_refused_auth() throws Exception {
    try (NodeServer server = NodeServer.start("graphql-ws-server.js")) {
      InteractionReport rejected = replay(server.url(), Pacts.unknownField("graphql-transport-ws"), "{\"apiKey\":\"k\"}");
      assertThat(rejected.outcome()).isEqualTo("rejected");
      assertThat(rejected.errors().get(0).message()).isEqualTo("Cannot query field \"farewells\" on type \"Subscription\".");
      InteractionReport forbidden = replay(server.url(), Pacts.greetings("graphql-transport-ws", "frog", "Hello frog"), "{\"apiKey\":\"wrong\"}");
      assertThat(forbidden.outcome()).isEqualTo("closed");
      assertThat(forbidden.errors().get(0).message()).contains("4403").contains("forbidden");
    }
  }

  @Test
  void graphql_ws_server_rejecting_a_subscription_is_rejected_never_a_failed_trigger() throws Exception {
    try (NodeServer node = NodeServer.start("graphql-ws-server.js"); FaultyServer states = new FaultyServer(FaultyServer.Fault.SILENCE)) {
      GraphqlPact farewells = Pacts.triggered(Pacts.unknownField("graphql-transport-ws"),
          ExpectedMessage.exactly(JSON.readTree("{\"data\":{\"farewells\":\"Bye\"}}")));
      Report report = ReplayEngine.run(ReplayConfig.builder(node.url()).stateUrl(states.stateUrl()).timeout(Duration.ofSeconds(5))
          .initPayload(JSON.readTree("{\"apiKey\":\"k\"}")).build(), List.of(farewells));
      InteractionReport result = report.results().get(0);
      assertThat(result.outcome()).as(result.errors().toString()).isEqualTo("rejected");
      assertThat(result.errors().get(0).message()).isEqualTo("Cannot query field \"farewells\" on type \"Subscription\".");
      // whether graphql-ws's error came within the live window (no trigger) or after it (a trigger refused 409), the verdict is the rejection
      assertThat(states.stateChanges).anySatisfy(body -> assertThat(body).contains("\"action\":\"setup\""));
    }
  }

  @Test
  void a_backend_that_validates_slower_than_the_settle_window_is_never_taken_as_accepting() throws Exception {
    // graphql-js behind graphql-ws, validating 1 s after each subscribe: silence for the 250 ms settle window used to be "accepted"
    try (NodeServer server = NodeServer.start("graphql-ws-server.js", Map.of("VALIDATION_DELAY_MS", "1000"))) {
      ReplayConfig.Builder config = ReplayConfig.builder(server.url()).timeout(Duration.ofSeconds(5)).initPayload(JSON.readTree("{\"apiKey\":\"k\"}"));
      InteractionReport unknown = ReplayEngine.run(config.build(), List.of(Pacts.unknownField("graphql-transport-ws"))).results().get(0);
      assertThat(unknown.outcome()).as(unknown.errors().toString()).isEqualTo("unconfirmed");
      assertThat(unknown.errors().get(0).message()).contains("silence alone is not evidence").contains("Cannot introspect").contains("Give the build's exported schema");

      config.schema(SchemaLoader.fromSdl(INTEROP_SDL, "schema.js"));
      InteractionReport invalid = ReplayEngine.run(config.build(), List.of(Pacts.unknownField("graphql-transport-ws"))).results().get(0);
      assertThat(invalid.outcome()).as("the schema says invalid, so the backend's late answer is awaited: it rejects").isEqualTo("rejected");
      assertThat(invalid.errors()).singleElement().satisfies(f -> assertThat(f.message())
          .isEqualTo("Cannot query field 'farewells' on type 'Subscription'."));
      InteractionReport valid = ReplayEngine.run(config.build(), List.of(Pacts.greetings("graphql-transport-ws", "frog"))).results().get(0);
      assertThat(valid.outcome()).as("validates against the build's schema, and no error came: positive evidence").isEqualTo("accepted");
    }
  }

  @Test
  void graphql_js_errors_are_read_by_kind_and_each_counted_once_with_the_static_list_over_both_subprotocols() throws Exception {
    for (String[] server : new String[][] {{"graphql-ws-server.js", "graphql-transport-ws"}, {"subscriptions-transport-ws-server.js", "graphql-ws"}}) {
      try (NodeServer node = NodeServer.start(server[0])) {
        GraphqlPact wrongArgument = new GraphqlPact("greeter", "interop", "1", List.of(new GraphqlInteraction("greetings", List.of(),
            Operation.of("subscription Greetings($name: String!) { greetings(nom: $name) }", "Greetings", Map.of("name", "frog")),
            new Transport.WebSocket("/v1/graphql", List.of(server[1])), List.of())));
        Report report = ReplayEngine.run(ReplayConfig.builder(node.url()).timeout(Duration.ofSeconds(5))
            .initPayload(JSON.readTree("{\"apiKey\":\"k\"}")).schema(SchemaLoader.fromSdl(INTEROP_SDL, "schema.js")).build(), List.of(wrongArgument));
        InteractionReport result = report.results().get(0);
        assertThat(result.outcome()).as(server[0]).isEqualTo("rejected");
        assertThat(result.errors()).as(server[0] + ": " + result.errors()).extracting(f -> f.kind())
            .containsExactlyInAnyOrder(FindingKind.UNKNOWN_ARGUMENT, FindingKind.MISSING_REQUIRED_ARGUMENT);
        assertThat(result.errors()).filteredOn(f -> f.kind() == FindingKind.UNKNOWN_ARGUMENT).singleElement()
            .satisfies(f -> assertThat(f.suggestion()).isEqualTo("name"));
      }
    }
  }

  @Test
  void request_headers_reach_http_introspection_and_the_websocket_upgrade_over_http_1_1() throws Exception {
    try (NodeServer node = NodeServer.start("graphql-http-ws-server.js")) {
      GraphqlPact hello = new GraphqlPact("greeter", "interop", "1", List.of(new GraphqlInteraction("hello", List.of(),
          Operation.of("query Hello { hello }", "Hello", Map.of()), new Transport.Http("/v1/graphql"),
          List.of(ExpectedMessage.exactly(JSON.readTree("{\"data\":{\"hello\":\"world\"}}"))))));
      List<GraphqlPact> pacts = List.of(hello, Pacts.greetings("graphql-transport-ws", "frog", "Hello frog"), Pacts.unknownField("graphql-transport-ws"));

      Report without = ReplayEngine.run(ReplayConfig.builder(node.url()).timeout(Duration.ofSeconds(5)).build(), pacts);
      assertThat(without.results()).extracting(InteractionReport::outcome).containsExactly("unreachable", "unreachable", "rejected");
      assertThat(without.schemaFindings()).singleElement().satisfies(f -> assertThat(f.message()).contains("HTTP 401"));

      Report with = ReplayEngine.run(ReplayConfig.builder(node.url()).timeout(Duration.ofSeconds(5)).header("Authorization", "Bearer t").build(), pacts);
      assertThat(with.results()).extracting(InteractionReport::outcome).as(with.results().toString())
          .containsExactly("rejected", "accepted", "accepted"); // farewells, greetings, hello
      assertThat(with.schemaFindings()).as("introspected over HTTP/1.1 with the header").isEmpty();
      // the rejected subscription carries the static finding from the introspected schema (graphql-core wording, with its coordinate)
      assertThat(with.results().get(0).errors()).singleElement().satisfies(f -> assertThat(f.coordinate()).isNotNull());
    }
  }

  /** schema.js as SDL, as a backend team exports it. */
  private static final String INTEROP_SDL = "type Query { hello: String! }\ntype Subscription { greetings(name: String!): String! }\n";

  @Test
  void subscriptions_transport_ws_server_streams_and_rejects() throws Exception {
    try (NodeServer server = NodeServer.start("subscriptions-transport-ws-server.js")) {
      InteractionReport ok = replay(server.url(), Pacts.greetings("graphql-ws", "frog", "Hello frog", "Bonjour frog", "Hola frog"), "{}");
      assertThat(ok.outcome()).as(ok.errors().toString()).isEqualTo("accepted");
      InteractionReport rejected = replay(server.url(), Pacts.unknownField("graphql-ws"), "{}");
      assertThat(rejected.outcome()).isEqualTo("rejected");
      assertThat(rejected.errors().get(0).message()).isEqualTo("Cannot query field \"farewells\" on type \"Subscription\".");
    }
  }
}

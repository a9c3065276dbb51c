package dev.subpact.replay;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.subpact.graphql.report.InteractionReport;
import dev.subpact.graphql.report.Report;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Interop with GraphQL WebSocket servers nobody here wrote: the graphql-ws library (graphql-transport-ws)
 * and Apollo's subscriptions-transport-ws (legacy graphql-ws), run by Node from src/test/node.
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

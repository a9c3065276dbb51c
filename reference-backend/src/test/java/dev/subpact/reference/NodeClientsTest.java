package dev.subpact.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Clients nobody here wrote against the reference backend: graphql-ws's {@code createClient}
 * (graphql-transport-ws) and Apollo's {@code SubscriptionClient} (subscriptions-transport-ws, wire name graphql-ws), from
 * src/test/node, receive the event a provider-state trigger publishes, and the renamed build's refusal.
 */
class NodeClientsTest {

  private static final Path NODE_DIR = Path.of("../provider-verification/src/test/node");
  private static final Path NODE_MODULES = Path.of("../node_modules");
  private static final String ALIASED_QUERY =
      "subscription { bot_threads_calls_tasks(marketable_name: \"frog\", marketable_version: 1, inprocess_tool_names: [],"
          + " want_emsg_types: [\"TELEGRAM\"]) { news_action news_about news_payload_emessage { emsg_id emessage_type } } }";
  private static final String RENAMED_QUERY = ALIASED_QUERY.replace("want_emsg_types", "want_emessage_types");

  private static String client(String protocol, ReferenceBackend backend, String query) throws IOException, InterruptedException {
    if (!Files.isDirectory(NODE_MODULES.resolve("graphql-ws"))) {
      throw new AssertionError("Node packages are missing in " + NODE_MODULES.toAbsolutePath().normalize() + ": run test-peers/install.sh (`./mvnw verify` runs it) or `npm ci` in the repository root.");
    }
    Process node = new ProcessBuilder("node", "client.js", protocol, backend.websocketUrl().toString(),
        backend.stateUrl().toString(), query).directory(NODE_DIR.toFile()).redirectErrorStream(true).start();
    if (!node.waitFor(30, TimeUnit.SECONDS)) {
      node.destroyForcibly();
      throw new AssertionError("node client.js did not end within 30 s");
    }
    return new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
  }

  @ParameterizedTest
  @ValueSource(strings = {"graphql-transport-ws", "graphql-ws"})
  void a_foreign_client_receives_the_triggered_event(String protocol) throws Exception {
    try (ReferenceBackend backend = ReferenceBackend.start(Build.named("aliased"), 0)) {
      assertThat(client(protocol, backend, ALIASED_QUERY)).isEqualTo(
          "NEXT {\"data\":{\"bot_threads_calls_tasks\":{\"news_action\":\"EMESSAGE\",\"news_about\":\"flexus_persona_external_message\","
              + "\"news_payload_emessage\":{\"emsg_id\":\"emsg_node_1\",\"emessage_type\":\"TELEGRAM\"}}}}");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"graphql-transport-ws", "graphql-ws"})
  void a_foreign_client_hears_the_renamed_builds_refusal(String protocol) throws Exception {
    try (ReferenceBackend backend = ReferenceBackend.start(Build.named("renamed"), 0)) {
      // graphql-java's own validation error (the legacy protocol carries only the first)
      assertThat(client(protocol, backend, RENAMED_QUERY))
          .startsWith("ERROR ")
          .contains("Validation error (MissingFieldArgument@[bot_threads_calls_tasks]) : Missing field argument 'want_emsg_types'");
    }
  }
}

package dev.subpact.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.subpact.capture.CaptureListener;
import dev.subpact.capture.CaptureServer;
import dev.subpact.capture.CaptureSettings;
import dev.subpact.graphql.pact.GraphqlInteraction;
import dev.subpact.graphql.pact.GraphqlPact;
import dev.subpact.graphql.pact.Transport;
import dev.subpact.graphql.report.InteractionReport;
import dev.subpact.graphql.schema.SchemaLoader;
import dev.subpact.replay.ReplayConfig;
import dev.subpact.replay.ReplayEngine;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A second domain, unrelated to the incident: a chat backend served by graphql-js with graphql-ws,
 * subscriptions-transport-ws and HTTP on one port at {@code /graphql}
 * ({@code consumer-contracts/src/test/node/chat-server.mjs}), in schema versions under
 * {@code chat/}; its clients are real Node clients. Nothing on the wire is subpact's but the capture
 * and the replay under test.
 */
class ChatContractsTest {

  private static final Path NODE = LauncherTest.ROOT.resolve("consumer-contracts/src/test/node");

  @Test
  void aTypeChangeUnderANullableFieldBreaksTheCapturedContract() throws Exception {
    GraphqlPact pact = captureOverHttp("RoomTimes.json");
    GraphqlInteraction roomTimes = pact.interactions().get(0);
    assertThat(roomTimes.transport()).isEqualTo(new Transport.Http("/graphql"));
    // room is nullable, yet the contract covers the field the client reads under it, with its type.
    assertThat(roomTimes.expected().get(0).content().toString()).isEqualTo("{\"data\":{\"room\":{\"messages\":[{\"sentAt\":1}]}}}");

    InteractionReport same = verify(pact, "v1.graphql");
    InteractionReport sentAtIsAString = verify(pact, "v2-sentAt-string.graphql");

    assertThat(same.errors()).as(same.outcome()).isEmpty();
    assertThat(sentAtIsAString.ok()).isFalse();
    assertThat(sentAtIsAString.errors()).anySatisfy(f -> {
      assertThat(f.path()).contains("sentAt");
      assertThat(f.message()).contains("Expected 'text' (String) to be the same type as 1 (Integer)");
    });
  }

  @Test
  void withoutASchemaACapturedSubscriptionStillNeedsItsEventAndSilenceIsNotAccepted() throws Exception {
    GraphqlPact pact;
    try (CaptureServer capture = CaptureServer.start("127.0.0.1", 0,
        CaptureSettings.of("chat-web", "1.0.0").withProvider("chat-backend"), CaptureListener.NONE)) {
      Process client = new ProcessBuilder("node", NODE.resolve("graphql-ws-client.mjs").toString(),
          capture.webSocketUrl().resolve("/graphql").toString(), NODE.resolve("chat/MessageAdded.json").toString(), "key")
          .redirectErrorStream(true).start();
      String output = new String(client.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(client.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(output).as("the graphql-ws client got an event shaped like its selection")
          .startsWith("{\"next\":{\"data\":{\"messageAdded\":{\"id\":\"id\",\"text\":\"text\",\"sentAt\":\"sentAt\",\"author\":{\"name\":\"name\"}}}}}");
      pact = capture.pact();
    }
    GraphqlInteraction messageAdded = pact.interactions().get(0);
    assertThat(messageAdded.transport()).isEqualTo(new Transport.WebSocket("/graphql", List.of("graphql-transport-ws")));
    assertThat(messageAdded.expected()).singleElement()
        .satisfies(m -> assertThat(m.content().toString()).isEqualTo("{\"data\":{\"messageAdded\":\"messageAdded\"}}"));

    InteractionReport published = verify(pact, "v1.graphql", true);
    InteractionReport silent = verify(pact, "v1.graphql", false);

    assertThat(published.errors()).as(published.outcome()).isEmpty();
    assertThat(published.outcome()).isEqualTo("accepted");
    assertThat(silent.ok()).as("no event (no state URL to ask for one): %s", silent.outcome()).isFalse();
  }

  private static GraphqlPact captureOverHttp(String operation) throws Exception {
    CaptureSettings settings = CaptureSettings.of("chat-web", "1.0.0").withProvider("chat-backend")
        .withSchema(SchemaLoader.fromFile(NODE.resolve("chat/v1.graphql")));
    try (CaptureServer capture = CaptureServer.start("127.0.0.1", 0, settings, CaptureListener.NONE)) {
      Process client = new ProcessBuilder("node", NODE.resolve("http-client.mjs").toString(),
          capture.httpUrl().resolve("/graphql").toString(), NODE.resolve("chat/" + operation).toString())
          .redirectErrorStream(true).start();
      String output = new String(client.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(client.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(output).as("the Node client's output").startsWith("{\"status\":200,");
      return capture.pact();
    }
  }

  private static InteractionReport verify(GraphqlPact pact, String schema) throws Exception {
    return verify(pact, schema, true);
  }

  /** The pact's one interaction replayed against the chat server serving {@code schema}, with or without its state URL. */
  private static InteractionReport verify(GraphqlPact pact, String schema, boolean states) throws Exception {
    try (RunningProcess server = RunningProcess.start(List.of("node", NODE.resolve("chat-server.mjs").toString(),
        NODE.resolve("chat/" + schema).toString()))) {
      String origin = "127.0.0.1:" + server.await("PORT (\\d+)", Duration.ofSeconds(60));
      ReplayConfig.Builder config = ReplayConfig.builder(URI.create("ws://" + origin + "/graphql"))
          .httpUrl(URI.create("http://" + origin + "/graphql"))
          .timeout(Duration.ofSeconds(5));
      if (states) {
        config.stateUrl(URI.create("http://" + origin + "/_pact/state"));
      }
      List<InteractionReport> results = ReplayEngine.run(config.build(), List.of(pact)).results();
      assertThat(results).hasSize(1);
      return results.get(0);
    }
  }
}

package dev.subpact.capture;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.subpact.graphql.check.Finding;
import dev.subpact.graphql.check.StaticChecker;
import dev.subpact.graphql.pact.GraphqlInteraction;
import dev.subpact.graphql.pact.GraphqlPact;
import dev.subpact.graphql.pact.GraphqlPacts;
import dev.subpact.graphql.pact.Transport;
import dev.subpact.incident.Incident;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real clients nobody here wrote, captured byte-exactly. */
class CaptureRealClientsTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path out;

  @Test
  void pythonBotIsCapturedByteExactlyWithoutItsApiKey() throws Exception {
    CaptureSettings settings = CaptureSettings.of("karen", "1.2.3").withProvider(Incident.PROVIDER).withPath(Incident.PATH)
        .withSchema(Fixtures.schema("before-rename"));
    Path file;
    RecordedInteraction subscription;
    try (CaptureServer capture = CaptureServer.start("127.0.0.1", 0, settings, CaptureListener.NONE);
        ExternalClient bot = runBot(capture)) {
      assertThat(bot.nextLine()).isEqualTo("{\"subprotocol\": \"graphql-ws\"}");
      assertThat(bot.nextLine()).isEqualTo("{\"type\": \"connection_ack\"}");
      JsonNode event = JSON.readTree(bot.nextLine());
      assertThat(event.path("type").asText()).isEqualTo("data");
      assertThat(event.path("payload").path("data").path("bot_threads_calls_tasks").path("news_payload_emessage")
          .path("emessage_id").isTextual()).isTrue();
      JsonNode http = JSON.readTree(bot.nextLine());
      assertThat(http.path("http_status").asInt()).isEqualTo(200);
      assertThat(http.path("http_result").path("data").path("emessages_delete").asBoolean()).isTrue();
      assertThat(bot.finish()).isZero();
      file = capture.writePact(out);
      subscription = capture.recording().interactions().stream()
          .filter(i -> i.description().equals("KarenThreads subscription")).findFirst().orElseThrow();
    }

    String written = Files.readString(file, StandardCharsets.UTF_8);
    assertThat(written).doesNotContain(Fixtures.API_KEY);
    GraphqlPact pact = GraphqlPacts.read(file);
    assertThat(pact.consumer()).isEqualTo("karen");
    assertThat(pact.provider()).isEqualTo("flexus-backend");
    assertThat(pact.consumerVersion()).isEqualTo("1.2.3");
    assertThat(pact.interactions()).extracting(GraphqlInteraction::description)
        .containsExactly("DeleteEmessages mutation", "KarenThreads subscription");

    GraphqlInteraction mutation = pact.interactions().get(0);
    assertThat(mutation.operation().document().text()).isEqualTo(Fixtures.wireText("DeleteEmessages.before-rename"));
    assertThat(mutation.transport()).isEqualTo(new Transport.Http("/v1/graphql"));
    GraphqlInteraction karen = pact.interactions().get(1);
    assertThat(karen.operation().document().text()).isEqualTo(Fixtures.wireText("KarenThreads.before-rename"));
    assertThat(karen.operation().variables()).containsEntry("marketable_name", "frog");
    assertThat(karen.transport()).isEqualTo(new Transport.WebSocket("/v1/graphql", List.of("graphql-ws", "graphql-transport-ws")));
    assertThat(subscription.chosenSubprotocols()).containsExactly("graphql-ws");
    assertThat(subscription.initPayloadKeys()).containsExactly("apikey");

    JsonNode expected = karen.expected().get(0).content();
    assertThat(expected.path("data").path("bot_threads_calls_tasks").path("news_action").asText()).isEqualTo("news_action");
    // Every selected field is expected with a type matcher, the nullable news_payload_emessage too.
    assertThat(karen.expected().get(0).matchingRules().path("body").path("$.data.bot_threads_calls_tasks.news_action")
        .toString()).isEqualTo("{\"combine\":\"AND\",\"matchers\":[{\"match\":\"type\"}]}");
    assertThat(expected.path("data").path("bot_threads_calls_tasks").path("news_payload_emessage").path("emessage_id").isTextual()).isTrue();
    assertThat(karen.expected().get(0).matchingRules().path("body")
        .has("$.data.bot_threads_calls_tasks.news_payload_emessage.emessage_id")).isTrue();

    StaticChecker before = StaticChecker.of(Fixtures.schema("before-rename"));
    StaticChecker renamed = StaticChecker.of(Fixtures.schema("renamed"));
    for (GraphqlInteraction interaction : pact.interactions()) {
      assertThat(before.check(interaction.operation())).filteredOn(Finding::isError).isEmpty();
      assertThat(renamed.check(interaction.operation())).filteredOn(Finding::isError).isNotEmpty();
    }
  }

  @Test
  void schemaCheckReportsTheRenameWhileTheBotIsStillConnected() throws Exception {
    List<Finding> reported = new CopyOnWriteArrayList<>();
    List<Boolean> botAliveWhenReported = new CopyOnWriteArrayList<>();
    CaptureSettings settings = CaptureSettings.of("karen", "1.2.3").withSchema(Fixtures.schema("renamed"));
    CaptureListener listener = new CaptureListener() {
      @Override
      public void received(CapturedOperation operation, List<Finding> findings) {
        reported.addAll(findings);
      }
    };
    try (CaptureServer capture = CaptureServer.start("127.0.0.1", 0, settings, listener);
        ExternalClient bot = runBot(capture)) {
      bot.nextLine();
      bot.nextLine();
      JsonNode error = JSON.readTree(bot.nextLine());
      botAliveWhenReported.add(bot.isAlive());
      // Legacy graphql-ws: Strawberry sends only the first validation error.
      assertThat(error.path("type").asText()).isEqualTo("error");
      assertThat(reported).filteredOn(Finding::isError).hasSizeGreaterThan(1);
      assertThat(error.path("payload").path("message").asText()).isEqualTo(reported.get(0).message());
      assertThat(reported).extracting(Finding::message).anyMatch(m -> m.contains("want_emessage_types"));
      assertThat(reported).extracting(Finding::message).anyMatch(m -> m.contains("emessage_id"));
      assertThat(bot.isAlive()).isTrue();
      bot.nextLine();
      bot.finish();
      assertThat(capture.recording().interactions()).allMatch(RecordedInteraction::broken);
    }
    assertThat(botAliveWhenReported).containsExactly(true);
  }

  @Test
  void nodeGraphqlWsClientIsCapturedByteExactly() throws Exception {
    assertNodeClientCaptured("graphql-ws-client.mjs", "/v1/graphql", List.of("graphql-transport-ws"), "next");
  }

  @Test
  void nodeClientsOnAnotherPathAreRecordedWithThatPath() throws Exception {
    assertNodeClientCaptured("graphql-ws-client.mjs", "/graphql", List.of("graphql-transport-ws"), "next");
    assertNodeClientCaptured("subscriptions-transport-ws-client.mjs", "/api/graphql", List.of("graphql-ws"), "next");
  }

  @Test
  void nodeSubscriptionsTransportWsClientIsCapturedByteExactly() throws Exception {
    assertNodeClientCaptured("subscriptions-transport-ws-client.mjs", "/v1/graphql", List.of("graphql-ws"), "next");
  }

  @Test
  void sameTrafficWritesTheSameBytes() throws Exception {
    String first = captureOnce();
    String second = captureOnce();
    assertThat(second).isEqualTo(first);
  }

  private String captureOnce() throws Exception {
    CaptureSettings settings = CaptureSettings.of("karen", "1.2.3").withSchema(Fixtures.schema("before-rename"));
    try (CaptureServer capture = CaptureServer.start("127.0.0.1", 0, settings, CaptureListener.NONE);
        ExternalClient client = ExternalClient.node("graphql-ws-client.mjs", capture.webSocketUrl().toString(),
            Fixtures.ckit("KarenThreads.after-rename").toString(), Fixtures.API_KEY)) {
      client.nextLine();
      client.finish();
      return GraphqlPacts.write(capture.pact());
    }
  }

  private void assertNodeClientCaptured(String script, String path, List<String> offered, String resultKey) throws Exception {
    CaptureSettings settings = CaptureSettings.of("node-bot", "7").withSchema(Fixtures.schema("renamed"));
    try (CaptureServer capture = CaptureServer.start("127.0.0.1", 0, settings, CaptureListener.NONE);
        ExternalClient client = ExternalClient.node(script, capture.webSocketUrl().resolve(path).toString(),
            Fixtures.ckit("KarenThreads.after-rename").toString(), Fixtures.API_KEY)) {
      JsonNode line = JSON.readTree(client.nextLine());
      assertThat(line.path(resultKey).path("data").path("bot_threads_calls_tasks").path("news_payload_emessage")
          .path("emsg_id").isTextual()).as(line.toString()).isTrue();
      assertThat(client.finish()).isZero();
      GraphqlPact pact = capture.pact();
      assertThat(pact.interactions()).hasSize(1);
      GraphqlInteraction interaction = pact.interactions().get(0);
      assertThat(interaction.description()).isEqualTo("KarenThreads subscription");
      assertThat(interaction.operation().document().text()).isEqualTo(Fixtures.wireText("KarenThreads.after-rename"));
      assertThat(interaction.transport()).isEqualTo(new Transport.WebSocket(path, offered));
      assertThat(capture.recording().traffic().connections()).containsExactly(Map.entry(path + " (" + offered.get(0) + ")", 1L));
      assertThat(capture.recording().traffic().notGraphql()).isEmpty();
      assertThat(capture.recording().interactions().get(0).initPayloadKeys()).containsExactly("apikey");
      assertThat(GraphqlPacts.write(pact)).doesNotContain(Fixtures.API_KEY);
    }
  }

  private static ExternalClient runBot(CaptureServer capture) throws Exception {
    return ExternalClient.pythonBot(capture.webSocketUrl().toString(), capture.httpUrl().toString(),
        Fixtures.ckit("KarenThreads.before-rename").toString(), Fixtures.ckit("DeleteEmessages.before-rename").toString(),
        Fixtures.API_KEY);
  }
}

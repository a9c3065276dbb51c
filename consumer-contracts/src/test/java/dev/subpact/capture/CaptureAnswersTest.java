package dev.subpact.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.subpact.graphql.pact.GraphqlInteraction;
import dev.subpact.graphql.pact.GraphqlPacts;
import dev.subpact.graphql.pact.ProviderState;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the capture answers with (scripted, schema examples, shape only) and what the pact then expects. */
class CaptureAnswersTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SUBSCRIPTION = "subscription KarenThreads { bot_threads_calls_tasks(marketable_name: \"m\", "
      + "marketable_version: 1, inprocess_tool_names: [], want_emessage_types: []) { news_action news_payload_emessage { emessage_id } } }";

  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void scriptedResponsesArePushedInOrderAndBecomeTheExpectedShape() throws Exception {
    ScriptedResponses script = ScriptedResponses.parse("""
        {"KarenThreads": [
          {"data": {"bot_threads_calls_tasks": {"news_action": "INSERT", "news_payload_emessage": {"emessage_id": "e1"}}}},
          {"data": {"bot_threads_calls_tasks": {"news_action": "DELETE", "news_payload_emessage": null}}}
        ]}""", "test");
    try (CaptureServer capture = CaptureServer.start("127.0.0.1", 0, CaptureSettings.of("karen", "1").withResponses(script), CaptureListener.NONE)) {
      RawSocket socket = subscribed(capture);
      assertThat(socket.next().path("payload").path("data").path("bot_threads_calls_tasks").path("news_action").asText()).isEqualTo("INSERT");
      assertThat(socket.next().path("payload").path("data").path("bot_threads_calls_tasks").path("news_action").asText()).isEqualTo("DELETE");
      GraphqlInteraction interaction = capture.pact().interactions().get(0);
      assertThat(interaction.expected()).singleElement().satisfies(m -> {
        assertThat(m.content().path("data").path("bot_threads_calls_tasks").path("news_action").asText()).isEqualTo("INSERT");
        assertThat(m.matchingRules().path("body").has("$.data.bot_threads_calls_tasks.news_payload_emessage.emessage_id")).isTrue();
      });
    }
  }

  @Test
  void withoutSchemaOrScriptTheBotGetsTheSelectionShapeAndAnEventCarryingItsRootFieldIsExpected() throws Exception {
    try (CaptureServer capture = CaptureServer.start("127.0.0.1", 0, CaptureSettings.of("karen", "1"), CaptureListener.NONE)) {
      RawSocket socket = subscribed(capture);
      assertThat(socket.next().path("payload")).isEqualTo(JSON.readTree(
          "{\"data\":{\"bot_threads_calls_tasks\":{\"news_action\":\"news_action\",\"news_payload_emessage\":{\"emessage_id\":\"emessage_id\"}}}}"));
      GraphqlInteraction interaction = capture.pact().interactions().get(0);
      // Types unknown: the replay needs an event carrying the root field (any value but null), never silence.
      assertThat(interaction.expected()).singleElement().satisfies(m -> {
        assertThat(m.content()).isEqualTo(JSON.readTree("{\"data\":{\"bot_threads_calls_tasks\":\"bot_threads_calls_tasks\"}}"));
        assertThat(m.matchingRules().toString()).isEqualTo("{\"body\":{\"$.data.bot_threads_calls_tasks\":"
            + "{\"combine\":\"AND\",\"matchers\":[{\"match\":\"regex\",\"regex\":\"[\\\\s\\\\S]*\"}]}}}");
      });
      assertThat(interaction.providerStates()).extracting(ProviderState::name).containsExactly(ProviderState.SUBSCRIPTION_EVENT);
    }
  }

  @Test
  void anAnonymousOperationIsNamedAfterItsDocumentInTheDescriptionAndTheProviderState() throws Exception {
    try (CaptureServer capture = CaptureServer.start("127.0.0.1", 0, CaptureSettings.of("karen", "1"), CaptureListener.NONE)) {
      RawSocket socket = RawSocket.open(http, capture.webSocketUrl(), "graphql-transport-ws");
      socket.send("{\"type\":\"connection_init\",\"payload\":{\"apikey\":\"k\"}}");
      assertThat(socket.next().path("type").asText()).isEqualTo("connection_ack");
      socket.send("{\"type\":\"subscribe\",\"id\":\"1\",\"payload\":{\"query\":\"subscription Threads { bot_threads_calls_tasks { news_action } }\"}}");
      assertThat(socket.next().path("type").asText()).isEqualTo("next");
      GraphqlInteraction interaction = capture.pact().interactions().get(0);
      assertThat(interaction.operation().operationName()).isNull();
      assertThat(interaction.description()).isEqualTo("Threads subscription");
      assertThat(interaction.providerStates()).containsExactly(ProviderState.subscriptionEvent("Threads", "bot_threads_calls_tasks"));
    }
  }

  @Test
  void distinctVariableShapesAreDistinctInteractionsWithStableDescriptions() throws Exception {
    String query = "query Persona($id: String!) { persona_get(persona_id: $id) { persona_id } }";
    try (CaptureServer capture = CaptureServer.start("127.0.0.1", 0,
        CaptureSettings.of("karen", "1").withSchema(Fixtures.schema("before-rename")), CaptureListener.NONE)) {
      for (String id : new String[] {"p2", "p1", "p3"}) {
        post(capture, Map.of("query", query, "operationName", "Persona", "variables", Map.of("id", id)));
      }
      post(capture, Map.of("query", query, "operationName", "Persona", "variables", Map.of("id", 7)));
      assertThat(capture.pact().interactions()).extracting(GraphqlInteraction::description)
          .containsExactly("Persona query", "Persona query (2)");
      // The example kept is the smallest ever sent, whatever the arrival order.
      assertThat(capture.recording().interactions()).extracting(i -> i.operation().variables().get("id"), RecordedInteraction::count)
          .containsExactly(org.assertj.core.groups.Tuple.tuple(7, 1L), org.assertj.core.groups.Tuple.tuple("p1", 3L));
      assertThat(GraphqlPacts.write(capture.pact())).isEqualTo(GraphqlPacts.write(capture.pact()));
    }
  }

  @Test
  void aResponsesFileThatIsNotAScriptIsNamed() {
    assertThatThrownBy(() -> ScriptedResponses.parse("[1]", "r.json"))
        .hasMessage("Responses file r.json must be a JSON object keyed by operation name, e.g. {\"MessageAdded\": [{\"data\": {...}}]}.");
    assertThatThrownBy(() -> ScriptedResponses.parse("{\"K\": {\"x\": 1}}", "r.json"))
        .hasMessage("Responses file r.json: the answer to K must be a GraphQL result {\"data\": ...} (or a list of them), not {\"x\":1}");
  }

  @Test
  void legacyClientsGetAKeepAliveRightAfterTheAckThenEveryIntervalAndPingsArePonged() throws Exception {
    CaptureSettings settings = CaptureSettings.of("karen", "1").withKeepAlive(Duration.ofMillis(200));
    try (CaptureServer capture = CaptureServer.start("127.0.0.1", 0, settings, CaptureListener.NONE)) {
      RawSocket legacy = RawSocket.open(http, capture.webSocketUrl(), "graphql-ws");
      legacy.send("{\"type\":\"connection_init\",\"payload\":{}}");
      assertThat(legacy.nextFrame().path("type").asText()).isEqualTo("connection_ack");
      for (int i = 0; i < 3; i++) {
        assertThat(legacy.nextFrame().toString()).isEqualTo("{\"type\":\"ka\"}");
      }
      RawSocket transport = RawSocket.open(http, capture.webSocketUrl(), "graphql-transport-ws");
      transport.send("{\"type\":\"connection_init\"}");
      assertThat(transport.nextFrame().path("type").asText()).isEqualTo("connection_ack");
      transport.send("{\"type\":\"ping\"}");
      assertThat(transport.nextFrame().path("type").asText()).as("graphql-transport-ws has no ka: ping/pong").isEqualTo("pong");
    }
  }

  private RawSocket subscribed(CaptureServer capture) throws InterruptedException {
    RawSocket socket = RawSocket.open(http, capture.webSocketUrl(), "graphql-transport-ws");
    socket.send("{\"type\":\"connection_init\"}");
    socket.next();
    socket.send(JSON.createObjectNode().put("type", "subscribe").put("id", "1")
        .set("payload", JSON.createObjectNode().put("query", SUBSCRIPTION)).toString());
    return socket;
  }

  private void post(CaptureServer capture, Map<String, Object> body) throws Exception {
    http.send(java.net.http.HttpRequest.newBuilder(capture.httpUrl())
            .POST(java.net.http.HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
        java.net.http.HttpResponse.BodyHandlers.discarding());
  }
}

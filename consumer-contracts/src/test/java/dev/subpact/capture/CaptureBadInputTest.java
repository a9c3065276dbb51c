package dev.subpact.capture;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Bad input: each is answered as Strawberry would answer it, the server keeps serving the others,
 * and nothing false is recorded.
 */
class CaptureBadInputTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SUBSCRIPTION = "subscription S { bot_threads_calls_tasks(marketable_name: \"m\", "
      + "marketable_version: 1, inprocess_tool_names: [], want_emessage_types: []) { news_action } }";

  private final HttpClient http = HttpClient.newHttpClient();
  private CaptureServer capture;

  @BeforeEach
  void start() throws Exception {
    // long enough that a loaded machine never turns a late connection_init into 4408 where a case expects another answer
    capture = start(Duration.ofSeconds(30));
  }

  /** A capture server that closes a connection without {@code connection_init} after {@code initTimeout} (4408). */
  private static CaptureServer start(Duration initTimeout) throws Exception {
    return CaptureServer.start("127.0.0.1", 0,
        CaptureSettings.of("bot", "1").withSchema(Fixtures.schema("before-rename")).withInitTimeout(initTimeout),
        CaptureListener.NONE);
  }

  @AfterEach
  void stop() {
    capture.close();
  }

  @Test
  void clientThatNeverSendsConnectionInitIsClosedWith4408() throws Exception {
    capture.close();
    capture = start(Duration.ofMillis(300));
    RawSocket socket = RawSocket.open(http, capture.webSocketUrl(), "graphql-transport-ws");
    assertThat(socket.closed()).isEqualTo(new RawSocket.Closed(4408, "Connection initialisation timeout"));
    assertStillServing();
    assertThat(capture.recording().interactions()).isEmpty();
  }

  @Test
  void malformedFramesOnGraphqlTransportWsCloseWith4400() throws Exception {
    assertThat(acked().send("{not json").closed()).isEqualTo(new RawSocket.Closed(4400, "WebSocket message must be valid JSON"));
    assertThat(acked().send("{\"type\":\"bogus\"}").closed()).isEqualTo(new RawSocket.Closed(4400, "Unknown message type: bogus"));
    assertThat(acked().send("{\"type\":\"subscribe\",\"id\":\"1\"}").closed()).isEqualTo(new RawSocket.Closed(4400, "Failed to parse message"));
    assertThat(acked().sendBinary(new byte[] {1, 2}).closed()).isEqualTo(new RawSocket.Closed(4400, "WebSocket message type must be text"));
    assertThat(acked().send(subscribe("1", "subscription {")).closed().code()).isEqualTo(4400);
    RawSocket early = RawSocket.open(http, capture.webSocketUrl(), "graphql-transport-ws");
    assertThat(early.send(subscribe("1", SUBSCRIPTION)).closed()).isEqualTo(new RawSocket.Closed(4401, "Unauthorized"));
    RawSocket twice = acked();
    assertThat(twice.send("{\"type\":\"connection_init\"}").closed()).isEqualTo(new RawSocket.Closed(4429, "Too many initialisation requests"));
    RawSocket duplicate = acked().send(subscribe("1", SUBSCRIPTION));
    assertThat(duplicate.next().path("type").asText()).isEqualTo("next");
    assertThat(duplicate.send(subscribe("1", SUBSCRIPTION)).closed()).isEqualTo(new RawSocket.Closed(4409, "Subscriber for 1 already exists"));

    assertStillServing();
    assertThat(capture.recording().interactions()).hasSize(1);
    assertThat(capture.recording().interactions().get(0).operation().document().text()).isEqualTo(SUBSCRIPTION);
    assertThat(capture.recording().problems()).hasSize(1).allMatch(p -> p.contains("Syntax Error"));
  }

  @Test
  void legacyGraphqlWsIgnoresFramesItCannotParse() throws Exception {
    RawSocket socket = RawSocket.open(http, capture.webSocketUrl(), "graphql-ws");
    socket.send("{not json").send("[1,2]").send("{\"type\":\"connection_init\",\"payload\":{\"apikey\":\"x\"}}");
    assertThat(socket.next().path("type").asText()).isEqualTo("connection_ack");
    socket.send("{\"type\":\"start\",\"id\":\"a\",\"payload\":{\"query\":\"subscription {\"}}");
    JsonNode error = socket.next();
    assertThat(error.path("type").asText()).isEqualTo("error");
    assertThat(error.path("payload").path("message").asText()).startsWith("Syntax Error");
    socket.send(subscribe("b", SUBSCRIPTION).replace("subscribe", "start"));
    assertThat(socket.next().path("type").asText()).isEqualTo("data");
    socket.send("{\"type\":\"stop\",\"id\":\"b\"}");
    assertThat(socket.next()).isEqualTo(JSON.readTree("{\"type\":\"complete\",\"id\":\"b\"}"));
    assertThat(socket.sendBinary(new byte[] {0}).closed()).isEqualTo(new RawSocket.Closed(1002, "WebSocket message type must be text"));
    assertThat(capture.recording().interactions()).hasSize(1);
  }

  @Test
  void unsupportedSubprotocolIsClosedWith4406() throws Exception {
    RawSocket socket = RawSocket.open(http, capture.webSocketUrl(), "mqtt");
    assertThat(socket.closed()).isEqualTo(new RawSocket.Closed(4406, "Subprotocol not acceptable"));
  }

  @Test
  void invalidJsonBodiesGet400AndRecordNothing() throws Exception {
    assertThat(post("{\"query\": ")).isEqualTo("400 Unable to parse request body as JSON");
    assertThat(post("[{\"query\":\"{ __typename }\"}]")).isEqualTo("400 Batching is not enabled");
    assertThat(post("{\"variables\":{}}")).isEqualTo("400 No GraphQL query found in the request");
    assertThat(post("{\"query\":\"query { __typename }\",\"variables\":[1]}")).isEqualTo("400 Variables must be provided as a JSON object");
    assertThat(post("{\"query\":\"" + SUBSCRIPTION.replace("\"", "\\\"") + "\"}"))
        .isEqualTo("400 Subscriptions are not allowed over HTTP POST; subscribe over WebSocket");
    HttpResponse<String> form = http.send(HttpRequest.newBuilder(capture.httpUrl()).header("Content-Type", "text/plain")
        .POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"{ __typename }\"}")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(form.statusCode() + " " + form.body()).isEqualTo("415 Unsupported content type");
    assertThat(capture.recording().interactions()).isEmpty();
    assertThat(post("{\"query\":\"mutation { emessages_delete(emessage_ids: []) }\"}"))
        .isEqualTo("200 {\"data\":{\"emessages_delete\":true}}");
    assertThat(capture.recording().interactions()).hasSize(1);
  }

  @Test
  void aDocumentJustUnderTheOneMebibyteParseLimitIsServedAndRecordedExactly() throws Exception {
    // ParseLimits: an operation has at most 1 MiB (1,048,576 characters) and 50,000 tokens; this one has
    // about 1,000,000 characters and 41,700 tokens
    StringBuilder query = new StringBuilder("mutation Big { emessages_delete(emessage_ids: [");
    while (query.length() < 1_000_000) {
      query.append("\"emsg_0123456789abcdef\", ");
    }
    query.append("]) }");
    RawSocket socket = acked();
    socket.send(subscribe("big", query.toString()));
    assertThat(socket.next().path("payload").path("data").path("emessages_delete").asBoolean()).isTrue();
    assertThat(socket.next().path("type").asText()).isEqualTo("complete");
    assertThat(capture.recording().interactions()).singleElement()
        .satisfies(i -> assertThat(i.operation().document().text()).isEqualTo(query.toString()));
  }

  @Test
  void fiveHundredConcurrentClientsAreAllServedAndRecordedOnce() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(32);
    try {
      List<CompletableFuture<String>> clients = new ArrayList<>();
      for (int i = 0; i < 500; i++) {
        String protocol = i % 2 == 0 ? "graphql-transport-ws" : "graphql-ws";
        clients.add(CompletableFuture.supplyAsync(() -> {
          try {
            RawSocket socket = RawSocket.open(http, capture.webSocketUrl(), protocol);
            socket.send("{\"type\":\"connection_init\"}");
            socket.next();
            socket.send(subscribe("1", SUBSCRIPTION).replace("\"subscribe\"", protocol.equals("graphql-ws") ? "\"start\"" : "\"subscribe\""));
            String event = socket.next().path("payload").path("data").path("bot_threads_calls_tasks").path("news_action").asText();
            socket.close();
            return event;
          } catch (InterruptedException e) {
            throw new IllegalStateException(e);
          }
        }, pool));
      }
      for (CompletableFuture<String> client : clients) {
        assertThat(client.join()).isEqualTo("news_action");
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(capture.recording().operationsReceived()).isEqualTo(500);
    assertThat(capture.recording().interactions()).extracting(RecordedInteraction::count).containsExactly(250L, 250L);
  }

  private RawSocket acked() throws InterruptedException {
    RawSocket socket = RawSocket.open(http, capture.webSocketUrl(), "graphql-transport-ws");
    socket.send("{\"type\":\"connection_init\",\"payload\":{}}");
    assertThat(socket.next().path("type").asText()).isEqualTo("connection_ack");
    return socket;
  }

  private void assertStillServing() throws Exception {
    RawSocket socket = acked();
    socket.send("{\"type\":\"ping\"}");
    assertThat(socket.next().path("type").asText()).isEqualTo("pong");
    socket.close();
  }

  private String post(String body) throws Exception {
    HttpResponse<String> response = http.send(
        HttpRequest.newBuilder(capture.httpUrl()).header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
    return response.statusCode() + " " + response.body();
  }

  private static String subscribe(String id, String query) {
    ObjectNode message = JSON.createObjectNode().put("type", "subscribe").put("id", id);
    message.putObject("payload").put("query", query);
    return message.toString();
  }
}

package dev.subpact.websocket;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.subpact.graphql.websocket.ServerMessage;
import dev.subpact.reference.BackendOptions;
import dev.subpact.reference.Build;
import dev.subpact.reference.ReferenceBackend;
import dev.subpact.websocket.WebSocketSession.Event;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The reference backend speaks each subprotocol the way Strawberry 0.275.7 does (calibrated against
 * Strawberry's source: {@code strawberry/subscriptions/protocols/*\/handlers.py},
 * {@code strawberry/http/async_base_view.py}); its GraphQL errors are graphql-java's own.
 */
class StrawberryBehaviourTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String RENAMED_QUERY =
      "subscription S { bot_threads_calls_tasks(marketable_name: \"frog\", marketable_version: 1, inprocess_tool_names: [],"
          + " want_emessage_types: [\"TELEGRAM\"]) { news_action news_payload_emessage { emessage_id emessage_type } } }";
  private static ReferenceBackend backend;
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @BeforeAll
  static void start() {
    backend = ReferenceBackend.start(Build.named("renamed"), 0);
  }

  @AfterAll
  static void stop() {
    backend.close();
  }

  private static WebSocketSession connect(String... subprotocols) throws Exception {
    return WebSocketSession.connect(HTTP, backend.websocketUrl(), List.of(subprotocols), Map.of(), Duration.ofSeconds(5));
  }

  private static Event next(WebSocketSession session) throws InterruptedException {
    Event event = session.next(Instant.now().plusSeconds(5));
    assertThat(event).as("an event within 5 s").isNotNull();
    return event;
  }

  private static ServerMessage message(WebSocketSession session) throws InterruptedException {
    Event event = next(session);
    assertThat(event).isInstanceOf(Event.Message.class);
    return ((Event.Message) event).message();
  }

  private static String subscribe(String id, String query) {
    return "{\"id\":\"" + id + "\",\"type\":\"subscribe\",\"payload\":{\"query\":" + JSON.valueToTree(query) + "}}";
  }

  @Test
  void negotiation_picks_the_first_subprotocol_in_the_clients_order() throws Exception {
    try (WebSocketSession bots = connect("graphql-ws", "graphql-transport-ws")) {
      assertThat(bots.codec().subprotocol().wireName()).isEqualTo("graphql-ws");
    }
    try (WebSocketSession modern = connect("graphql-transport-ws", "graphql-ws")) {
      assertThat(modern.codec().subprotocol().wireName()).isEqualTo("graphql-transport-ws");
    }
  }

  @Test
  void transport_ws_sends_all_validation_errors_in_one_error_and_stays_open() throws Exception {
    try (WebSocketSession session = connect("graphql-transport-ws")) {
      session.send("{\"type\":\"connection_init\",\"payload\":{}}");
      assertThat(message(session)).isInstanceOf(ServerMessage.Ack.class);
      session.send(subscribe("1", RENAMED_QUERY));
      ServerMessage error = message(session);
      assertThat(error).isInstanceOf(ServerMessage.Error.class);
      assertThat(((ServerMessage.Error) error).errors()).hasSize(4);
      session.send("{\"type\":\"ping\"}");
      assertThat(message(session)).isInstanceOf(ServerMessage.Pong.class);
    }
  }

  @Test
  void legacy_ws_sends_only_the_first_error() throws Exception {
    try (WebSocketSession session = connect("graphql-ws")) {
      session.send("{\"type\":\"connection_init\",\"payload\":{}}");
      assertThat(message(session)).isInstanceOf(ServerMessage.Ack.class);
      assertThat(message(session)).isInstanceOf(ServerMessage.KeepAlive.class);
      session.send("{\"id\":\"1\",\"type\":\"start\",\"payload\":{\"query\":" + JSON.valueToTree(RENAMED_QUERY) + "}}");
      ServerMessage error = nextNonKeepAlive(session);
      // graphql-java's first validation error (its rules run MissingFieldArgument before UnknownArgument)
      assertThat(((ServerMessage.Error) error).errors()).singleElement()
          .satisfies(e -> assertThat(e.path("message").asText())
              .isEqualTo("Validation error (MissingFieldArgument@[bot_threads_calls_tasks]) : Missing field argument 'want_emsg_types'"));
    }
  }

  @Test
  void a_syntax_error_closes_4400() throws Exception {
    try (WebSocketSession session = connect("graphql-transport-ws")) {
      session.send("{\"type\":\"connection_init\"}");
      assertThat(message(session)).isInstanceOf(ServerMessage.Ack.class);
      session.send(subscribe("1", "subscription { bot_threads_calls_tasks("));
      Event closed = next(session);
      assertThat(closed).isInstanceOf(Event.Closed.class);
      assertThat(((Event.Closed) closed).code()).isEqualTo(4400);
      assertThat(((Event.Closed) closed).reason()).isEqualTo("Invalid syntax with offending token '<EOF>' at line 1 column 40");
    }
  }

  @Test
  void frames_that_are_not_messages_close_4400_in_transport_ws_and_are_ignored_in_subscriptions_transport_ws() throws Exception {
    try (WebSocketSession session = connect("graphql-transport-ws")) {
      session.send("{not json");
      Event.Closed closed = (Event.Closed) next(session);
      assertThat(closed.code()).isEqualTo(4400);
      assertThat(closed.reason()).isEqualTo("WebSocket message must be valid JSON");
    }
    try (WebSocketSession session = connect("graphql-transport-ws")) {
      session.send("{\"id\":\"1\"}");
      assertThat(((Event.Closed) next(session)).reason()).isEqualTo("Failed to parse message");
    }
    try (WebSocketSession session = connect("graphql-ws")) {
      session.send("{not json");
      session.send("{\"id\":\"1\"}");
      session.send("{\"type\":\"connection_init\",\"payload\":{}}");
      assertThat(message(session)).isInstanceOf(ServerMessage.Ack.class);
    }
  }

  @Test
  void subscribe_before_ack_closes_4401() throws Exception {
    try (WebSocketSession session = connect("graphql-transport-ws")) {
      session.send(subscribe("1", RENAMED_QUERY));
      assertThat(((Event.Closed) next(session)).code()).isEqualTo(4401);
    }
  }

  @Test
  void a_duplicate_id_closes_4409() throws Exception {
    String valid = "subscription S { bot_threads_calls_tasks(marketable_name: \"frog\", marketable_version: 1, inprocess_tool_names: [],"
        + " want_emsg_types: [\"TELEGRAM\"]) { news_action } }";
    try (WebSocketSession session = connect("graphql-transport-ws")) {
      session.send("{\"type\":\"connection_init\"}");
      assertThat(message(session)).isInstanceOf(ServerMessage.Ack.class);
      session.send(subscribe("7", valid));
      session.send(subscribe("7", valid));
      Event.Closed closed = (Event.Closed) next(session);
      assertThat(closed.code()).isEqualTo(4409);
      assertThat(closed.reason()).isEqualTo("Subscriber for 7 already exists");
    }
  }

  @Test
  void a_second_connection_init_closes_4429() throws Exception {
    try (WebSocketSession session = connect("graphql-transport-ws")) {
      session.send("{\"type\":\"connection_init\"}");
      assertThat(message(session)).isInstanceOf(ServerMessage.Ack.class);
      session.send("{\"type\":\"connection_init\"}");
      assertThat(((Event.Closed) next(session)).code()).isEqualTo(4429);
    }
  }

  @Test
  void a_wrong_api_key_closes_4403_no_init_in_time_closes_4408_and_the_bots_apikey_passes() throws Exception {
    try (ReferenceBackend guarded = ReferenceBackend.start(Build.named("renamed"), "127.0.0.1", 0, BackendOptions.DEFAULTS.withApiKey("k"))) {
      try (WebSocketSession session = WebSocketSession.connect(HTTP, guarded.websocketUrl(), List.of("graphql-transport-ws"), Map.of(), Duration.ofSeconds(5))) {
        session.send("{\"type\":\"connection_init\",\"payload\":{\"apiKey\":\"wrong\"}}");
        assertThat(((Event.Closed) next(session)).code()).isEqualTo(4403);
      }
    }
    // a short init timeout only where the timeout is the case: a loaded machine could otherwise let it beat the wrong key
    try (ReferenceBackend impatient = ReferenceBackend.start(Build.named("renamed"), "127.0.0.1", 0,
        BackendOptions.DEFAULTS.withApiKey("k").withInitTimeout(Duration.ofMillis(300)))) {
      try (WebSocketSession session = WebSocketSession.connect(HTTP, impatient.websocketUrl(), List.of("graphql-transport-ws"), Map.of(), Duration.ofSeconds(5))) {
        assertThat(((Event.Closed) next(session)).code()).isEqualTo(4408);
      }
    }
    // the key the way the client kit's bots send it, and the camel-case spelling, both pass
    try (ReferenceBackend guarded = ReferenceBackend.start(Build.named("renamed"), "127.0.0.1", 0, BackendOptions.DEFAULTS.withApiKey("k"))) {
      for (String payload : List.of("{\"apikey\":\"k\"}", "{\"apiKey\":\"k\"}")) {
        try (WebSocketSession session = WebSocketSession.connect(HTTP, guarded.websocketUrl(), List.of("graphql-transport-ws"), Map.of(), Duration.ofSeconds(5))) {
          session.send("{\"type\":\"connection_init\",\"payload\":" + payload + "}");
          assertThat(message(session)).as(payload).isInstanceOf(ServerMessage.Ack.class);
        }
      }
    }
  }

  @Test
  void transport_ws_closes_4400_for_an_unknown_operation_name_and_a_null_init_payload() throws Exception {
    try (WebSocketSession session = connect("graphql-transport-ws")) {
      session.send("{\"type\":\"connection_init\"}");
      assertThat(message(session)).isInstanceOf(ServerMessage.Ack.class);
      session.send("{\"id\":\"1\",\"type\":\"subscribe\",\"payload\":{\"query\":" + JSON.valueToTree(RENAMED_QUERY)
          + ",\"operationName\":\"KarenThreads\"}}");
      Event.Closed closed = (Event.Closed) next(session);
      assertThat(closed.code()).isEqualTo(4400);
      assertThat(closed.reason()).isEqualTo("Unknown operation named \"KarenThreads\".");
    }
    try (WebSocketSession session = connect("graphql-transport-ws")) {
      session.send("{\"type\":\"connection_init\",\"payload\":null}");
      Event.Closed closed = (Event.Closed) next(session);
      assertThat(closed.code()).isEqualTo(4400);
      assertThat(closed.reason()).isEqualTo("Invalid connection init payload");
    }
  }

  @Test
  void legacy_ws_acks_a_null_init_payload_and_answers_an_unknown_operation_name_with_an_error() throws Exception {
    try (WebSocketSession session = connect("graphql-ws")) {
      session.send("{\"type\":\"connection_init\",\"payload\":null}");
      assertThat(message(session)).isInstanceOf(ServerMessage.Ack.class);
      session.send("{\"id\":\"1\",\"type\":\"start\",\"payload\":{\"query\":" + JSON.valueToTree(RENAMED_QUERY)
          + ",\"operationName\":\"KarenThreads\"}}");
      ServerMessage error = nextNonKeepAlive(session);
      assertThat(((ServerMessage.Error) error).errors()).singleElement()
          .satisfies(e -> assertThat(e.path("message").asText()).isEqualTo("Unknown operation named \"KarenThreads\"."));
    }
  }

  @Test
  void no_acceptable_subprotocol_is_accepted_then_closed_4406() throws Exception {
    // the JDK's own WebSocket client (subpact's session refuses a server that picks no subprotocol)
    for (List<String> offered : List.of(List.<String>of(), List.of("graphql-sse"))) {
      CompletableFuture<String> closed = new CompletableFuture<>();
      WebSocket.Builder builder = HTTP.newWebSocketBuilder();
      if (!offered.isEmpty()) {
        builder.subprotocols(offered.get(0));
      }
      WebSocket socket = builder.buildAsync(backend.websocketUrl(), new WebSocket.Listener() {
        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
          closed.complete(statusCode + " " + reason);
          return null;
        }
      }).get(5, TimeUnit.SECONDS);
      assertThat(socket.getSubprotocol()).as("offered " + offered).isEmpty();
      assertThat(closed.get(5, TimeUnit.SECONDS)).as("offered " + offered).isEqualTo("4406 Subprotocol not acceptable");
    }
  }

  @Test
  void legacy_keep_alive_is_sent_right_after_the_ack_then_every_second_by_default() throws Exception {
    try (WebSocketSession session = connect("graphql-ws")) {
      session.send("{\"type\":\"connection_init\",\"payload\":{}}");
      assertThat(message(session)).isInstanceOf(ServerMessage.Ack.class);
      assertThat(message(session)).isInstanceOf(ServerMessage.KeepAlive.class);
      Instant first = Instant.now();
      assertThat(message(session)).isInstanceOf(ServerMessage.KeepAlive.class);
      // the second ka comes about a second later (Strawberry's keep_alive_interval=1), not at once
      assertThat(Duration.between(first, Instant.now())).isGreaterThan(Duration.ofMillis(500));
    }
  }

  private static ServerMessage nextNonKeepAlive(WebSocketSession session) throws InterruptedException {
    ServerMessage m = message(session);
    while (m instanceof ServerMessage.KeepAlive) {
      m = message(session);
    }
    return m;
  }

  @Test
  void legacy_keep_alive_sends_ka_periodically() throws Exception {
    try (ReferenceBackend keeping = ReferenceBackend.start(Build.named("aliased"), "127.0.0.1", 0,
        BackendOptions.DEFAULTS.withKeepAlive(Duration.ofMillis(100)))) {
      try (WebSocketSession session = WebSocketSession.connect(HTTP, keeping.websocketUrl(), List.of("graphql-ws"), Map.of(), Duration.ofSeconds(5))) {
        session.send("{\"type\":\"connection_init\",\"payload\":{}}");
        assertThat(message(session)).isInstanceOf(ServerMessage.Ack.class);
        for (int i = 0; i < 3; i++) {
          assertThat(message(session)).isInstanceOf(ServerMessage.KeepAlive.class);
        }
      }
    }
  }
}

package dev.subpact.backend;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.subpact.websocket.ServerMessage;
import dev.subpact.websocket.WebSocketSession;
import dev.subpact.websocket.WebSocketSession.Event;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The reference backend speaks each subprotocol the way Strawberry does. */
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
      assertThat(bots.codec().name()).isEqualTo("graphql-ws");
    }
    try (WebSocketSession modern = connect("graphql-transport-ws", "graphql-ws")) {
      assertThat(modern.codec().name()).isEqualTo("graphql-transport-ws");
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
      ServerMessage error = message(session);
      assertThat(((ServerMessage.Error) error).errors()).singleElement()
          .satisfies(e -> assertThat(e.path("message").asText()).startsWith("Unknown argument 'want_emessage_types'"));
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
      assertThat(((Event.Closed) closed).reason()).startsWith("Syntax Error");
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
  void a_wrong_api_key_closes_4403_and_no_init_in_time_closes_4408() throws Exception {
    try (ReferenceBackend guarded = ReferenceBackend.start(Build.named("renamed"), "127.0.0.1", 0,
        BackendOptions.DEFAULTS.withApiKey("k").withInitTimeout(Duration.ofMillis(300)))) {
      try (WebSocketSession session = WebSocketSession.connect(HTTP, guarded.websocketUrl(), List.of("graphql-transport-ws"), Map.of(), Duration.ofSeconds(5))) {
        session.send("{\"type\":\"connection_init\",\"payload\":{\"apiKey\":\"wrong\"}}");
        assertThat(((Event.Closed) next(session)).code()).isEqualTo(4403);
      }
      try (WebSocketSession session = WebSocketSession.connect(HTTP, guarded.websocketUrl(), List.of("graphql-transport-ws"), Map.of(), Duration.ofSeconds(5))) {
        assertThat(((Event.Closed) next(session)).code()).isEqualTo(4408);
      }
    }
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

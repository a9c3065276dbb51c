package dev.subpact.graphql.websocket;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The shared server state machine against a fake peer that records every frame and the close, a
 * fake timer fired by hand, and a fake server whose operations the test answers.
 */
class ServerSessionTest {

  private static final ServerSession.Timing TIMING = new ServerSession.Timing(Duration.ofSeconds(3), Duration.ofSeconds(1));

  /** The socket: frames in order, then "close CODE REASON". */
  private static final class FakePeer implements ServerSession.Peer {
    final List<String> out = new ArrayList<>();

    @Override
    public void send(String frame) {
      out.add(frame);
    }

    @Override
    public void close(int code, String reason) {
      out.add("close " + code + " " + reason);
    }
  }

  /** Scheduled tasks, fired by the test. */
  private static final class FakeTimer implements ServerSession.Timer {
    record Task(Duration delay, Duration period, Runnable task, boolean[] cancelled) {}

    final List<Task> tasks = new ArrayList<>();

    @Override
    public Runnable schedule(Duration delay, Duration period, Runnable task) {
      boolean[] cancelled = {false};
      tasks.add(new Task(delay, period, task, cancelled));
      return () -> cancelled[0] = true;
    }

    void fire(int index) {
      tasks.get(index).task().run();
    }
  }

  /** A server whose operations wait for the test to answer them; refuses init payloads with {@code "key": "wrong"}. */
  private static final class FakeServer implements ServerSession.Operations {
    final List<String> calls = new ArrayList<>();
    final Map<String, ServerSession.Reply> replies = new java.util.LinkedHashMap<>();

    @Override
    public boolean accept(JsonNode initPayload) {
      calls.add("accept " + initPayload);
      return !initPayload.path("key").asText().equals("wrong");
    }

    @Override
    public void start(String id, JsonNode payload, ServerSession.Reply reply) {
      calls.add("start " + id + " " + payload.get("query").asText());
      replies.put(id, reply);
    }

    @Override
    public void stop(String id) {
      calls.add("stop " + id);
    }
  }

  private final FakePeer peer = new FakePeer();
  private final FakeTimer timer = new FakeTimer();
  private final FakeServer server = new FakeServer();

  private ServerSession open(Subprotocol subprotocol) {
    ServerSession session = new ServerSession(subprotocol, TIMING, peer, timer, server);
    session.opened();
    return session;
  }

  private ServerSession acked(Subprotocol subprotocol) {
    ServerSession session = open(subprotocol);
    session.text("{\"type\":\"connection_init\",\"payload\":{\"key\":\"k\"}}");
    assertThat(peer.out).containsExactly("{\"type\":\"connection_ack\"}");
    peer.out.clear();
    return session;
  }

  private static String subscribe(String id, String query) {
    return "{\"id\":\"" + id + "\",\"type\":\"subscribe\",\"payload\":{\"query\":\"" + query + "\"}}";
  }

  private static String start(String id, String query) {
    return subscribe(id, query).replace("\"subscribe\"", "\"start\"");
  }

  // graphql-transport-ws

  @Test
  void transport_ws_acks_init_answers_ping_and_runs_an_operation_to_its_end() {
    ServerSession session = acked(Subprotocol.GRAPHQL_TRANSPORT_WS);
    assertThat(server.calls).containsExactly("accept {\"key\":\"k\"}");
    session.text("{\"type\":\"ping\"}");
    session.text("{\"type\":\"pong\"}");
    session.text(subscribe("1", "{ a }"));
    ServerSession.Reply reply = server.replies.get("1");
    reply.next(Map.of("data", Map.of("a", 1)));
    reply.complete();
    reply.next(Map.of("data", Map.of("a", 2)));
    assertThat(peer.out).containsExactly(
        "{\"type\":\"pong\"}",
        "{\"id\":\"1\",\"type\":\"next\",\"payload\":{\"data\":{\"a\":1}}}",
        "{\"id\":\"1\",\"type\":\"complete\"}");
    // the id is free again once the operation ended
    session.text(subscribe("1", "{ b }"));
    assertThat(peer.out).hasSize(3);
    assertThat(server.calls).containsExactly("accept {\"key\":\"k\"}", "start 1 { a }", "start 1 { b }");
  }

  @Test
  void transport_ws_absent_init_payload_is_an_empty_object() {
    open(Subprotocol.GRAPHQL_TRANSPORT_WS).text("{\"type\":\"connection_init\"}");
    assertThat(server.calls).containsExactly("accept {}");
    assertThat(peer.out).containsExactly("{\"type\":\"connection_ack\"}");
  }

  @Test
  void transport_ws_no_init_in_time_closes_4408_and_an_init_cancels_the_timeout() {
    open(Subprotocol.GRAPHQL_TRANSPORT_WS);
    assertThat(timer.tasks).singleElement().satisfies(t -> assertThat(t.delay()).isEqualTo(Duration.ofSeconds(3)));
    timer.fire(0);
    assertThat(peer.out).containsExactly("close 4408 Connection initialisation timeout");

    FakeTimer other = new FakeTimer();
    ServerSession session = new ServerSession(Subprotocol.GRAPHQL_TRANSPORT_WS, TIMING, new FakePeer(), other, server);
    session.opened();
    session.text("{\"type\":\"connection_init\"}");
    assertThat(other.tasks.get(0).cancelled()[0]).isTrue();
  }

  @Test
  void transport_ws_frames_that_are_not_messages_close_4400() {
    assertThat(closeAfter(Subprotocol.GRAPHQL_TRANSPORT_WS, "{not json")).isEqualTo("close 4400 WebSocket message must be valid JSON");
    assertThat(closeAfter(Subprotocol.GRAPHQL_TRANSPORT_WS, "[1,2]")).isEqualTo("close 4400 Failed to parse message");
    assertThat(closeAfter(Subprotocol.GRAPHQL_TRANSPORT_WS, "{\"id\":\"1\"}")).isEqualTo("close 4400 Failed to parse message");
    assertThat(closeAfter(Subprotocol.GRAPHQL_TRANSPORT_WS, "{\"type\":\"start\"}")).isEqualTo("close 4400 Unknown message type: start");
    assertThat(closeAfter(Subprotocol.GRAPHQL_TRANSPORT_WS, "{\"type\":\"subscribe\",\"id\":\"1\"}")).isEqualTo("close 4400 Failed to parse message");
    assertThat(closeAfter(Subprotocol.GRAPHQL_TRANSPORT_WS, "{\"type\":\"subscribe\",\"payload\":{\"query\":\"{ a }\"}}"))
        .isEqualTo("close 4400 Failed to parse message");
    ServerSession session = acked(Subprotocol.GRAPHQL_TRANSPORT_WS);
    session.binary();
    assertThat(peer.out).containsExactly("close 4400 WebSocket message type must be text");
  }

  @Test
  void transport_ws_init_payload_that_is_not_an_object_closes_4400_null_included() {
    open(Subprotocol.GRAPHQL_TRANSPORT_WS).text("{\"type\":\"connection_init\",\"payload\":null}");
    assertThat(peer.out).containsExactly("close 4400 Invalid connection init payload");
    assertThat(server.calls).isEmpty();
  }

  @Test
  void transport_ws_second_init_closes_4429() {
    acked(Subprotocol.GRAPHQL_TRANSPORT_WS).text("{\"type\":\"connection_init\"}");
    assertThat(peer.out).containsExactly("close 4429 Too many initialisation requests");
  }

  @Test
  void transport_ws_refused_init_closes_4403() {
    open(Subprotocol.GRAPHQL_TRANSPORT_WS).text("{\"type\":\"connection_init\",\"payload\":{\"key\":\"wrong\"}}");
    assertThat(peer.out).containsExactly("close 4403 Forbidden");
  }

  @Test
  void transport_ws_subscribe_before_the_ack_closes_4401_even_when_malformed() {
    ServerSession session = open(Subprotocol.GRAPHQL_TRANSPORT_WS);
    session.text("{\"type\":\"subscribe\"}");
    assertThat(peer.out).containsExactly("close 4401 Unauthorized");
    assertThat(server.calls).isEmpty();
  }

  @Test
  void transport_ws_a_running_id_closes_4409_and_nothing_goes_out_after_a_close() {
    ServerSession session = acked(Subprotocol.GRAPHQL_TRANSPORT_WS);
    session.text(subscribe("7", "subscription { s }"));
    session.text(subscribe("7", "subscription { s }"));
    server.replies.get("7").next(Map.of("data", 1));
    session.text("{\"type\":\"ping\"}");
    assertThat(peer.out).containsExactly("close 4409 Subscriber for 7 already exists");
    session.closed();
    assertThat(server.calls).containsExactly("accept {\"key\":\"k\"}", "start 7 subscription { s }", "stop 7");
  }

  @Test
  void transport_ws_errors_go_out_together_and_the_socket_stays_open() {
    ServerSession session = acked(Subprotocol.GRAPHQL_TRANSPORT_WS);
    session.text(subscribe("1", "{ x }"));
    server.replies.get("1").errors(List.of(Map.of("message", "a"), Map.of("message", "b")));
    session.text("{\"type\":\"ping\"}");
    assertThat(peer.out).containsExactly(
        "{\"id\":\"1\",\"type\":\"error\",\"payload\":[{\"message\":\"a\"},{\"message\":\"b\"}]}", "{\"type\":\"pong\"}");
  }

  @Test
  void transport_ws_a_bad_request_closes_4400_with_its_reason_cut_to_a_close_frame() {
    ServerSession session = acked(Subprotocol.GRAPHQL_TRANSPORT_WS);
    session.text(subscribe("1", "{"));
    server.replies.get("1").badRequest("Syntax Error: " + "x".repeat(200), List.of(Map.of("message", "Syntax Error")));
    assertThat(peer.out).singleElement().satisfies(close -> {
      assertThat(close).startsWith("close 4400 Syntax Error: xxx");
      assertThat(close.length()).isEqualTo("close 4400 ".length() + CloseCode.MAX_REASON_BYTES);
    });
  }

  @Test
  void transport_ws_a_clients_complete_stops_the_operation_silently() {
    ServerSession session = acked(Subprotocol.GRAPHQL_TRANSPORT_WS);
    session.text(subscribe("1", "subscription { s }"));
    session.text("{\"id\":\"1\",\"type\":\"complete\"}");
    session.text("{\"id\":\"unknown\",\"type\":\"complete\"}");
    server.replies.get("1").next(Map.of("data", 1));
    assertThat(peer.out).isEmpty();
    assertThat(server.calls).endsWith("stop 1");
  }

  // subscriptions-transport-ws

  @Test
  void subscriptions_transport_ws_acks_then_keeps_alive_at_once_and_every_interval() {
    acked(Subprotocol.SUBSCRIPTIONS_TRANSPORT_WS);
    assertThat(timer.tasks).singleElement().satisfies(t -> {
      assertThat(t.delay()).isZero();
      assertThat(t.period()).isEqualTo(Duration.ofSeconds(1));
    });
    timer.fire(0);
    timer.fire(0);
    assertThat(peer.out).containsExactly("{\"type\":\"ka\"}", "{\"type\":\"ka\"}");
  }

  @Test
  void subscriptions_transport_ws_has_no_init_timeout_and_starts_without_init() {
    ServerSession session = open(Subprotocol.SUBSCRIPTIONS_TRANSPORT_WS);
    assertThat(timer.tasks).isEmpty();
    session.text(start("a", "{ a }"));
    server.replies.get("a").next(Map.of("data", 1));
    server.replies.get("a").complete();
    assertThat(peer.out).containsExactly("{\"id\":\"a\",\"type\":\"data\",\"payload\":{\"data\":1}}", "{\"id\":\"a\",\"type\":\"complete\"}");
  }

  @Test
  void subscriptions_transport_ws_ignores_what_it_cannot_parse_and_closes_1002_on_binary() {
    ServerSession session = open(Subprotocol.SUBSCRIPTIONS_TRANSPORT_WS);
    session.text("{not json");
    session.text("[1,2]");
    session.text("{\"id\":\"1\"}");
    session.text("{\"type\":\"subscribe\"}");
    assertThat(peer.out).isEmpty();
    session.binary();
    assertThat(peer.out).containsExactly("close 1002 WebSocket message type must be text");
  }

  @Test
  void subscriptions_transport_ws_init_payload_neither_object_nor_null_gets_connection_error_and_1000() {
    open(Subprotocol.SUBSCRIPTIONS_TRANSPORT_WS).text("{\"type\":\"connection_init\",\"payload\":[1]}");
    assertThat(peer.out).containsExactly("{\"type\":\"connection_error\"}", "close 1000 ");
  }

  @Test
  void subscriptions_transport_ws_null_init_payload_is_acked_as_empty_and_a_refused_one_closes_1011() {
    open(Subprotocol.SUBSCRIPTIONS_TRANSPORT_WS).text("{\"type\":\"connection_init\",\"payload\":null}");
    assertThat(server.calls).containsExactly("accept {}");
    assertThat(peer.out).containsExactly("{\"type\":\"connection_ack\"}");
    peer.out.clear();
    new ServerSession(Subprotocol.SUBSCRIPTIONS_TRANSPORT_WS, TIMING, peer, timer, server)
        .text("{\"type\":\"connection_init\",\"payload\":{\"key\":\"wrong\"}}");
    assertThat(peer.out).containsExactly("{\"type\":\"connection_error\",\"payload\":{\"message\":\"Forbidden\"}}", "close 1011 ");
  }

  @Test
  void subscriptions_transport_ws_start_without_id_or_query_closes_1011() {
    assertThat(closeAfter(Subprotocol.SUBSCRIPTIONS_TRANSPORT_WS, "{\"type\":\"start\",\"payload\":{\"query\":\"{ a }\"}}")).isEqualTo("close 1011 ");
    assertThat(closeAfter(Subprotocol.SUBSCRIPTIONS_TRANSPORT_WS, "{\"type\":\"start\",\"id\":\"1\",\"payload\":{}}")).isEqualTo("close 1011 ");
  }

  @Test
  void subscriptions_transport_ws_sends_only_the_first_error_and_a_bad_request_is_an_error_too() {
    ServerSession session = acked(Subprotocol.SUBSCRIPTIONS_TRANSPORT_WS);
    session.text(start("1", "{ x }"));
    server.replies.get("1").errors(List.of(Map.of("message", "a"), Map.of("message", "b")));
    session.text(start("2", "{"));
    server.replies.get("2").badRequest("Syntax Error", List.of(Map.of("message", "Syntax Error")));
    assertThat(peer.out).containsExactly(
        "{\"id\":\"1\",\"type\":\"error\",\"payload\":{\"message\":\"a\"}}",
        "{\"id\":\"2\",\"type\":\"error\",\"payload\":{\"message\":\"Syntax Error\"}}");
  }

  @Test
  void subscriptions_transport_ws_stop_completes_a_running_operation_and_start_replaces_one() {
    ServerSession session = open(Subprotocol.SUBSCRIPTIONS_TRANSPORT_WS);
    session.text(start("1", "subscription { s }"));
    ServerSession.Reply first = server.replies.get("1");
    session.text(start("1", "subscription { t }"));
    first.next(Map.of("data", "old"));
    session.text("{\"id\":\"1\",\"type\":\"stop\"}");
    session.text("{\"id\":\"1\",\"type\":\"stop\"}");
    assertThat(peer.out).containsExactly("{\"id\":\"1\",\"type\":\"complete\"}");
    assertThat(server.calls).containsExactly("start 1 subscription { s }", "stop 1", "start 1 subscription { t }", "stop 1");
  }

  @Test
  void subscriptions_transport_ws_terminate_closes_1000_and_the_close_stops_keep_alive() {
    ServerSession session = acked(Subprotocol.SUBSCRIPTIONS_TRANSPORT_WS);
    session.text("{\"type\":\"connection_terminate\"}");
    assertThat(peer.out).containsExactly("close 1000 ");
    assertThat(timer.tasks.get(0).cancelled()[0]).isTrue();
    timer.fire(0);
    assertThat(peer.out).hasSize(1);
  }

  private String closeAfter(Subprotocol subprotocol, String frame) {
    FakePeer fresh = new FakePeer();
    ServerSession session = new ServerSession(subprotocol, TIMING, fresh, new FakeTimer(), server);
    session.opened();
    if (subprotocol == Subprotocol.GRAPHQL_TRANSPORT_WS) {
      session.text("{\"type\":\"connection_init\"}");
      fresh.out.clear();
    }
    session.text(frame);
    assertThat(fresh.out).as(frame).hasSize(1);
    return fresh.out.get(0);
  }
}

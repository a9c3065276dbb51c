package dev.subpact.graphql.websocket;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each subprotocol's messages, both ways, from the client's side; negotiation and close codes. */
class ClientCodecTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ClientCodec TRANSPORT_WS = ClientCodec.of(Subprotocol.GRAPHQL_TRANSPORT_WS);
  private static final ClientCodec SUBSCRIPTIONS_TRANSPORT_WS = ClientCodec.of(Subprotocol.SUBSCRIPTIONS_TRANSPORT_WS);

  @Test
  void transport_ws_encodes_subscribe_and_complete_and_answers_ping() throws Exception {
    ClientCodec codec = ClientCodec.of(Subprotocol.forWireName("graphql-transport-ws").orElseThrow());
    assertThat(codec.subscribe("1", Map.of("query", "{ a }"))).isEqualTo("{\"id\":\"1\",\"type\":\"subscribe\",\"payload\":{\"query\":\"{ a }\"}}");
    assertThat(codec.complete("1")).isEqualTo("{\"id\":\"1\",\"type\":\"complete\"}");
    assertThat(codec.connectionInit(JSON.readTree("{\"apiKey\":\"k\"}"))).isEqualTo("{\"type\":\"connection_init\",\"payload\":{\"apiKey\":\"k\"}}");
    assertThat(codec.answer(new ServerMessage.Ping())).contains("{\"type\":\"pong\"}");
    assertThat(codec.terminate()).isEmpty();
  }

  @Test
  void subscriptions_transport_ws_encodes_start_stop_and_terminate() {
    ClientCodec codec = ClientCodec.of(Subprotocol.forWireName("graphql-ws").orElseThrow());
    assertThat(codec.subscribe("1", Map.of("query", "{ a }"))).isEqualTo("{\"id\":\"1\",\"type\":\"start\",\"payload\":{\"query\":\"{ a }\"}}");
    assertThat(codec.complete("1")).isEqualTo("{\"id\":\"1\",\"type\":\"stop\"}");
    assertThat(codec.terminate()).contains("{\"type\":\"connection_terminate\"}");
    assertThat(codec.answer(new ServerMessage.KeepAlive())).isEmpty();
  }

  @Test
  void each_subprotocol_decodes_its_own_server_messages() {
    assertThat(TRANSPORT_WS.decode("{\"type\":\"connection_ack\"}")).isEqualTo(new ServerMessage.Ack());
    assertThat(TRANSPORT_WS.decode("{\"type\":\"ping\"}")).isEqualTo(new ServerMessage.Ping());
    assertThat(TRANSPORT_WS.decode("{\"id\":\"1\",\"type\":\"complete\"}")).isEqualTo(new ServerMessage.Complete("1"));
    assertThat(((ServerMessage.Next) TRANSPORT_WS.decode("{\"id\":\"1\",\"type\":\"next\",\"payload\":{\"data\":1}}")).id()).isEqualTo("1");
    assertThat(SUBSCRIPTIONS_TRANSPORT_WS.decode("{\"type\":\"ka\"}")).isEqualTo(new ServerMessage.KeepAlive());
    assertThat(((ServerMessage.Next) SUBSCRIPTIONS_TRANSPORT_WS.decode("{\"id\":\"2\",\"type\":\"data\",\"payload\":{}}")).id()).isEqualTo("2");
    assertThat(SUBSCRIPTIONS_TRANSPORT_WS.decode("{\"type\":\"connection_error\"}")).isInstanceOf(ServerMessage.ConnectionError.class);
  }

  @Test
  void errors_are_a_list_whether_sent_as_an_array_or_one_object() {
    ServerMessage all = TRANSPORT_WS.decode("{\"id\":\"1\",\"type\":\"error\",\"payload\":[{\"message\":\"a\"},{\"message\":\"b\"}]}");
    assertThat(((ServerMessage.Error) all).errors()).hasSize(2);
    ServerMessage first = SUBSCRIPTIONS_TRANSPORT_WS.decode("{\"id\":\"1\",\"type\":\"error\",\"payload\":{\"message\":\"a\"}}");
    assertThat(((ServerMessage.Error) first).errors()).singleElement().satisfies(e -> assertThat(e.path("message").asText()).isEqualTo("a"));
  }

  @Test
  void frames_outside_the_subprotocol_are_garbage_saying_why() {
    assertThat(TRANSPORT_WS.decode("<html>")).isEqualTo(new ServerMessage.Garbage("<html>", "not JSON (Unexpected character ('<' (code 60)): expected a valid value (JSON String, Number, Array, Object or token 'null', 'true' or 'false'))"));
    assertThat(((ServerMessage.Garbage) TRANSPORT_WS.decode("[1]")).problem()).isEqualTo("not a JSON object");
    assertThat(((ServerMessage.Garbage) TRANSPORT_WS.decode("{\"id\":\"1\"}")).problem()).isEqualTo("no \"type\"");
    assertThat(((ServerMessage.Garbage) TRANSPORT_WS.decode("{\"type\":\"data\"}")).problem())
        .isEqualTo("unknown graphql-transport-ws message type \"data\"");
    assertThat(((ServerMessage.Garbage) SUBSCRIPTIONS_TRANSPORT_WS.decode("{\"type\":\"next\"}")).problem())
        .isEqualTo("unknown graphql-ws message type \"next\"");
    assertThat(((ServerMessage.Garbage) SUBSCRIPTIONS_TRANSPORT_WS.decode("{\"type\":\"start\"}")).problem())
        .as("a client's message from a server").isEqualTo("unknown graphql-ws message type \"start\"");
    assertThat(Subprotocol.forWireName("graphql-sse")).isEmpty();
  }

  @Test
  void negotiation_picks_the_first_offered_subprotocol_the_server_speaks() {
    assertThat(Subprotocol.negotiate(List.of("graphql-sse", "graphql-ws", "graphql-transport-ws"))).contains(Subprotocol.SUBSCRIPTIONS_TRANSPORT_WS);
    assertThat(Subprotocol.negotiate(List.of("graphql-transport-ws", "graphql-ws"))).contains(Subprotocol.GRAPHQL_TRANSPORT_WS);
    assertThat(Subprotocol.negotiate(List.of("mqtt"))).isEmpty();
    assertThat(Subprotocol.negotiate(List.of())).isEmpty();
    assertThat(Subprotocol.wireNamesInWords()).isEqualTo("graphql-transport-ws and graphql-ws");
  }

  @Test
  void close_codes_say_what_they_mean_and_reasons_fit_a_close_frame() {
    assertThat(CloseCode.meaning(4409)).isEqualTo("subscriber already exists: an operation id was reused");
    assertThat(CloseCode.meaning(1006)).startsWith("abnormal closure");
    assertThat(CloseCode.meaning(4321)).isEqualTo("application-defined close");
    assertThat(CloseCode.meaning(1234)).isEqualTo("close code 1234");
    String long130 = "é".repeat(65);
    assertThat(CloseCode.fitReason(long130)).isEqualTo("é".repeat(61));
    assertThat(CloseCode.fitReason("short")).isEqualTo("short");
  }
}

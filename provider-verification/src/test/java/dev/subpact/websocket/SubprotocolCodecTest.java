package dev.subpact.websocket;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each subprotocol's messages, both ways. */
class SubprotocolCodecTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void transport_ws_encodes_subscribe_and_complete_and_answers_ping() throws Exception {
    SubprotocolCodec codec = SubprotocolCodec.forName("graphql-transport-ws").orElseThrow();
    assertThat(codec.subscribe("1", Map.of("query", "{ a }"))).isEqualTo("{\"id\":\"1\",\"type\":\"subscribe\",\"payload\":{\"query\":\"{ a }\"}}");
    assertThat(codec.complete("1")).isEqualTo("{\"id\":\"1\",\"type\":\"complete\"}");
    assertThat(codec.connectionInit(JSON.readTree("{\"apiKey\":\"k\"}"))).isEqualTo("{\"type\":\"connection_init\",\"payload\":{\"apiKey\":\"k\"}}");
    assertThat(codec.answer(new ServerMessage.Ping())).contains("{\"type\":\"pong\"}");
    assertThat(codec.terminate()).isEmpty();
  }

  @Test
  void legacy_ws_encodes_start_stop_and_terminate() {
    SubprotocolCodec codec = SubprotocolCodec.forName("graphql-ws").orElseThrow();
    assertThat(codec.subscribe("1", Map.of("query", "{ a }"))).isEqualTo("{\"id\":\"1\",\"type\":\"start\",\"payload\":{\"query\":\"{ a }\"}}");
    assertThat(codec.complete("1")).isEqualTo("{\"id\":\"1\",\"type\":\"stop\"}");
    assertThat(codec.terminate()).contains("{\"type\":\"connection_terminate\"}");
    assertThat(codec.answer(new ServerMessage.KeepAlive())).isEmpty();
  }

  @Test
  void errors_are_a_list_whether_sent_as_an_array_or_one_object() {
    ServerMessage all = SubprotocolCodec.TRANSPORT_WS.decode("{\"id\":\"1\",\"type\":\"error\",\"payload\":[{\"message\":\"a\"},{\"message\":\"b\"}]}");
    assertThat(((ServerMessage.Error) all).errors()).hasSize(2);
    ServerMessage first = SubprotocolCodec.LEGACY_WS.decode("{\"id\":\"1\",\"type\":\"error\",\"payload\":{\"message\":\"a\"}}");
    assertThat(((ServerMessage.Error) first).errors()).singleElement().satisfies(e -> assertThat(e.path("message").asText()).isEqualTo("a"));
  }

  @Test
  void frames_outside_the_subprotocol_are_garbage_saying_why() {
    assertThat(SubprotocolCodec.TRANSPORT_WS.decode("<html>")).isEqualTo(new ServerMessage.Garbage("<html>", "not JSON (Unexpected character ('<' (code 60)): expected a valid value (JSON String, Number, Array, Object or token 'null', 'true' or 'false'))"));
    assertThat(((ServerMessage.Garbage) SubprotocolCodec.TRANSPORT_WS.decode("[1]")).problem()).isEqualTo("not a JSON object");
    assertThat(((ServerMessage.Garbage) SubprotocolCodec.TRANSPORT_WS.decode("{\"id\":\"1\"}")).problem()).isEqualTo("no \"type\"");
    assertThat(((ServerMessage.Garbage) SubprotocolCodec.TRANSPORT_WS.decode("{\"type\":\"data\"}")).problem())
        .isEqualTo("unknown graphql-transport-ws message type \"data\"");
    assertThat(((ServerMessage.Garbage) SubprotocolCodec.LEGACY_WS.decode("{\"type\":\"next\"}")).problem())
        .isEqualTo("unknown graphql-ws message type \"next\"");
    assertThat(SubprotocolCodec.forName("graphql-sse")).isEmpty();
  }
}

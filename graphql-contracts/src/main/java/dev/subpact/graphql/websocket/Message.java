package dev.subpact.graphql.websocket;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One message as JSON text: {@code {"id"?, "type", "payload"?}}, the field order both subprotocols'
 * reference implementations send.
 */
public final class Message {

  static final ObjectMapper JSON = new ObjectMapper();

  private Message() {}

  /** A message without id or payload. */
  public static String encode(MessageType type) {
    return encode(type, null, null);
  }

  /**
   * A message; {@code id} and {@code payload} are left out when {@code null}. The payload is any
   * value Jackson serialises (a {@link JsonNode}, a map, a list).
   */
  public static String encode(MessageType type, String id, Object payload) {
    ObjectNode message = JSON.createObjectNode();
    if (id != null) {
      message.put("id", id);
    }
    message.put("type", type.wireName());
    if (payload != null) {
      message.set("payload", JSON.valueToTree(payload));
    }
    return message.toString();
  }

  /** A text frame as JSON, or {@code null} when it is not JSON. */
  static JsonNode parse(String frame) throws JsonProcessingException {
    return JSON.readTree(frame);
  }
}

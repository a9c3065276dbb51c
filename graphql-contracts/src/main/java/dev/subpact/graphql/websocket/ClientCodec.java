package dev.subpact.graphql.websocket;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A client's side of one subprotocol: encodes what a client sends, decodes what a server sends. */
public final class ClientCodec {

  private final Subprotocol subprotocol;

  private ClientCodec(Subprotocol subprotocol) {
    this.subprotocol = subprotocol;
  }

  public static ClientCodec of(Subprotocol subprotocol) {
    return new ClientCodec(subprotocol);
  }

  public Subprotocol subprotocol() {
    return subprotocol;
  }

  public String connectionInit(JsonNode payload) {
    return Message.encode(MessageType.CONNECTION_INIT, null, payload);
  }

  /** {@code subscribe} / {@code start} with {@code {"query", "operationName", "variables"}}. */
  public String subscribe(String id, Map<String, Object> request) {
    return Message.encode(subprotocol.subscribe(), id, request);
  }

  /** {@code complete} / {@code stop}. */
  public String complete(String id) {
    return Message.encode(subprotocol.stop(), id, null);
  }

  /** The reply a server message needs ({@code pong} for {@code ping}), if any. */
  public Optional<String> answer(ServerMessage message) {
    return message instanceof ServerMessage.Ping && subprotocol == Subprotocol.GRAPHQL_TRANSPORT_WS
        ? Optional.of(Message.encode(MessageType.PONG))
        : Optional.empty();
  }

  /** Sent before the close frame: {@code connection_terminate} in subscriptions-transport-ws; none in graphql-transport-ws. */
  public Optional<String> terminate() {
    return subprotocol == Subprotocol.SUBSCRIPTIONS_TRANSPORT_WS
        ? Optional.of(Message.encode(MessageType.CONNECTION_TERMINATE))
        : Optional.empty();
  }

  /** A server's text frame; a {@link ServerMessage.Garbage} saying why when it is not a message of this subprotocol. */
  public ServerMessage decode(String frame) {
    JsonNode m;
    try {
      m = Message.parse(frame);
    } catch (JsonProcessingException e) {
      return new ServerMessage.Garbage(frame, "not JSON (" + e.getOriginalMessage() + ")");
    }
    if (m == null || !m.isObject()) {
      return new ServerMessage.Garbage(frame, "not a JSON object");
    }
    if (!m.path("type").isTextual()) {
      return new ServerMessage.Garbage(frame, "no \"type\"");
    }
    String type = m.get("type").asText();
    Optional<MessageType> known = subprotocol.serverMessage(type);
    if (known.isEmpty()) {
      return new ServerMessage.Garbage(frame, "unknown " + subprotocol.wireName() + " message type \"" + type + "\"");
    }
    return switch (known.get()) {
      case CONNECTION_ACK -> new ServerMessage.Ack();
      case KEEP_ALIVE -> new ServerMessage.KeepAlive();
      case PING -> new ServerMessage.Ping();
      case PONG -> new ServerMessage.Pong();
      case NEXT, DATA -> new ServerMessage.Next(id(m), m.path("payload"));
      case ERROR -> new ServerMessage.Error(id(m), errors(m.path("payload")));
      case COMPLETE -> new ServerMessage.Complete(id(m));
      case CONNECTION_ERROR -> new ServerMessage.ConnectionError(m.path("payload"));
      default -> throw new IllegalStateException(subprotocol + " lists " + known.get() + " as a server message but the codec does not decode it");
    };
  }

  private static String id(JsonNode message) {
    return message.path("id").isValueNode() ? message.get("id").asText() : null;
  }

  /** An error payload as a list: graphql-transport-ws sends an array, subscriptions-transport-ws one object. */
  private static List<JsonNode> errors(JsonNode payload) {
    List<JsonNode> errors = new ArrayList<>();
    if (payload.isArray()) {
      payload.forEach(errors::add);
    } else if (payload.isObject() && payload.has("errors") && payload.get("errors").isArray()) {
      payload.get("errors").forEach(errors::add);
    } else if (!payload.isMissingNode()) {
      errors.add(payload);
    }
    return errors;
  }
}

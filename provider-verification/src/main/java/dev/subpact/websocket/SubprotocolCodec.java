package dev.subpact.websocket;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Encodes client messages and decodes server messages of one GraphQL-over-WebSocket subprotocol.
 * One implementation per subprotocol: {@link #TRANSPORT_WS} and {@link #LEGACY_WS}.
 */
public sealed interface SubprotocolCodec permits SubprotocolCodec.TransportWs, SubprotocolCodec.LegacyWs {

  /** {@code graphql-transport-ws}: the graphql-ws library's protocol. */
  SubprotocolCodec TRANSPORT_WS = new TransportWs();

  /** {@code graphql-ws}: the legacy Apollo subscriptions-transport-ws protocol. */
  SubprotocolCodec LEGACY_WS = new LegacyWs();

  /** The codecs subpact speaks, by subprotocol name. */
  static Optional<SubprotocolCodec> forName(String subprotocol) {
    return switch (subprotocol == null ? "" : subprotocol) {
      case "graphql-transport-ws" -> Optional.of(TRANSPORT_WS);
      case "graphql-ws" -> Optional.of(LEGACY_WS);
      default -> Optional.empty();
    };
  }

  String name();

  String connectionInit(JsonNode payload);

  /** {@code subscribe} / legacy {@code start} with {@code {"query", "operationName", "variables"}}. */
  String subscribe(String id, Map<String, Object> request);

  /** {@code complete} / legacy {@code stop}. */
  String complete(String id);

  /** The reply a server message needs ({@code pong} for {@code ping}), if any. */
  Optional<String> answer(ServerMessage message);

  /** Sent before the close frame: legacy {@code connection_terminate}; none for graphql-transport-ws. */
  Optional<String> terminate();

  ServerMessage decode(String frame);

  ObjectMapper JSON = new ObjectMapper();

  private static String encode(String type, String id, Object payload) {
    ObjectNode message = JSON.createObjectNode();
    if (id != null) {
      message.put("id", id);
    }
    message.put("type", type);
    if (payload != null) {
      message.set("payload", JSON.valueToTree(payload));
    }
    return message.toString();
  }

  /** Parses a frame into {@code (type, message)}; a {@link ServerMessage.Garbage} when it is not one. */
  private static Object parse(String frame) {
    try {
      JsonNode node = JSON.readTree(frame);
      if (node == null || !node.isObject()) {
        return new ServerMessage.Garbage(frame, "not a JSON object");
      }
      if (!node.path("type").isTextual()) {
        return new ServerMessage.Garbage(frame, "no \"type\"");
      }
      return node;
    } catch (JsonProcessingException e) {
      return new ServerMessage.Garbage(frame, "not JSON (" + e.getOriginalMessage() + ")");
    }
  }

  private static String id(JsonNode message) {
    return message.path("id").isValueNode() ? message.get("id").asText() : null;
  }

  /** {@code graphql-transport-ws}. */
  final class TransportWs implements SubprotocolCodec {
    private TransportWs() {}

    @Override
    public String name() {
      return "graphql-transport-ws";
    }

    @Override
    public String connectionInit(JsonNode payload) {
      return encode("connection_init", null, payload);
    }

    @Override
    public String subscribe(String id, Map<String, Object> request) {
      return encode("subscribe", id, request);
    }

    @Override
    public String complete(String id) {
      return encode("complete", id, null);
    }

    @Override
    public Optional<String> answer(ServerMessage message) {
      return message instanceof ServerMessage.Ping ? Optional.of(encode("pong", null, null)) : Optional.empty();
    }

    @Override
    public Optional<String> terminate() {
      return Optional.empty();
    }

    @Override
    public ServerMessage decode(String frame) {
      Object parsed = parse(frame);
      if (parsed instanceof ServerMessage.Garbage garbage) {
        return garbage;
      }
      JsonNode m = (JsonNode) parsed;
      return switch (m.get("type").asText()) {
        case "connection_ack" -> new ServerMessage.Ack();
        case "ping" -> new ServerMessage.Ping();
        case "pong" -> new ServerMessage.Pong();
        case "next" -> new ServerMessage.Next(id(m), m.path("payload"));
        case "error" -> new ServerMessage.Error(id(m), errors(m.path("payload")));
        case "complete" -> new ServerMessage.Complete(id(m));
        default -> new ServerMessage.Garbage(frame, "unknown graphql-transport-ws message type \"" + m.get("type").asText() + "\"");
      };
    }
  }

  /** Legacy {@code graphql-ws}. */
  final class LegacyWs implements SubprotocolCodec {
    private LegacyWs() {}

    @Override
    public String name() {
      return "graphql-ws";
    }

    @Override
    public String connectionInit(JsonNode payload) {
      return encode("connection_init", null, payload);
    }

    @Override
    public String subscribe(String id, Map<String, Object> request) {
      return encode("start", id, request);
    }

    @Override
    public String complete(String id) {
      return encode("stop", id, null);
    }

    @Override
    public Optional<String> answer(ServerMessage message) {
      return Optional.empty();
    }

    @Override
    public Optional<String> terminate() {
      return Optional.of(encode("connection_terminate", null, null));
    }

    @Override
    public ServerMessage decode(String frame) {
      Object parsed = parse(frame);
      if (parsed instanceof ServerMessage.Garbage garbage) {
        return garbage;
      }
      JsonNode m = (JsonNode) parsed;
      return switch (m.get("type").asText()) {
        case "connection_ack" -> new ServerMessage.Ack();
        case "ka" -> new ServerMessage.KeepAlive();
        case "data" -> new ServerMessage.Next(id(m), m.path("payload"));
        case "error" -> new ServerMessage.Error(id(m), errors(m.path("payload")));
        case "complete" -> new ServerMessage.Complete(id(m));
        case "connection_error" -> new ServerMessage.ConnectionError(m.path("payload"));
        default -> new ServerMessage.Garbage(frame, "unknown graphql-ws message type \"" + m.get("type").asText() + "\"");
      };
    }
  }

  /** An error payload as a list: graphql-transport-ws sends an array, legacy one object. */
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

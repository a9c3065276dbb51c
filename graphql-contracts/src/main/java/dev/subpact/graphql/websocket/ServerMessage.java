package dev.subpact.graphql.websocket;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** A message a GraphQL WebSocket server sends, decoded from either subprotocol. */
public sealed interface ServerMessage {

  /** {@code connection_ack}. */
  record Ack() implements ServerMessage {}

  /** subscriptions-transport-ws {@code ka} (keep-alive). */
  record KeepAlive() implements ServerMessage {}

  /** {@code ping}: must be answered with {@code pong}. */
  record Ping() implements ServerMessage {}

  /** {@code pong}. */
  record Pong() implements ServerMessage {}

  /** {@code next} / subscriptions-transport-ws {@code data}: one execution result ({@code {"data", "errors"?}}). */
  record Next(String id, JsonNode payload) implements ServerMessage {}

  /** {@code error}: the operation was refused; every error the server sent (subscriptions-transport-ws: one). */
  record Error(String id, List<JsonNode> errors) implements ServerMessage {}

  /** {@code complete}: the server ended the operation. */
  record Complete(String id) implements ServerMessage {}

  /** subscriptions-transport-ws {@code connection_error}: the server refused the connection. */
  record ConnectionError(JsonNode payload) implements ServerMessage {}

  /** A frame that is not a message of the negotiated subprotocol. */
  record Garbage(String frame, String problem) implements ServerMessage {}
}

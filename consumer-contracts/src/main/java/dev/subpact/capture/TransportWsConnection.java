package dev.subpact.capture;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.subpact.graphql.operation.OperationType;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;

/**
 * The {@code graphql-transport-ws} subprotocol, answered as Strawberry answers it: 4408 when no
 * {@code connection_init} arrives in time, 4401 on subscribe before the ack, 4409 on a duplicate
 * id, 4429 on a second init, 4400 on anything malformed.
 */
final class TransportWsConnection extends WsConnection {

  private final Set<String> active = ConcurrentHashMap.newKeySet();
  private volatile boolean initReceived;
  private volatile ScheduledFuture<?> initTimeout;

  TransportWsConnection(CaptureRuntime runtime, String path, List<String> offered) {
    super(runtime, path, offered, Subprotocol.GRAPHQL_TRANSPORT_WS);
  }

  @Override
  void connected() {
    initTimeout = runtime.schedule(runtime.settings().initTimeout(), () -> {
      if (!initReceived) {
        close(4408, "Connection initialisation timeout");
      }
    });
  }

  @Override
  void closed() {
    ScheduledFuture<?> timeout = initTimeout;
    if (timeout != null) {
      timeout.cancel(false);
    }
  }

  @Override
  void notJson() {
    close(4400, "WebSocket message must be valid JSON");
  }

  @Override
  void binary() {
    close(4400, "WebSocket message type must be text");
  }

  @Override
  synchronized void handle(ObjectNode message) {
    JsonNode type = message.get("type");
    if (type == null || !type.isTextual()) {
      close(4400, "Failed to parse message");
      return;
    }
    switch (type.asText()) {
      case "connection_init" -> init(message.get("payload"));
      case "ping" -> send(message("pong", null));
      case "pong" -> { }
      case "subscribe" -> subscribe(message.get("id"), message.get("payload"));
      case "complete" -> {
        JsonNode id = message.get("id");
        if (id != null) {
          active.remove(id.asText());
        }
      }
      default -> close(4400, "Unknown message type: " + type.asText());
    }
  }

  private void init(JsonNode payload) {
    if (payload != null && !payload.isNull() && !payload.isObject()) {
      close(4400, "Invalid connection init payload");
      return;
    }
    if (initReceived) {
      close(4429, "Too many initialisation requests");
      return;
    }
    initReceived = true;
    closed();
    rememberInitKeys(payload);
    send(message("connection_ack", null));
  }

  private void subscribe(JsonNode idNode, JsonNode payload) {
    if (idNode == null || !idNode.isTextual() || payload == null || !payload.isObject()) {
      close(4400, "Failed to parse message");
      return;
    }
    if (!initReceived) {
      close(4401, "Unauthorized");
      return;
    }
    String id = idNode.asText();
    if (active.contains(id)) {
      close(4409, "Subscriber for " + id + " already exists");
      return;
    }
    Intake.Outcome outcome = runtime.intake().take(payload, transport, chosen, initKeys);
    if (outcome instanceof Intake.Rejected rejected) {
      close(4400, rejected.reason());
    } else if (outcome instanceof Intake.SyntaxError syntax) {
      close(4400, syntax.message());
    } else if (outcome instanceof Intake.Invalid invalid) {
      ObjectNode error = message("error", id);
      error.set("payload", invalid.graphqlErrors());
      send(error);
    } else if (outcome instanceof Intake.Answered answered) {
      boolean subscription = answered.operation().type() == OperationType.SUBSCRIPTION;
      if (subscription) {
        active.add(id);
      }
      for (JsonNode result : answered.results()) {
        ObjectNode next = message("next", id);
        next.set("payload", result);
        send(next);
      }
      if (!subscription) {
        send(message("complete", id));
      }
    }
  }
}

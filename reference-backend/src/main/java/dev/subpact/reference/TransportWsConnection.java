package dev.subpact.reference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.websocket.api.Session;

/**
 * {@code graphql-transport-ws} (the graphql-ws library's protocol) as Strawberry 0.275 speaks it:
 * all validation errors in one {@code error} message and the socket stays open; a syntax error or an
 * unknown {@code operationName} closes 4400 (as does a {@code connection_init} payload that is not
 * an object, {@code null} included); {@code subscribe} before {@code connection_ack} closes 4401; a duplicate id closes 4409; a
 * second {@code connection_init} closes 4429; no {@code connection_init} in time closes 4408.
 */
final class TransportWsConnection extends ServerConnection {

  static final String SUBPROTOCOL = "graphql-transport-ws";

  private final ScheduledExecutorService timer;
  private volatile boolean initReceived;
  private volatile boolean acknowledged;
  private ScheduledFuture<?> initTimeout;

  TransportWsConnection(ExecutableBuild build, BackendOptions options, String interaction, ScheduledExecutorService timer) {
    super(build, options, interaction);
    this.timer = timer;
  }

  @Override
  public void onWebSocketConnect(Session session) {
    super.onWebSocketConnect(session);
    initTimeout = timer.schedule(() -> {
      if (!initReceived) {
        close(4408, "Connection initialisation timeout");
      }
    }, options.initTimeout().toMillis(), TimeUnit.MILLISECONDS);
  }

  @Override
  public void onWebSocketClose(int statusCode, String reason) {
    if (initTimeout != null) {
      initTimeout.cancel(false);
    }
    super.onWebSocketClose(statusCode, reason);
  }

  @Override
  void invalid(String reason) {
    close(4400, reason);
  }

  @Override
  void onMessage(String type, ObjectNode message) {
    switch (type) {
      case "connection_init" -> init(message.get("payload"));
      case "ping" -> send(frame("pong", null, null));
      case "pong" -> { }
      case "subscribe" -> subscribe(message);
      case "complete" -> stop(text(message.get("id")));
      default -> close(4400, "Unknown message type: " + type);
    }
  }

  private void init(JsonNode payload) {
    if (initReceived) {
      close(4429, "Too many initialisation requests");
      return;
    }
    initReceived = true;
    // Strawberry reads message.get("payload", {}): absent is {}, but null (like any non-object) closes 4400.
    if (payload != null && !payload.isObject()) {
      close(4400, "Invalid connection init payload");
      return;
    }
    if (!options.authorised(payload == null ? JSON.createObjectNode() : payload)) {
      close(4403, "Forbidden");
      return;
    }
    acknowledged = true;
    send(frame("connection_ack", null, null));
  }

  private void subscribe(ObjectNode message) {
    if (!acknowledged) {
      close(4401, "Unauthorized");
      return;
    }
    String id = text(message.get("id"));
    JsonNode payload = message.get("payload");
    if (id == null || payload == null || !payload.path("query").isTextual()) {
      close(4400, "Invalid subscribe message");
      return;
    }
    if (operations.containsKey(id)) {
      close(4409, "Subscriber for " + id + " already exists");
      return;
    }
    String query = payload.get("query").asText();
    String operationName = text(payload.get("operationName"));
    ExecutableBuild.Preparation prepared = build.prepare(query, operationName);
    if (prepared instanceof ExecutableBuild.Refused refused) {
      if (refused.stage() == ExecutableBuild.Stage.VALIDATION) {
        sendErrors(id, refused.errors());
      } else {
        close(4400, refused.firstMessage());
      }
      return;
    }
    run(id, (ExecutableBuild.Ready) prepared, query, operationName, variables(payload));
  }

  @Override
  void sendResult(String id, Map<String, Object> result) {
    send(frame("next", id, result));
  }

  @Override
  void sendComplete(String id) {
    send(frame("complete", id, null));
  }

  @Override
  void sendErrors(String id, List<Map<String, Object>> errors) {
    send(frame("error", id, errors));
  }
}

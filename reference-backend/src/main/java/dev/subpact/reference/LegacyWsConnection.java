package dev.subpact.reference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The legacy Apollo {@code graphql-ws} protocol (subscriptions-transport-ws) as Strawberry 0.275
 * speaks it: {@code connection_ack}, then {@code ka} at once and every keep-alive interval
 * (Strawberry's {@code keep_alive_interval}, 1 s by default); a {@code connection_init} payload that
 * is neither an object nor {@code null} gets a bare {@code connection_error} and close 1000; an
 * operation that does not parse, names no operation of the document or does not validate gets an
 * {@code error} carrying only the <em>first</em> error; {@code data} per result; {@code complete}.
 */
final class LegacyWsConnection extends ServerConnection {

  static final String SUBPROTOCOL = "graphql-ws";

  private final ScheduledExecutorService timer;
  private ScheduledFuture<?> keepAlive;

  LegacyWsConnection(ExecutableBuild build, BackendOptions options, String interaction, ScheduledExecutorService timer) {
    super(build, options, interaction);
    this.timer = timer;
  }

  @Override
  void invalid(String reason) {
    send(frame("error", null, Map.of("message", reason)));
  }

  @Override
  void onMessage(String type, ObjectNode message) {
    switch (type) {
      case "connection_init" -> init(message.get("payload"));
      case "connection_terminate" -> close(1000, "");
      case "start" -> start(message);
      case "stop" -> {
        String id = text(message.get("id"));
        if (stop(id)) {
          sendComplete(id);
        }
      }
      default -> { }
    }
  }

  private void init(JsonNode payload) {
    if (payload != null && !payload.isNull() && !payload.isObject()) {
      send(frame("connection_error", null, null));
      close(1000, "");
      return;
    }
    if (!options.authorised(payload == null ? JSON.createObjectNode() : payload)) {
      send(frame("connection_error", null, Map.of("message", "Forbidden")));
      close(1011, "");
      return;
    }
    send(frame("connection_ack", null, null));
    long every = options.keepAlive().toMillis();
    if (every > 0) {
      keepAlive = timer.scheduleAtFixedRate(() -> send(frame("ka", null, null)), 0, every, TimeUnit.MILLISECONDS);
    }
  }

  @Override
  public void onWebSocketClose(int statusCode, String reason) {
    if (keepAlive != null) {
      keepAlive.cancel(false);
    }
    super.onWebSocketClose(statusCode, reason);
  }

  private void start(ObjectNode message) {
    String id = text(message.get("id"));
    JsonNode payload = message.path("payload");
    if (id == null || !payload.path("query").isTextual()) {
      send(frame("error", id, Map.of("message", "Invalid start message")));
      return;
    }
    stop(id); // subscriptions-transport-ws: a start with a running id replaces that operation
    String query = payload.get("query").asText();
    String operationName = text(payload.get("operationName"));
    ExecutableBuild.Preparation prepared = build.prepare(query, operationName);
    if (prepared instanceof ExecutableBuild.Refused refused) {
      sendErrors(id, refused.errors());
      return;
    }
    run(id, (ExecutableBuild.Ready) prepared, query, operationName, variables(payload));
  }

  @Override
  void sendResult(String id, Map<String, Object> result) {
    send(frame("data", id, result));
  }

  @Override
  void sendComplete(String id) {
    send(frame("complete", id, null));
  }

  /** Strawberry's legacy handler sends only the first error. */
  @Override
  void sendErrors(String id, List<Map<String, Object>> errors) {
    send(frame("error", id, errors.get(0)));
  }
}

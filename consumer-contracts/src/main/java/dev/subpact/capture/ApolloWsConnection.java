package dev.subpact.capture;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.subpact.graphql.operation.OperationType;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ScheduledFuture;

/**
 * Apollo's legacy {@code graphql-ws} subprotocol (subscriptions-transport-ws), answered as
 * Strawberry answers it: frames that are not JSON are ignored, a binary frame closes with 1002, an
 * invalid operation gets one {@code error} carrying only the <em>first</em> error,
 * {@code start} needs no {@code connection_init} first, and a {@code ka} follows the ack at once
 * and then every {@link CaptureSettings#keepAlive()}.
 */
final class ApolloWsConnection extends WsConnection {

  private ScheduledFuture<?> keepAlive;

  ApolloWsConnection(CaptureRuntime runtime, String path, List<String> offered) {
    super(runtime, path, offered, Subprotocol.GRAPHQL_WS);
  }

  @Override
  synchronized void closed() {
    if (keepAlive != null) {
      keepAlive.cancel(false);
    }
  }

  @Override
  void notJson() {
    // Strawberry's legacy handler ignores messages it cannot parse.
  }

  @Override
  void binary() {
    close(1002, "WebSocket message type must be text");
  }

  @Override
  synchronized void handle(ObjectNode message) {
    String type = message.path("type").asText("");
    switch (type) {
      case "connection_init" -> init(message.get("payload"));
      case "connection_terminate" -> close(1000, "");
      case "start" -> start(message.get("id"), message.get("payload"));
      case "stop" -> {
        JsonNode id = message.get("id");
        if (id != null) {
          send(message("complete", id.asText()));
        }
      }
      default -> { }
    }
  }

  private void init(JsonNode payload) {
    if (payload != null && !payload.isNull() && !payload.isObject()) {
      send(message("connection_error", null));
      close(1000, "");
      return;
    }
    rememberInitKeys(payload);
    send(message("connection_ack", null));
    Duration interval = runtime.settings().keepAlive();
    if (!interval.isZero() && keepAlive == null) {
      keepAlive = runtime.every(interval, () -> send(message("ka", null)));
    }
  }

  private void start(JsonNode idNode, JsonNode payload) {
    if (idNode == null || payload == null || !payload.isObject()) {
      // Strawberry's handler fails on a start without id or payload and the socket closes.
      close(1011, "");
      return;
    }
    String id = idNode.asText();
    Intake.Outcome outcome = runtime.intake().take(payload, transport, chosen, initKeys);
    if (outcome instanceof Intake.Rejected rejected) {
      ObjectNode error = message("error", id);
      error.putObject("payload").put("message", rejected.reason());
      send(error);
    } else if (outcome instanceof Intake.SyntaxError syntax) {
      ObjectNode error = message("error", id);
      error.set("payload", syntax.error());
      send(error);
    } else if (outcome instanceof Intake.Invalid invalid) {
      ObjectNode error = message("error", id);
      error.set("payload", invalid.graphqlErrors().get(0));
      send(error);
    } else if (outcome instanceof Intake.Answered answered) {
      for (JsonNode result : answered.results()) {
        ObjectNode data = message("data", id);
        data.set("payload", result);
        send(data);
      }
      if (answered.operation().type() != OperationType.SUBSCRIPTION) {
        send(message("complete", id));
      }
    }
  }
}

package dev.subpact.reference;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import graphql.ExecutionResult;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.api.WebSocketListener;
import org.eclipse.jetty.websocket.api.BatchMode;
import org.eclipse.jetty.websocket.api.WriteCallback;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

/**
 * One client's WebSocket connection to the reference backend, speaking one subprotocol the way
 * Strawberry does. Subclasses decode the subprotocol's messages; this class runs operations and
 * sends frames in order.
 */
abstract class ServerConnection implements WebSocketListener {

  static final ObjectMapper JSON = new ObjectMapper();

  final ExecutableBuild build;
  final BackendOptions options;
  final String interaction;
  final Map<String, Subscription> operations = new ConcurrentHashMap<>();
  private final Object sendLock = new Object();
  volatile Session session;

  ServerConnection(ExecutableBuild build, BackendOptions options, String interaction) {
    this.build = build;
    this.options = options;
    this.interaction = interaction;
  }

  @Override
  public void onWebSocketConnect(Session session) {
    // Every frame goes out at once: a batched frame could wait in Jetty's buffer while the client waits for it.
    session.getRemote().setBatchMode(BatchMode.OFF);
    this.session = session;
  }

  @Override
  public void onWebSocketText(String text) {
    JsonNode message;
    try {
      message = JSON.readTree(text);
    } catch (JsonProcessingException e) {
      invalid("Invalid JSON");
      return;
    }
    if (!(message instanceof ObjectNode object) || !object.path("type").isTextual()) {
      invalid("Invalid message type");
      return;
    }
    onMessage(object.get("type").asText(), object);
  }

  @Override
  public void onWebSocketBinary(byte[] payload, int offset, int len) {
    invalid("WebSocket message type must be text");
  }

  @Override
  public void onWebSocketClose(int statusCode, String reason) {
    operations.values().forEach(Subscription::cancel);
    operations.clear();
  }

  @Override
  public void onWebSocketError(Throwable cause) {
    operations.values().forEach(Subscription::cancel);
    operations.clear();
  }

  /** A message that is not valid in this subprotocol. */
  abstract void invalid(String reason);

  abstract void onMessage(String type, ObjectNode message);

  /** Sends the result of each execution ({@code next}/{@code data}) and the end ({@code complete}). */
  abstract void sendResult(String id, Map<String, Object> result);

  abstract void sendComplete(String id);

  abstract void sendErrors(String id, List<Map<String, Object>> errors);

  /** Runs a prepared operation: a query or mutation answers once, a subscription streams. */
  void run(String id, ExecutableBuild.Ready ready, String query, String operationName, Map<String, Object> variables) {
    ExecutionResult result = build.execute(ready, query, operationName, variables, interaction);
    if (!(result.getData() instanceof Publisher<?> publisher)) {
      if (result.getData() == null && !result.getErrors().isEmpty()) {
        sendErrors(id, ExecutableBuild.errors(result.getErrors()));
      } else {
        sendResult(id, result.toSpecification());
        sendComplete(id);
      }
      operations.remove(id);
      return;
    }
    @SuppressWarnings("unchecked")
    Publisher<ExecutionResult> results = (Publisher<ExecutionResult>) publisher;
    results.subscribe(
        new Subscriber<>() {
          @Override
          public void onSubscribe(Subscription s) {
            operations.put(id, s);
            s.request(Long.MAX_VALUE);
          }

          @Override
          public void onNext(ExecutionResult next) {
            sendResult(id, next.toSpecification());
          }

          @Override
          public void onError(Throwable t) {
            operations.remove(id);
            sendErrors(id, List.of(ExecutableBuild.error(String.valueOf(t.getMessage()))));
          }

          @Override
          public void onComplete() {
            if (operations.remove(id) != null) {
              sendComplete(id);
            }
          }
        });
  }

  /** Stops an operation the client no longer wants; true if it was running. */
  boolean stop(String id) {
    Subscription s = operations.remove(id);
    if (s != null) {
      s.cancel();
      return true;
    }
    return false;
  }

  static Map<String, Object> variables(JsonNode payload) {
    JsonNode variables = payload.path("variables");
    if (!variables.isObject()) {
      return Map.of();
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> map = JSON.convertValue(variables, LinkedHashMap.class);
    return map;
  }

  static String text(JsonNode node) {
    return node == null || node.isNull() || !node.isTextual() ? null : node.asText();
  }

  void send(Map<String, Object> message) {
    String text;
    try {
      text = JSON.writeValueAsString(message);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot serialise a frame: " + e.getMessage(), e);
    }
    Session s = session;
    if (s == null || !s.isOpen()) {
      return;
    }
    synchronized (sendLock) {
      s.getRemote().sendString(text, WriteCallback.NOOP);
    }
  }

  static Map<String, Object> frame(String type, String id, Object payload) {
    Map<String, Object> frame = new LinkedHashMap<>();
    if (id != null) {
      frame.put("id", id);
    }
    frame.put("type", type);
    if (payload != null) {
      frame.put("payload", payload);
    }
    return frame;
  }

  /** Closes the connection; a reason longer than a close frame allows (123 bytes) is cut at a character boundary. */
  void close(int code, String reason) {
    Session s = session;
    if (s != null && s.isOpen()) {
      s.close(code, fitCloseFrame(reason));
    }
  }

  static String fitCloseFrame(String reason) {
    String fitted = reason;
    while (fitted.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 123) {
      fitted = fitted.substring(0, fitted.offsetByCodePoints(fitted.length(), -1));
    }
    return fitted;
  }
}

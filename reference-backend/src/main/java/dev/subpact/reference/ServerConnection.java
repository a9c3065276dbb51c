package dev.subpact.reference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.subpact.graphql.websocket.ServerSession;
import dev.subpact.graphql.websocket.Subprotocol;
import graphql.ExecutionResult;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.jetty.websocket.api.BatchMode;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.api.WebSocketListener;
import org.eclipse.jetty.websocket.api.WriteCallback;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

/**
 * One client's WebSocket connection to the reference backend: Jetty's frames go to the shared
 * {@link ServerSession}, which speaks the subprotocol as Strawberry does; the backend's part is
 * checking the API key and executing operations with graphql-java (a query or mutation answers
 * once, a subscription streams until it ends or the client stops it).
 */
final class ServerConnection implements WebSocketListener, ServerSession.Peer, ServerSession.Operations {

  static final ObjectMapper JSON = new ObjectMapper();

  private final ExecutableBuild build;
  private final BackendOptions options;
  private final String interaction;
  private final ServerSession protocol;
  private final Map<String, Subscription> subscriptions = new ConcurrentHashMap<>();
  private volatile Session session;

  ServerConnection(Subprotocol subprotocol, ExecutableBuild build, BackendOptions options, String interaction,
      ServerSession.Timer timer) {
    this.build = build;
    this.options = options;
    this.interaction = interaction;
    this.protocol = new ServerSession(subprotocol, new ServerSession.Timing(options.initTimeout(), options.keepAlive()),
        this, timer, this);
  }

  @Override
  public void onWebSocketConnect(Session session) {
    // Every frame goes out at once: a batched frame could wait in Jetty's buffer while the client waits for it.
    session.getRemote().setBatchMode(BatchMode.OFF);
    this.session = session;
    protocol.opened();
  }

  @Override
  public void onWebSocketText(String text) {
    protocol.text(text);
  }

  @Override
  public void onWebSocketBinary(byte[] payload, int offset, int len) {
    protocol.binary();
  }

  @Override
  public void onWebSocketClose(int statusCode, String reason) {
    protocol.closed();
  }

  @Override
  public void onWebSocketError(Throwable cause) {
    protocol.closed();
  }

  @Override
  public void send(String frame) {
    Session s = session;
    if (s != null && s.isOpen()) {
      s.getRemote().sendString(frame, WriteCallback.NOOP);
    }
  }

  @Override
  public void close(int code, String reason) {
    Session s = session;
    if (s != null && s.isOpen()) {
      s.close(code, reason);
    }
  }

  @Override
  public boolean accept(JsonNode initPayload) {
    return options.authorised(initPayload);
  }

  /**
   * A request that does not validate gets its errors and the socket stays open; one that does not
   * parse or names no operation of its document is a bad request; the rest runs.
   */
  @Override
  public void start(String id, JsonNode payload, ServerSession.Reply reply) {
    String query = payload.get("query").asText();
    String operationName = text(payload.get("operationName"));
    ExecutableBuild.Preparation prepared = build.prepare(query, operationName);
    if (prepared instanceof ExecutableBuild.Refused refused) {
      if (refused.stage() == ExecutableBuild.Stage.VALIDATION) {
        reply.errors(refused.errors());
      } else {
        reply.badRequest(refused.firstMessage(), refused.errors());
      }
      return;
    }
    ExecutionResult result = build.execute((ExecutableBuild.Ready) prepared, query, operationName, variables(payload), interaction);
    if (!(result.getData() instanceof Publisher<?> publisher)) {
      if (result.getData() == null && !result.getErrors().isEmpty()) {
        reply.errors(ExecutableBuild.errors(result.getErrors()));
      } else {
        reply.next(result.toSpecification());
        reply.complete();
      }
      return;
    }
    @SuppressWarnings("unchecked")
    Publisher<ExecutionResult> results = (Publisher<ExecutionResult>) publisher;
    results.subscribe(
        new Subscriber<>() {
          private Subscription subscription;

          @Override
          public void onSubscribe(Subscription s) {
            subscription = s;
            subscriptions.put(id, s);
            s.request(Long.MAX_VALUE);
          }

          @Override
          public void onNext(ExecutionResult next) {
            reply.next(next.toSpecification());
          }

          @Override
          public void onError(Throwable t) {
            subscriptions.remove(id, subscription);
            reply.errors(List.of(ExecutableBuild.error(String.valueOf(t.getMessage()))));
          }

          @Override
          public void onComplete() {
            subscriptions.remove(id, subscription);
            reply.complete();
          }
        });
  }

  @Override
  public void stop(String id) {
    Subscription s = subscriptions.remove(id);
    if (s != null) {
      s.cancel();
    }
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
}

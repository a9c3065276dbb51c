package dev.subpact.reference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.subpact.graphql.websocket.ServerSession;
import graphql.ExecutionResult;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

/**
 * The reference backend's part of one client's WebSocket connection (its frames go to the shared
 * {@link ServerSession}, which speaks the subprotocol as Strawberry does): checking the API key and
 * executing operations with graphql-java (a query or mutation answers
 * once, a subscription streams until it ends or the client stops it).
 */
final class ServerConnection implements ServerSession.Operations {

  static final ObjectMapper JSON = new ObjectMapper();

  private final ExecutableBuild build;
  private final BackendOptions options;
  private final String interaction;
  private final Map<String, Subscription> subscriptions = new ConcurrentHashMap<>();

  ServerConnection(ExecutableBuild build, BackendOptions options, String interaction) {
    this.build = build;
    this.options = options;
    this.interaction = interaction;
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

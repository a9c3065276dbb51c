package dev.subpact.graphql.pact;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** A Pact provider state: a name and its parameters (insertion order kept). */
public record ProviderState(String name, Map<String, Object> params) {

  /**
   * The state a captured subscription expects: once it is live, the backend publishes an event on
   * it (with {@code "action": "trigger"}). Params: {@code operationName} and {@code field}, the
   * subscription's root field. A backend's state handler publishes a representative event for that
   * field; the capture cannot know more about the bot's scenario.
   */
  public static final String SUBSCRIPTION_EVENT = "an event is published on the subscription";

  public ProviderState {
    Objects.requireNonNull(name, "name");
    params = params == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(params));
  }

  public static ProviderState of(String name) {
    return new ProviderState(name, Map.of());
  }

  /** {@link #SUBSCRIPTION_EVENT} for the subscription {@code operationName} on root field {@code field}. */
  public static ProviderState subscriptionEvent(String operationName, String field) {
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("operationName", operationName);
    params.put("field", field);
    return new ProviderState(SUBSCRIPTION_EVENT, params);
  }
}

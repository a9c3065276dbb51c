package dev.subpact.graphql.pact;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** A Pact provider state: a name and its parameters (insertion order kept). */
public record ProviderState(String name, Map<String, Object> params) {

  public ProviderState {
    Objects.requireNonNull(name, "name");
    params = params == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(params));
  }

  public static ProviderState of(String name) {
    return new ProviderState(name, Map.of());
  }
}

package dev.subpact.backend;

import java.time.Duration;
import java.util.Objects;

/**
 * How the reference backend behaves beyond its build.
 *
 * @param apiKey when not {@code null}, {@code connection_init} must carry {@code {"apiKey": ...}}
 *     with this value, else the connection is refused (4403 / {@code connection_error})
 * @param initTimeout how long a {@code graphql-transport-ws} client may wait before
 *     {@code connection_init} (then 4408, as Strawberry's {@code connection_init_wait_timeout})
 * @param keepAlive the legacy protocol's {@code ka} interval: the first right after
 *     {@code connection_ack}, then one every interval (Strawberry's {@code keep_alive_interval},
 *     1 s by default); {@link Duration#ZERO} sends none (Strawberry's {@code keep_alive=False})
 */
public record BackendOptions(String apiKey, Duration initTimeout, Duration keepAlive) {

  public static final BackendOptions DEFAULTS = new BackendOptions(null, Duration.ofMinutes(1), Duration.ofSeconds(1));

  public BackendOptions {
    Objects.requireNonNull(initTimeout, "initTimeout");
    Objects.requireNonNull(keepAlive, "keepAlive");
  }

  public BackendOptions withApiKey(String key) {
    return new BackendOptions(key, initTimeout, keepAlive);
  }

  public BackendOptions withInitTimeout(Duration timeout) {
    return new BackendOptions(apiKey, timeout, keepAlive);
  }

  public BackendOptions withKeepAlive(Duration interval) {
    return new BackendOptions(apiKey, initTimeout, interval);
  }

  boolean authorised(com.fasterxml.jackson.databind.JsonNode payload) {
    return apiKey == null || apiKey.equals(payload.path("apiKey").asText(null));
  }
}

package dev.subpact.reference;

import java.time.Duration;
import java.util.Objects;

/**
 * How the reference backend behaves beyond its build.
 *
 * @param apiKey when not {@code null}, the key every client must present: in {@code connection_init}
 *     as {@code {"apikey": KEY}} (as the client kit's bots send it; {@code "apiKey"} is accepted too),
 *     else the connection is refused (4403 / {@code connection_error}); on HTTP as
 *     {@code Authorization: Bearer KEY}, else 401
 * @param initTimeout how long a {@code graphql-transport-ws} client may wait before
 *     {@code connection_init} (then 4408, as Strawberry's {@code connection_init_wait_timeout})
 * @param keepAlive subscriptions-transport-ws's {@code ka} interval: the first right after
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

  /** The {@code connection_init} payload's keys that may carry the API key: the bots' spelling first. */
  static final java.util.List<String> INIT_PAYLOAD_KEYS = java.util.List.of("apikey", "apiKey");

  /** The HTTP header that carries the API key, as {@code Bearer KEY}. */
  static final String HTTP_HEADER = "Authorization";

  /** Whether a {@code connection_init} payload carries the key (always, when no key is required). */
  boolean authorised(com.fasterxml.jackson.databind.JsonNode payload) {
    return apiKey == null || INIT_PAYLOAD_KEYS.stream().anyMatch(k -> apiKey.equals(payload.path(k).asText(null)));
  }

  /** Whether an HTTP request's {@code Authorization} header value carries the key (always, when no key is required). */
  boolean authorisedHttp(String authorization) {
    return apiKey == null || ("Bearer " + apiKey).equals(authorization);
  }
}

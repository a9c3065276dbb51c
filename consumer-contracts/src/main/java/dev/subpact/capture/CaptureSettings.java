package dev.subpact.capture;

import dev.subpact.graphql.pact.Transport;
import dev.subpact.graphql.schema.Schema;
import java.time.Duration;
import java.util.Objects;

/**
 * What a capture records and how it answers.
 *
 * @param consumer the bot's name (the pact's consumer)
 * @param consumerVersion the bot build being captured (git sha, image tag)
 * @param provider the backend's name (the pact's provider)
 * @param path the GraphQL endpoint path, e.g. {@code /graphql}
 * @param schema the backend's deployed schema: answers get type-correct example data and every
 *     operation is checked as it arrives; {@code null} for none
 * @param responses scripted answers per operation name; {@code null} for none
 * @param initTimeout how long a {@code graphql-transport-ws} client may take to send
 *     {@code connection_init} before the socket is closed with 4408 (Strawberry's default: 1 minute)
 * @param keepAlive how often a subscriptions-transport-ws ({@code graphql-ws}) connection gets a {@code ka}, the first
 *     right after {@code connection_ack} (Strawberry's {@code keep_alive_interval}: 1 second), so
 *     clients with a keep-alive timeout (Python gql's {@code keep_alive_timeout}) stay connected;
 *     {@link Duration#ZERO}: none
 */
public record CaptureSettings(
    String consumer,
    String consumerVersion,
    String provider,
    String path,
    Schema schema,
    ScriptedResponses responses,
    Duration initTimeout,
    Duration keepAlive) {

  public static final String DEFAULT_PROVIDER = "backend";
  public static final Duration DEFAULT_INIT_TIMEOUT = Duration.ofMinutes(1);
  public static final Duration DEFAULT_KEEP_ALIVE = Duration.ofSeconds(1);

  public CaptureSettings {
    Objects.requireNonNull(consumer, "consumer");
    Objects.requireNonNull(consumerVersion, "consumerVersion");
    provider = provider == null ? DEFAULT_PROVIDER : provider;
    path = path == null ? Transport.CONVENTIONAL_PATH : path;
    responses = responses == null ? ScriptedResponses.none() : responses;
    initTimeout = initTimeout == null ? DEFAULT_INIT_TIMEOUT : initTimeout;
    keepAlive = keepAlive == null ? DEFAULT_KEEP_ALIVE : keepAlive;
    if (keepAlive.isNegative()) {
      throw new IllegalArgumentException("The keep-alive interval must be positive (or zero for none), not " + keepAlive);
    }
  }

  /** Settings with the defaults: provider {@code backend}, path {@code /graphql}, no schema, no script, {@code ka} every second. */
  public static CaptureSettings of(String consumer, String consumerVersion) {
    return new CaptureSettings(consumer, consumerVersion, null, null, null, null, null, null);
  }

  public CaptureSettings withProvider(String value) {
    return new CaptureSettings(consumer, consumerVersion, value, path, schema, responses, initTimeout, keepAlive);
  }

  public CaptureSettings withPath(String value) {
    return new CaptureSettings(consumer, consumerVersion, provider, value, schema, responses, initTimeout, keepAlive);
  }

  public CaptureSettings withSchema(Schema value) {
    return new CaptureSettings(consumer, consumerVersion, provider, path, value, responses, initTimeout, keepAlive);
  }

  public CaptureSettings withResponses(ScriptedResponses value) {
    return new CaptureSettings(consumer, consumerVersion, provider, path, schema, value, initTimeout, keepAlive);
  }

  public CaptureSettings withKeepAlive(Duration value) {
    return new CaptureSettings(consumer, consumerVersion, provider, path, schema, responses, initTimeout, value);
  }

  public CaptureSettings withInitTimeout(Duration value) {
    return new CaptureSettings(consumer, consumerVersion, provider, path, schema, responses, value, keepAlive);
  }
}

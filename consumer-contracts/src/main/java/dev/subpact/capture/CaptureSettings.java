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
 * @param path the GraphQL endpoint path, e.g. {@code /v1/graphql}
 * @param schema the backend's deployed schema: answers get type-correct example data and every
 *     operation is checked as it arrives; {@code null} for none
 * @param responses scripted answers per operation name; {@code null} for none
 * @param initTimeout how long a {@code graphql-transport-ws} client may take to send
 *     {@code connection_init} before the socket is closed with 4408 (Strawberry's default: 1 minute)
 */
public record CaptureSettings(
    String consumer,
    String consumerVersion,
    String provider,
    String path,
    Schema schema,
    ScriptedResponses responses,
    Duration initTimeout) {

  public static final String DEFAULT_PROVIDER = "backend";
  public static final Duration DEFAULT_INIT_TIMEOUT = Duration.ofMinutes(1);

  public CaptureSettings {
    Objects.requireNonNull(consumer, "consumer");
    Objects.requireNonNull(consumerVersion, "consumerVersion");
    provider = provider == null ? DEFAULT_PROVIDER : provider;
    path = path == null ? Transport.DEFAULT_PATH : path;
    responses = responses == null ? ScriptedResponses.none() : responses;
    initTimeout = initTimeout == null ? DEFAULT_INIT_TIMEOUT : initTimeout;
  }

  /** Settings with the defaults: provider {@code backend}, path {@code /v1/graphql}, no schema, no script. */
  public static CaptureSettings of(String consumer, String consumerVersion) {
    return new CaptureSettings(consumer, consumerVersion, null, null, null, null, null);
  }

  public CaptureSettings withProvider(String value) {
    return new CaptureSettings(consumer, consumerVersion, value, path, schema, responses, initTimeout);
  }

  public CaptureSettings withSchema(Schema value) {
    return new CaptureSettings(consumer, consumerVersion, provider, path, value, responses, initTimeout);
  }

  public CaptureSettings withResponses(ScriptedResponses value) {
    return new CaptureSettings(consumer, consumerVersion, provider, path, schema, value, initTimeout);
  }

  public CaptureSettings withInitTimeout(Duration value) {
    return new CaptureSettings(consumer, consumerVersion, provider, path, schema, responses, value);
  }
}

package dev.subpact.broker.client;

import java.net.URI;
import java.util.List;

/**
 * A pact the broker says the provider must verify, fetched in full.
 *
 * @param consumer the consumer's name
 * @param consumerVersion the consumer version the broker names for it (its {@code pb:consumer-version}), or {@code null}
 * @param content the pact JSON exactly as the broker served it (with its {@code _links})
 * @param verificationResultsUrl where to publish the verification result ({@code pb:publish-verification-results})
 * @param pending whether a failure must not fail the provider's build (a pending pact)
 * @param notices the broker's explanations of why this pact is included, in its order
 */
public record PactForVerification(
    String consumer,
    String consumerVersion,
    String content,
    URI verificationResultsUrl,
    boolean pending,
    List<String> notices) {

  public PactForVerification {
    notices = List.copyOf(notices);
  }
}

package dev.subpact.broker.client;

import java.util.List;
import java.util.Objects;

/**
 * What to publish: the pacts of one consumer version, with its branch, tags and build URL.
 *
 * @param consumerVersion the consumer version number (git sha, image tag)
 * @param branch the consumer's branch, or {@code null}
 * @param tags tags for the consumer version (older brokers' way of naming environments)
 * @param buildUrl the CI build that produced it, or {@code null}
 * @param contracts the pacts, all of one consumer
 * @param merge whether the broker should merge interactions into a pact already published for this
 *     version ({@code onConflict: merge}) rather than overwrite it
 */
public record PublishRequest(
    String consumerVersion, String branch, List<String> tags, String buildUrl, List<Contract> contracts, boolean merge) {

  public PublishRequest {
    Objects.requireNonNull(consumerVersion, "consumerVersion");
    tags = tags == null ? List.of() : List.copyOf(tags);
    contracts = List.copyOf(contracts);
    if (contracts.isEmpty()) {
      throw new IllegalArgumentException("Nothing to publish: no pact files were given.");
    }
    if (contracts.stream().map(Contract::consumer).distinct().count() > 1) {
      throw new IllegalArgumentException("One publish is one consumer version, but the pacts name several consumers: "
          + contracts.stream().map(Contract::consumer).distinct().sorted().toList() + ". Publish each consumer's pacts separately.");
    }
  }

  public String consumer() {
    return contracts.get(0).consumer();
  }
}

package dev.subpact.graphql.pact;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * A consumer's GraphQL contract with one provider: a Pact V4 file.
 *
 * @param consumer the consumer (bot) name
 * @param provider the provider (backend) name
 * @param consumerVersion the consumer version this contract was captured from (git sha, image tag),
 *     kept in the pact's {@code metadata.subpact.consumerVersion}; {@code null} when unknown
 * @param interactions sorted by description, so the same contract always writes the same bytes
 * @param foreign the pact's interactions that are not GraphQL (REST, messages, plugins), sorted by
 *     description: read so that one REST consumer does not stop the gate, never written by subpact
 * @param pending whether the broker that served this pact said it is pending for the provider
 *     (Pact's pending pacts: {@code metadata.subpact.pending}, written by {@code subpact pacts} from
 *     the broker's for-verification answer); never written by subpact's pact writer, since it is the
 *     broker's verdict for one provider branch, not part of the contract
 */
public record GraphqlPact(
    String consumer,
    String provider,
    String consumerVersion,
    List<GraphqlInteraction> interactions,
    List<ForeignInteraction> foreign,
    boolean pending) {

  public GraphqlPact {
    Objects.requireNonNull(consumer, "consumer");
    Objects.requireNonNull(provider, "provider");
    interactions =
        interactions.stream().sorted(Comparator.comparing(GraphqlInteraction::description)).toList();
    foreign = foreign == null ? List.of()
        : foreign.stream().sorted(Comparator.comparing(ForeignInteraction::description)).toList();
  }

  /** A pact of GraphQL interactions only, not pending (what subpact captures and writes). */
  public GraphqlPact(String consumer, String provider, String consumerVersion, List<GraphqlInteraction> interactions) {
    this(consumer, provider, consumerVersion, interactions, List.of(), false);
  }

  /** The conventional file name: {@code consumer-provider.json}. */
  public String fileName() {
    return consumer + "-" + provider + ".json";
  }
}

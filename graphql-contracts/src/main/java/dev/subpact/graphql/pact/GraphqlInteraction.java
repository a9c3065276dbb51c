package dev.subpact.graphql.pact;

import dev.subpact.graphql.operation.Operation;
import java.util.List;
import java.util.Objects;

/**
 * One interaction of a GraphQL pact: the operation a consumer sends, how it travels and what it
 * expects back.
 *
 * @param description stable, human-readable; unique within its pact
 * @param providerStates the states the provider must be in, in order
 * @param operation the operation, document text exactly as sent
 * @param transport WebSocket (a subscription, Pact {@code Synchronous/Messages}) or HTTP (a query or
 *     mutation, Pact {@code Synchronous/HTTP})
 * @param expected the execution results the consumer expects, in order; empty means "accepted
 *     without error"
 */
public record GraphqlInteraction(
    String description,
    List<ProviderState> providerStates,
    Operation operation,
    Transport transport,
    List<ExpectedMessage> expected) {

  public GraphqlInteraction {
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(operation, "operation");
    Objects.requireNonNull(transport, "transport");
    providerStates = providerStates == null ? List.of() : List.copyOf(providerStates);
    expected = expected == null ? List.of() : List.copyOf(expected);
  }
}

package dev.subpact.capture;

import dev.subpact.graphql.check.Finding;
import dev.subpact.graphql.operation.Operation;
import dev.subpact.graphql.pact.Transport;
import java.util.List;
import java.util.SortedSet;

/**
 * One distinct operation a capture saw (same canonical document, operation name, variable shape and
 * transport), as it goes into the pact.
 *
 * @param description the interaction's stable description, e.g. {@code MessageAdded subscription}
 * @param operation the example: of all the times it was sent, the smallest (text, variables) — so
 *     the pact does not depend on arrival order
 * @param transport how it travelled
 * @param chosenSubprotocols the subprotocols the server chose for it (empty over HTTP)
 * @param initPayloadKeys the {@code connection_init} payload keys its connections sent
 * @param count how many times it was sent
 * @param findings what the {@code --schema} check found, empty without a schema
 */
public record RecordedInteraction(
    String description,
    Operation operation,
    Transport transport,
    SortedSet<String> chosenSubprotocols,
    SortedSet<String> initPayloadKeys,
    long count,
    List<Finding> findings) {

  /** Whether the schema check found an error (a break). */
  public boolean broken() {
    return findings.stream().anyMatch(Finding::isError);
  }
}

package dev.subpact.capture;

import dev.subpact.graphql.operation.Operation;
import dev.subpact.graphql.pact.Transport;
import java.util.Collections;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * One operation as a client sent it to the capture server.
 *
 * @param operation the document text exactly as sent, the operation name and the variables
 * @param transport WebSocket (with the subprotocols the client offered, in its order) or HTTP
 * @param chosenSubprotocol the subprotocol the server chose, or {@code null} over HTTP
 * @param initPayloadKeys the keys of the {@code connection_init} payload (never their values)
 */
public record CapturedOperation(
    Operation operation, Transport transport, String chosenSubprotocol, SortedSet<String> initPayloadKeys) {

  public CapturedOperation {
    Objects.requireNonNull(operation, "operation");
    Objects.requireNonNull(transport, "transport");
    initPayloadKeys = Collections.unmodifiableSortedSet(new TreeSet<>(initPayloadKeys == null ? Set.of() : initPayloadKeys));
  }
}

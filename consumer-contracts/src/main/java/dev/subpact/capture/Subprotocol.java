package dev.subpact.capture;

import java.util.List;
import java.util.Optional;

/** The GraphQL-over-WebSocket subprotocols the capture server speaks, as Strawberry does. */
enum Subprotocol {
  /** The graphql-ws library's protocol: connection_init/ack, subscribe, next, error, complete, ping/pong. */
  GRAPHQL_TRANSPORT_WS("graphql-transport-ws"),
  /** Apollo's legacy subscriptions-transport-ws protocol: connection_init/ack, start, data, error, complete, stop. */
  GRAPHQL_WS("graphql-ws");

  private final String wireName;

  Subprotocol(String wireName) {
    this.wireName = wireName;
  }

  String wireName() {
    return wireName;
  }

  /** Strawberry's choice: the first subprotocol in the client's order that the server supports. */
  static Optional<Subprotocol> negotiate(List<String> offered) {
    for (String name : offered) {
      for (Subprotocol candidate : values()) {
        if (candidate.wireName.equals(name)) {
          return Optional.of(candidate);
        }
      }
    }
    return Optional.empty();
  }
}

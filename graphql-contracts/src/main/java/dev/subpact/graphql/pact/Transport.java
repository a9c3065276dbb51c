package dev.subpact.graphql.pact;

import java.util.List;
import java.util.Objects;

/** How an operation travels: a WebSocket subscription or an HTTP POST. */
public sealed interface Transport {

  /** The GraphQL endpoint path, e.g. {@code /v1/graphql}. */
  String path();

  /** How a person reads it: {@code WebSocket /v1/graphql (offers graphql-ws, graphql-transport-ws)} or {@code HTTP POST /v1/graphql}. */
  String describe();

  /** The default GraphQL path of the incident's backend. */
  String DEFAULT_PATH = "/v1/graphql";

  /** The subprotocols the incident's bots offer, in their order (Python {@code gql}'s default). */
  List<String> BOT_SUBPROTOCOLS = List.of("graphql-ws", "graphql-transport-ws");

  /**
   * A subscription over WebSocket.
   *
   * @param subprotocols the subprotocols the client offers, in the client's order
   * @param exactSequence whether the expected messages must be exactly the first ones the
   *     subscription receives (request metadata {@code "graphql.messages": "exact"}); by default
   *     each must arrive, in order, among the messages received, others in between allowed
   */
  record WebSocket(String path, List<String> subprotocols, boolean exactSequence) implements Transport {
    public WebSocket {
      Objects.requireNonNull(path, "path");
      subprotocols = List.copyOf(subprotocols);
    }

    /** Expected messages found in order among the others (the default). */
    public WebSocket(String path, List<String> subprotocols) {
      this(path, subprotocols, false);
    }

    @Override
    public String describe() {
      return "WebSocket " + path + (subprotocols.isEmpty() ? "" : " (offers " + String.join(", ", subprotocols) + ")");
    }
  }

  /** A query or mutation sent as {@code POST} with a JSON body. */
  record Http(String path) implements Transport {
    public Http {
      Objects.requireNonNull(path, "path");
    }

    @Override
    public String describe() {
      return "HTTP POST " + path;
    }
  }
}

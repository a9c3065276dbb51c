package dev.subpact.graphql.pact;

import dev.subpact.graphql.websocket.Subprotocol;
import java.util.List;
import java.util.Objects;

/** How an operation travels: a WebSocket subscription or an HTTP POST. */
public sealed interface Transport {

  /** The GraphQL endpoint path, e.g. {@code /graphql}. */
  String path();

  /** How a person reads it: {@code WebSocket /graphql (offers graphql-transport-ws, graphql-ws)} or {@code HTTP POST /graphql}. */
  String describe();

  /**
   * The path GraphQL servers answer on by convention (graphql-js, Apollo, Strawberry, the
   * GraphQL-over-HTTP draft's examples), used when a pact or a setting names none.
   */
  String CONVENTIONAL_PATH = "/graphql";

  /**
   * The GraphQL-over-WebSocket subprotocols subpact speaks, offered in this order when a pact names
   * none: {@code graphql-transport-ws} (the graphql-ws library's) first, then subscriptions-transport-ws
   * ({@code graphql-ws}); see {@link Subprotocol}.
   */
  List<String> SUBPROTOCOLS = Subprotocol.wireNames();

  /**
   * The WebSocket upgrade (and HTTP request) header naming the replayed interaction; the same id
   * travels in the {@code "interaction"} field of its state changes, so a backend can route a
   * triggered event.
   */
  String INTERACTION_HEADER = "X-Subpact-Interaction";

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

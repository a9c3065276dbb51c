package dev.subpact.graphql.websocket;

/**
 * Every message type of both subprotocols, by its {@code "type"} on the wire; {@link Subprotocol}
 * says which side of which subprotocol sends it.
 */
public enum MessageType {
  /** Client, both: opens the connection, with an optional payload (an API key, say). */
  CONNECTION_INIT("connection_init"),
  /** Server, both: the connection is accepted. */
  CONNECTION_ACK("connection_ack"),
  /** Either side, graphql-transport-ws: answered with {@code pong}. */
  PING("ping"),
  /** Either side, graphql-transport-ws. */
  PONG("pong"),
  /** Client, graphql-transport-ws: starts an operation ({@code {"query", "operationName", "variables"}}). */
  SUBSCRIBE("subscribe"),
  /** Server, graphql-transport-ws: one execution result. */
  NEXT("next"),
  /** Server, both: the operation failed (graphql-transport-ws: every error, an array; subscriptions-transport-ws: one object). */
  ERROR("error"),
  /** Server, both: the operation ended; client, graphql-transport-ws: stop the operation. */
  COMPLETE("complete"),
  /** Client, subscriptions-transport-ws: starts an operation. */
  START("start"),
  /** Client, subscriptions-transport-ws: stops an operation. */
  STOP("stop"),
  /** Server, subscriptions-transport-ws: one execution result. */
  DATA("data"),
  /** Server, subscriptions-transport-ws: keep-alive. */
  KEEP_ALIVE("ka"),
  /** Server, subscriptions-transport-ws: the connection was refused. */
  CONNECTION_ERROR("connection_error"),
  /** Client, subscriptions-transport-ws: the client is leaving. */
  CONNECTION_TERMINATE("connection_terminate");

  private final String wireName;

  MessageType(String wireName) {
    this.wireName = wireName;
  }

  /** The {@code "type"} on the wire. */
  public String wireName() {
    return wireName;
  }
}

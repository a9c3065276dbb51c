package dev.subpact.graphql.websocket;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The GraphQL-over-WebSocket subprotocols subpact speaks, each with the messages either side may
 * send. The legacy protocol is called after its library, subscriptions-transport-ws, everywhere but on
 * the wire, where it is {@code graphql-ws}: the graphql-ws <em>library</em> speaks {@code graphql-transport-ws}.
 */
public enum Subprotocol {

  /** {@code graphql-transport-ws}: the graphql-ws library's protocol. */
  GRAPHQL_TRANSPORT_WS("graphql-transport-ws",
      EnumSet.of(MessageType.CONNECTION_INIT, MessageType.PING, MessageType.PONG, MessageType.SUBSCRIBE, MessageType.COMPLETE),
      EnumSet.of(MessageType.CONNECTION_ACK, MessageType.PING, MessageType.PONG, MessageType.NEXT, MessageType.ERROR,
          MessageType.COMPLETE)),

  /** {@code graphql-ws}: the legacy subscriptions-transport-ws library's protocol. */
  SUBSCRIPTIONS_TRANSPORT_WS("graphql-ws",
      EnumSet.of(MessageType.CONNECTION_INIT, MessageType.START, MessageType.STOP, MessageType.CONNECTION_TERMINATE),
      EnumSet.of(MessageType.CONNECTION_ACK, MessageType.CONNECTION_ERROR, MessageType.KEEP_ALIVE, MessageType.DATA,
          MessageType.ERROR, MessageType.COMPLETE));

  private final String wireName;
  private final Set<MessageType> fromClient;
  private final Set<MessageType> fromServer;

  Subprotocol(String wireName, Set<MessageType> fromClient, Set<MessageType> fromServer) {
    this.wireName = wireName;
    this.fromClient = fromClient;
    this.fromServer = fromServer;
  }

  /** The name in the {@code Sec-WebSocket-Protocol} header. */
  public String wireName() {
    return wireName;
  }

  /** The subprotocol of a {@code Sec-WebSocket-Protocol} name, if subpact speaks it. */
  public static Optional<Subprotocol> forWireName(String wireName) {
    return Arrays.stream(values()).filter(s -> s.wireName.equals(wireName)).findFirst();
  }

  /** Every wire name, in subpact's order: {@code graphql-transport-ws, graphql-ws}. */
  public static List<String> wireNames() {
    return Arrays.stream(values()).map(Subprotocol::wireName).toList();
  }

  /** The wire names for a sentence: {@code "graphql-transport-ws and graphql-ws"}. */
  public static String wireNamesInWords() {
    return Arrays.stream(values()).map(Subprotocol::wireName).collect(Collectors.joining(" and "));
  }

  /**
   * A server's choice, as Strawberry makes it: the first subprotocol in the <em>client's</em> order
   * that the server speaks; none when the client offers none of them.
   */
  public static Optional<Subprotocol> negotiate(List<String> offered) {
    return offered.stream().map(Subprotocol::forWireName).flatMap(Optional::stream).findFirst();
  }

  /** The message type a client sends with this wire type, if this subprotocol has it. */
  public Optional<MessageType> clientMessage(String type) {
    return fromClient.stream().filter(t -> t.wireName().equals(type)).findFirst();
  }

  /** The message type a server sends with this wire type, if this subprotocol has it. */
  public Optional<MessageType> serverMessage(String type) {
    return fromServer.stream().filter(t -> t.wireName().equals(type)).findFirst();
  }

  /** What a client sends to start an operation: {@code subscribe} / {@code start}. */
  public MessageType subscribe() {
    return this == GRAPHQL_TRANSPORT_WS ? MessageType.SUBSCRIBE : MessageType.START;
  }

  /** What a client sends to stop an operation: {@code complete} / {@code stop}. */
  public MessageType stop() {
    return this == GRAPHQL_TRANSPORT_WS ? MessageType.COMPLETE : MessageType.STOP;
  }

  /** What a server sends for each execution result: {@code next} / {@code data}. */
  public MessageType next() {
    return this == GRAPHQL_TRANSPORT_WS ? MessageType.NEXT : MessageType.DATA;
  }
}

package dev.subpact.graphql.websocket;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * One client's WebSocket on a GraphQL server, in one subprotocol, answered the way Strawberry
 * 0.275.7 answers (its {@code subscriptions/protocols/graphql_transport_ws/handlers.py} and
 * {@code subscriptions/protocols/graphql_ws/handlers.py}). The WebSocket
 * server feeds it frames ({@link #opened}, {@link #text}, {@link #binary}, {@link #closed}) and
 * gives it a {@link Peer} to send and close with; what differs between servers is only
 * {@link Operations}: whether an init payload is accepted and how an operation is answered.
 *
 * <p>graphql-transport-ws: no {@code connection_init} within the init timeout closes 4408; a frame
 * that is not JSON, not a message or binary closes 4400; an init payload that is not an object
 * ({@code null} included; absent is {@code {}}) closes 4400; a second init closes 4429; a refused
 * init closes 4403; {@code subscribe} before {@code connection_ack} closes 4401, without id or
 * query 4400, with the id of a running operation 4409; {@code ping} is answered with {@code pong};
 * a client's {@code complete} stops the operation silently.
 *
 * <p>subscriptions-transport-ws: frames that are not JSON messages, and unknown types, are ignored;
 * a binary frame closes 1002; an init payload neither object nor {@code null} gets a bare
 * {@code connection_error} and close 1000, a refused init {@code connection_error} and close 1011;
 * a {@code ka} follows the ack at once and then every keep-alive interval; {@code start} needs no
 * init, replaces a running operation of the same id, and without id or query closes 1011 (Strawberry's
 * handler fails on it); an operation's errors are answered with the first error only; {@code stop}
 * of a running operation is answered with {@code complete}; {@code connection_terminate} closes 1000.
 */
public final class ServerSession {

  /** Close reason when the client offered no subprotocol the server speaks (code 4406). */
  public static final String NOT_ACCEPTABLE_REASON = "Subprotocol not acceptable";

  /** The socket, as the WebSocket server provides it. */
  public interface Peer {
    void send(String frame);

    void close(int code, String reason);
  }

  /** Runs a task after a delay, once (period zero) or then at a fixed rate; the returned handle cancels it. */
  @FunctionalInterface
  public interface Timer {
    Runnable schedule(Duration delay, Duration period, Runnable task);

    /** A timer on an executor. */
    static Timer of(ScheduledExecutorService executor) {
      return (delay, period, task) -> {
        ScheduledFuture<?> future = period.isZero()
            ? executor.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS)
            : executor.scheduleAtFixedRate(task, delay.toNanos(), period.toNanos(), TimeUnit.NANOSECONDS);
        return () -> future.cancel(false);
      };
    }
  }

  /** What one server does on a connection. */
  public interface Operations {
    /** Whether the {@code connection_init} payload ({@code {}} when the client sent none) is accepted. */
    boolean accept(JsonNode initPayload);

    /**
     * Runs an operation; {@code payload} is an object with a textual {@code "query"}. Answer through
     * {@code reply}, now or later from any thread.
     */
    void start(String id, JsonNode payload, Reply reply);

    /** The client stopped a running operation, replaced it, or left: nothing more goes out for it. */
    void stop(String id);
  }

  /** How long a graphql-transport-ws client may take to send {@code connection_init}; how often subscriptions-transport-ws sends {@code ka} (zero: never). */
  public record Timing(Duration initTimeout, Duration keepAlive) {}

  private final Subprotocol subprotocol;
  private final Timing timing;
  private final Peer peer;
  private final Timer timer;
  private final Operations operations;
  private final Map<String, Reply> running = new LinkedHashMap<>();
  private boolean initReceived;
  private boolean acknowledged;
  private boolean closing;
  private Runnable cancelInitTimeout;
  private Runnable cancelKeepAlive;

  public ServerSession(Subprotocol subprotocol, Timing timing, Peer peer, Timer timer, Operations operations) {
    this.subprotocol = subprotocol;
    this.timing = timing;
    this.peer = peer;
    this.timer = timer;
    this.operations = operations;
  }

  public Subprotocol subprotocol() {
    return subprotocol;
  }

  /** The socket is open: graphql-transport-ws starts waiting for {@code connection_init}. */
  public synchronized void opened() {
    if (subprotocol == Subprotocol.GRAPHQL_TRANSPORT_WS) {
      cancelInitTimeout = timer.schedule(timing.initTimeout(), Duration.ZERO, this::initTimedOut);
    }
  }

  /** A text frame from the client. */
  public synchronized void text(String frame) {
    if (closing) {
      return;
    }
    Optional<JsonNode> message = json(frame);
    boolean transportWs = subprotocol == Subprotocol.GRAPHQL_TRANSPORT_WS;
    if (message.isEmpty()) {
      if (transportWs) {
        close(CloseCode.BAD_REQUEST, "WebSocket message must be valid JSON");
      }
      return;
    }
    JsonNode m = message.get();
    if (!m.isObject() || !m.path("type").isTextual()) {
      if (transportWs) {
        close(CloseCode.BAD_REQUEST, "Failed to parse message");
      }
      return;
    }
    String type = m.get("type").asText();
    Optional<MessageType> known = subprotocol.clientMessage(type);
    if (known.isEmpty()) {
      if (transportWs) {
        close(CloseCode.BAD_REQUEST, "Unknown message type: " + type);
      }
      return;
    }
    switch (known.get()) {
      case CONNECTION_INIT -> {
        if (transportWs) {
          initTransportWs(m.has("payload") ? m.get("payload") : Message.JSON.createObjectNode());
        } else {
          initSubscriptionsTransportWs(m.get("payload"));
        }
      }
      case PING -> send(MessageType.PONG, null, null);
      case PONG -> { }
      case SUBSCRIBE -> subscribe(m);
      case COMPLETE -> stop(text(m.get("id")), false);
      case START -> start(m);
      case STOP -> stop(text(m.get("id")), true);
      case CONNECTION_TERMINATE -> close(CloseCode.NORMAL_CLOSURE, "");
      default -> throw new IllegalStateException(subprotocol + " lists " + known.get() + " as a client message but the session does not handle it");
    }
  }

  /** A binary frame from the client: graphql-transport-ws closes 4400, subscriptions-transport-ws 1002. */
  public synchronized void binary() {
    if (!closing) {
      close(subprotocol == Subprotocol.GRAPHQL_TRANSPORT_WS ? CloseCode.BAD_REQUEST : CloseCode.PROTOCOL_ERROR,
          "WebSocket message type must be text");
    }
  }

  /** The socket closed, either side, or failed: timers stop, running operations are stopped. */
  public synchronized void closed() {
    closing = true;
    cancelTimers();
    List<String> ids = new ArrayList<>(running.keySet());
    running.values().forEach(reply -> reply.ended = true);
    running.clear();
    ids.forEach(operations::stop);
  }

  private void initTimedOut() {
    synchronized (this) {
      if (!initReceived && !closing) {
        close(CloseCode.CONNECTION_INITIALISATION_TIMEOUT, "Connection initialisation timeout");
      }
    }
  }

  private void initTransportWs(JsonNode payload) {
    cancelInitTimeout();
    if (!payload.isObject()) {
      close(CloseCode.BAD_REQUEST, "Invalid connection init payload");
      return;
    }
    if (initReceived) {
      close(CloseCode.TOO_MANY_INITIALISATION_REQUESTS, "Too many initialisation requests");
      return;
    }
    initReceived = true;
    if (!operations.accept(payload)) {
      close(CloseCode.FORBIDDEN, "Forbidden");
      return;
    }
    send(MessageType.CONNECTION_ACK, null, null);
    acknowledged = true;
  }

  private void initSubscriptionsTransportWs(JsonNode payload) {
    if (payload != null && !payload.isNull() && !payload.isObject()) {
      send(MessageType.CONNECTION_ERROR, null, null);
      close(CloseCode.NORMAL_CLOSURE, "");
      return;
    }
    if (!operations.accept(payload != null && payload.isObject() ? payload : Message.JSON.createObjectNode())) {
      send(MessageType.CONNECTION_ERROR, null, Map.of("message", "Forbidden"));
      close(CloseCode.INTERNAL_ERROR, "");
      return;
    }
    send(MessageType.CONNECTION_ACK, null, null);
    if (!timing.keepAlive().isZero() && cancelKeepAlive == null) {
      cancelKeepAlive = timer.schedule(Duration.ZERO, timing.keepAlive(), this::keepAlive);
    }
  }

  private void keepAlive() {
    synchronized (this) {
      send(MessageType.KEEP_ALIVE, null, null);
    }
  }

  private void subscribe(JsonNode message) {
    if (!acknowledged) {
      close(CloseCode.UNAUTHORIZED, "Unauthorized");
      return;
    }
    JsonNode id = message.get("id");
    JsonNode payload = message.get("payload");
    if (id == null || !id.isTextual() || payload == null || !payload.isObject() || !payload.path("query").isTextual()) {
      close(CloseCode.BAD_REQUEST, "Failed to parse message");
      return;
    }
    if (running.containsKey(id.asText())) {
      close(CloseCode.SUBSCRIBER_ALREADY_EXISTS, "Subscriber for " + id.asText() + " already exists");
      return;
    }
    run(id.asText(), payload);
  }

  private void start(JsonNode message) {
    String id = text(message.get("id"));
    JsonNode payload = message.get("payload");
    if (id == null || payload == null || !payload.isObject() || !payload.path("query").isTextual()) {
      close(CloseCode.INTERNAL_ERROR, "");
      return;
    }
    Reply replaced = running.remove(id);
    if (replaced != null) {
      replaced.ended = true;
      operations.stop(id);
    }
    run(id, payload);
  }

  private void run(String id, JsonNode payload) {
    Reply reply = new Reply(id);
    running.put(id, reply);
    operations.start(id, payload, reply);
  }

  /** A client's {@code complete} / {@code stop}: a running operation ends; subscriptions-transport-ws confirms with {@code complete}. */
  private void stop(String id, boolean confirm) {
    Reply reply = id == null ? null : running.remove(id);
    if (reply == null) {
      return;
    }
    reply.ended = true;
    operations.stop(id);
    if (confirm) {
      send(MessageType.COMPLETE, id, null);
    }
  }

  private void send(MessageType type, String id, Object payload) {
    if (!closing) {
      peer.send(Message.encode(type, id, payload));
    }
  }

  private void close(CloseCode code, String reason) {
    closing = true;
    cancelTimers();
    peer.close(code.code(), CloseCode.fitReason(reason));
  }

  private void cancelInitTimeout() {
    if (cancelInitTimeout != null) {
      cancelInitTimeout.run();
    }
  }

  private void cancelTimers() {
    cancelInitTimeout();
    if (cancelKeepAlive != null) {
      cancelKeepAlive.run();
    }
  }

  private static Optional<JsonNode> json(String frame) {
    try {
      return Optional.ofNullable(Message.parse(frame)).filter(node -> !node.isMissingNode());
    } catch (JsonProcessingException e) {
      return Optional.empty();
    }
  }

  private static String text(JsonNode node) {
    return node == null || node.isNull() || !node.isValueNode() ? null : node.asText();
  }

  /** How a server answers one operation; anything after the operation ended is dropped. */
  public final class Reply {
    private final String id;
    private boolean ended;

    private Reply(String id) {
      this.id = id;
    }

    public String id() {
      return id;
    }

    /** One execution result ({@code {"data", "errors"?}}): {@code next} / {@code data}. */
    public void next(Object result) {
      synchronized (ServerSession.this) {
        if (!ended) {
          send(subprotocol.next(), id, result);
        }
      }
    }

    /** The operation ended normally: {@code complete}. */
    public void complete() {
      synchronized (ServerSession.this) {
        if (end()) {
          send(MessageType.COMPLETE, id, null);
        }
      }
    }

    /**
     * The operation failed with GraphQL errors (validation, execution): one {@code error} carrying
     * them all (graphql-transport-ws) or the first (subscriptions-transport-ws); the socket stays open.
     */
    public void errors(List<?> errors) {
      synchronized (ServerSession.this) {
        if (end()) {
          sendErrors(errors);
        }
      }
    }

    /**
     * The request cannot run (a syntax error, no such operation, a refused request): graphql-transport-ws
     * closes 4400 with {@code reason}; subscriptions-transport-ws answers with the first of {@code errors}.
     */
    public void badRequest(String reason, List<?> errors) {
      synchronized (ServerSession.this) {
        if (!end()) {
          return;
        }
        if (subprotocol == Subprotocol.GRAPHQL_TRANSPORT_WS) {
          close(CloseCode.BAD_REQUEST, reason);
        } else {
          sendErrors(errors);
        }
      }
    }

    private void sendErrors(List<?> errors) {
      send(MessageType.ERROR, id, subprotocol == Subprotocol.GRAPHQL_TRANSPORT_WS ? errors : errors.get(0));
    }

    private boolean end() {
      if (ended) {
        return false;
      }
      ended = true;
      running.remove(id, this);
      return true;
    }
  }
}

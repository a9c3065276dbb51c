package dev.subpact.websocket;

import dev.subpact.graphql.websocket.ClientCodec;
import dev.subpact.graphql.websocket.ServerMessage;
import dev.subpact.graphql.websocket.Subprotocol;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One client WebSocket connection to a GraphQL endpoint (JDK {@link WebSocket}): offers the
 * subprotocols in the client's order, decodes frames with the negotiated subprotocol's codec and
 * hands them over as {@link Event}s, in order, to one reading thread. Bounded against a hostile
 * backend: a message over {@link #MAX_MESSAGE_CHARS} ends the connection (1009), at most
 * {@link #MAX_QUEUED} frames wait to be read (the socket is read no further until the reader
 * catches up), and {@link #next(Instant)} returns at its deadline even while frames keep coming.
 */
public final class WebSocketSession implements AutoCloseable {

  /** What the reading thread sees. */
  public sealed interface Event {
    /** A decoded server message. */
    record Message(ServerMessage message) implements Event {}

    /** The server closed the connection (1006 when it dropped without a close frame). */
    record Closed(int code, String reason) implements Event {}
  }

  /** The JVM property that sizes the common pool, and with it CompletableFuture's default executor. */
  public static final String COMMON_POOL_PARALLELISM = "java.util.concurrent.ForkJoinPool.common.parallelism";

  /**
   * The JDK WebSocket client completes every opening handshake on CompletableFuture's default
   * executor, which on a machine with two cores or fewer is a new thread per task: a thread started
   * per replayed interaction. A common pool of two threads avoids that; it must be sized before
   * anything uses it, so a JVM that replays many interactions calls this first thing (the CLI does)
   * or starts with {@code -Djava.util.concurrent.ForkJoinPool.common.parallelism=2}.
   *
   * @return whether handshakes complete on a pool (false: this JVM had started the pool already)
   */
  public static boolean useCommonPoolForHandshakes() {
    if (System.getProperty(COMMON_POOL_PARALLELISM) == null && Runtime.getRuntime().availableProcessors() <= 2) {
      System.setProperty(COMMON_POOL_PARALLELISM, "2");
    }
    return ForkJoinPool.getCommonPoolParallelism() > 1;
  }

  /** The largest message read, in characters (a GraphQL result of the incident is a few KB). */
  public static final int MAX_MESSAGE_CHARS = 8 * 1024 * 1024;

  /** How many received frames may wait for the reader before the socket is read no further. */
  public static final int MAX_QUEUED = 256;

  private final WebSocket socket;
  private final ClientCodec codec;
  private final BlockingQueue<Object> events;
  private final Listener listener;
  private volatile boolean closed;
  private int keepAlives;

  private WebSocketSession(WebSocket socket, ClientCodec codec, BlockingQueue<Object> events, Listener listener) {
    this.socket = socket;
    this.codec = codec;
    this.events = events;
    this.listener = listener;
  }

  /** Why a connection could not be opened. */
  public static final class ConnectFailure extends Exception {
    private final boolean listening;

    ConnectFailure(String message, boolean listening, Throwable cause) {
      super(message, cause);
      this.listening = listening;
    }

    /** False when nothing answered at all (connection refused, unknown host, connect timeout). */
    public boolean listening() {
      return listening;
    }
  }

  /**
   * Opens a connection offering {@code subprotocols} in order.
   *
   * @throws ConnectFailure when nothing listens, the handshake fails, or the server picked a
   *     subprotocol subpact does not speak
   */
  public static WebSocketSession connect(HttpClient client, URI url, List<String> subprotocols,
      Map<String, String> headers, Duration timeout) throws ConnectFailure {
    BlockingQueue<Object> events = new LinkedBlockingQueue<>();
    Listener listener = new Listener(events);
    WebSocket.Builder builder = client.newWebSocketBuilder().connectTimeout(timeout);
    if (!subprotocols.isEmpty()) {
      builder.subprotocols(subprotocols.get(0), subprotocols.subList(1, subprotocols.size()).toArray(String[]::new));
    }
    headers.forEach(builder::header);
    WebSocket socket;
    try {
      socket = builder.buildAsync(url, listener).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ConnectFailure("interrupted while connecting to " + url, false, e);
    } catch (TimeoutException e) {
      throw new ConnectFailure("no WebSocket handshake with " + url + " within " + timeout.toMillis() + " ms", false, e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof WebSocketHandshakeException handshake) {
        throw new ConnectFailure("the WebSocket handshake with " + url + " failed: HTTP "
            + handshake.getResponse().statusCode() + " (is it the GraphQL endpoint, and does it speak "
            + String.join(" or ", subprotocols) + "?)", true, cause);
      }
      throw new ConnectFailure("cannot connect to " + url + ": " + describe(cause), false, cause);
    }
    ClientCodec codec = Subprotocol.forWireName(socket.getSubprotocol()).map(ClientCodec::of).orElse(null);
    if (codec == null) {
      socket.abort();
      throw new ConnectFailure("the server at " + url + " accepted subprotocol \"" + socket.getSubprotocol()
          + "\"; subpact offered " + subprotocols + " and speaks " + Subprotocol.wireNamesInWords(), true, null);
    }
    return new WebSocketSession(socket, codec, events, listener);
  }

  private static String describe(Throwable t) {
    Throwable root = t;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage();
    return root.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : " (" + message + ")");
  }

  public ClientCodec codec() {
    return codec;
  }

  /** Sends one text frame; false when the connection is already gone (or a send is stuck). */
  public boolean send(String text) {
    if (closed || socket.isOutputClosed()) {
      return false;
    }
    try {
      socket.sendText(text, true).get(5, TimeUnit.SECONDS);
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } catch (ExecutionException | TimeoutException | IllegalStateException e) {
      // IllegalStateException: an earlier send is still pending on a backend that stopped reading
      return false;
    }
  }

  /** How many {@code ping}/{@code pong}/{@code ka} frames the backend sent so far (a flood shows here). */
  public int keepAlives() {
    return keepAlives;
  }

  /**
   * The next event, answering {@code ping} on the way; {@code null} when {@code deadline} passes
   * first.
   */
  public Event next(Instant deadline) throws InterruptedException {
    while (true) {
      long wait = Duration.between(Instant.now(), deadline).toMillis();
      if (wait <= 0) {
        return null; // checked on every frame: a flood of pings never holds the reader past its deadline
      }
      Object polled = events.poll(wait, TimeUnit.MILLISECONDS);
      if (polled == null) {
        return null;
      }
      listener.drained(socket, events);
      Event event = polled instanceof String frame ? new Event.Message(codec.decode(frame)) : (Event) polled;
      if (event instanceof Event.Message m) {
        ServerMessage message = m.message();
        if (message instanceof ServerMessage.Ping || message instanceof ServerMessage.Pong || message instanceof ServerMessage.KeepAlive) {
          keepAlives++;
        }
        var reply = codec.answer(message);
        if (reply.isPresent()) {
          send(reply.get());
          continue;
        }
      }
      return event;
    }
  }

  /**
   * Closes cleanly: the subprotocol's terminate message, a 1000 close frame, a short wait for the
   * server's close frame, then the socket is dropped.
   */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      if (!socket.isOutputClosed()) {
        codec.terminate().ifPresent(t -> socket.sendText(t, true));
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "").get(1, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException | IllegalStateException e) {
      // the server is gone, or stopped reading (a send still pending); abort below
    } finally {
      socket.abort();
    }
  }

  /**
   * Queues what the socket delivers, one frame requested at a time: while {@link #MAX_QUEUED}
   * frames wait, no more is requested (the backend's frames wait in TCP buffers, not in memory)
   * until the reader {@link #drained} the queue.
   */
  private static final class Listener implements WebSocket.Listener {
    private final BlockingQueue<Object> events;
    private final StringBuilder partial = new StringBuilder();
    private boolean ended;
    private boolean paused;

    Listener(BlockingQueue<Object> events) {
      this.events = events;
    }

    @Override
    public void onOpen(WebSocket webSocket) {
      webSocket.request(1);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      if (partial.length() + data.length() > MAX_MESSAGE_CHARS) {
        partial.setLength(0);
        end(new Event.Closed(1009, "subpact closed the connection: the backend sent a message of over "
            + MAX_MESSAGE_CHARS + " characters"));
        webSocket.abort();
        return null;
      }
      partial.append(data);
      if (last) {
        events.add(partial.toString());
        partial.setLength(0);
      }
      requestMore(webSocket);
      return null;
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
      events.add(new Event.Message(new ServerMessage.Garbage("<" + data.remaining() + " binary bytes>", "a binary frame")));
      requestMore(webSocket);
      return null;
    }

    private synchronized void requestMore(WebSocket webSocket) {
      if (events.size() < MAX_QUEUED) {
        webSocket.request(1);
      } else {
        paused = true;
      }
    }

    /** Called by the reader after it took a frame: resumes reading once the queue has room. */
    synchronized void drained(WebSocket webSocket, BlockingQueue<Object> events) {
      if (paused && events.size() < MAX_QUEUED / 2) {
        paused = false;
        webSocket.request(1);
      }
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
      end(new Event.Closed(statusCode, reason));
      return CompletableFuture.completedFuture(null);
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
      end(new Event.Closed(1006, describe(error)));
    }

    private synchronized void end(Event event) {
      if (!ended) {
        ended = true;
        events.add(event);
      }
    }
  }
}

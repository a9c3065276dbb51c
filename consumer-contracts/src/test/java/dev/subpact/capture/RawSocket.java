package dev.subpact.capture;

import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A bare WebSocket (the JDK's client) for sending frames no well-behaved client library would send. */
final class RawSocket implements WebSocket.Listener {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** How the server closed: code and reason. */
  record Closed(int code, String reason) {}

  private final BlockingQueue<JsonNode> messages = new LinkedBlockingQueue<>();
  private final CompletableFuture<Closed> closed = new CompletableFuture<>();
  private final StringBuilder partial = new StringBuilder();
  private WebSocket socket;

  static RawSocket open(HttpClient http, URI url, String... subprotocols) {
    RawSocket raw = new RawSocket();
    WebSocket.Builder builder = http.newWebSocketBuilder();
    if (subprotocols.length > 0) {
      builder.subprotocols(subprotocols[0], java.util.Arrays.copyOfRange(subprotocols, 1, subprotocols.length));
    }
    raw.socket = builder.buildAsync(url, raw).join();
    return raw;
  }

  String subprotocol() {
    return socket.getSubprotocol();
  }

  RawSocket send(String text) {
    socket.sendText(text, true).join();
    return this;
  }

  RawSocket sendBinary(byte[] bytes) {
    socket.sendBinary(ByteBuffer.wrap(bytes), true).join();
    return this;
  }

  /** The next message that is not a legacy keep-alive ({@code ka}), as a client library reads them. */
  JsonNode next() throws InterruptedException {
    JsonNode message = nextFrame();
    while ("ka".equals(message.path("type").asText())) {
      message = nextFrame();
    }
    return message;
  }

  /** The next message, keep-alives included. */
  JsonNode nextFrame() throws InterruptedException {
    JsonNode message = messages.poll(20, TimeUnit.SECONDS);
    if (message == null) {
      fail("No message from the capture server within 20s" + (closed.isDone() ? "; it closed the socket: " + closed.getNow(null) : ""));
    }
    return message;
  }

  Closed closed() throws Exception {
    return closed.get(20, TimeUnit.SECONDS);
  }

  boolean isClosed() {
    return closed.isDone();
  }

  void close() {
    if (!socket.isOutputClosed()) {
      socket.sendClose(WebSocket.NORMAL_CLOSURE, "").exceptionally(e -> null);
    }
  }

  @Override
  public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
    partial.append(data);
    if (last) {
      try {
        messages.add(JSON.readTree(partial.toString()));
      } catch (Exception e) {
        throw new IllegalStateException("The capture server sent a frame that is not JSON: " + partial, e);
      }
      partial.setLength(0);
    }
    webSocket.request(1);
    return null;
  }

  @Override
  public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
    closed.complete(new Closed(statusCode, reason));
    return null;
  }

  @Override
  public void onError(WebSocket webSocket, Throwable error) {
    closed.complete(new Closed(-1, String.valueOf(error)));
  }
}

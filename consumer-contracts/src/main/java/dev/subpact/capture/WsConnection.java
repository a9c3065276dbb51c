package dev.subpact.capture;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.subpact.graphql.pact.Transport;
import java.util.Collections;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.api.WebSocketListener;
import org.eclipse.jetty.websocket.api.BatchMode;
import org.eclipse.jetty.websocket.api.WriteCallback;

/**
 * One client's WebSocket: framing shared by both subprotocols (JSON text frames, sending, closing,
 * the init payload's keys); the subclasses hold each subprotocol's state machine.
 */
abstract class WsConnection implements WebSocketListener {

  static final ObjectMapper JSON = new ObjectMapper();

  final CaptureRuntime runtime;
  final Transport.WebSocket transport;
  final String chosen;
  volatile SortedSet<String> initKeys = Collections.emptySortedSet();
  volatile Session session;

  WsConnection(CaptureRuntime runtime, String path, List<String> offered, Subprotocol chosen) {
    this.runtime = runtime;
    this.transport = new Transport.WebSocket(path, offered);
    this.chosen = chosen.wireName();
  }

  @Override
  public void onWebSocketConnect(Session session) {
    // Every frame goes out at once: a batched answer could wait in Jetty's buffer while the bot waits for it.
    session.getRemote().setBatchMode(BatchMode.OFF);
    this.session = session;
    runtime.touch();
    runtime.traffic().connection(transport.path(), chosen);
    connected();
  }

  @Override
  public void onWebSocketText(String text) {
    runtime.touch();
    runtime.traffic().frame();
    JsonNode message;
    try {
      message = JSON.readTree(text);
    } catch (JsonProcessingException e) {
      message = null;
    }
    if (message == null || !message.isObject()) {
      notJson();
      return;
    }
    handle((ObjectNode) message);
  }

  @Override
  public void onWebSocketBinary(byte[] payload, int offset, int len) {
    runtime.touch();
    runtime.traffic().frame();
    binary();
  }

  @Override
  public void onWebSocketClose(int statusCode, String reason) {
    closed();
  }

  @Override
  public void onWebSocketError(Throwable cause) {
    closed();
  }

  /** The socket is open. */
  void connected() {}

  /** The socket closed, either side. */
  void closed() {}

  /** A text frame that is not a JSON object. */
  abstract void notJson();

  /** A binary frame. */
  abstract void binary();

  /** A JSON object message. */
  abstract void handle(ObjectNode message);

  /** Keeps the keys of a {@code connection_init} payload, never the values. */
  void rememberInitKeys(JsonNode payload) {
    SortedSet<String> keys = new TreeSet<>();
    if (payload != null && payload.isObject()) {
      payload.fieldNames().forEachRemaining(keys::add);
    }
    initKeys = Collections.unmodifiableSortedSet(keys);
  }

  void send(ObjectNode message) {
    Session s = session;
    if (s != null && s.isOpen()) {
      s.getRemote().sendString(message.toString(), WriteCallback.NOOP);
    }
  }

  void close(int code, String reason) {
    Session s = session;
    if (s != null && s.isOpen()) {
      s.close(code, reason);
    }
  }

  ObjectNode message(String type, String id) {
    ObjectNode message = JSON.createObjectNode();
    message.put("type", type);
    if (id != null) {
      message.put("id", id);
    }
    return message;
  }
}

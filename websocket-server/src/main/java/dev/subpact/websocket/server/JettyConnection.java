package dev.subpact.websocket.server;

import dev.subpact.graphql.websocket.ServerSession;
import dev.subpact.graphql.websocket.Subprotocol;
import org.eclipse.jetty.websocket.api.BatchMode;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.api.WebSocketListener;
import org.eclipse.jetty.websocket.api.WriteCallback;

/**
 * One client's WebSocket on Jetty: its frames go to a {@link ServerSession} speaking the negotiated
 * subprotocol, which answers through this connection. What an operation gets is the server's
 * {@link ServerSession.Operations}; this class only carries frames.
 */
public final class JettyConnection implements WebSocketListener, ServerSession.Peer {

  /** What a server wants to know of a connection's traffic, e.g. to tell when it went idle. */
  public interface Activity {
    /** Nothing to know. */
    Activity NONE = new Activity() {};

    /** The upgrade completed. */
    default void connected() {}

    /** A frame arrived (before the session handles it). */
    default void frame() {}
  }

  private final ServerSession protocol;
  private final Activity activity;
  private volatile Session session;

  /** A connection whose session speaks {@code subprotocol} with {@code timing} on {@code timer}, running {@code operations}. */
  public JettyConnection(Subprotocol subprotocol, ServerSession.Timing timing, ServerSession.Timer timer,
      ServerSession.Operations operations, Activity activity) {
    this.protocol = new ServerSession(subprotocol, timing, this, timer, operations);
    this.activity = activity;
  }

  @Override
  public void onWebSocketConnect(Session session) {
    // Every frame goes out at once: a batched frame could wait in Jetty's buffer while the client waits for it.
    session.getRemote().setBatchMode(BatchMode.OFF);
    this.session = session;
    activity.connected();
    protocol.opened();
  }

  @Override
  public void onWebSocketText(String text) {
    activity.frame();
    protocol.text(text);
  }

  @Override
  public void onWebSocketBinary(byte[] payload, int offset, int len) {
    activity.frame();
    protocol.binary();
  }

  @Override
  public void onWebSocketClose(int statusCode, String reason) {
    protocol.closed();
  }

  @Override
  public void onWebSocketError(Throwable cause) {
    protocol.closed();
  }

  @Override
  public void send(String frame) {
    Session s = session;
    if (s != null && s.isOpen()) {
      s.getRemote().sendString(frame, WriteCallback.NOOP);
    }
  }

  @Override
  public void close(int code, String reason) {
    Session s = session;
    if (s != null && s.isOpen()) {
      s.close(code, reason);
    }
  }
}

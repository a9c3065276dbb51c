package dev.subpact.capture;

import com.fasterxml.jackson.databind.JsonNode;
import dev.subpact.graphql.operation.OperationType;
import dev.subpact.graphql.pact.Transport;
import dev.subpact.graphql.websocket.ServerSession;
import dev.subpact.graphql.websocket.Subprotocol;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import org.eclipse.jetty.websocket.api.BatchMode;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.api.WebSocketListener;
import org.eclipse.jetty.websocket.api.WriteCallback;

/**
 * One client's WebSocket: Jetty's frames go to the shared {@link ServerSession}, which speaks the
 * subprotocol as Strawberry does; capture's part is what an operation gets: it is recorded through
 * {@link Intake} and answered with the scripted or example data, and the init payload's keys (never
 * its values) are kept for the record.
 */
final class WsConnection implements WebSocketListener, ServerSession.Peer, ServerSession.Operations {

  private final CaptureRuntime runtime;
  private final Transport.WebSocket transport;
  private final Subprotocol chosen;
  private final ServerSession protocol;
  private volatile SortedSet<String> initKeys = Collections.emptySortedSet();
  private volatile Session session;

  WsConnection(CaptureRuntime runtime, String path, List<String> offered, Subprotocol chosen) {
    this.runtime = runtime;
    this.transport = new Transport.WebSocket(path, offered);
    this.chosen = chosen;
    CaptureSettings settings = runtime.settings();
    this.protocol = new ServerSession(chosen, new ServerSession.Timing(settings.initTimeout(), settings.keepAlive()),
        this, runtime.timer(), this);
  }

  @Override
  public void onWebSocketConnect(Session session) {
    // Every frame goes out at once: a batched answer could wait in Jetty's buffer while the bot waits for it.
    session.getRemote().setBatchMode(BatchMode.OFF);
    this.session = session;
    runtime.touch();
    runtime.traffic().connection(transport.path(), chosen.wireName());
    protocol.opened();
  }

  @Override
  public void onWebSocketText(String text) {
    runtime.touch();
    runtime.traffic().frame();
    protocol.text(text);
  }

  @Override
  public void onWebSocketBinary(byte[] payload, int offset, int len) {
    runtime.touch();
    runtime.traffic().frame();
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

  /** Every init payload is accepted; its keys, never its values, are kept for the record. */
  @Override
  public boolean accept(JsonNode initPayload) {
    SortedSet<String> keys = new TreeSet<>();
    initPayload.fieldNames().forEachRemaining(keys::add);
    initKeys = Collections.unmodifiableSortedSet(keys);
    return true;
  }

  @Override
  public void start(String id, JsonNode payload, ServerSession.Reply reply) {
    Intake.Outcome outcome = runtime.intake().take(payload, transport, chosen.wireName(), initKeys);
    if (outcome instanceof Intake.Rejected rejected) {
      reply.badRequest(rejected.reason(), List.of(Map.of("message", rejected.reason())));
    } else if (outcome instanceof Intake.SyntaxError syntax) {
      reply.badRequest(syntax.message(), List.of(syntax.error()));
    } else if (outcome instanceof Intake.Invalid invalid) {
      List<JsonNode> errors = new ArrayList<>();
      invalid.graphqlErrors().forEach(errors::add);
      reply.errors(errors);
    } else if (outcome instanceof Intake.Answered answered) {
      answered.results().forEach(reply::next);
      // a subscription stays open: capture has no further events to send
      if (answered.operation().type() != OperationType.SUBSCRIPTION) {
        reply.complete();
      }
    }
  }

  /** Nothing runs after the answer, so there is nothing to stop. */
  @Override
  public void stop(String id) {}
}

package dev.subpact.capture;

import com.fasterxml.jackson.databind.JsonNode;
import dev.subpact.graphql.operation.OperationType;
import dev.subpact.graphql.pact.Transport;
import dev.subpact.graphql.websocket.ServerSession;
import dev.subpact.graphql.websocket.Subprotocol;
import dev.subpact.websocket.server.JettyConnection;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Capture's part of one client's WebSocket (the frames are carried by a {@link JettyConnection} to
 * the shared {@link ServerSession}, which speaks the subprotocol as Strawberry does): what an
 * operation gets, and the traffic counted for idleness and the report. An operation is recorded through
 * {@link Intake} and answered with the scripted or example data, and the init payload's keys (never
 * its values) are kept for the record.
 */
final class WsConnection implements ServerSession.Operations, JettyConnection.Activity {

  private final CaptureRuntime runtime;
  private final Transport.WebSocket transport;
  private final Subprotocol chosen;
  private volatile SortedSet<String> initKeys = Collections.emptySortedSet();

  WsConnection(CaptureRuntime runtime, String path, List<String> offered, Subprotocol chosen) {
    this.runtime = runtime;
    this.transport = new Transport.WebSocket(path, offered);
    this.chosen = chosen;
  }

  @Override
  public void connected() {
    runtime.touch();
    runtime.traffic().connection(transport.path(), chosen.wireName());
  }

  @Override
  public void frame() {
    runtime.touch();
    runtime.traffic().frame();
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

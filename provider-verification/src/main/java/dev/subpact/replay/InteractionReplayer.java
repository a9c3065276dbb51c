package dev.subpact.replay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.subpact.graphql.check.Finding;
import dev.subpact.graphql.pact.ExpectedMessage;
import dev.subpact.graphql.pact.GraphqlInteraction;
import dev.subpact.graphql.pact.GraphqlPacts;
import dev.subpact.graphql.pact.ProviderState;
import dev.subpact.graphql.pact.Transport;
import dev.subpact.websocket.ServerMessage;
import dev.subpact.websocket.WebSocketSession;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Replays one interaction as the bot would: provider states set up; over WebSocket
 * {@code connection_init}, {@code subscribe}, the {@code trigger} state change once the
 * subscription is live, messages collected until every expected one arrived (or an error, a close,
 * a {@code complete}, the deadline), then {@code complete} and a clean close; over HTTP a
 * {@code POST}. Then states torn down, and the messages matched.
 */
public final class InteractionReplayer {

  /**
   * The WebSocket upgrade header naming the replayed interaction; the same id travels in the
   * {@code "interaction"} field of its state changes, so a backend can route a triggered event.
   */
  public static final String INTERACTION_HEADER = "X-Subpact-Interaction";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String OPERATION_ID = "1";

  private final ReplayConfig config;
  private final HttpClient http;
  private final StateChanges states;

  public InteractionReplayer(ReplayConfig config, HttpClient http) {
    this.config = config;
    this.http = http;
    this.states = new StateChanges(config.stateUrl(), http);
  }

  /** Replays {@code interaction}; ends by {@code deadline} at the latest. */
  public Outcome replay(GraphqlInteraction interaction, String interactionId, Instant deadline) throws InterruptedException {
    Outcome failedSetup = changeStates(interaction.providerStates(), "setup", interactionId, deadline);
    if (failedSetup != null) {
      return failedSetup;
    }
    Outcome outcome = interaction.transport() instanceof Transport.WebSocket ws
        ? overWebSocket(interaction, ws, interactionId, deadline)
        : overHttp(interaction, deadline);
    Outcome failedTeardown = changeStates(interaction.providerStates(), "teardown", interactionId,
        Instant.now().plus(Duration.ofSeconds(5)));
    return outcome.ok() && failedTeardown != null ? failedTeardown : outcome;
  }

  private Outcome changeStates(List<ProviderState> providerStates, String action, String interactionId, Instant deadline)
      throws InterruptedException {
    for (ProviderState state : providerStates) {
      try {
        states.change(state, action, interactionId, remaining(deadline));
      } catch (StateChanges.Failure e) {
        return new Outcome.StateChangeFailed(state.name(), action, e.getMessage());
      }
    }
    return null;
  }

  private static Duration remaining(Instant deadline) {
    Duration left = Duration.between(Instant.now(), deadline);
    return left.toMillis() < 1 ? Duration.ofMillis(1) : left;
  }

  // ---------------------------------------------------------------- WebSocket

  private Outcome overWebSocket(GraphqlInteraction interaction, Transport.WebSocket ws, String interactionId, Instant deadline)
      throws InterruptedException {
    List<String> subprotocols = ws.subprotocols().isEmpty() ? Transport.BOT_SUBPROTOCOLS : ws.subprotocols();
    WebSocketSession session;
    try {
      session = WebSocketSession.connect(http, config.websocketUrl(), subprotocols,
          Map.of(INTERACTION_HEADER, interactionId), remaining(deadline));
    } catch (WebSocketSession.ConnectFailure e) {
      // No handshake because the deadline came first is a time-out (e.g. the run's), not an unreachable backend.
      return Instant.now().isBefore(deadline)
          ? new Outcome.Unreachable(e.getMessage())
          : new Outcome.TimedOut("before the WebSocket handshake with " + config.websocketUrl() + " completed");
    }
    try (session) {
      String transport = "websocket " + session.codec().name();
      if (!session.send(session.codec().connectionInit(config.initPayload()))) {
        return new Outcome.Closed(1006, "the connection dropped before connection_init");
      }
      Outcome noAck = awaitAck(session, deadline);
      if (noAck != null) {
        return noAck;
      }
      session.send(session.codec().subscribe(OPERATION_ID, GraphqlPacts.requestBody(interaction.operation())));
      List<ExpectedMessage> expected = interaction.expected();
      if (!expected.isEmpty()) {
        Outcome failedTrigger = changeStates(interaction.providerStates(), "trigger", interactionId, deadline);
        if (failedTrigger != null) {
          return failedTrigger;
        }
      }
      Instant until = expected.isEmpty() ? min(Instant.now().plus(config.settle()), deadline) : deadline;
      List<JsonNode> received = new ArrayList<>();
      Outcome ended = collect(session, expected.size(), received, until);
      if (ended == null) {
        session.send(session.codec().complete(OPERATION_ID));
        return expected.isEmpty() ? new Outcome.Accepted(transport, received.size()) : match(expected, received, transport);
      }
      if (!(ended instanceof Outcome.Closed)) {
        session.send(session.codec().complete(OPERATION_ID));
      }
      return ended;
    }
  }

  private static Instant min(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }

  private Outcome awaitAck(WebSocketSession session, Instant deadline) throws InterruptedException {
    while (true) {
      WebSocketSession.Event event = session.next(deadline);
      if (event == null) {
        return new Outcome.NoAck("no connection_ack within the interaction's timeout of " + config.timeout().toMillis() + " ms");
      }
      if (event instanceof WebSocketSession.Event.Closed closed) {
        return new Outcome.Closed(closed.code(), closed.reason());
      }
      ServerMessage message = ((WebSocketSession.Event.Message) event).message();
      if (message instanceof ServerMessage.Ack) {
        return null;
      } else if (message instanceof ServerMessage.ConnectionError e) {
        return new Outcome.NoAck("the backend answered connection_init with connection_error " + e.payload());
      } else if (message instanceof ServerMessage.Garbage g) {
        return new Outcome.ProtocolViolation(g.problem(), g.frame());
      } else if (!(message instanceof ServerMessage.KeepAlive || message instanceof ServerMessage.Pong)) {
        return new Outcome.ProtocolViolation("a " + message.getClass().getSimpleName() + " message before connection_ack", message.toString());
      }
    }
  }

  /** Collects results until {@code wanted} arrived ({@code 0}: until {@code until}); {@code null} when it ended well. */
  private Outcome collect(WebSocketSession session, int wanted, List<JsonNode> received, Instant until) throws InterruptedException {
    while (wanted == 0 || received.size() < wanted) {
      WebSocketSession.Event event = session.next(until);
      if (event == null) {
        return wanted == 0 ? null : new Outcome.TimedOut("waiting for message " + (received.size() + 1) + " of " + wanted
            + " (the backend sent " + received.size() + "); did the trigger state change publish the event?");
      }
      if (event instanceof WebSocketSession.Event.Closed closed) {
        return new Outcome.Closed(closed.code(), closed.reason());
      }
      ServerMessage message = ((WebSocketSession.Event.Message) event).message();
      Outcome foreign = foreignId(message);
      if (foreign != null) {
        return foreign;
      }
      if (message instanceof ServerMessage.Next next) {
        JsonNode errors = next.payload().path("errors");
        if (errors.isArray() && !errors.isEmpty()) {
          List<JsonNode> list = new ArrayList<>();
          errors.forEach(list::add);
          return new Outcome.Rejected(ServerErrors.findings(list));
        }
        received.add(next.payload());
      } else if (message instanceof ServerMessage.Error error) {
        return new Outcome.Rejected(ServerErrors.findings(error.errors()));
      } else if (message instanceof ServerMessage.Complete) {
        return new Outcome.CompletedEarly(received.size(), wanted);
      } else if (message instanceof ServerMessage.Garbage garbage) {
        return new Outcome.ProtocolViolation(garbage.problem(), garbage.frame());
      }
    }
    return null;
  }

  /**
   * A {@code next}/{@code data}, {@code error} or {@code complete} for an id subpact never
   * subscribed with is a protocol error: a bot would not read it, so it never counts.
   */
  private static Outcome foreignId(ServerMessage message) {
    String id;
    String type;
    if (message instanceof ServerMessage.Next next) {
      id = next.id();
      type = "next/data";
    } else if (message instanceof ServerMessage.Error error) {
      id = error.id();
      type = "error";
    } else if (message instanceof ServerMessage.Complete complete) {
      id = complete.id();
      type = "complete";
    } else {
      return null;
    }
    if (OPERATION_ID.equals(id)) {
      return null;
    }
    return new Outcome.ProtocolViolation("a " + type + " message for operation id " + (id == null ? "(none)" : "\"" + id + "\"")
        + ", but subpact subscribed only with id \"" + OPERATION_ID + "\" (a bot ignores it, so it never counts)", message.toString());
  }

  private static Outcome match(List<ExpectedMessage> expected, List<JsonNode> received, String transport) {
    List<Finding> mismatches = new ArrayList<>();
    for (int i = 0; i < expected.size(); i++) {
      mismatches.addAll(MessageMatcher.mismatches(expected.get(i), received.get(i), "message " + (i + 1)));
    }
    return mismatches.isEmpty() ? new Outcome.Accepted(transport, received.size()) : new Outcome.DataMismatch(mismatches);
  }

  // ---------------------------------------------------------------- HTTP

  private Outcome overHttp(GraphqlInteraction interaction, Instant deadline) throws InterruptedException {
    String body;
    try {
      body = JSON.writeValueAsString(GraphqlPacts.requestBody(interaction.operation()));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    HttpRequest request = HttpRequest.newBuilder(config.httpUrl())
        .timeout(remaining(deadline))
        .header("Content-Type", "application/json")
        .header("Accept", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body))
        .build();
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (HttpTimeoutException e) {
      return new Outcome.TimedOut("waiting for the HTTP response from " + config.httpUrl());
    } catch (ConnectException e) {
      return new Outcome.Unreachable("cannot connect to " + config.httpUrl() + " (connection refused)");
    } catch (IOException e) {
      return new Outcome.Unreachable("HTTP POST to " + config.httpUrl() + " failed: " + e.getClass().getSimpleName()
          + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")"));
    }
    JsonNode result;
    try {
      result = JSON.readTree(response.body());
    } catch (IOException e) {
      return new Outcome.ProtocolViolation("HTTP " + response.statusCode() + " with a body that is not JSON", response.body());
    }
    if (result == null || !result.isObject()) {
      return new Outcome.ProtocolViolation("HTTP " + response.statusCode() + " with a body that is not a GraphQL result", response.body());
    }
    JsonNode errors = result.path("errors");
    if (errors.isArray() && !errors.isEmpty()) {
      List<JsonNode> list = new ArrayList<>();
      errors.forEach(list::add);
      return new Outcome.Rejected(ServerErrors.findings(list));
    }
    if (response.statusCode() / 100 != 2) {
      return new Outcome.ProtocolViolation("HTTP " + response.statusCode() + " without GraphQL errors", response.body());
    }
    return interaction.expected().isEmpty()
        ? new Outcome.Accepted("http", 1)
        : match(interaction.expected().subList(0, 1), List.of(result), "http");
  }
}

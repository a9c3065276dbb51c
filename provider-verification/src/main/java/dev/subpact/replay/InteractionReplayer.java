package dev.subpact.replay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.subpact.graphql.check.Finding;
import dev.subpact.graphql.check.StaticChecker;
import dev.subpact.graphql.pact.ExpectedMessage;
import dev.subpact.graphql.pact.GraphqlInteraction;
import dev.subpact.graphql.pact.GraphqlPacts;
import dev.subpact.graphql.pact.ProviderState;
import dev.subpact.graphql.pact.Transport;
import dev.subpact.graphql.websocket.MessageType;
import dev.subpact.graphql.websocket.ServerMessage;
import dev.subpact.websocket.WebSocketSession;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;

/**
 * Replays one interaction as the bot would: provider states set up; over WebSocket
 * {@code connection_init}, {@code subscribe}, the {@code trigger} state change once the
 * subscription is live, messages collected until every expected one arrived (or an error, a close,
 * a {@code complete}, the deadline), then {@code complete} and a clean close; over HTTP a
 * {@code POST}. Then states torn down, and the messages matched.
 */
public final class InteractionReplayer {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String OPERATION_ID = "1";

  private final ReplayConfig config;
  private final HttpClient http;
  private final StateChanges states;
  private final AnswerTimes answerTimes = new AnswerTimes();
  private final BuildSchema schema;

  public InteractionReplayer(ReplayConfig config, HttpClient http) {
    this.config = config;
    this.http = http;
    this.states = new StateChanges(config.stateUrl(), http);
    this.schema = new BuildSchema(config);
  }

  /** The build's schema this replayer validates against ({@code --schema}, else introspection). */
  BuildSchema schema() {
    return schema;
  }

  /**
   * Replays {@code interaction}; ends by {@code deadline} at the latest. When the build's schema is
   * known, the expected messages are matched with rules typed by it ({@link SchemaTypedRules}); an
   * expected message the schema cannot produce fails without a replay.
   */
  public Outcome replay(GraphqlInteraction original, String interactionId, Instant deadline) throws InterruptedException {
    GraphqlInteraction interaction = original;
    StaticChecker checker = original.expected().isEmpty() ? null : schema.checker();
    List<Finding> undecided = new ArrayList<>();
    if (checker != null) {
      List<ExpectedMessage> typed = new ArrayList<>();
      List<Finding> impossible = new ArrayList<>();
      for (int i = 0; i < original.expected().size(); i++) {
        ExpectedMessage message = original.expected().get(i);
        typed.add(SchemaTypedRules.typed(checker.schema().graphql(), original.operation(), message));
        for (Finding found : SchemaTypedRules.contractMismatches(checker.schema().graphql(), original.operation(), message,
            "expected message " + (i + 1), schema.origin(), schema.baseline())) {
          if (found.isError()) {
            impossible.add(found);
          } else if (undecided.stream().noneMatch(u -> u.coordinate().equals(found.coordinate()) && u.path().equals(found.path()))) {
            undecided.add(found); // once per field, from the first expected message that holds it
          }
        }
      }
      if (!impossible.isEmpty()) {
        return new Outcome.DataMismatch(impossible);
      }
      interaction = new GraphqlInteraction(original.description(), original.providerStates(), original.operation(),
          original.transport(), typed);
    }
    Outcome failedSetup = changeStates(interaction, "setup", interactionId, deadline);
    if (failedSetup != null) {
      return failedSetup;
    }
    Outcome outcome = interaction.transport() instanceof Transport.WebSocket ws
        ? overWebSocket(interaction, ws, interactionId, deadline)
        : overHttp(interaction, deadline);
    Outcome failedTeardown = changeStates(interaction, "teardown", interactionId,
        Instant.now().plus(Duration.ofSeconds(5)));
    if (outcome.ok() && failedTeardown != null) {
      return failedTeardown;
    }
    if (outcome instanceof Outcome.Accepted accepted && !undecided.isEmpty()) {
      undecided.addAll(0, accepted.notes());
      return new Outcome.Accepted(accepted.transport(), accepted.messages(), undecided);
    }
    return outcome;
  }

  private Outcome changeStates(GraphqlInteraction interaction, String action, String interactionId, Instant deadline)
      throws InterruptedException {
    for (ProviderState state : interaction.providerStates()) {
      try {
        states.change(state, action, interaction.operation().variables(), interactionId, remaining(deadline));
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
    List<String> subprotocols = ws.subprotocols().isEmpty() ? Transport.SUBPROTOCOLS : ws.subprotocols();
    WebSocketSession session;
    try {
      Map<String, String> headers = new TreeMap<>(config.headers());
      headers.put(Transport.INTERACTION_HEADER, interactionId);
      session = WebSocketSession.connect(http, endpoint(config.websocketUrl(), ws), subprotocols, headers, remaining(deadline));
    } catch (WebSocketSession.ConnectFailure e) {
      // No handshake because the deadline came first is a time-out (e.g. the run's), not an unreachable backend.
      return Instant.now().isBefore(deadline)
          ? new Outcome.Unreachable(e.getMessage())
          : new Outcome.TimedOut("before the WebSocket handshake with " + endpoint(config.websocketUrl(), ws) + " completed");
    }
    try (session) {
      Outcome outcome = subscription(session, interaction, ws, interactionId, deadline);
      if (!(outcome instanceof Outcome.Closed)) {
        session.send(session.codec().complete(OPERATION_ID));
      }
      return outcome;
    }
  }

  /**
   * {@code connection_init}, {@code subscribe}; once the subscription is live (a first result, or
   * no {@code error}/{@code complete}/close within the live window) the {@code trigger} state change;
   * then the expected messages. An {@code error}, {@code complete} or close is reported as what it
   * is, before or after the trigger; a failed trigger only when the subscription stayed live.
   */
  private Outcome subscription(WebSocketSession session, GraphqlInteraction interaction, Transport.WebSocket ws,
      String interactionId, Instant deadline)
      throws InterruptedException {
    String transport = "websocket " + session.codec().subprotocol().wireName();
    Instant initSent = Instant.now();
    if (!session.send(session.codec().connectionInit(config.initPayload()))) {
      return new Outcome.Closed(1006, "the connection dropped before connection_init");
    }
    Outcome noAck = awaitAck(session, deadline);
    if (noAck != null) {
      return noAck;
    }
    answerTimes.observe(initSent);
    session.send(session.codec().subscribe(OPERATION_ID, GraphqlPacts.requestBody(interaction.operation())));
    Instant subscribed = Instant.now();
    List<ExpectedMessage> expected = interaction.expected();
    Received received = new Received(expected, ws.exactSequence());
    Outcome ended = collect(session, received, () -> received.count() > 0,
        min(subscribed.plus(answerTimes.window(config.liveWindow(), adaptiveCap())), deadline));
    if (ended != null) {
      if (ended instanceof Outcome.Rejected) {
        answerTimes.observe(subscribed);
      }
      return ended;
    }
    if (!Instant.now().isBefore(deadline)) {
      return new Outcome.TimedOut("before the subscription was live (" + ReplaySetting.LIVE_WINDOW + " of " + config.liveWindow().toMillis() + " ms)");
    }
    if (!received.complete()) {
      Outcome untriggered = trigger(session, interaction, interactionId, received, deadline);
      if (untriggered != null) {
        return untriggered;
      }
    }
    Duration settle = answerTimes.window(config.settle(), adaptiveCap());
    Instant until = expected.isEmpty() ? min(subscribed.plus(settle), deadline) : deadline;
    ended = collect(session, received, () -> !expected.isEmpty() && received.complete(), until);
    if (ended != null) {
      return ended;
    }
    if (!received.complete()) {
      return received.incomplete((interaction.providerStates().isEmpty()
          ? "the interaction has no provider state, so nothing asked the backend to publish an event"
          : "did the trigger state change publish the event?") + flood(session));
    }
    if (expected.isEmpty() && received.count() == 0) {
      return fromSchema(session, interaction, transport, settle, deadline);
    }
    return received.verdict(transport);
  }

  /**
   * A subscription that expects no event, and got no error and no result within the settle window:
   * silence alone is no evidence (a backend may validate slower than the window), so it is accepted
   * only when the operation validates against the build's schema. When it does not, the backend's
   * own answer is awaited until the deadline (a slow backend's rejection is the verdict).
   */
  private Outcome fromSchema(WebSocketSession session, GraphqlInteraction interaction, String transport, Duration settle,
      Instant deadline) throws InterruptedException {
    String silence = "the backend sent no error and no result within " + settle.toMillis() + " ms";
    StaticChecker checker = schema.checker();
    if (checker == null) {
      return new Outcome.Unconfirmed(silence + ", and silence alone is not evidence of acceptance: the operation could not be"
          + " validated against the build's schema (" + schema.unavailable() + "). Give the build's exported"
          + " schema, or a provider state whose trigger publishes an event the pact expects", List.of());
    }
    List<Finding> errors = checker.check(interaction.operation()).stream().filter(Finding::isError).toList();
    if (!errors.isEmpty()) {
      Received late = new Received(List.of(), false);
      Outcome ended = collect(session, late, () -> late.count() > 0, deadline);
      if (ended != null || late.count() > 0) {
        return ended != null ? ended : new Outcome.Accepted(transport, late.count(), List.of());
      }
      silence = "the backend sent no error and no result within " + ReplaySetting.TIMEOUT + " of " + config.timeout().toMillis() + " ms";
    }
    return errors.isEmpty()
        ? new Outcome.Accepted(transport, 0, List.of())
        : new Outcome.Unconfirmed(silence + ", yet the operation does not validate against " + schema.origin()
            + " (errors below): is that this build's schema, or does the backend answer slower than " + ReplaySetting.SETTLE + "?", errors);
  }

  /**
   * Posts {@code trigger} for each provider state of a live subscription; {@code null} when done. A
   * trigger the state URL refuses counts only if the subscription is still live a settle window
   * later: an {@code error}, {@code complete} or close that arrives meanwhile is the verdict.
   */
  private Outcome trigger(WebSocketSession session, GraphqlInteraction interaction, String interactionId,
      Received received, Instant deadline) throws InterruptedException {
    if (interaction.providerStates().isEmpty()) {
      return null;
    }
    if (!states.configured()) {
      return new Outcome.Unconfirmed("no provider-state URL: nothing can make the backend publish the event the consumer expects"
          + " (provider state '" + interaction.providerStates().get(0).name() + "'). Give " + ReplaySetting.STATE_URL + ", the backend's"
          + " provider-state endpoint (see provider-verification/README.md, \"Provider states\")", List.of());
    }
    Outcome failed = changeStates(interaction, "trigger", interactionId, deadline);
    if (failed == null) {
      return null;
    }
    Outcome ended = collect(session, received, received::complete,
        min(Instant.now().plus(answerTimes.window(config.settle(), adaptiveCap())), deadline));
    return ended != null ? ended : failed;
  }

  /** An adaptive window grows to a quarter of the interaction's timeout at most, leaving time for the trigger and the event. */
  private Duration adaptiveCap() {
    return config.timeout().dividedBy(4);
  }

  /** What a time-out adds when the backend kept the connection busy with pings or keep-alives. */
  private static String flood(WebSocketSession session) {
    return session.keepAlives() > 100 ? " (meanwhile the backend sent " + session.keepAlives() + " ping/pong/ka frames)" : "";
  }

  private static Instant min(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }

  private Outcome awaitAck(WebSocketSession session, Instant deadline) throws InterruptedException {
    while (true) {
      WebSocketSession.Event event = session.next(deadline);
      if (event == null) {
        return new Outcome.NoAck("no connection_ack within " + ReplaySetting.TIMEOUT + " of " + config.timeout().toMillis() + " ms"
            + flood(session));
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

  /**
   * Collects results into {@code received} until {@code done} or {@code until} passes; {@code null}
   * then, else how the stream ended ({@code error}, {@code complete}, close, a frame that breaks the
   * protocol).
   */
  private static Outcome collect(WebSocketSession session, Received received, BooleanSupplier done, Instant until)
      throws InterruptedException {
    while (!done.getAsBoolean()) {
      WebSocketSession.Event event = session.next(until);
      if (event == null) {
        return null;
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
        return received.completedEarly();
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
      type = MessageType.NEXT.wireName() + "/" + MessageType.DATA.wireName();
    } else if (message instanceof ServerMessage.Error error) {
      id = error.id();
      type = MessageType.ERROR.wireName();
    } else if (message instanceof ServerMessage.Complete complete) {
      id = complete.id();
      type = MessageType.COMPLETE.wireName();
    } else {
      return null;
    }
    if (OPERATION_ID.equals(id)) {
      return null;
    }
    return new Outcome.ProtocolViolation("a " + type + " message for operation id " + (id == null ? "(none)" : "\"" + id + "\"")
        + ", but subpact subscribed only with id \"" + OPERATION_ID + "\" (a bot ignores it, so it never counts)", message.toString());
  }

  /**
   * Where the interaction goes: the configured endpoint when it names a path (it overrides), else the
   * path the pact recorded ({@code graphql.path}: the bot's own) on the endpoint's origin.
   */
  static URI endpoint(URI configured, Transport transport) {
    String path = configured.getRawPath();
    return path == null || path.isEmpty() || path.equals("/") ? configured.resolve(transport.path()) : configured;
  }

  // ---------------------------------------------------------------- HTTP

  private Outcome overHttp(GraphqlInteraction interaction, Instant deadline) throws InterruptedException {
    String body;
    try {
      body = JSON.writeValueAsString(GraphqlPacts.requestBody(interaction.operation()));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    URI url = endpoint(config.httpUrl(), interaction.transport());
    HttpRequest.Builder builder = HttpRequest.newBuilder(url)
        .timeout(remaining(deadline))
        .header("Content-Type", "application/json")
        .header("Accept", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body));
    config.headers().forEach(builder::header);
    HttpRequest request = builder.build();
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (HttpTimeoutException e) {
      return new Outcome.TimedOut("waiting for the HTTP response from " + url);
    } catch (ConnectException e) {
      return new Outcome.Unreachable("cannot connect to " + url + " (connection refused)");
    } catch (IOException e) {
      return new Outcome.Unreachable("HTTP POST to " + url + " failed: " + e.getClass().getSimpleName()
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
        ? new Outcome.Accepted("http", 1, List.of())
        : Received.byPosition(interaction.expected().subList(0, 1), List.of(result), "http");
  }
}

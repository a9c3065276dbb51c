package dev.subpact.capture;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.subpact.graphql.check.Finding;
import dev.subpact.graphql.check.Location;
import dev.subpact.graphql.check.StaticChecker;
import dev.subpact.graphql.operation.DocumentSyntaxException;
import dev.subpact.graphql.operation.GraphqlDocument;
import dev.subpact.graphql.operation.Operation;
import dev.subpact.graphql.operation.OperationType;
import dev.subpact.graphql.pact.Transport;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns a GraphQL request payload ({@code query}, {@code operationName}, {@code variables}) from
 * any transport into an {@link Outcome}: records it, checks it against the schema and picks the
 * answer. Shared by both WebSocket subprotocols and HTTP so they record alike.
 */
final class Intake {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final int MAX_PREPARED = 10_000;

  private final Recording recording;
  private final Answers answers;
  private final StaticChecker checker;
  private final CaptureListener listener;
  /** Requests already seen (bots repeat theirs): parsed, checked and answered once. */
  private final Map<String, Outcome> prepared = new ConcurrentHashMap<>();

  Intake(CaptureSettings settings, Recording recording, Answers answers, CaptureListener listener) {
    this.recording = recording;
    this.answers = answers;
    this.checker = settings.schema() == null ? null : StaticChecker.of(settings.schema());
    this.listener = listener;
  }

  /** What becomes of one request. */
  sealed interface Outcome {}

  /** Not a request the backend would run; nothing recorded. {@code reason} as Strawberry words it. */
  record Rejected(String reason) implements Outcome {}

  /** The document does not parse; reported as a problem, not recorded as an operation. */
  record SyntaxError(String message, int line, int column) implements Outcome {
    ObjectNode error() {
      return Intake.error(message, List.of(new Location(line, column)));
    }
  }

  /** Recorded, but the schema check found errors: answered with them as the backend would. */
  record Invalid(Operation operation, List<Finding> findings) implements Outcome {
    ArrayNode graphqlErrors() {
      ArrayNode out = NODES.arrayNode();
      findings.stream().filter(Finding::isError).forEach(f -> out.add(error(f.message(), f.locations())));
      return out;
    }
  }

  /** Recorded and answered with these results ({@code findings}: the check's warnings, if any). */
  record Answered(Operation operation, List<JsonNode> results, List<Finding> findings) implements Outcome {}

  Outcome take(JsonNode payload, Transport transport, String chosenSubprotocol, SortedSet<String> initKeys) {
    JsonNode query = payload.get("query");
    if (query == null || !query.isTextual()) {
      return new Rejected("No GraphQL query found in the request");
    }
    JsonNode name = payload.get("operationName");
    JsonNode variables = payload.get("variables");
    if (variables != null && !variables.isNull() && !variables.isObject()) {
      return new Rejected("Variables must be provided as a JSON object");
    }
    String operationName = name == null || name.isNull() ? null : name.asText();
    String key = (transport instanceof Transport.Http ? "http\u0000" : "ws\u0000") + query.asText() + "\u0000" + operationName + "\u0000" + (variables == null ? "null" : variables.toString());
    Outcome outcome = prepared.get(key);
    if (outcome == null) {
      outcome = prepare(query.asText(), operationName, variables, transport, chosenSubprotocol);
      if (!(outcome instanceof SyntaxError)) {
        if (prepared.size() >= MAX_PREPARED) {
          prepared.clear();
        }
        prepared.put(key, outcome);
      }
    }
    Operation operation = outcome instanceof Answered a ? a.operation() : outcome instanceof Invalid i ? i.operation() : null;
    if (operation != null) {
      List<Finding> findings = outcome instanceof Invalid invalid ? invalid.findings() : ((Answered) outcome).findings();
      CapturedOperation captured = new CapturedOperation(operation, transport, chosenSubprotocol, initKeys);
      if (recording.record(captured, findings)) {
        listener.received(captured, findings);
      }
    }
    return outcome;
  }

  /** Parses, checks and answers one request; the result depends only on its text, name and variables. */
  private Outcome prepare(String query, String operationName, JsonNode variables, Transport transport, String chosenSubprotocol) {
    Operation operation;
    try {
      operation = new Operation(GraphqlDocument.parse(query), operationName, toMap(variables));
    } catch (DocumentSyntaxException e) {
      String where = transport instanceof Transport.WebSocket ? "over WebSocket (" + chosenSubprotocol + ")" : "over HTTP";
      String problem = "A document sent " + where + " is not GraphQL: " + e.getMessage() + " (line " + e.line()
          + ", column " + e.column() + "). Nothing was recorded for it.";
      recording.problem(problem);
      listener.problem(problem);
      return new SyntaxError(e.getMessage(), e.line(), e.column());
    }
    OperationType type;
    try {
      type = operation.type();
    } catch (IllegalStateException e) {
      return new Rejected("Can't get GraphQL operation type");
    }
    if (type == OperationType.SUBSCRIPTION && transport instanceof Transport.Http) {
      return new Rejected("Subscriptions are not allowed over HTTP POST; subscribe over WebSocket");
    }
    List<Finding> findings = checker == null ? List.of() : checker.check(operation);
    return findings.stream().anyMatch(Finding::isError)
        ? new Invalid(operation, findings)
        : new Answered(operation, answers.results(operation), findings);
  }

  static ObjectNode error(String message, List<Location> locations) {
    ObjectNode error = NODES.objectNode();
    error.put("message", message);
    if (!locations.isEmpty()) {
      ArrayNode list = error.putArray("locations");
      locations.forEach(l -> list.addObject().put("line", l.line()).put("column", l.column()));
    }
    return error;
  }

  private static Map<String, Object> toMap(JsonNode variables) {
    if (variables == null || variables.isNull()) {
      return Map.of();
    }
    return JSON.convertValue(variables, new TypeReference<LinkedHashMap<String, Object>>() {});
  }
}

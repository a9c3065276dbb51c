package dev.subpact.capture;

import com.fasterxml.jackson.databind.JsonNode;
import dev.subpact.graphql.operation.Operation;
import dev.subpact.graphql.pact.ExpectedMessage;
import graphql.schema.GraphQLSchema;
import java.util.List;

/**
 * What the capture server answers an operation with, and what the contract expects back.
 *
 * <ul>
 *   <li>sent: the scripted results for its operation name, else example data from the schema, else
 *       the selection's shape with placeholder strings at the leaves;
 *   <li>expected: the schema's example (every selected field), else the first scripted result, each
 *       with {@code type} matchers; else (no schema, no script) the selection's shape with presence
 *       matchers, since the types are unknown.
 * </ul>
 */
final class Answers {

  private final GraphQLSchema schema;
  private final ScriptedResponses responses;

  Answers(CaptureSettings settings) {
    this.schema = settings.schema() == null ? null : settings.schema().graphql();
    this.responses = settings.responses();
  }

  /** The results to send, in order (at least one). */
  List<JsonNode> results(Operation operation) {
    List<JsonNode> scripted = scripted(operation);
    return scripted.isEmpty() ? List.of(ExampleData.of(operation, schema).sent()) : scripted;
  }

  /** The results the contract expects: one message with type matchers (presence matchers without a schema), or none. */
  List<ExpectedMessage> expected(Operation operation) {
    ExampleData.Example example = ExampleData.of(operation, schema);
    List<JsonNode> scripted = scripted(operation);
    if (schema != null && example.expected() != null) {
      return List.of(new ExpectedMessage(example.expected(), example.rules()));
    }
    if (!scripted.isEmpty()) {
      return List.of(new ExpectedMessage(scripted.get(0), TypeMatchers.forContent(scripted.get(0))));
    }
    return example.expected() == null ? List.of() : List.of(new ExpectedMessage(example.expected(), example.rules()));
  }

  /** Scripted by the operation's name (the document's, when the client sent no operationName). */
  private List<JsonNode> scripted(Operation operation) {
    return responses.resultsFor(operation.name());
  }
}

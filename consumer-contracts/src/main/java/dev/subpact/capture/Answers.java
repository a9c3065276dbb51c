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
 *       the selection's shape with {@code null} leaves;
 *   <li>expected: the schema's example (non-null fields only), else the first scripted result, each
 *       with {@code type} matchers; nothing when there is neither.
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

  /** The results the contract expects: one message with type matchers, or none. */
  List<ExpectedMessage> expected(Operation operation) {
    JsonNode content = ExampleData.of(operation, schema).expected();
    if (content == null) {
      List<JsonNode> scripted = scripted(operation);
      content = scripted.isEmpty() ? null : scripted.get(0);
    }
    return content == null ? List.of() : List.of(new ExpectedMessage(content, TypeMatchers.forContent(content)));
  }

  /** Scripted by the operation's name (the executed definition's name when no operationName was sent). */
  private List<JsonNode> scripted(Operation operation) {
    String name = operation.operationName() != null ? operation.operationName() : operation.definition().getName();
    return responses.resultsFor(name);
  }
}

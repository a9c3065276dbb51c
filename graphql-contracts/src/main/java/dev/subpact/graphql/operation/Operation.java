package dev.subpact.graphql.operation;

import graphql.language.OperationDefinition;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One GraphQL operation as a client sends it: the document (text kept exactly), the operation name
 * and the variables (insertion order kept). Equal operations have equal canonical documents,
 * operation names and variables.
 */
public record Operation(GraphqlDocument document, String operationName, Map<String, Object> variables) {

  public Operation {
    Objects.requireNonNull(document, "document");
    variables = variables == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(variables));
  }

  /** Parses {@code text} and builds the operation; see {@link GraphqlDocument#parse(String)}. */
  public static Operation of(String text, String operationName, Map<String, Object> variables) {
    return new Operation(GraphqlDocument.parse(text), operationName, variables);
  }

  /**
   * The definition this operation executes: the one named {@link #operationName()}, or the only
   * one when no name is given.
   *
   * @throws IllegalStateException when the document has no such operation
   */
  public OperationDefinition definition() {
    List<OperationDefinition> definitions =
        document.ast().getDefinitionsOfType(OperationDefinition.class);
    if (operationName == null || operationName.isEmpty()) {
      if (definitions.size() == 1) {
        return definitions.get(0);
      }
      throw new IllegalStateException(
          definitions.isEmpty()
              ? "The document defines no operation."
              : "The document defines " + definitions.size()
                  + " operations but no operationName says which one to run.");
    }
    return definitions.stream()
        .filter(d -> operationName.equals(d.getName()))
        .findFirst()
        .orElseThrow(
            () -> new IllegalStateException("Unknown operation named '" + operationName + "'."));
  }

  /** The operation's type: query, mutation or subscription. */
  public OperationType type() {
    return OperationType.valueOf(definition().getOperation().name());
  }

  /** The canonical document text; see {@link GraphqlDocument#canonical()}. */
  public String canonical() {
    return document.canonical();
  }

  /**
   * The operation's name: {@link #operationName()} as the client sent it, else the name the
   * document gives its only operation (clients such as Python {@code gql} send no operationName),
   * else {@code null}.
   */
  public String name() {
    if (operationName != null && !operationName.isEmpty()) {
      return operationName;
    }
    List<OperationDefinition> definitions = document.ast().getDefinitionsOfType(OperationDefinition.class);
    return definitions.size() == 1 ? definitions.get(0).getName() : null;
  }

  /** A short label: the operation's {@link #name()}, or {@code <anonymous subscription>} when it has none. */
  public String label() {
    String name = name();
    return name != null && !name.isEmpty() ? name : "<anonymous " + type().keyword() + ">";
  }
}

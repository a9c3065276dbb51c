package dev.subpact.graphql.check;

import dev.subpact.graphql.operation.SchemaCoordinate;
import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLTypeUtil;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The alias traps of a rename, found in the schema itself:
 * <ul>
 *   <li>a deprecated argument that is required — graphql-core rejects the schema
 *       ({@code Required argument T.f(a:) cannot be deprecated.}), so Strawberry refuses to start;
 *   <li>a required argument whose deprecated twin exists — old clients send only the twin and fail
 *       with "is required".
 * </ul>
 */
final class SchemaLint {

  private static final Pattern USE_NAME = Pattern.compile("\\b[Uu]se\\s+'?`?([_A-Za-z][_0-9A-Za-z]*)");

  private SchemaLint() {}

  static List<Finding> lint(GraphQLSchema schema) {
    List<Finding> findings = new ArrayList<>();
    List<GraphQLNamedType> types = new ArrayList<>(schema.getAllTypesAsList());
    types.sort(Comparator.comparing(GraphQLNamedType::getName));
    for (GraphQLNamedType type : types) {
      if (type.getName().startsWith("__") || !(type instanceof GraphQLFieldsContainer container)) {
        continue;
      }
      for (GraphQLFieldDefinition field : container.getFieldDefinitions()) {
        for (GraphQLArgument argument : field.getArguments()) {
          SchemaCoordinate coordinate = SchemaCoordinate.argument(type.getName(), field.getName(), argument.getName());
          if (argument.isDeprecated() && RenameHints.isRequired(argument)) {
            findings.add(new Finding(FindingKind.SCHEMA_LINT, Severity.ERROR,
                "Required argument " + coordinate + " cannot be deprecated.",
                coordinate, null, List.of(),
                "make it optional: " + argument.getName() + ": "
                    + InputTypes.print(GraphQLTypeUtil.unwrapNonNull(argument.getType())) + " = null @deprecated(reason: \""
                    + argument.getDeprecationReason() + "\") — graphql-core (Strawberry) rejects the schema otherwise.",
                null));
          }
          if (argument.isDeprecated()) {
            twin(field, argument).filter(RenameHints::isRequired).ifPresent(required -> {
              SchemaCoordinate requiredAt = SchemaCoordinate.argument(type.getName(), field.getName(), required.getName());
              findings.add(new Finding(FindingKind.SCHEMA_LINT, Severity.ERROR,
                  "Argument " + requiredAt + " is required, but its deprecated twin " + coordinate
                      + " still exists: clients that send only '" + argument.getName() + "' fail with \"Field '"
                      + field.getName() + "' argument '" + required.getName() + "' of type '"
                      + InputTypes.print(required.getType()) + "' is required, but it was not provided.\"",
                  requiredAt, argument.getName(), List.of(),
                  RenameHints.forMissingReplacement(required, argument.getName()), null));
            });
          }
        }
      }
    }
    return findings;
  }

  /** The argument a deprecated one was replaced by: the one its reason names ({@code Use new_name}). */
  private static Optional<GraphQLArgument> twin(GraphQLFieldDefinition field, GraphQLArgument deprecated) {
    String reason = deprecated.getDeprecationReason();
    if (reason != null) {
      Matcher m = USE_NAME.matcher(reason);
      while (m.find()) {
        GraphQLArgument named = field.getArgument(m.group(1));
        if (named != null && named != deprecated) {
          return Optional.of(named);
        }
      }
    }
    return Optional.empty();
  }
}

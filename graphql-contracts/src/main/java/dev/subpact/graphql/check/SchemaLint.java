package dev.subpact.graphql.check;

import dev.subpact.graphql.operation.SchemaCoordinate;
import graphql.language.AstPrinter;
import graphql.language.Directive;
import graphql.language.FieldDefinition;
import graphql.language.ImplementingTypeDefinition;
import graphql.language.InputValueDefinition;
import graphql.language.NonNullType;
import graphql.language.StringValue;
import graphql.language.Type;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The alias traps of a rename, found in the schema's SDL (so that a schema graphql-java or
 * graphql-core refuses to build can still be linted):
 * <ul>
 *   <li>a deprecated argument that is required — graphql-core rejects the schema
 *       ({@code Required argument T.f(a:) cannot be deprecated.}), so Strawberry refuses to start;
 *   <li>a required argument whose deprecated twin exists — old clients send only the twin and fail
 *       with "is required".
 * </ul>
 */
final class SchemaLint {

  private static final Pattern USE_NAME = Pattern.compile("\\b[Uu]se\\s+'?`?([_A-Za-z][_0-9A-Za-z]*)");
  private static final String DEFAULT_REASON = "No longer supported";

  private SchemaLint() {}

  /** The traps in a loaded schema (read from its SDL definitions), sorted by type, field and argument. */
  static List<Finding> lint(GraphQLSchema schema) {
    List<GraphQLNamedType> types = new ArrayList<>(schema.getAllTypesAsList());
    types.sort(Comparator.comparing(GraphQLNamedType::getName));
    List<Finding> findings = new ArrayList<>();
    for (GraphQLNamedType type : types) {
      if (type instanceof GraphQLFieldsContainer container && !type.getName().startsWith("__")) {
        for (GraphQLFieldDefinition field : container.getFieldDefinitions()) {
          if (field.getDefinition() != null) {
            for (InputValueDefinition argument : field.getDefinition().getInputValueDefinitions()) {
              lint(type.getName(), field.getDefinition(), argument, findings);
            }
          }
        }
      }
    }
    return findings;
  }

  /** The traps in {@code sdl}, sorted by type, field and argument; empty if the SDL does not parse. */
  static List<Finding> lint(String sdl) {
    TypeDefinitionRegistry registry;
    try {
      registry = new SchemaParser().parse(sdl);
    } catch (RuntimeException e) {
      return List.of();
    }
    List<ImplementingTypeDefinition> types = new ArrayList<>(registry.getTypes(ImplementingTypeDefinition.class));
    types.sort(Comparator.comparing(ImplementingTypeDefinition::getName));
    List<Finding> findings = new ArrayList<>();
    for (ImplementingTypeDefinition<?> type : types) {
      for (FieldDefinition field : type.getFieldDefinitions()) {
        for (InputValueDefinition argument : field.getInputValueDefinitions()) {
          lint(type.getName(), field, argument, findings);
        }
      }
    }
    return findings;
  }

  private static void lint(String typeName, FieldDefinition field, InputValueDefinition argument, List<Finding> findings) {
    Optional<String> reason = deprecationReason(argument);
    if (reason.isEmpty()) {
      return;
    }
    SchemaCoordinate coordinate = SchemaCoordinate.argument(typeName, field.getName(), argument.getName());
    if (isRequired(argument)) {
      findings.add(new Finding(FindingKind.SCHEMA_LINT, Severity.ERROR,
          "Required argument " + coordinate + " cannot be deprecated.",
          coordinate, null, locations(argument),
          "make it optional, or graphql-core (Strawberry) refuses to start:\n"
              + "SDL:\n"
              + "  " + argument.getName() + ": " + AstPrinter.printAst(nullable(argument.getType()))
              + " = null @deprecated(reason: \"" + reason.get() + "\")",
          null));
    }
    twin(field, argument, reason.get()).filter(SchemaLint::isRequired).ifPresent(required -> {
      SchemaCoordinate requiredAt = SchemaCoordinate.argument(typeName, field.getName(), required.getName());
      String requiredType = AstPrinter.printAst(required.getType());
      findings.add(new Finding(FindingKind.SCHEMA_LINT, Severity.ERROR,
          "Argument " + requiredAt + " is required, but its deprecated twin " + coordinate
              + " still exists: clients that send only '" + argument.getName() + "' fail with \"Field '"
              + field.getName() + "' argument '" + required.getName() + "' of type '" + requiredType
              + "' is required, but it was not provided.\"",
          requiredAt, argument.getName(), locations(required),
          "make '" + required.getName() + "' optional so clients that still send '" + argument.getName() + "' are accepted:\n"
              + "SDL:\n"
              + "  " + required.getName() + ": " + AstPrinter.printAst(nullable(required.getType())) + " = null",
          null));
    });
  }

  private static Optional<String> deprecationReason(InputValueDefinition argument) {
    List<Directive> deprecated = argument.getDirectives("deprecated");
    if (deprecated.isEmpty()) {
      return Optional.empty();
    }
    var reason = deprecated.get(0).getArgument("reason");
    return Optional.of(reason != null && reason.getValue() instanceof StringValue s ? s.getValue() : DEFAULT_REASON);
  }

  /** The argument a deprecated one was replaced by: the one its reason names ({@code Use new_name}). */
  private static Optional<InputValueDefinition> twin(FieldDefinition field, InputValueDefinition deprecated, String reason) {
    Matcher m = USE_NAME.matcher(reason);
    while (m.find()) {
      String name = m.group(1);
      Optional<InputValueDefinition> named = field.getInputValueDefinitions().stream()
          .filter(a -> a.getName().equals(name) && a != deprecated)
          .findFirst();
      if (named.isPresent()) {
        return named;
      }
    }
    return Optional.empty();
  }

  private static boolean isRequired(InputValueDefinition argument) {
    return argument.getType() instanceof NonNullType && argument.getDefaultValue() == null;
  }

  private static Type<?> nullable(Type<?> type) {
    return type instanceof NonNullType nonNull ? nonNull.getType() : type;
  }

  private static List<Location> locations(InputValueDefinition argument) {
    return argument.getSourceLocation() == null ? List.of()
        : List.of(new Location(argument.getSourceLocation().getLine(), argument.getSourceLocation().getColumn()));
  }
}

package dev.subpact.graphql.check;

import graphql.language.Argument;
import graphql.language.ArrayValue;
import graphql.language.BooleanValue;
import graphql.language.EnumValue;
import graphql.language.FloatValue;
import graphql.language.IntValue;
import graphql.language.NullValue;
import graphql.language.ObjectValue;
import graphql.language.StringValue;
import graphql.language.Field;
import graphql.language.Selection;
import graphql.language.Value;
import graphql.language.VariableReference;
import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Recognises renames: an unknown name whose suggestion has a compatible type is most likely the old
 * name of that suggestion; so is an unknown name that the baseline schema had where the new schema
 * has a name of the same shape ({@link ShapeRenames}). The fix keeps the old name as a deprecated
 * alias, so clients that still send the old name keep working, written for each {@link FixStyle}
 * asked for.
 */
final class RenameHints {

  /** The new name an unknown old name was renamed to, and how to keep the old one working. */
  record Rename(String newName, String fix) {}

  private final List<FixStyle> styles;
  private final ShapeRenames shapes;

  RenameHints(List<FixStyle> styles, ShapeRenames shapes) {
    this.styles = List.copyOf(styles);
    this.shapes = shapes;
  }

  /**
   * A rename when the field the baseline's shape names, else graphql-core's first suggestion, is a
   * field the operation could have meant: not selected beside it already, and of the same shape (a
   * leaf for a leaf selection; a type with every sub-field selected for a selection set).
   */
  Optional<Rename> forField(
      GraphQLFieldsContainer parent, Field unknown, List<String> suggestions, Set<String> siblingNames) {
    Optional<String> named = shapes.field(parent.getName(), unknown.getName()).or(() -> suggestions.stream().findFirst());
    if (named.isEmpty()) {
      return Optional.empty();
    }
    String name = named.get();
    GraphQLFieldDefinition candidate = parent.getFieldDefinition(name);
    if (candidate == null || siblingNames.contains(name) || !sameShape(candidate.getType(), unknown)) {
      return Optional.empty();
    }
    String old = unknown.getName();
    String reason = "Use " + name;
    String sdl = old + ": " + InputTypes.print(candidate.getType()) + " @deprecated(reason: \"" + reason + "\")";
    StringBuilder fix = new StringBuilder("keep '").append(old).append("' on ").append(parent.getName())
        .append(" as a deprecated alias of '").append(name).append("', so clients that still query '").append(old)
        .append("' keep working:");
    for (FixStyle style : styles) {
      fix.append('\n').append(style.heading()).append(':');
      switch (style) {
        case SDL -> line(fix, sdl);
        case STRAWBERRY -> {
          line(fix, "@strawberry.field(deprecation_reason=\"" + reason + "\")");
          line(fix, "def " + old + "(self) -> " + pythonType(candidate.getType()) + ":");
          line(fix, "    return self." + name);
        }
        case GRAPHQL_JAVA -> {
          line(fix, "schema file: " + sdl);
          line(fix, "wiring: .type(newTypeWiring(\"" + parent.getName() + "\").dataFetcher(\"" + old
              + "\", PropertyDataFetcher.fetching(\"" + name + "\")))");
        }
        case GRAPHQL_JS -> line(fix, old + ": { type: " + jsType(candidate.getType()) + ", deprecationReason: \"" + reason
            + "\", resolve: (source) => source." + name + " },");
      }
    }
    return Optional.of(new Rename(name, fix.toString()));
  }

  /**
   * A rename when the argument the baseline's shape names, else graphql-core's first suggestion, is
   * an argument the operation could have meant: not passed already, and accepting the value passed
   * (a variable's declared type, or a literal).
   */
  Optional<Rename> forArgument(
      GraphQLFieldsContainer parent,
      GraphQLFieldDefinition field,
      Argument unknown,
      GraphQLType variableType,
      List<String> suggestions,
      Set<String> passedNames) {
    Optional<String> named = shapes.argument(parent.getName(), field.getName(), unknown.getName())
        .or(() -> suggestions.stream().findFirst());
    if (named.isEmpty()) {
      return Optional.empty();
    }
    String name = named.get();
    GraphQLArgument candidate = field.getArgument(name);
    if (candidate == null || passedNames.contains(name) || !accepts(candidate.getType(), unknown.getValue(), variableType)) {
      return Optional.empty();
    }
    String old = unknown.getName();
    String reason = "Use " + name;
    GraphQLType optional = GraphQLTypeUtil.unwrapNonNull(candidate.getType());
    boolean newIsRequired = isRequired(candidate);
    String coordinate = parent.getName() + "." + field.getName();
    StringBuilder fix = new StringBuilder()
        .append("keep '").append(old).append("' on ").append(coordinate)
        .append(" as an optional, deprecated alias of '").append(name).append("'");
    if (newIsRequired) {
      fix.append(", and make '").append(name).append("' optional too (clients that send only '")
          .append(old).append("' would otherwise fail with \"is required\")");
    }
    fix.append("; the resolver uses whichever one the client sent:");
    String sdl = field.getName() + "(…, " + name + ": " + InputTypes.print(newIsRequired ? optional : candidate.getType())
        + (newIsRequired ? " = null" : "") + ", " + old + ": " + InputTypes.print(optional) + " = null @deprecated(reason: \""
        + reason + "\"), …)";
    for (FixStyle style : styles) {
      fix.append('\n').append(style.heading()).append(':');
      switch (style) {
        case SDL -> line(fix, sdl);
        case STRAWBERRY -> {
          if (newIsRequired) {
            line(fix, name + ": " + pythonType(optional) + " = None,");
          }
          line(fix, old + ": Annotated[" + pythonType(optional) + ", strawberry.argument(deprecation_reason=\"" + reason
              + "\")] = None,");
        }
        case GRAPHQL_JAVA -> {
          line(fix, "schema file: " + sdl);
          line(fix, "data fetcher: Object " + name + " = env.getArgument(\"" + name + "\") != null ? env.getArgument(\"" + name
              + "\") : env.getArgument(\"" + old + "\");");
        }
        case GRAPHQL_JS -> {
          line(fix, "args: { " + name + ": { type: " + jsType(newIsRequired ? optional : candidate.getType()) + " }, " + old
              + ": { type: " + jsType(optional) + ", deprecationReason: \"" + reason + "\" } },");
          line(fix, "resolve: (source, args) => … args." + name + " ?? args." + old + " …");
        }
      }
    }
    return Optional.of(new Rename(name, fix.toString()));
  }

  /** The fix for a required argument that replaced an old one the operation still sends. */
  String forMissingReplacement(GraphQLArgument required, String oldName) {
    GraphQLType optional = GraphQLTypeUtil.unwrapNonNull(required.getType());
    StringBuilder fix = new StringBuilder("'").append(required.getName()).append("' replaced '").append(oldName)
        .append("' (see the unknown argument above); make it optional so clients that still send '").append(oldName)
        .append("' are accepted:");
    String sdl = required.getName() + ": " + InputTypes.print(optional) + " = null";
    for (FixStyle style : styles) {
      fix.append('\n').append(style.heading()).append(':');
      switch (style) {
        case SDL -> line(fix, sdl);
        case STRAWBERRY -> line(fix, required.getName() + ": " + pythonType(optional) + " = None,");
        case GRAPHQL_JAVA -> line(fix, "schema file: " + sdl);
        case GRAPHQL_JS -> line(fix, required.getName() + ": { type: " + jsType(optional) + " },");
      }
    }
    return fix.toString();
  }

  private static void line(StringBuilder fix, String code) {
    fix.append("\n  ").append(code);
  }

  static boolean isRequired(GraphQLArgument argument) {
    return argument.getType() instanceof GraphQLNonNull && !argument.hasSetDefaultValue();
  }

  private static boolean sameShape(GraphQLType candidateType, Field unknown) {
    GraphQLType named = GraphQLTypeUtil.unwrapAll(candidateType);
    if (unknown.getSelectionSet() == null) {
      return GraphQLTypeUtil.isLeaf(named);
    }
    if (!(named instanceof GraphQLFieldsContainer container)) {
      return false;
    }
    for (Selection<?> selection : unknown.getSelectionSet().getSelections()) {
      if (selection instanceof Field sub && !sub.getName().startsWith("__")
          && container.getFieldDefinition(sub.getName()) == null) {
        return false;
      }
    }
    return true;
  }

  private static boolean accepts(GraphQLType argumentType, Value<?> value, GraphQLType variableType) {
    if (value instanceof VariableReference) {
      return variableType != null && InputTypes.isSubType(variableType, GraphQLTypeUtil.unwrapNonNull(argumentType));
    }
    return literalFits(value, argumentType);
  }

  /** A loose literal check: the kind of value (number, string, list, object, …) suits the type. */
  private static boolean literalFits(Value<?> value, GraphQLType type) {
    if (value instanceof NullValue) {
      return !(type instanceof GraphQLNonNull);
    }
    GraphQLType nullable = GraphQLTypeUtil.unwrapNonNull(type);
    if (nullable instanceof GraphQLList list) {
      return value instanceof ArrayValue array
          ? array.getValues().stream().allMatch(item -> literalFits(item, list.getWrappedType()))
          : literalFits(value, list.getWrappedType());
    }
    GraphQLType named = GraphQLTypeUtil.unwrapAll(nullable);
    if (named instanceof GraphQLInputObjectType) {
      return value instanceof ObjectValue;
    }
    if (named instanceof GraphQLEnumType) {
      return value instanceof EnumValue;
    }
    return switch (named instanceof GraphQLScalarType scalar ? scalar.getName() : "") {
      case "Int" -> value instanceof IntValue;
      case "Float" -> value instanceof IntValue || value instanceof FloatValue;
      case "String" -> value instanceof StringValue;
      case "Boolean" -> value instanceof BooleanValue;
      case "ID" -> value instanceof IntValue || value instanceof StringValue;
      default -> true;
    };
  }

  /** The Python annotation Strawberry derives the GraphQL type from: {@code Optional[List[str]]}. */
  static String pythonType(GraphQLType type) {
    if (type instanceof GraphQLNonNull nonNull) {
      return pythonTypeNonNull(nonNull.getWrappedType());
    }
    return "Optional[" + pythonTypeNonNull(type) + "]";
  }

  private static String pythonTypeNonNull(GraphQLType type) {
    if (type instanceof GraphQLList list) {
      return "List[" + pythonType(list.getWrappedType()) + "]";
    }
    String name = GraphQLTypeUtil.unwrapAll(type).getName();
    return switch (name) {
      case "String" -> "str";
      case "Int" -> "int";
      case "Float" -> "float";
      case "Boolean" -> "bool";
      case "ID" -> "strawberry.ID";
      default -> name;
    };
  }

  /** The graphql-js type expression: {@code new GraphQLNonNull(new GraphQLList(GraphQLString))}. */
  static String jsType(GraphQLType type) {
    if (type instanceof GraphQLNonNull nonNull) {
      return "new GraphQLNonNull(" + jsType(nonNull.getWrappedType()) + ")";
    }
    if (type instanceof GraphQLList list) {
      return "new GraphQLList(" + jsType(list.getWrappedType()) + ")";
    }
    String name = GraphQLTypeUtil.unwrapAll(type).getName();
    return switch (name) {
      case "String", "Int", "Float", "Boolean", "ID" -> "GraphQL" + name;
      default -> name;
    };
  }
}

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
 * name of that suggestion. The fix keeps the old name as a deprecated alias, in SDL and as a
 * Strawberry snippet, so clients that still send the old name keep working.
 */
final class RenameHints {

  /** The new name an unknown old name was renamed to, and how to keep the old one working. */
  record Rename(String newName, String fix) {}

  private RenameHints() {}

  /**
   * A rename when graphql-core's first suggestion is a field the operation could have meant: not
   * selected beside it already, and of the same shape (a leaf for a leaf selection; a type with
   * every sub-field selected for a selection set).
   */
  static Optional<Rename> forField(
      GraphQLFieldsContainer parent, Field unknown, List<String> suggestions, Set<String> siblingNames) {
    if (!suggestions.isEmpty()) {
      String name = suggestions.get(0);
      GraphQLFieldDefinition candidate = parent.getFieldDefinition(name);
      if (candidate == null || siblingNames.contains(name) || !sameShape(candidate.getType(), unknown)) {
        return Optional.empty();
      }
      String old = unknown.getName();
      String reason = "Use " + name;
      String fix = "keep '" + old + "' on " + parent.getName() + " as a deprecated alias of '" + name
          + "', so clients that still query '" + old + "' keep working:\n"
          + "SDL:\n"
          + "  " + old + ": " + InputTypes.print(candidate.getType()) + " @deprecated(reason: \"" + reason + "\")\n"
          + "Strawberry:\n"
          + "  @strawberry.field(deprecation_reason=\"" + reason + "\")\n"
          + "  def " + old + "(self) -> " + pythonType(candidate.getType()) + ":\n"
          + "      return self." + name;
      return Optional.of(new Rename(name, fix));
    }
    return Optional.empty();
  }

  /**
   * A rename when graphql-core's first suggestion is an argument the operation could have meant:
   * not passed already, and accepting the value passed (a variable's declared type, or a literal).
   */
  static Optional<Rename> forArgument(
      GraphQLFieldsContainer parent,
      GraphQLFieldDefinition field,
      Argument unknown,
      GraphQLType variableType,
      List<String> suggestions,
      Set<String> passedNames) {
    if (!suggestions.isEmpty()) {
      String name = suggestions.get(0);
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
      fix.append("; the resolver uses whichever one the client sent:\n")
          .append("SDL:\n")
          .append("  ").append(field.getName()).append("(…, ")
          .append(name).append(": ").append(InputTypes.print(newIsRequired ? optional : candidate.getType()))
          .append(newIsRequired ? " = null" : "").append(", ")
          .append(old).append(": ").append(InputTypes.print(optional)).append(" = null @deprecated(reason: \"")
          .append(reason).append("\"), …)\n")
          .append("Strawberry:\n");
      if (newIsRequired) {
        fix.append("  ").append(name).append(": ").append(pythonType(optional)).append(" = None,\n");
      }
      fix.append("  ").append(old).append(": Annotated[").append(pythonType(optional))
          .append(", strawberry.argument(deprecation_reason=\"").append(reason).append("\")] = None,");
      return Optional.of(new Rename(name, fix.toString()));
    }
    return Optional.empty();
  }

  /** The fix for a required argument that replaced an old one the operation still sends. */
  static String forMissingReplacement(GraphQLArgument required, String oldName) {
    GraphQLType optional = GraphQLTypeUtil.unwrapNonNull(required.getType());
    return "'" + required.getName() + "' replaced '" + oldName + "' (see the unknown argument above); make it optional so clients that still send '"
        + oldName + "' are accepted:\n"
        + "SDL:\n"
        + "  " + required.getName() + ": " + InputTypes.print(optional) + " = null\n"
        + "Strawberry:\n"
        + "  " + required.getName() + ": " + pythonType(optional) + " = None,";
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
}

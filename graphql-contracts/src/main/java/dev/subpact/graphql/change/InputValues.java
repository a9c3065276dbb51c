package dev.subpact.graphql.change;

import dev.subpact.graphql.operation.SchemaCoordinate;
import graphql.language.ArrayValue;
import graphql.language.BooleanValue;
import graphql.language.EnumValue;
import graphql.language.FloatValue;
import graphql.language.IntValue;
import graphql.language.Node;
import graphql.language.NullValue;
import graphql.language.ObjectField;
import graphql.language.ObjectValue;
import graphql.language.SourceLocation;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.language.VariableDefinition;
import graphql.language.VariableReference;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLInputObjectField;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The values an operation sends, as input coercion sees them: an argument's literal, or the
 * recorded value of the variable it names, checked against an input type. Used to tell whether a
 * value the baseline accepted is still accepted ({@link dev.subpact.graphql.check.FindingKind#INPUT_CHANGED}).
 */
final class InputValues {

  /** Why a value is refused, at which schema coordinate. */
  record Refusal(SchemaCoordinate coordinate, String reason) {}

  /** The value cannot be known: a variable of an operation whose variables were not recorded. */
  static final Object UNKNOWN = new Object();

  private InputValues() {}

  /**
   * The value {@code literal} stands for: {@code null} for {@code null}, a {@link Map} for an
   * object, a {@link List} for a list, a name for an enum value; a variable's recorded value (its
   * default when not recorded); {@link #UNKNOWN} when the value depends on variables not recorded.
   */
  static Object of(Value<?> literal, Map<String, Object> variables, Map<String, VariableDefinition> definitions) {
    if (literal instanceof VariableReference reference) {
      if (variables == null) {
        return UNKNOWN;
      }
      if (variables.containsKey(reference.getName())) {
        return variables.get(reference.getName());
      }
      VariableDefinition definition = definitions.get(reference.getName());
      return definition != null && definition.getDefaultValue() != null ? of(definition.getDefaultValue(), variables, definitions) : null;
    }
    if (literal instanceof ObjectValue object) {
      Map<String, Object> fields = new LinkedHashMap<>();
      for (ObjectField field : object.getObjectFields()) {
        Object value = of(field.getValue(), variables, definitions);
        if (value == UNKNOWN) {
          return UNKNOWN;
        }
        fields.put(field.getName(), value);
      }
      return fields;
    }
    if (literal instanceof ArrayValue array) {
      List<Object> items = new ArrayList<>();
      for (Value<?> item : array.getValues()) {
        Object value = of(item, variables, definitions);
        if (value == UNKNOWN) {
          return UNKNOWN;
        }
        items.add(value);
      }
      return items;
    }
    if (literal instanceof IntValue i) {
      return i.getValue();
    }
    if (literal instanceof FloatValue f) {
      return f.getValue();
    }
    if (literal instanceof StringValue s) {
      return s.getValue();
    }
    if (literal instanceof BooleanValue b) {
      return b.isValue();
    }
    if (literal instanceof EnumValue e) {
      return e.getName();
    }
    return literal instanceof NullValue ? null : UNKNOWN;
  }

  /** Every source location in a literal (where a validation error about it can point), the literal's own first. */
  static Set<SourceLocation> locations(Node<?> literal) {
    Set<SourceLocation> all = new LinkedHashSet<>();
    collect(literal, all);
    return all;
  }

  private static void collect(Node<?> node, Set<SourceLocation> into) {
    if (node.getSourceLocation() != null) {
      into.add(new SourceLocation(node.getSourceLocation().getLine(), node.getSourceLocation().getColumn()));
    }
    for (Node<?> child : node.getChildren()) {
      collect(child, into);
    }
  }

  /** Why {@code type} refuses {@code value} ({@code at} names the position), or {@code null} when it accepts it. */
  static Refusal refusal(GraphQLType type, Object value, SchemaCoordinate at) {
    if (value == null) {
      return type instanceof GraphQLNonNull
          ? new Refusal(at, "'" + at + "' is of required type '" + GraphQLTypeUtil.simplePrint(type) + "' and the operation sends null")
          : null;
    }
    GraphQLType nullable = GraphQLTypeUtil.unwrapNonNull(type);
    if (nullable instanceof GraphQLList list) {
      if (value instanceof List<?> items) {
        for (Object item : items) {
          Refusal refusal = refusal(list.getWrappedType(), item, at);
          if (refusal != null) {
            return refusal;
          }
        }
        return null;
      }
      return refusal(list.getWrappedType(), value, at);
    }
    if (nullable instanceof GraphQLInputObjectType object) {
      if (!(value instanceof Map<?, ?> fields)) {
        return new Refusal(at, "'" + at + "' expects an object of type '" + object.getName() + "'");
      }
      for (Object key : fields.keySet()) {
        if (object.getField(String.valueOf(key)) == null) {
          SchemaCoordinate field = SchemaCoordinate.field(object.getName(), String.valueOf(key));
          return new Refusal(field, "input field '" + field + "' no longer exists and the operation sends it");
        }
      }
      for (GraphQLInputObjectField field : object.getFieldDefinitions()) {
        SchemaCoordinate coordinate = SchemaCoordinate.field(object.getName(), field.getName());
        if (!fields.containsKey(field.getName())) {
          if (field.getType() instanceof GraphQLNonNull && !field.hasSetDefaultValue()) {
            return new Refusal(coordinate, "input field '" + coordinate + "' of type '" + GraphQLTypeUtil.simplePrint(field.getType())
                + "' is required and the operation's value does not give it");
          }
          continue;
        }
        Refusal refusal = refusal(field.getType(), fields.get(field.getName()), coordinate);
        if (refusal != null) {
          return refusal;
        }
      }
      return null;
    }
    if (nullable instanceof GraphQLEnumType enumType) {
      if (value instanceof String name && enumType.getValue(name) != null) {
        return null;
      }
      SchemaCoordinate coordinate = SchemaCoordinate.field(enumType.getName(), String.valueOf(value));
      return new Refusal(coordinate, "enum value '" + coordinate + "' does not exist and the operation sends it at '" + at + "'");
    }
    if (nullable instanceof GraphQLScalarType scalar && !accepts(scalar.getName(), value)) {
      return new Refusal(at, "'" + at + "' is of type '" + GraphQLTypeUtil.simplePrint(type) + "', which does not accept the value the operation sends ("
          + value + ")");
    }
    return null;
  }

  /** Input coercion of the built-in scalars (graphql-js and graphql-core alike); a custom scalar accepts anything. */
  private static boolean accepts(String scalar, Object value) {
    return switch (scalar) {
      case "Int" -> isInteger(value) && new BigDecimal(value.toString()).abs().compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) <= 0;
      case "Float" -> value instanceof Number;
      case "String" -> value instanceof String;
      case "Boolean" -> value instanceof Boolean;
      case "ID" -> value instanceof String || isInteger(value);
      default -> true;
    };
  }

  private static boolean isInteger(Object value) {
    if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof BigInteger) {
      return true;
    }
    if (value instanceof Number number) {
      BigDecimal decimal = new BigDecimal(number.toString());
      return decimal.stripTrailingZeros().scale() <= 0;
    }
    return false;
  }
}

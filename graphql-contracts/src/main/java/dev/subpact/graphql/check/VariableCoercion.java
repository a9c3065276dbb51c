package dev.subpact.graphql.check;

import dev.subpact.graphql.operation.SchemaCoordinate;
import graphql.language.AstPrinter;
import graphql.language.OperationDefinition;
import graphql.language.SourceLocation;
import graphql.language.VariableDefinition;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLEnumValueDefinition;
import graphql.schema.GraphQLInputObjectField;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Checks an operation's example variables against its declared variable types as graphql-core's
 * {@code coerce_variable_values} does before executing, with its wording
 * ({@code Variable '$x' got invalid value 'y'; Int cannot represent non-integer value: 'y'}).
 * Custom scalars (e.g. Strawberry's {@code JSON}) accept any value, as their default
 * {@code parse_value} does.
 */
final class VariableCoercion {

  private static final BigInteger MIN_INT = BigInteger.valueOf(Integer.MIN_VALUE);
  private static final BigInteger MAX_INT = BigInteger.valueOf(Integer.MAX_VALUE);

  private final GraphQLSchema schema;
  private final List<Finding> errors = new ArrayList<>();
  private final List<Finding> warnings = new ArrayList<>();
  private List<Location> at = List.of();

  private VariableCoercion(GraphQLSchema schema) {
    this.schema = schema;
  }

  /**
   * Every variable error of {@code operation} given {@code values}, in the declaration order, then
   * a warning for each deprecated input field and enum value the values use (worded as
   * graphql-core's {@code NoDeprecatedCustomRule} words them in a literal, located at the variable).
   */
  static List<Finding> check(GraphQLSchema schema, OperationDefinition operation, Map<String, Object> values) {
    VariableCoercion coercion = new VariableCoercion(schema);
    for (VariableDefinition definition : operation.getVariableDefinitions()) {
      coercion.variable(definition, values);
    }
    List<Finding> all = new ArrayList<>(coercion.errors);
    all.addAll(coercion.warnings);
    return all;
  }

  private void variable(VariableDefinition definition, Map<String, Object> values) {
    String name = definition.getName();
    GraphQLType type = InputTypes.fromAst(schema, definition.getType());
    if (type == null || !InputTypes.isInput(type)) {
      SourceLocation typeAt = definition.getType().getSourceLocation();
      errors.add(error("Variable '$" + name + "' expected value of type '" + AstPrinter.printAst(definition.getType())
          + "' which cannot be used as an input type.", List.of(new Location(typeAt.getLine(), typeAt.getColumn()))));
      return;
    }
    List<Location> at = List.of(new Location(
        definition.getSourceLocation().getLine(), definition.getSourceLocation().getColumn()));
    this.at = at;
    if (!values.containsKey(name)) {
      if (definition.getDefaultValue() == null && type instanceof GraphQLNonNull) {
        errors.add(error("Variable '$" + name + "' of required type '" + InputTypes.print(type) + "' was not provided.", at));
      }
      return;
    }
    Object value = values.get(name);
    if (value == null && type instanceof GraphQLNonNull) {
      errors.add(error("Variable '$" + name + "' of non-null type '" + InputTypes.print(type) + "' must not be null.", at));
      return;
    }
    coerce(value, type, new ArrayList<>(), (path, invalid, message) -> {
      StringBuilder text = new StringBuilder("Variable '$").append(name).append("' got invalid value ")
          .append(ValueWording.inspect(invalid));
      if (!path.isEmpty()) {
        text.append(" at '").append(name);
        path.forEach(p -> text.append(p instanceof Integer ? "[" + p + "]" : "." + p));
        text.append('\'');
      }
      errors.add(error(text.append("; ").append(message).toString(), at));
    });
  }

  private interface OnError {
    void report(List<Object> path, Object invalid, String message);
  }

  /** graphql-core's {@code coerce_input_value}, reporting instead of coercing. */
  private void coerce(Object value, GraphQLType type, List<Object> path, OnError onError) {
    if (type instanceof GraphQLNonNull nonNull) {
      if (value != null) {
        coerce(value, nonNull.getWrappedType(), path, onError);
      } else {
        onError.report(path, null, "Expected non-nullable type '" + InputTypes.print(type) + "' not to be None.");
      }
      return;
    }
    if (value == null) {
      return;
    }
    if (type instanceof GraphQLList list) {
      if (value instanceof List<?> items) {
        for (int i = 0; i < items.size(); i++) {
          coerce(items.get(i), list.getWrappedType(), append(path, i), onError);
        }
      } else {
        coerce(value, list.getWrappedType(), path, onError);
      }
      return;
    }
    if (type instanceof GraphQLInputObjectType object) {
      if (!(value instanceof Map<?, ?> map)) {
        onError.report(path, value, "Expected type '" + object.getName() + "' to be a mapping.");
        return;
      }
      for (GraphQLInputObjectField field : object.getFieldDefinitions()) {
        if (!map.containsKey(field.getName())) {
          if (!field.hasSetDefaultValue() && field.getType() instanceof GraphQLNonNull) {
            onError.report(path, value, "Field '" + field.getName() + "' of required type '"
                + InputTypes.print(field.getType()) + "' was not provided.");
          }
          continue;
        }
        if (field.isDeprecated()) {
          deprecated("The input field " + object.getName() + "." + field.getName() + " is deprecated. "
              + field.getDeprecationReason(), SchemaCoordinate.field(object.getName(), field.getName()));
        }
        coerce(map.get(field.getName()), field.getType(), append(path, field.getName()), onError);
      }
      List<String> names = object.getFieldDefinitions().stream().map(GraphQLInputObjectField::getName).toList();
      for (Object key : map.keySet()) {
        if (object.getField(String.valueOf(key)) == null) {
          onError.report(path, value, "Field '" + key + "' is not defined by type '" + object.getName() + "'."
              + Suggestions.didYouMean(Suggestions.list(String.valueOf(key), names)));
        }
      }
      return;
    }
    if (type instanceof GraphQLEnumType enumType) {
      List<String> names = enumType.getValues().stream().map(GraphQLEnumValueDefinition::getName).toList();
      if (value instanceof String s) {
        GraphQLEnumValueDefinition known = enumType.getValue(s);
        if (known != null && known.isDeprecated()) {
          deprecated("The enum value '" + enumType.getName() + "." + s + "' is deprecated. " + known.getDeprecationReason(),
              SchemaCoordinate.field(enumType.getName(), s));
        }
        if (known == null) {
          onError.report(path, value, "Value '" + s + "' does not exist in '" + enumType.getName() + "' enum."
              + Suggestions.didYouMean(Suggestions.list(s, names), "the enum value"));
        }
      } else {
        String shown = ValueWording.inspect(value);
        onError.report(path, value, "Enum '" + enumType.getName() + "' cannot represent non-string value: " + shown + "."
            + Suggestions.didYouMean(Suggestions.list(shown, names), "the enum value"));
      }
      return;
    }
    if (type instanceof GraphQLScalarType scalar) {
      String problem = scalarProblem(scalar.getName(), value);
      if (problem != null) {
        onError.report(path, value, problem);
      }
    }
  }

  /** The built-in scalars' {@code parse_value} messages; {@code null} when the value is fine. */
  private static String scalarProblem(String scalar, Object value) {
    String shown = ValueWording.inspect(value);
    return switch (scalar) {
      case "Int" -> {
        BigInteger integer = integral(value);
        if (integer == null) {
          yield "Int cannot represent non-integer value: " + shown;
        }
        yield integer.compareTo(MIN_INT) < 0 || integer.compareTo(MAX_INT) > 0
            ? "Int cannot represent non 32-bit signed integer value: " + shown
            : null;
      }
      case "Float" -> value instanceof Number n && Double.isFinite(n.doubleValue())
          ? null : "Float cannot represent non numeric value: " + shown;
      case "String" -> value instanceof String ? null : "String cannot represent a non string value: " + shown;
      case "Boolean" -> value instanceof Boolean ? null : "Boolean cannot represent a non boolean value: " + shown;
      case "ID" -> value instanceof String || integral(value) != null ? null : "ID cannot represent value: " + shown;
      default -> null;
    };
  }

  /** The integer a JSON number stands for (an integral float counts, as in Python), else {@code null}. */
  private static BigInteger integral(Object value) {
    if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
      return BigInteger.valueOf(((Number) value).longValue());
    }
    if (value instanceof BigInteger big) {
      return big;
    }
    if (value instanceof Double || value instanceof Float || value instanceof BigDecimal) {
      double d = ((Number) value).doubleValue();
      if (Double.isFinite(d) && d == Math.rint(d)) {
        return new BigDecimal(d).toBigInteger();
      }
    }
    return null;
  }

  private static List<Object> append(List<Object> path, Object key) {
    List<Object> next = new ArrayList<>(path);
    next.add(key);
    return next;
  }

  private void deprecated(String message, SchemaCoordinate coordinate) {
    Finding warning = new Finding(FindingKind.DEPRECATED_USAGE, Severity.WARNING, message, coordinate, null, at, null, null);
    if (!warnings.contains(warning)) {
      warnings.add(warning);
    }
  }

  private static Finding error(String message, List<Location> locations) {
    return new Finding(FindingKind.VARIABLE_TYPE_MISMATCH, Severity.ERROR, message, null, null, locations, null, null);
  }
}

package dev.subpact.graphql.check;

import graphql.language.ArrayValue;
import graphql.language.BooleanValue;
import graphql.language.EnumValue;
import graphql.language.FloatValue;
import graphql.language.IntValue;
import graphql.language.NullValue;
import graphql.language.ObjectValue;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.language.VariableReference;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLEnumValueDefinition;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import java.math.BigInteger;
import java.util.List;
import java.util.stream.Collectors;

/**
 * graphql-core 3.2's {@code ValuesOfCorrectTypeRule} for one literal at a location of a given input
 * type ({@code is_valid_value_node}: the built-in scalars' and enums' {@code parse_literal} wording;
 * custom scalars accept any literal, as their default {@code parse_literal} does), and its
 * {@code print_ast} of values.
 */
final class LiteralValues {

  private static final BigInteger MIN_INT = BigInteger.valueOf(Integer.MIN_VALUE);
  private static final BigInteger MAX_INT = BigInteger.valueOf(Integer.MAX_VALUE);

  private LiteralValues() {}

  /** What is wrong with {@code value} where {@code locationType} is expected, or {@code null} when it fits or the type is unknown. */
  static String problem(Value<?> value, GraphQLType locationType) {
    if (locationType == null) {
      return null;
    }
    GraphQLNamedType named = GraphQLTypeUtil.unwrapAll(locationType);
    String printed = print(value);
    if (!GraphQLTypeUtil.isLeaf(named)) {
      return "Expected value of type '" + InputTypes.print(locationType) + "', found " + printed + ".";
    }
    if (named instanceof GraphQLEnumType enumType) {
      List<String> names = enumType.getValues().stream().map(GraphQLEnumValueDefinition::getName).toList();
      if (value instanceof EnumValue enumValue) {
        return enumType.getValue(enumValue.getName()) != null ? null
            : "Value '" + printed + "' does not exist in '" + enumType.getName() + "' enum."
                + Suggestions.didYouMean(Suggestions.list(printed, names), "the enum value");
      }
      return "Enum '" + enumType.getName() + "' cannot represent non-enum value: " + printed + "."
          + Suggestions.didYouMean(Suggestions.list(printed, names), "the enum value");
    }
    return switch (named.getName()) {
      case "Int" -> {
        if (!(value instanceof IntValue integer)) {
          yield "Int cannot represent non-integer value: " + printed;
        }
        BigInteger number = integer.getValue();
        yield number.compareTo(MIN_INT) < 0 || number.compareTo(MAX_INT) > 0
            ? "Int cannot represent non 32-bit signed integer value: " + printed : null;
      }
      case "Float" -> value instanceof IntValue || value instanceof FloatValue ? null
          : "Float cannot represent non numeric value: " + printed;
      case "String" -> value instanceof StringValue ? null : "String cannot represent a non string value: " + printed;
      case "Boolean" -> value instanceof BooleanValue ? null : "Boolean cannot represent a non boolean value: " + printed;
      case "ID" -> value instanceof StringValue || value instanceof IntValue ? null
          : "ID cannot represent a non-string and non-integer value: " + printed;
      default -> null;
    };
  }

  /** graphql-core's {@code print_ast} of a value: {@code {a: 1, b: [X, "y"]}}. */
  static String print(Value<?> value) {
    if (value instanceof IntValue integer) {
      return integer.getValue().toString();
    }
    if (value instanceof FloatValue floating) {
      return floating.getValue().toString();
    }
    if (value instanceof StringValue string) {
      return quoted(string.getValue());
    }
    if (value instanceof BooleanValue bool) {
      return String.valueOf(bool.isValue());
    }
    if (value instanceof NullValue) {
      return "null";
    }
    if (value instanceof EnumValue enumValue) {
      return enumValue.getName();
    }
    if (value instanceof VariableReference variable) {
      return "$" + variable.getName();
    }
    if (value instanceof ArrayValue array) {
      return array.getValues().stream().map(LiteralValues::print).collect(Collectors.joining(", ", "[", "]"));
    }
    ObjectValue object = (ObjectValue) value;
    return object.getObjectFields().stream().map(f -> f.getName() + ": " + print(f.getValue()))
        .collect(Collectors.joining(", ", "{", "}"));
  }

  /** graphql-core's {@code print_string}. */
  private static String quoted(String s) {
    StringBuilder out = new StringBuilder("\"");
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20 || (c >= 0x7f && c <= 0x9f)) {
            out.append(String.format("\\u%04X", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }
}

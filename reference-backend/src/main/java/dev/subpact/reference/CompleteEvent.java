package dev.subpact.reference;

import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLOutputType;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An event with every field of its type filled, nullable ones included: what the generic state
 * {@code an event is published on the subscription} publishes. A captured contract expects every
 * field the bot selects, with its type (Pact has no "null or this object" matcher), so a
 * representative event leaves nothing null; values already set are kept.
 */
final class CompleteEvent {

  private static final int MAX_DEPTH = 6;

  private CompleteEvent() {}

  static Map<String, Object> of(Map<String, Object> fields, GraphQLObjectType type) {
    return fill(fields, type, 0);
  }

  private static Map<String, Object> fill(Map<String, Object> fields, GraphQLObjectType type, int depth) {
    Map<String, Object> complete = new LinkedHashMap<>(fields);
    for (GraphQLFieldDefinition field : type.getFieldDefinitions()) {
      Object value = complete.get(field.getName());
      if (value instanceof Map<?, ?> map && unwrap(field.getType()) instanceof GraphQLObjectType nested && depth < MAX_DEPTH) {
        @SuppressWarnings("unchecked")
        Map<String, Object> object = (Map<String, Object>) map;
        complete.put(field.getName(), fill(object, nested, depth + 1));
      } else if (value == null) {
        complete.put(field.getName(), example(field.getName(), field.getType(), depth));
      }
    }
    return complete;
  }

  private static Object example(String name, GraphQLOutputType type, int depth) {
    GraphQLType bare = type instanceof GraphQLNonNull nonNull ? nonNull.getWrappedType() : type;
    if (bare instanceof GraphQLList list) {
      return List.of(example(name, (GraphQLOutputType) list.getWrappedType(), depth));
    }
    if (bare instanceof GraphQLObjectType object) {
      return depth < MAX_DEPTH ? fill(Map.of(), object, depth + 1) : Map.of();
    }
    if (bare instanceof GraphQLEnumType enumType) {
      return enumType.getValues().get(0).getName();
    }
    if (bare instanceof GraphQLScalarType scalar) {
      return switch (scalar.getName()) {
        case "Int" -> 1;
        case "Float" -> 1.5;
        case "Boolean" -> true;
        case "String", "ID" -> name;
        default -> Map.of("example", name);
      };
    }
    return name;
  }

  private static GraphQLType unwrap(GraphQLType type) {
    GraphQLType bare = type;
    while (bare instanceof GraphQLNonNull || bare instanceof GraphQLList) {
      bare = bare instanceof GraphQLNonNull n ? n.getWrappedType() : ((GraphQLList) bare).getWrappedType();
    }
    return bare;
  }
}

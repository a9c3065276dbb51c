package dev.subpact.capture;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.subpact.graphql.operation.Operation;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.schema.GraphQLInterfaceType;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLOutputType;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLUnionType;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Type-correct example results generated from an operation's selection set.
 *
 * <p>With a schema, every selected field gets a value of its type (strings are the field's name,
 * {@code Int} 1, {@code Float} 1.5, {@code Boolean} true, enums their first value, {@code JSON}
 * {@code {}}, lists one element, abstract types their first implementation by name); the
 * {@linkplain Example#expected() expected} shape keeps only the non-null fields, since a nullable
 * field may legitimately be {@code null}. Without a schema the result has the selection's shape
 * with {@code null} leaves and nothing is expected.
 */
final class ExampleData {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /**
   * @param sent the result the capture server sends ({@code {"data": ...}})
   * @param expected the part of it the contract expects, or {@code null} when nothing is expected
   */
  record Example(ObjectNode sent, ObjectNode expected) {}

  private ExampleData() {}

  static Example of(Operation operation, GraphQLSchema schema) {
    Map<String, FragmentDefinition> fragments =
        operation.document().ast().getDefinitionsOfType(FragmentDefinition.class).stream()
            .collect(Collectors.toMap(FragmentDefinition::getName, f -> f, (a, b) -> a));
    SelectionSet selections = operation.definition().getSelectionSet();
    ObjectNode sent = NODES.objectNode();
    if (schema == null) {
      sent.set("data", new Walk(null, fragments).shape(selections));
      return new Example(sent, null);
    }
    GraphQLObjectType root =
        switch (operation.type()) {
          case QUERY -> schema.getQueryType();
          case MUTATION -> schema.getMutationType();
          case SUBSCRIPTION -> schema.getSubscriptionType();
        };
    if (root == null) {
      sent.putNull("data");
      return new Example(sent, null);
    }
    Walk walk = new Walk(schema, fragments);
    Pair data = walk.object(root, selections);
    sent.set("data", data.sent);
    ObjectNode expected = NODES.objectNode();
    expected.set("data", data.expected);
    return new Example(sent, expected);
  }

  /** A value as sent, and as expected ({@code null}: not expected). */
  private record Pair(JsonNode sent, JsonNode expected) {}

  private record Walk(GraphQLSchema schema, Map<String, FragmentDefinition> fragments) {

    /** Without a schema: the selection's shape, {@code null} at the leaves. */
    JsonNode shape(SelectionSet set) {
      ObjectNode out = NODES.objectNode();
      for (Selection<?> selection : set.getSelections()) {
        if (selection instanceof Field field) {
          String key = field.getResultKey();
          out.set(key, field.getSelectionSet() == null ? NODES.nullNode() : shape(field.getSelectionSet()));
        } else if (selection instanceof InlineFragment inline) {
          out.setAll((ObjectNode) shape(inline.getSelectionSet()));
        } else if (selection instanceof FragmentSpread spread && fragments.containsKey(spread.getName())) {
          out.setAll((ObjectNode) shape(fragments.get(spread.getName()).getSelectionSet()));
        }
      }
      return out;
    }

    Pair object(GraphQLObjectType type, SelectionSet set) {
      ObjectNode sent = NODES.objectNode();
      ObjectNode expected = NODES.objectNode();
      fields(type, set, sent, expected);
      return new Pair(sent, expected);
    }

    private void fields(GraphQLObjectType type, SelectionSet set, ObjectNode sent, ObjectNode expected) {
      if (set == null) {
        return;
      }
      for (Selection<?> selection : set.getSelections()) {
        if (selection instanceof Field field) {
          field(type, field, sent, expected);
        } else if (selection instanceof InlineFragment inline) {
          if (applies(inline.getTypeCondition() == null ? null : inline.getTypeCondition().getName(), type)) {
            fields(type, inline.getSelectionSet(), sent, expected);
          }
        } else if (selection instanceof FragmentSpread spread) {
          FragmentDefinition fragment = fragments.get(spread.getName());
          if (fragment != null && applies(fragment.getTypeCondition().getName(), type)) {
            fields(type, fragment.getSelectionSet(), sent, expected);
          }
        }
      }
    }

    private void field(GraphQLObjectType type, Field field, ObjectNode sent, ObjectNode expected) {
      String key = field.getResultKey();
      if ("__typename".equals(field.getName())) {
        sent.put(key, type.getName());
        expected.put(key, type.getName());
        return;
      }
      GraphQLFieldDefinition definition = type.getFieldDefinition(field.getName());
      if (definition == null) {
        return;
      }
      Pair value = value(definition.getType(), field, key);
      sent.set(key, value.sent);
      if (value.expected != null && definition.getType() instanceof GraphQLNonNull) {
        expected.set(key, value.expected);
      }
    }

    private Pair value(GraphQLType type, Field field, String key) {
      if (type instanceof GraphQLNonNull nonNull) {
        return value(nonNull.getWrappedType(), field, key);
      }
      if (type instanceof GraphQLList list) {
        Pair element = value(list.getWrappedType(), field, key);
        boolean elementExpected = element.expected != null && list.getWrappedType() instanceof GraphQLNonNull;
        return new Pair(
            NODES.arrayNode().add(element.sent),
            elementExpected ? NODES.arrayNode().add(element.expected) : NODES.arrayNode());
      }
      if (type instanceof GraphQLScalarType scalar) {
        JsonNode example = scalar(scalar, key);
        return new Pair(example, example);
      }
      if (type instanceof GraphQLEnumType enumType) {
        JsonNode example = NODES.textNode(enumType.getValues().get(0).getName());
        return new Pair(example, example);
      }
      GraphQLObjectType concrete = concrete((GraphQLOutputType) type, field.getSelectionSet());
      if (concrete == null) {
        return new Pair(NODES.nullNode(), null);
      }
      return object(concrete, field.getSelectionSet());
    }

    private static JsonNode scalar(GraphQLScalarType scalar, String key) {
      return switch (scalar.getName()) {
        case "Int" -> NODES.numberNode(1);
        case "Float" -> NODES.numberNode(1.5);
        case "Boolean" -> NODES.booleanNode(true);
        case "JSON", "JSONObject" -> NODES.objectNode();
        default -> NODES.textNode(key);
      };
    }

    /** An object type for an abstract type: the first inline fragment's object type, else the first implementation by name. */
    private GraphQLObjectType concrete(GraphQLOutputType type, SelectionSet set) {
      if (type instanceof GraphQLObjectType object) {
        return object;
      }
      List<GraphQLObjectType> possible =
          type instanceof GraphQLInterfaceType iface
              ? schema.getImplementations(iface)
              : type instanceof GraphQLUnionType union
                  ? union.getTypes().stream().map(GraphQLObjectType.class::cast).toList()
                  : List.of();
      List<GraphQLObjectType> implementations =
          possible.stream()
              .sorted(Comparator.comparing(GraphQLObjectType::getName))
              .toList();
      if (set != null) {
        for (Selection<?> selection : set.getSelections()) {
          if (selection instanceof InlineFragment inline && inline.getTypeCondition() != null) {
            for (GraphQLObjectType candidate : implementations) {
              if (candidate.getName().equals(inline.getTypeCondition().getName())) {
                return candidate;
              }
            }
          }
        }
      }
      return implementations.isEmpty() ? null : implementations.get(0);
    }

    private boolean applies(String typeCondition, GraphQLObjectType type) {
      if (typeCondition == null || typeCondition.equals(type.getName())) {
        return true;
      }
      return schema.getType(typeCondition) instanceof GraphQLNamedType condition
          && !(condition instanceof GraphQLObjectType)
          && schema.isPossibleType(condition, type);
    }
  }
}

package dev.subpact.capture;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.subpact.graphql.operation.Operation;
import dev.subpact.graphql.pact.ExpectedMessage;
import dev.subpact.graphql.pact.TypeRules;
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
 * <p>With a schema, every selected field gets a non-null value of its type, nullable fields too
 * (strings are the field's name, {@code Int} 1, {@code Float} 1.5, {@code Boolean} true, enums
 * their first value, {@code JSON} {@code {}}, lists one element), expected with a {@code type}
 * matcher each ({@code Int}: Pact's {@code integer}; a custom scalar such as {@code JSON}: any value
 * but null); an abstract type takes the first
 * member (by name) that the selection names in an inline fragment or a fragment spread, else its
 * first implementation by name. The {@linkplain Example#expected() expected} shape is the whole
 * answer: a contract covers every field its consumer selects, so a type change under a nullable
 * field breaks it (a backend's provider state must then produce the data, as it does for the
 * consumer). Members of an abstract type that the selection names but the example does not take
 * are not covered (one value shows one member).
 *
 * <p>Without a schema the types are unknown: the capture still answers (a subscription gets its
 * event) with the selection's shape, each leaf its response key as a placeholder string. What it
 * can expect without saying a false "no" is only that each root field of the selection is present
 * in the answer, with any value but null ({@link TypeMatchers#forShape}): it cannot tell a list
 * from an object or an {@code Int} from a {@code String}. The
 * replay then needs a real answer (for a subscription: an event) carrying those fields, never
 * silence. Give {@code --schema} for a contract that covers every selected field with its type.
 */
public final class ExampleData {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /**
   * @param sent the result the capture server sends ({@code {"data": ...}})
   * @param expected the part of it the contract expects, or {@code null} when nothing is expected
   * @param rules the expected part's V4 matching rules ({@code {"body": {...}}}): with a schema,
   *     each selected field's type (a custom scalar: any value but null); without, presence of the
   *     root fields
   */
  record Example(ObjectNode sent, ObjectNode expected, ObjectNode rules) {}

  private ExampleData() {}

  /**
   * What a contract expects back for {@code operation} against {@code schema}: every selected
   * field, with a {@code type} matcher each — what {@code subpact capture --schema} records, for
   * the consumer DSL.
   *
   * @throws IllegalArgumentException when the schema has no root type for the operation
   */
  public static ExpectedMessage expectedMessage(Operation operation, GraphQLSchema schema) {
    ObjectNode expected = of(operation, schema).expected();
    if (expected == null) {
      throw new IllegalArgumentException("The schema has no " + operation.type().keyword() + " type, so "
          + operation.label() + " cannot be answered; check the operation against the schema (checkedAgainst).");
    }
    return new ExpectedMessage(expected, of(operation, schema).rules());
  }

  static Example of(Operation operation, GraphQLSchema schema) {
    Map<String, FragmentDefinition> fragments =
        operation.document().ast().getDefinitionsOfType(FragmentDefinition.class).stream()
            .collect(Collectors.toMap(FragmentDefinition::getName, f -> f, (a, b) -> a));
    SelectionSet selections = operation.definition().getSelectionSet();
    ObjectNode sent = NODES.objectNode();
    if (schema == null) {
      JsonNode data = new Walk(null, fragments, NODES.objectNode()).shape(selections);
      sent.set("data", data);
      ObjectNode roots = NODES.objectNode();
      data.fieldNames().forEachRemaining(key -> roots.put(key, key));
      ObjectNode expected = NODES.objectNode();
      expected.set("data", roots);
      return new Example(sent, expected, TypeMatchers.forShape(expected));
    }
    GraphQLObjectType root =
        switch (operation.type()) {
          case QUERY -> schema.getQueryType();
          case MUTATION -> schema.getMutationType();
          case SUBSCRIPTION -> schema.getSubscriptionType();
        };
    if (root == null) {
      sent.putNull("data");
      return new Example(sent, null, null);
    }
    ObjectNode body = NODES.objectNode();
    Walk walk = new Walk(schema, fragments, body);
    Pair data = walk.object(root, selections, "$.data");
    sent.set("data", data.sent);
    ObjectNode expected = NODES.objectNode();
    expected.set("data", data.expected);
    ObjectNode rules = NODES.objectNode();
    if (!body.isEmpty()) {
      rules.set("body", body);
    }
    return new Example(sent, expected, rules);
  }

  /** A value as sent, and as expected ({@code null}: not expected). */
  private record Pair(JsonNode sent, JsonNode expected) {}

  /** Built-in scalars, whose JSON type is known; any other scalar ({@code JSON}, {@code DateTime}) may be any JSON value. */
  private static final java.util.Set<String> BUILT_IN = java.util.Set.of("Int", "Float", "String", "Boolean", "ID");

  /** @param rules the expected answer's {@code body} rules, filled as the walk goes */
  private record Walk(GraphQLSchema schema, Map<String, FragmentDefinition> fragments, ObjectNode rules) {

    /** Without a schema: the selection's shape, each leaf its response key as a placeholder string ({@code __typename} too). */
    JsonNode shape(SelectionSet set) {
      ObjectNode out = NODES.objectNode();
      for (Selection<?> selection : set.getSelections()) {
        if (selection instanceof Field field) {
          String key = field.getResultKey();
          out.set(key, field.getSelectionSet() == null ? NODES.textNode(key) : shape(field.getSelectionSet()));
        } else if (selection instanceof InlineFragment inline) {
          out.setAll((ObjectNode) shape(inline.getSelectionSet()));
        } else if (selection instanceof FragmentSpread spread && fragments.containsKey(spread.getName())) {
          out.setAll((ObjectNode) shape(fragments.get(spread.getName()).getSelectionSet()));
        }
      }
      return out;
    }

    Pair object(GraphQLObjectType type, SelectionSet set, String path) {
      ObjectNode sent = NODES.objectNode();
      ObjectNode expected = NODES.objectNode();
      fields(type, set, sent, expected, path);
      return new Pair(sent, expected);
    }

    private void fields(GraphQLObjectType type, SelectionSet set, ObjectNode sent, ObjectNode expected, String path) {
      if (set == null) {
        return;
      }
      for (Selection<?> selection : set.getSelections()) {
        if (selection instanceof Field field) {
          field(type, field, sent, expected, path);
        } else if (selection instanceof InlineFragment inline) {
          if (applies(inline.getTypeCondition() == null ? null : inline.getTypeCondition().getName(), type)) {
            fields(type, inline.getSelectionSet(), sent, expected, path);
          }
        } else if (selection instanceof FragmentSpread spread) {
          FragmentDefinition fragment = fragments.get(spread.getName());
          if (fragment != null && applies(fragment.getTypeCondition().getName(), type)) {
            fields(type, fragment.getSelectionSet(), sent, expected, path);
          }
        }
      }
    }

    private void field(GraphQLObjectType type, Field field, ObjectNode sent, ObjectNode expected, String path) {
      String key = field.getResultKey();
      String at = TypeRules.member(path, key);
      if ("__typename".equals(field.getName())) {
        sent.put(key, type.getName());
        expected.put(key, type.getName());
        rules.set(at, rule("type"));
        return;
      }
      GraphQLFieldDefinition definition = type.getFieldDefinition(field.getName());
      if (definition == null) {
        return;
      }
      Pair value = value(definition.getType(), field, key, at);
      sent.set(key, value.sent);
      if (value.expected != null) {
        expected.set(key, value.expected);
      }
    }

    /**
     * The example at {@code path} and its rule: its type, never null (Pact cannot match "null or
     * this object", and the contract covers what the consumer reads, so the backend's provider
     * state produces the data).
     */
    private Pair value(GraphQLType declared, Field field, String key, String path) {
      GraphQLType type = declared instanceof GraphQLNonNull nonNull ? nonNull.getWrappedType() : declared;
      if (type instanceof GraphQLList list) {
        rules.set(path, rule("type"));
        Pair element = value(list.getWrappedType(), field, key, path + "[*]");
        return new Pair(
            NODES.arrayNode().add(element.sent),
            element.expected != null ? NODES.arrayNode().add(element.expected) : NODES.arrayNode());
      }
      if (type instanceof GraphQLScalarType scalar) {
        JsonNode example = scalar(scalar, key);
        if (!BUILT_IN.contains(scalar.getName())) {
          // A custom scalar (JSON, DateTime) may be any JSON value: expected as a placeholder text
          // that any value but null matches, since Pact compares an object or list by its kind first.
          rules.set(path, rule("regex"));
          return new Pair(example, NODES.textNode(key));
        }
        // An Int's rule says integer: the pact itself then tells a verifier that the consumer reads
        // an integer (graphql-js writes the Float 5.0 as 5, so the example alone cannot).
        rules.set(path, rule(scalar.getName().equals("Int") ? "integer" : "type"));
        return new Pair(example, example);
      }
      if (type instanceof GraphQLEnumType enumType) {
        JsonNode example = NODES.textNode(enumType.getValues().get(0).getName());
        rules.set(path, rule("type"));
        return new Pair(example, example);
      }
      GraphQLObjectType concrete = concrete((GraphQLOutputType) type, field.getSelectionSet());
      if (concrete == null) {
        return new Pair(NODES.nullNode(), null);
      }
      return object(concrete, field.getSelectionSet(), path);
    }

    /** {@code type}, {@code integer}, or {@code regex} any value but null. */
    private static ObjectNode rule(String match) {
      ObjectNode rule = NODES.objectNode();
      rule.put("combine", "AND");
      ObjectNode matcher = rule.putArray("matchers").addObject().put("match", match);
      if (match.equals("regex")) {
        matcher.put("regex", TypeMatchers.ANY_TEXT);
      }
      return rule;
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

    /** An object type for an abstract type: the first member the selection names (by name), else the first implementation by name. */
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
      java.util.Set<String> named = new java.util.HashSet<>();
      if (set != null) {
        for (Selection<?> selection : set.getSelections()) {
          if (selection instanceof InlineFragment inline && inline.getTypeCondition() != null) {
            named.add(inline.getTypeCondition().getName());
          } else if (selection instanceof FragmentSpread spread && fragments.containsKey(spread.getName())) {
            named.add(fragments.get(spread.getName()).getTypeCondition().getName());
          }
        }
      }
      return implementations.stream().filter(candidate -> named.contains(candidate.getName())).findFirst()
          .orElse(implementations.isEmpty() ? null : implementations.get(0));
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

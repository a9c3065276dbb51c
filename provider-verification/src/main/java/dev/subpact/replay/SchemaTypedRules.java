package dev.subpact.replay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.subpact.graphql.check.Finding;
import dev.subpact.graphql.operation.Operation;
import dev.subpact.graphql.pact.ExpectedMessage;
import dev.subpact.graphql.pact.TypeRules;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLEnumValueDefinition;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The expected messages' {@code type} rules made to say what the build's schema says, when verify
 * has it ({@code --schema} or introspection): Pact's {@code integer} for {@code Int}, {@code decimal}
 * for {@code Float} in the expected message and {@code number} in the received one (Pact's {@code
 * type} treats every number alike, so {@code Int → Float} passed),
 * the enum's values as a regex value set, and {@code null} accepted beside them only where the
 * schema makes the field nullable. Only leaves that carry exactly the {@code type} rule a capture
 * writes are changed; every other rule stays. The expected message itself must satisfy the typed
 * rules too ({@link #contractMismatches}): an example the build's schema cannot produce (an integer
 * where it now says {@code Float}, an enum value it no longer has, {@code null} where it now says
 * non-null) is a break whatever the backend sends.
 */
final class SchemaTypedRules {

  private static final ObjectNode TYPE = TypeRules.rule();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private SchemaTypedRules() {}

  /**
   * {@code expected} with its leaf {@code type} rules typed by {@code schema} along {@code
   * operation}'s selections; {@code expected} itself when nothing is typed. A {@code Float} gets
   * Pact's {@code number}: graphql-js and graphql-core write the {@code Float} 2.0 as {@code 2},
   * which Pact's {@code decimal} refuses.
   */
  static ExpectedMessage typed(GraphQLSchema schema, Operation operation, ExpectedMessage expected) {
    ObjectNode body = typedBody(schema, operation, expected, "number");
    if (body == null) {
      return expected;
    }
    ObjectNode rules = expected.matchingRules().deepCopy();
    rules.set("body", body);
    return new ExpectedMessage(expected.content(), rules);
  }

  /**
   * Where the expected message does not satisfy the rules {@code schema} types it with — here a
   * {@code Float} is Pact's {@code decimal}, as the consumer's example for a {@code Float} is
   * (capture writes 1.5): what the consumer recorded is something the build's schema cannot send
   * (an integer where the build says {@code Float}, an enum value it no longer has).
   */
  static List<Finding> contractMismatches(GraphQLSchema schema, Operation operation, ExpectedMessage expected, String label,
      String schemaOrigin) {
    ObjectNode body = typedBody(schema, operation, expected, "decimal");
    if (body == null) {
      return List.of();
    }
    List<Finding> found = new ArrayList<>();
    for (Finding mismatch : MessageMatcher.mismatches(expected.content(), body, expected.content(), label)) {
      found.add(new Finding(mismatch.kind(), mismatch.severity(), mismatch.message() + " — the pact expects a value the"
          + " build's schema (" + schemaOrigin + ") does not describe there", mismatch.coordinate(), null, List.of(),
          "keep the field's type, enum values and nullability as the consumer reads them (add a new field for the new type)",
          mismatch.path()));
    }
    return found;
  }

  /** The typed {@code body} rules, or {@code null} when nothing changes. */
  private static ObjectNode typedBody(GraphQLSchema schema, Operation operation, ExpectedMessage expected, String floatMatch) {
    JsonNode written = expected.matchingRules().path("body");
    OperationDefinition definition;
    try {
      definition = operation.definition();
    } catch (IllegalStateException e) {
      return null;
    }
    GraphQLNamedType root = switch (definition.getOperation()) {
      case QUERY -> schema.getQueryType();
      case MUTATION -> schema.getMutationType();
      case SUBSCRIPTION -> schema.getSubscriptionType();
    };
    JsonNode data = expected.content().path("data");
    if (!(written instanceof ObjectNode body) || body.isEmpty() || root == null || !data.isObject()) {
      return null;
    }
    Map<String, FragmentDefinition> fragments = operation.document().ast().getDefinitionsOfType(FragmentDefinition.class).stream()
        .collect(Collectors.toMap(FragmentDefinition::getName, f -> f, (a, b) -> a));
    ObjectNode typedBody = body.deepCopy();
    new Walk(schema, fragments, typedBody, floatMatch).object(root, definition.getSelectionSet(), data, "$.data");
    return typedBody.equals(body) ? null : typedBody;
  }

  private record Walk(GraphQLSchema schema, Map<String, FragmentDefinition> fragments, ObjectNode body, String floatMatch) {

    void object(GraphQLNamedType parent, SelectionSet selections, JsonNode value, String path) {
      GraphQLNamedType type = parent;
      JsonNode typename = value.get("__typename");
      if (typename != null && typename.isTextual() && schema.getType(typename.asText()) instanceof GraphQLNamedType concrete) {
        type = concrete;
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> member = it.next();
        Field field = find(selections, member.getKey(), new HashSet<>());
        if (field == null || !TypeRules.spellable(member.getKey()) || !(type instanceof GraphQLFieldsContainer container)) {
          continue;
        }
        GraphQLFieldDefinition definition = container.getFieldDefinition(field.getName());
        if (definition != null) {
          value(definition.getType(), field, member.getValue(), TypeRules.member(path, member.getKey()));
        }
      }
    }

    private void value(GraphQLType type, Field field, JsonNode value, String path) {
      GraphQLType nullable = GraphQLTypeUtil.unwrapNonNull(type);
      if (nullable instanceof GraphQLList list) {
        if (value.isArray() && !value.isEmpty()) {
          value(list.getWrappedType(), field, value.get(0), path + "[*]");
        }
        return;
      }
      GraphQLNamedType named = (GraphQLNamedType) nullable;
      if (value.isObject() && field.getSelectionSet() != null) {
        object(named, field.getSelectionSet(), value, path);
        return;
      }
      if (!TYPE.equals(body.get(path))) {
        return;
      }
      ObjectNode matcher = NODES.objectNode();
      switch (named.getName()) {
        case "Int" -> matcher.put("match", "integer");
        case "Float" -> matcher.put("match", floatMatch);
        default -> {
          if (named instanceof GraphQLEnumType enumType) {
            matcher.put("match", "regex").put("regex", "^(?:" + enumType.getValues().stream()
                .map(GraphQLEnumValueDefinition::getName).map(Pattern::quote).collect(Collectors.joining("|")) + ")$");
          } else {
            matcher.put("match", "type");
          }
        }
      }
      ObjectNode rule = NODES.objectNode();
      boolean nullAllowed = !(type instanceof GraphQLNonNull);
      rule.put("combine", nullAllowed ? "OR" : "AND");
      rule.putArray("matchers").add(matcher);
      if (nullAllowed) {
        ((ArrayNode) rule.get("matchers")).addObject().put("match", "null");
      }
      body.set(path, rule);
    }

    /** The field selected under response key {@code key}, through inline fragments and fragment spreads. */
    private Field find(SelectionSet selections, String key, Set<String> spreading) {
      if (selections == null) {
        return null;
      }
      for (Selection<?> selection : selections.getSelections()) {
        Field found = null;
        if (selection instanceof Field field) {
          found = key.equals(field.getResultKey()) ? field : null;
        } else if (selection instanceof InlineFragment inline) {
          found = find(inline.getSelectionSet(), key, spreading);
        } else if (selection instanceof FragmentSpread spread && fragments.containsKey(spread.getName())
            && spreading.add(spread.getName())) {
          found = find(fragments.get(spread.getName()).getSelectionSet(), key, spreading);
          spreading.remove(spread.getName());
        }
        if (found != null) {
          return found;
        }
      }
      return null;
    }
  }
}

package dev.subpact.replay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.subpact.graphql.check.Finding;
import dev.subpact.graphql.check.FindingKind;
import dev.subpact.graphql.check.Severity;
import dev.subpact.graphql.operation.Operation;
import dev.subpact.graphql.operation.SchemaCoordinate;
import dev.subpact.graphql.pact.ExpectedMessage;
import dev.subpact.graphql.pact.TypeRules;
import dev.subpact.graphql.schema.Schema;
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
 * The expected messages' leaf rules made to say what the build's schema says, when verify has it
 * ({@code --schema} or introspection): Pact's {@code integer} for {@code Int}, {@code number} for
 * {@code Float} (Pact's {@code type} treats every number alike, so {@code Int → Float} passed; its
 * {@code decimal} refuses graphql-js's {@code 5} for the {@code Float} 5.0), the enum's values as a
 * regex value set, and {@code null} accepted beside them only where the schema makes the field
 * nullable. Only leaves whose rule is the {@code type} rule a capture writes, or a one-matcher rule
 * the schema's type agrees with ({@code integer} on an {@code Int}, {@code decimal} or {@code
 * number} on a {@code Float}), are changed; every other rule stays.
 *
 * <p>The contract itself must fit the build's schema too ({@link #contractMismatches}): an example
 * the schema cannot produce (an enum value it no longer has, {@code null} where it now says
 * non-null, 1.5 where it says {@code Int}) is a break whatever the backend sends, and so is a field
 * the contract's own rule reads as an integer where the schema now says {@code Float}. How an example
 * is written is no evidence alone: graphql-js writes the {@code Float} 5.0 as {@code 5}. So an
 * integral example under a {@code type} rule on a field the build makes a {@code Float} is decided
 * by the baseline schema (what the consumers run against today): an {@code Int} there is a break; a
 * {@code Float} there is no change. Without a baseline it is a warning that says what would decide it
 * (capture writes {@code integer} for an {@code Int} it knows from {@code --schema}, which needs no
 * baseline).
 */
final class SchemaTypedRules {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private SchemaTypedRules() {}

  /** {@code expected} with its leaf rules typed by {@code schema} along {@code operation}'s selections; {@code expected} itself when nothing is typed. */
  static ExpectedMessage typed(GraphQLSchema schema, Operation operation, ExpectedMessage expected) {
    Walk walk = walk(schema, operation, expected);
    if (walk == null || walk.body().equals(expected.matchingRules().path("body"))) {
      return expected;
    }
    ObjectNode rules = expected.matchingRules().deepCopy();
    rules.set("body", walk.body());
    return new ExpectedMessage(expected.content(), rules);
  }

  /**
   * Where the contract does not fit the build's schema: a field its rule reads as an integer that
   * the schema now makes a {@code Float}, or whose integral example sits on a field that was an
   * {@code Int} in {@code baseline}, and an example the typed rules refuse (an enum value the build no
   * longer has, {@code null} where it says non-null). Errors, and a warning for each integral example
   * on a {@code Float} that only a baseline could decide when {@code baseline} is {@code null}.
   */
  static List<Finding> contractMismatches(GraphQLSchema schema, Operation operation, ExpectedMessage expected, String label,
      String schemaOrigin, Schema baseline) {
    Walk walk = walk(schema, operation, expected);
    if (walk == null) {
      return List.of();
    }
    List<Finding> found = new ArrayList<>();
    for (IntegerReadAsFloat field : walk.integersNowFloats()) {
      if (field.byRule() || baseline != null && wasInt(baseline.graphql(), field.coordinate())) {
        String evidence = field.byRule() ? "its matching rule 'integer' at " + field.rulePath()
            : "its example " + field.example() + " at " + field.rulePath() + ", and " + ReplaySetting.BASELINE + " (" + baseline.origin()
                + ") makes it an Int";
        found.add(new Finding(FindingKind.TYPE_CHANGED, Severity.ERROR, label + ": the pact reads '" + field.coordinate()
            + "' as an integer (" + evidence + "), but the build's schema (" + schemaOrigin + ") makes it a Float, which can be"
            + " 1.5", field.coordinate(), null, List.of(), "keep '" + field.coordinate() + "' an Int and add the Float under a"
                + " new field name (deprecate the old one), then move the consumers", field.rulePath().replace("[*]", "[0]")));
      } else if (baseline == null) {
        found.add(new Finding(FindingKind.DANGEROUS_CHANGE, Severity.WARNING, label + ": '" + field.coordinate() + "' is a"
            + " Float in the build's schema (" + schemaOrigin + "), and the pact's integral example " + field.example() + " at "
            + field.rulePath() + " under a 'type' rule does not say whether the consumer reads an Int: not decided",
            field.coordinate(), null, List.of(), "give " + ReplaySetting.BASELINE + " (the schema the consumers run against today):"
                + " an Int there is a break", field.rulePath().replace("[*]", "[0]")));
      }
    }
    if (walk.body().equals(expected.matchingRules().path("body"))) {
      return found;
    }
    for (Finding mismatch : MessageMatcher.mismatches(expected.content(), walk.body(), expected.content(), label)) {
      found.add(new Finding(mismatch.kind(), mismatch.severity(), mismatch.message() + " — the pact expects a value the"
          + " build's schema (" + schemaOrigin + ") does not describe there", mismatch.coordinate(), null, List.of(),
          "keep the field's type, enum values and nullability as the consumer reads them (add a new field for the new type)",
          mismatch.path()));
    }
    return found;
  }

  /** The walk of {@code expected} along {@code operation}, its rules typed; {@code null} when there is nothing to type. */
  private static Walk walk(GraphQLSchema schema, Operation operation, ExpectedMessage expected) {
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
    Walk walk = new Walk(schema, fragments, body.deepCopy(), new ArrayList<>());
    walk.object(root, definition.getSelectionSet(), data, "$.data");
    return walk;
  }

  /**
   * A field the build's schema makes a {@code Float} that the contract may read as an integer: its rule
   * at {@code rulePath} says {@code integer} ({@code byRule}), or its rule is {@code type} and its
   * {@code example} is integral (only a baseline decides).
   */
  private record IntegerReadAsFloat(SchemaCoordinate coordinate, String rulePath, JsonNode example, boolean byRule) {}

  /** Whether {@code baseline} has the field {@code coordinate} names and its leaf type is {@code Int}. */
  private static boolean wasInt(GraphQLSchema baseline, SchemaCoordinate coordinate) {
    if (!(baseline.getType(coordinate.typeName()) instanceof GraphQLFieldsContainer container)) {
      return false;
    }
    GraphQLFieldDefinition field = container.getFieldDefinition(coordinate.fieldName());
    return field != null && "Int".equals(GraphQLTypeUtil.unwrapAll(field.getType()).getName());
  }

  /**
   * The single matcher {@code rule} holds when it holds one ({@code combine} absent or {@code AND}),
   * e.g. {@code "type"} or {@code "integer"}; else {@code null}.
   */
  private static String soleMatch(JsonNode rule) {
    if (rule == null || !rule.path("combine").asText("AND").equals("AND") || rule.path("matchers").size() != 1) {
      return null;
    }
    JsonNode matcher = rule.path("matchers").get(0);
    return matcher.size() == 1 && matcher.path("match").isTextual() ? matcher.path("match").asText() : null;
  }

  /**
   * @param body the rules, typed as the walk goes
   * @param integersNowFloats the fields the contract reads, or may read, as integers that the schema makes {@code Float}, found as it goes
   */
  private record Walk(GraphQLSchema schema, Map<String, FragmentDefinition> fragments, ObjectNode body,
      List<IntegerReadAsFloat> integersNowFloats) {

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
          value(definition.getType(), field, member.getValue(), TypeRules.member(path, member.getKey()),
              SchemaCoordinate.field(container.getName(), field.getName()));
        }
      }
    }

    private void value(GraphQLType type, Field field, JsonNode value, String path, SchemaCoordinate coordinate) {
      GraphQLType nullable = GraphQLTypeUtil.unwrapNonNull(type);
      if (nullable instanceof GraphQLList list) {
        if (value.isArray() && !value.isEmpty()) {
          value(list.getWrappedType(), field, value.get(0), path + "[*]", coordinate);
        }
        return;
      }
      GraphQLNamedType named = (GraphQLNamedType) nullable;
      if (value.isObject() && field.getSelectionSet() != null) {
        object(named, field.getSelectionSet(), value, path);
        return;
      }
      String said = soleMatch(body.get(path));
      boolean agrees = switch (named.getName()) {
        case "Int" -> "integer".equals(said);
        case "Float" -> "decimal".equals(said) || "number".equals(said);
        default -> false;
      };
      if ("Float".equals(named.getName()) && "integer".equals(said)) {
        integersNowFloats.add(new IntegerReadAsFloat(coordinate, path, value, true));
        return;
      }
      if ("Float".equals(named.getName()) && "type".equals(said) && value.isIntegralNumber()) {
        integersNowFloats.add(new IntegerReadAsFloat(coordinate, path, value, false));
      }
      if (!"type".equals(said) && !agrees) {
        return;
      }
      ObjectNode matcher = NODES.objectNode();
      switch (named.getName()) {
        case "Int" -> matcher.put("match", "integer");
        case "Float" -> matcher.put("match", "number");
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

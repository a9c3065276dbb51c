package dev.subpact.capture;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.subpact.graphql.pact.TypeRules;
import java.util.Iterator;
import java.util.Map;

/**
 * Pact V4 {@code type} matching rules for an example GraphQL result: every leaf (scalar, empty
 * object, empty list) must have the example's JSON type, list elements are matched with
 * {@code [*]}; an object with a key Pact's paths cannot spell gets one rule, which cascades. The
 * rules are keyed by category {@code body}, as {@code ExpectedMessage} wants.
 */
public final class TypeMatchers {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private TypeMatchers() {}

  /**
   * Presence rules for a result whose types are unknown (a capture without a schema): each leaf
   * gets a regex rule that any non-null value satisfies — a string (empty too), number, boolean,
   * object or list — so the key must be present (Pact requires every expected key) and not null.
   */
  public static ObjectNode forShape(JsonNode content) {
    return rules(content, PRESENT);
  }

  /** {@code {"body": {"$.data.x.y": {"combine": "AND", "matchers": [{"match": "type"}]}, ...}}}. */
  public static ObjectNode forContent(JsonNode content) {
    return rules(content, TypeRules.rule());
  }

  /** A regex any text matches: with it, any value but {@code null} (Pact JVM matches a regex against a value's text and fails it for null). */
  static final String ANY_TEXT = "[\\s\\S]*";

  private static final ObjectNode PRESENT = present();

  private static ObjectNode present() {
    ObjectNode rule = NODES.objectNode();
    rule.put("combine", "AND");
    rule.putArray("matchers").addObject().put("match", "regex").put("regex", ANY_TEXT);
    return rule;
  }

  private static ObjectNode rules(JsonNode content, ObjectNode leafRule) {
    ObjectNode body = NODES.objectNode();
    walk(content, "$", body, leafRule);
    ObjectNode rules = NODES.objectNode();
    if (!body.isEmpty()) {
      rules.set("body", body);
    }
    return rules;
  }

  private static void walk(JsonNode node, String path, ObjectNode body, ObjectNode leafRule) {
    if (node.isObject() && !node.isEmpty()) {
      if (!allSpellable(node)) {
        body.set(path, TypeRules.rule());
        return;
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        walk(field.getValue(), TypeRules.member(path, field.getKey()), body, leafRule);
      }
    } else if (node.isArray() && !node.isEmpty()) {
      walk(node.get(0), path + "[*]", body, leafRule);
    } else if (!node.isNull()) {
      body.set(path, leafRule.deepCopy());
    }
  }

  /** Whether Pact's paths can name every key of {@code object}; if not, the object's own rule cascades to them. */
  private static boolean allSpellable(JsonNode object) {
    for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
      if (!TypeRules.spellable(names.next())) {
        return false;
      }
    }
    return true;
  }
}

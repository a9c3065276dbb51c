package dev.subpact.capture;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Pact V4 {@code type} matching rules for an example GraphQL result: every leaf (scalar, empty
 * object, empty list) must have the example's JSON type, list elements are matched with
 * {@code [*]}. The rules are keyed by category {@code body}, as {@code ExpectedMessage} wants.
 */
public final class TypeMatchers {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final Pattern PLAIN_NAME = Pattern.compile("[_A-Za-z][_0-9A-Za-z]*");

  private TypeMatchers() {}

  /** {@code {"body": {"$.data.x.y": {"combine": "AND", "matchers": [{"match": "type"}]}, ...}}}. */
  public static ObjectNode forContent(JsonNode content) {
    ObjectNode body = NODES.objectNode();
    walk(content, "$", body);
    ObjectNode rules = NODES.objectNode();
    if (!body.isEmpty()) {
      rules.set("body", body);
    }
    return rules;
  }

  private static void walk(JsonNode node, String path, ObjectNode body) {
    if (node.isObject() && !node.isEmpty()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        walk(field.getValue(), path + segment(field.getKey()), body);
      }
    } else if (node.isArray() && !node.isEmpty()) {
      walk(node.get(0), path + "[*]", body);
    } else if (!node.isNull()) {
      ObjectNode rule = body.putObject(path);
      rule.put("combine", "AND");
      rule.putArray("matchers").addObject().put("match", "type");
    }
  }

  private static String segment(String key) {
    return PLAIN_NAME.matcher(key).matches() ? "." + key : "['" + key.replace("'", "\\'") + "']";
  }
}

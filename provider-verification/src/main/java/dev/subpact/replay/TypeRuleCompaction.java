package dev.subpact.replay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.subpact.graphql.pact.TypeRules;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Folds the {@code type} rules of an object whose every leaf has one into a single rule on the
 * object, which Pact JVM cascades to the object's members: the same verdicts and mismatch texts
 * with fewer rules. Pact JVM re-parses every rule path for every JSON node it compares, so a
 * captured message with a rule per leaf costs rules x nodes path parses; folded, the frog's event
 * drops from 10 rules to 2.
 *
 * <p>Only the shape a rule-per-leaf capture writes is folded: objects reached through object keys
 * from {@code $}, whose members are non-null scalars carrying exactly
 * {@code {"combine": "AND", "matchers": [{"match": "type"}]}}, objects carrying exactly that rule
 * (and none below), or objects folded the same way. Lists,
 * nulls, empty containers and any other rule stay as they are, and a rule set with a {@code .*}
 * wildcard (whose weight would compete with the folded rule) is left whole.
 */
final class TypeRuleCompaction {

  private static final ObjectNode TYPE = TypeRules.rule();

  private TypeRuleCompaction() {}

  /** The {@code body} rules of {@code content}, folded where that changes nothing. */
  static ObjectNode compact(JsonNode content, ObjectNode body) {
    Map<String, JsonNode> rules = new LinkedHashMap<>();
    body.fields().forEachRemaining(e -> rules.put(e.getKey(), e.getValue()));
    if (rules.keySet().stream().anyMatch(path -> path.contains(".*"))) {
      return body;
    }
    typed(content, "$", rules);
    ObjectNode folded = JsonNodeFactory.instance.objectNode();
    rules.forEach(folded::set);
    return folded;
  }

  /** Whether every leaf under {@code node} is type-matched; folds {@code node}'s rules when so. */
  private static boolean typed(JsonNode node, String path, Map<String, JsonNode> rules) {
    if (node.isValueNode()) {
      return !node.isNull() && TYPE.equals(rules.get(path));
    }
    if (!node.isObject()) {
      return false;
    }
    if (rules.containsKey(path)) {
      // type-matched already (Pact JVM cascades it to the members), unless a member has its own rule
      return TYPE.equals(rules.get(path)) && rules.keySet().stream().noneMatch(p -> p.length() > path.length()
          && p.startsWith(path) && (p.charAt(path.length()) == '.' || p.charAt(path.length()) == '['));
    }
    if (node.isEmpty()) {
      return false;
    }
    boolean all = true;
    List<String> members = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      String member = TypeRules.member(path, field.getKey());
      members.add(member);
      all &= typed(field.getValue(), member, rules);
    }
    if (all) {
      members.forEach(rules::remove);
      rules.put(path, TYPE);
    }
    return all;
  }
}

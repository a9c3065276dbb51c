package dev.subpact.replay;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.subpact.capture.TypeMatchers;
import dev.subpact.graphql.check.Finding;
import dev.subpact.graphql.pact.ExpectedMessage;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What {@link MessageMatcher} does to keep Pact JVM cheap (folding type rules, scoping rules to the
 * parts of a message) must not change a verdict: for every expected message of the incident's bots,
 * for captured-style messages (a rule on every leaf, lists, nulls, quoted keys) and for rules of
 * other kinds and spellings, each of many mutated answers gets the same mismatches, in the same
 * order, with the same texts and paths, as from one Pact JVM call with the rules the pact wrote.
 */
class MessageMatcherTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void folds_the_frog_event_to_one_rule_per_fully_typed_object() {
    ExpectedMessage event = frogEvent();
    ObjectNode folded = TypeRuleCompaction.compact(event.content(), (ObjectNode) event.matchingRules().get("body"));

    assertThat(event.matchingRules().get("body").size()).isEqualTo(10);
    assertThat(folded.fieldNames()).toIterable().containsExactly(
        "$.data.bot_threads_calls_tasks.news_payload_id",
        "$.data.bot_threads_calls_tasks.news_payload_emessage");
  }

  @Test
  void leaves_rule_sets_with_wildcards_and_objects_with_other_rules_whole() throws Exception {
    JsonNode content = JSON.readTree("{\"data\":{\"a\":{\"x\":1,\"y\":\"s\"},\"b\":{\"x\":1,\"y\":\"s\"}}}");
    ObjectNode rules = (ObjectNode) TypeMatchers.forContent(content).get("body");
    ObjectNode wildcard = rules.deepCopy();
    wildcard.set("$.data.*.x", rules.get("$.data.a.x"));
    ObjectNode regex = rules.deepCopy();
    regex.set("$.data.b.y", JSON.readTree("{\"combine\":\"AND\",\"matchers\":[{\"match\":\"regex\",\"regex\":\"s+\"}]}"));

    assertThat(TypeRuleCompaction.compact(content, rules).fieldNames()).toIterable().containsExactly("$");
    assertThat(TypeRuleCompaction.compact(content, wildcard)).isEqualTo(wildcard);
    assertThat(TypeRuleCompaction.compact(content, regex).fieldNames()).toIterable()
        .containsExactlyInAnyOrder("$.data.a", "$.data.b.x", "$.data.b.y");
  }

  static Stream<ExpectedMessage> messages() throws Exception {
    List<ExpectedMessage> messages = new ArrayList<>();
    IncidentPacts.crashed().forEach(p -> p.interactions().forEach(i -> messages.addAll(i.expected())));
    IncidentPacts.afterRename().forEach(p -> p.interactions().forEach(i -> messages.addAll(i.expected())));
    for (String content : List.of(
        "{\"data\":{\"thread\":{\"id\":\"t1\",\"ts\":1.5,\"n\":3,\"ok\":true,\"meta\":{\"a-b\":\"q\",\"it's\":2}}}}",
        "{\"data\":{\"list\":[{\"id\":\"a\",\"inner\":{\"v\":1}}],\"o\":{\"p\":null,\"q\":\"x\"},\"e\":{},\"f\":[]}}",
        "{\"data\":{\"deep\":{\"er\":{\"est\":{\"s\":\"x\",\"n\":7}}},\"tag\":\"T\"},\"extensions\":{\"k\":1}}")) {
      JsonNode node = JSON.readTree(content);
      messages.add(new ExpectedMessage(node, TypeMatchers.forContent(node)));
    }
    // rules a pact may carry besides subpact's own: other spellings, list and value matchers, a wildcard
    JsonNode mixed = JSON.readTree(
        "{\"data\":{\"list\":[{\"id\":\"a\"},{\"id\":\"b\"}],\"obj\":{\"n\":1,\"s\":\"x\"},\"re\":\"abc\",\"odd key\":{\"k\":\"v\"}}}");
    String type = "{\"combine\":\"AND\",\"matchers\":[{\"match\":\"type\"}]}";
    String others = "\"$.data.list\":{\"combine\":\"AND\",\"matchers\":[{\"match\":\"type\",\"min\":1}]},"
        + "\"$.data.list[*].id\":" + type + ",\"$['data']['obj']['n']\":{\"combine\":\"AND\",\"matchers\":[{\"match\":\"integer\"}]},"
        + "\"$.data.re\":{\"combine\":\"AND\",\"matchers\":[{\"match\":\"regex\",\"regex\":\"a.*\"}]},"
        + "\"$.data['odd key']\":" + type;
    messages.add(new ExpectedMessage(mixed, (ObjectNode) JSON.readTree("{\"body\":{" + others + "}}")));
    messages.add(new ExpectedMessage(mixed, (ObjectNode) JSON.readTree("{\"body\":{" + others + ",\"$.data.*.s\":" + type + "}}")));
    return messages.stream();
  }

  @ParameterizedTest
  @MethodSource("messages")
  void every_mutated_answer_gets_the_same_mismatches_as_with_the_rules_as_written(ExpectedMessage expected) {
    List<JsonNode> answers = mutations(expected.content());
    int mismatching = 0;
    for (JsonNode answer : answers) {
      List<Finding> folded = MessageMatcher.mismatches(expected, answer, "message 1");
      JsonNode written = expected.matchingRules().get("body");
      assertThat(folded).as("answer %s", answer)
          .isEqualTo(MessageMatcher.mismatches(expected.content(), (ObjectNode) written, answer, "message 1"));
      mismatching += folded.isEmpty() ? 0 : 1;
    }
    assertThat(answers).hasSizeGreaterThan(10);
    assertThat(mismatching).as("answers that must fail").isGreaterThan(answers.size() / 3);
  }

  /**
   * The expected message itself, and for every node: another value of the same type, a value of
   * another type, null, an object, a list, the node removed, and an unexpected sibling.
   */
  private static List<JsonNode> mutations(JsonNode expected) {
    List<JsonNode> answers = new ArrayList<>();
    answers.add(expected.deepCopy());
    List<List<Object>> paths = new ArrayList<>();
    collect(expected, new ArrayList<>(), paths);
    for (List<Object> path : paths) {
      JsonNode node = at(expected, path);
      List<JsonNode> replacements = new ArrayList<>(List.of(
          JSON.getNodeFactory().textNode("other"), JSON.getNodeFactory().numberNode(42),
          JSON.getNodeFactory().numberNode(4.25), JSON.getNodeFactory().booleanNode(false),
          JSON.getNodeFactory().nullNode(), JSON.createObjectNode().put("z", 1), JSON.createArrayNode().add(1)));
      if (node.isTextual()) {
        replacements.add(JSON.getNodeFactory().textNode(node.asText() + "-changed"));
      }
      for (JsonNode replacement : replacements) {
        answers.add(replaced(expected, path, replacement));
      }
      answers.add(replaced(expected, path, null));
      JsonNode parent = at(expected, path.subList(0, path.size() - 1));
      if (parent.isObject()) {
        JsonNode copy = expected.deepCopy();
        ((ObjectNode) at(copy, path.subList(0, path.size() - 1))).put("unexpected_key", "u");
        answers.add(copy);
      }
    }
    return answers;
  }

  private static void collect(JsonNode node, List<Object> path, List<List<Object>> paths) {
    if (!path.isEmpty()) {
      paths.add(List.copyOf(path));
    }
    if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        path.add(field.getKey());
        collect(field.getValue(), path, paths);
        path.remove(path.size() - 1);
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        path.add(i);
        collect(node.get(i), path, paths);
        path.remove(path.size() - 1);
      }
    }
  }

  private static JsonNode at(JsonNode root, List<Object> path) {
    JsonNode node = root;
    for (Object step : path) {
      node = step instanceof Integer i ? node.get(i) : node.get((String) step);
    }
    return node;
  }

  /** A copy of {@code root} with the node at {@code path} replaced, or removed when {@code value} is null. */
  private static JsonNode replaced(JsonNode root, List<Object> path, JsonNode value) {
    JsonNode copy = root.deepCopy();
    JsonNode parent = at(copy, path.subList(0, path.size() - 1));
    Object last = path.get(path.size() - 1);
    if (parent instanceof ObjectNode object) {
      if (value == null) {
        object.remove((String) last);
      } else {
        object.set((String) last, value);
      }
    } else if (parent instanceof ArrayNode array) {
      if (value == null) {
        array.remove((Integer) last);
      } else {
        array.set((Integer) last, value);
      }
    }
    return copy;
  }

  private static ExpectedMessage frogEvent() {
    return IncidentPacts.crashed().stream().filter(p -> p.consumer().equals("frog")).findFirst().orElseThrow()
        .interactions().stream().filter(i -> i.description().startsWith("KarenThreads")).findFirst().orElseThrow()
        .expected().get(0);
  }
}

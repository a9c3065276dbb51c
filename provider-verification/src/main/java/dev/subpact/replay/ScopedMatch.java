package dev.subpact.replay;

import au.com.dius.pact.core.matchers.BodyItemMatchResult;
import au.com.dius.pact.core.matchers.BodyMismatch;
import au.com.dius.pact.core.matchers.JsonContentMatcher;
import au.com.dius.pact.core.matchers.MatchingContext;
import au.com.dius.pact.core.model.PathExpressionsKt;
import au.com.dius.pact.core.model.PathToken;
import au.com.dius.pact.core.model.matchingrules.MatchingRuleCategory;
import au.com.dius.pact.core.model.matchingrules.MatchingRuleGroup;
import au.com.dius.pact.core.support.json.JsonParser;
import au.com.dius.pact.core.support.json.JsonValue;
import dev.subpact.graphql.pact.TypeRules;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Pact JVM's JSON matching, handed each part of a message with only the rules that can apply to
 * it. Pact JVM re-parses every rule path at every node it compares, so one call with all rules costs
 * nodes x rules path parses. Here the rule-free object levels above the rules are walked as Pact
 * JVM walks them (its own key check, members in the expected order), and each member is compared
 * by Pact JVM with the rules under it; a member whose only rule is its own {@code type} rule is
 * compared rooted at {@code $} (rule {@code $}, a one-character path) and its mismatch paths are
 * put back under the member's path. Rule sets with a {@code .*} wildcard go to Pact JVM whole.
 */
final class ScopedMatch {

  private static final MatchingRuleGroup TYPE = MatchingRuleGroup.Companion.fromJson(JsonParser.parseString(TypeRules.rule().toString()));

  private static final MatchingContext NO_RULES = new MatchingContext(new MatchingRuleCategory("body", new HashMap<>()), true);
  private static final MatchingContext ROOT_TYPE = new MatchingContext(new MatchingRuleCategory("body", new HashMap<>(Map.of("$", TYPE))), true);

  private ScopedMatch() {}

  /** One rule and its parsed path. */
  private record Rule(String key, List<PathToken> tokens) {}

  /** Every mismatch of {@code actual} against {@code expected} under {@code rules}, in Pact JVM's order. */
  static List<BodyMismatch> mismatches(JsonValue expected, JsonValue actual, MatchingRuleCategory rules) {
    List<Rule> scoped = new ArrayList<>();
    for (String key : rules.getMatchingRules().keySet()) {
      List<PathToken> tokens = PathExpressionsKt.parsePath(key);
      if (tokens.isEmpty() || tokens.get(0) != PathToken.Root.INSTANCE || tokens.contains(PathToken.Star.INSTANCE)) {
        return flat(JsonContentMatcher.INSTANCE.compare(List.of("$"), expected, actual, new MatchingContext(rules, true)));
      }
      scoped.add(new Rule(key, tokens));
    }
    List<BodyMismatch> found = new ArrayList<>();
    compare(new ArrayList<>(List.of("$")), expected, actual, scoped, rules, found);
    return found;
  }

  private static void compare(List<String> path, JsonValue expected, JsonValue actual, List<Rule> here,
      MatchingRuleCategory all, List<BodyMismatch> found) {
    int depth = path.size();
    if (here.stream().anyMatch(r -> r.tokens().size() == depth)) {
      if (here.size() == 1 && TYPE.equals(all.getMatchingRules().get(here.get(0).key()))
          && path.stream().skip(1).allMatch(TypeRules::plain)) {
        rooted(path, expected, actual, found);
      } else {
        found.addAll(flat(JsonContentMatcher.INSTANCE.compare(List.copyOf(path), expected, actual, context(here, all))));
      }
      return;
    }
    if (!(expected instanceof JsonValue.Object members) || !(actual instanceof JsonValue.Object actualMembers)
        || members.isEmpty() || here.stream().anyMatch(r -> !(r.tokens().get(depth) instanceof PathToken.Field))) {
      found.addAll(flat(JsonContentMatcher.INSTANCE.compare(List.copyOf(path), expected, actual, context(here, all))));
      return;
    }
    // the object level as Pact JVM compares a map without a rule: its key check (which consults only
    // rules at this very path, and there are none), then each member the answer has
    found.addAll(flat(NO_RULES.matchKeys(List.copyOf(path), members.getEntries(), actualMembers.getEntries(), () -> "")));
    for (Map.Entry<String, JsonValue> member : members.getEntries().entrySet()) {
      if (actualMembers.has(member.getKey())) {
        List<Rule> below = here.stream()
            .filter(r -> ((PathToken.Field) r.tokens().get(depth)).getName().equals(member.getKey()))
            .toList();
        path.add(member.getKey());
        compare(path, member.getValue(), actualMembers.get(member.getKey()), below, all, found);
        path.remove(path.size() - 1);
      }
    }
  }

  /** A member with its own type rule and none below it, compared as a message of its own. */
  private static void rooted(List<String> path, JsonValue expected, JsonValue actual, List<BodyMismatch> found) {
    String at = String.join(".", path);
    for (BodyMismatch m : flat(JsonContentMatcher.INSTANCE.compare(List.of("$"), expected, actual, ROOT_TYPE))) {
      String relative = m.getPath();
      String absolute = relative != null && relative.startsWith("$") ? at + relative.substring(1) : relative;
      found.add(new BodyMismatch(m.getExpected(), m.getActual(), m.getMismatch(), absolute, m.getDiff()));
    }
  }

  private static MatchingContext context(List<Rule> here, MatchingRuleCategory all) {
    if (here.isEmpty()) {
      return NO_RULES;
    }
    Set<String> keys = here.stream().map(Rule::key).collect(Collectors.toSet());
    return new MatchingContext(all.filter(keys::contains), true);
  }

  private static List<BodyMismatch> flat(List<BodyItemMatchResult> results) {
    List<BodyMismatch> mismatches = new ArrayList<>();
    results.forEach(r -> mismatches.addAll(r.getResult()));
    return mismatches;
  }
}

package dev.subpact.replay;

import au.com.dius.pact.core.matchers.BodyItemMatchResult;
import au.com.dius.pact.core.matchers.BodyMatchResult;
import au.com.dius.pact.core.matchers.BodyMismatch;
import au.com.dius.pact.core.matchers.JsonContentMatcher;
import au.com.dius.pact.core.matchers.MatchingContext;
import au.com.dius.pact.core.model.ContentType;
import au.com.dius.pact.core.model.OptionalBody;
import au.com.dius.pact.core.model.matchingrules.MatchingRuleCategory;
import au.com.dius.pact.core.model.matchingrules.MatchingRulesImpl;
import au.com.dius.pact.core.support.json.JsonParser;
import au.com.dius.pact.core.support.json.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.subpact.graphql.check.Finding;
import dev.subpact.graphql.check.FindingKind;
import dev.subpact.graphql.check.Severity;
import dev.subpact.graphql.pact.ExpectedMessage;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Compares a message the backend sent with one the consumer expects, with Pact JVM's matching
 * engine (its JSON body matcher and the pact's V4 {@code body} matching rules; unexpected keys
 * allowed, as for any Pact response). Two steps keep Pact JVM's cost, which grows with nodes x
 * rules, low without changing a verdict or a mismatch text: {@link TypeRuleCompaction} folds the
 * type rules of fully typed objects, and {@link ScopedMatch} gives each part of the message only
 * the rules that can apply to it.
 */
public final class MessageMatcher {

  private MessageMatcher() {}

  /** Every mismatch, as {@code DATA_MISMATCH} findings carrying the JSON path; empty when it matches. */
  public static List<Finding> mismatches(ExpectedMessage expected, JsonNode actual, String label) {
    JsonNode written = expected.matchingRules().path("body");
    ObjectNode folded = written instanceof ObjectNode body && !body.isEmpty()
        ? TypeRuleCompaction.compact(expected.content(), body)
        : JsonNodeFactory.instance.objectNode();
    List<BodyMismatch> mismatches = ScopedMatch.mismatches(pactJson(expected.content()), pactJson(actual), bodyRules(folded));
    List<Finding> findings = new ArrayList<>();
    mismatches.forEach(m -> findings.add(finding(m, label)));
    return withoutNullAlternatives(findings);
  }

  /**
   * Pact JVM reports each matcher of an {@code OR} rule that failed; for the {@code OR null} a
   * schema-typed rule adds to a nullable field ({@link SchemaTypedRules}) that is noise beside the
   * mismatch that says what was wrong: one mismatch per value.
   */
  private static List<Finding> withoutNullAlternatives(List<Finding> findings) {
    return findings.stream().filter(f -> !f.message().endsWith(" to be a null value") || findings.stream()
        .noneMatch(other -> other != f && other.path() != null && other.path().equals(f.path()))).toList();
  }

  /** Pact JVM's verdict in one call, under exactly {@code bodyRules} (V4 {@code body} rules; {@code null}: none). */
  static List<Finding> mismatches(JsonNode expected, ObjectNode bodyRules, JsonNode actual, String label) {
    MatchingContext context = new MatchingContext(bodyRules(bodyRules == null ? JsonNodeFactory.instance.objectNode() : bodyRules), true);
    BodyMatchResult result = JsonContentMatcher.INSTANCE.matchBody(body(expected), body(actual), context);
    List<Finding> findings = new ArrayList<>();
    if (result.getTypeMismatch() != null) {
      findings.add(Finding.error(FindingKind.DATA_MISMATCH, label + ": " + result.getTypeMismatch().description()));
    }
    for (BodyItemMatchResult item : result.getBodyResults()) {
      item.getResult().forEach(m -> findings.add(finding(m, label)));
    }
    return withoutNullAlternatives(findings);
  }

  private static Finding finding(BodyMismatch mismatch, String label) {
    return new Finding(FindingKind.DATA_MISMATCH, Severity.ERROR, label + ": " + mismatch.getMismatch(), null, null,
        List.of(), null, mismatch.getPath());
  }

  private static MatchingRuleCategory bodyRules(ObjectNode body) {
    MatchingRulesImpl rules = new MatchingRulesImpl();
    if (!body.isEmpty()) {
      ObjectNode categories = JsonNodeFactory.instance.objectNode();
      categories.set("body", body);
      rules.fromV3Json((JsonValue.Object) JsonParser.parseString(categories.toString()));
    }
    return rules.rulesForCategory("body");
  }

  private static JsonValue pactJson(JsonNode json) {
    return JsonParser.parseString(json.toString());
  }

  private static OptionalBody body(JsonNode json) {
    return OptionalBody.body(json.toString().getBytes(StandardCharsets.UTF_8), ContentType.Companion.getJSON());
  }
}

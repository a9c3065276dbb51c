package dev.subpact.replay;

import au.com.dius.pact.core.matchers.BodyItemMatchResult;
import au.com.dius.pact.core.matchers.BodyMatchResult;
import au.com.dius.pact.core.matchers.BodyMismatch;
import au.com.dius.pact.core.matchers.JsonContentMatcher;
import au.com.dius.pact.core.matchers.MatchingContext;
import au.com.dius.pact.core.model.ContentType;
import au.com.dius.pact.core.model.OptionalBody;
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
 * engine (its JSON body matcher and the pact's V4 {@code body} matching rules, folded by
 * {@link TypeRuleCompaction}; unexpected keys allowed, as for any Pact response).
 */
public final class MessageMatcher {

  private MessageMatcher() {}

  /** Every mismatch, as {@code DATA_MISMATCH} findings carrying the JSON path; empty when it matches. */
  public static List<Finding> mismatches(ExpectedMessage expected, JsonNode actual, String label) {
    JsonNode body = expected.matchingRules().path("body");
    ObjectNode rules = body instanceof ObjectNode written && !written.isEmpty()
        ? TypeRuleCompaction.compact(expected.content(), written)
        : null;
    return mismatches(expected.content(), rules, actual, label);
  }

  /** Pact JVM's verdict under exactly {@code bodyRules} (V4 {@code body} rules; {@code null}: none). */
  static List<Finding> mismatches(JsonNode expected, ObjectNode bodyRules, JsonNode actual, String label) {
    MatchingRulesImpl rules = new MatchingRulesImpl();
    if (bodyRules != null) {
      ObjectNode categories = JsonNodeFactory.instance.objectNode();
      categories.set("body", bodyRules);
      rules.fromV3Json((JsonValue.Object) JsonParser.parseString(categories.toString()));
    }
    MatchingContext context = new MatchingContext(rules.rulesForCategory("body"), true);
    BodyMatchResult result =
        JsonContentMatcher.INSTANCE.matchBody(body(expected), body(actual), context);
    List<Finding> findings = new ArrayList<>();
    if (result.getTypeMismatch() != null) {
      findings.add(Finding.error(FindingKind.DATA_MISMATCH, label + ": " + result.getTypeMismatch().description()));
    }
    for (BodyItemMatchResult item : result.getBodyResults()) {
      for (BodyMismatch mismatch : item.getResult()) {
        findings.add(new Finding(FindingKind.DATA_MISMATCH, Severity.ERROR,
            label + ": " + mismatch.getMismatch(), null, null, List.of(), null,
            mismatch.getPath()));
      }
    }
    return findings;
  }

  private static OptionalBody body(JsonNode json) {
    return OptionalBody.body(json.toString().getBytes(StandardCharsets.UTF_8), ContentType.Companion.getJSON());
  }
}

package dev.subpact.graphql.pact;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * One GraphQL execution result the consumer expects (a {@code next} payload, or the HTTP response
 * body), with its Pact matching rules.
 *
 * @param content the expected result, e.g. {@code {"data": {...}}}
 * @param matchingRules the V4 matching rules of this message, keyed by category ({@code body}), e.g.
 *     {@code {"body": {"$.data.x": {"combine": "AND", "matchers": [{"match": "type"}]}}}}; empty
 *     when the content must match exactly
 */
public record ExpectedMessage(JsonNode content, ObjectNode matchingRules) {

  public ExpectedMessage {
    Objects.requireNonNull(content, "content");
    matchingRules = matchingRules == null ? JsonNodeFactory.instance.objectNode() : matchingRules.deepCopy();
  }

  public static ExpectedMessage exactly(JsonNode content) {
    return new ExpectedMessage(content, null);
  }
}

package dev.subpact.broker.dashboard;

import com.fasterxml.jackson.databind.JsonNode;

/** A Pact matcher ({@code {"match": "type", "min": 1}}) as a phrase people read. */
final class MatcherWords {

  private MatcherWords() {}

  static String describe(JsonNode matcher) {
    String match = matcher.path("match").asText(matcher.has("regex") ? "regex" : "type");
    String phrase = switch (match) {
      case "type" -> "any value of the example's type";
      case "equality" -> "equal to the example";
      case "regex" -> "text matching the regular expression " + matcher.path("regex").asText();
      case "include" -> "text containing \"" + matcher.path("value").asText() + "\"";
      case "integer" -> "a whole number";
      case "decimal" -> "a number with a fraction";
      case "number" -> "any number";
      case "boolean" -> "true or false";
      case "null" -> "null";
      case "notEmpty" -> "a value that is not empty";
      case "semver" -> "a semantic version";
      case "values" -> "an object whose keys may vary, each value matching the example's";
      case "arrayContains" -> "an array containing the example's variants, in any order";
      case "eachKey" -> "an object whose every key matches the rules given";
      case "eachValue" -> "an object whose every value matches the rules given";
      case "contentType" -> "content of type " + matcher.path("value").asText();
      case "date", "time", "datetime", "timestamp" -> "a " + (match.equals("timestamp") ? "datetime" : match)
          + (matcher.has("format") ? " formatted " + matcher.path("format").asText() : "");
      default -> "matching rule '" + match + "'";
    };
    if (matcher.has("min") && matcher.has("max")) {
      phrase += ", with " + matcher.path("min").asInt() + " to " + matcher.path("max").asInt() + " items";
    } else if (matcher.has("min")) {
      phrase += ", with at least " + matcher.path("min").asInt() + " item" + (matcher.path("min").asInt() == 1 ? "" : "s");
    } else if (matcher.has("max")) {
      phrase += ", with at most " + matcher.path("max").asInt() + " item" + (matcher.path("max").asInt() == 1 ? "" : "s");
    }
    return phrase;
  }
}

package dev.subpact.replay;

import com.fasterxml.jackson.databind.JsonNode;
import dev.subpact.graphql.check.Finding;
import dev.subpact.graphql.check.FindingKind;
import dev.subpact.graphql.check.Location;
import dev.subpact.graphql.check.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** GraphQL errors as a backend sent them, turned into findings (kind read from graphql-core's wording). */
final class ServerErrors {

  private static final Pattern SUGGESTION = Pattern.compile("Did you mean '([^']+)'");

  private ServerErrors() {}

  static List<Finding> findings(List<JsonNode> errors) {
    List<Finding> findings = new ArrayList<>();
    for (JsonNode error : errors) {
      String message = error.path("message").asText(error.toString());
      List<Location> locations = new ArrayList<>();
      for (JsonNode l : error.path("locations")) {
        locations.add(new Location(l.path("line").asInt(), l.path("column").asInt()));
      }
      Matcher suggestion = SUGGESTION.matcher(message);
      findings.add(new Finding(kindOf(message), Severity.ERROR, message, null,
          suggestion.find() ? suggestion.group(1) : null, locations, null, null));
    }
    return findings;
  }

  private static FindingKind kindOf(String message) {
    if (message.startsWith("Cannot query field")) {
      return FindingKind.UNKNOWN_FIELD;
    } else if (message.startsWith("Unknown argument")) {
      return FindingKind.UNKNOWN_ARGUMENT;
    } else if (message.startsWith("Syntax Error")) {
      return FindingKind.SYNTAX;
    } else if (message.startsWith("Unknown type")) {
      return FindingKind.UNKNOWN_TYPE;
    } else if (message.contains("is required, but it was not provided")) {
      return FindingKind.MISSING_REQUIRED_ARGUMENT;
    } else if (message.startsWith("Variable ") && message.contains("used in position expecting")) {
      return FindingKind.VARIABLE_TYPE_MISMATCH;
    }
    return FindingKind.OTHER;
  }
}

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

/**
 * GraphQL errors as a backend sent them, turned into findings. The kind is read from the wording
 * of graphql-core (Strawberry: {@code Cannot query field 'x' on type 'T'.}), graphql-js (the same
 * sentences with {@code "} quotes) and graphql-java ({@code Validation error (FieldUndefined@[…]) :
 * Field 'x' in type 'T' is undefined}).
 */
final class ServerErrors {

  private static final Pattern SUGGESTION = Pattern.compile("Did you mean ['\"]([^'\"]+)['\"]");
  private static final Pattern QUOTED = Pattern.compile("'([^']+)'|\"([^\"]+)\"");

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
    if (message.startsWith("Cannot query field") || message.contains(" is undefined") && message.contains("FieldUndefined")) {
      return FindingKind.UNKNOWN_FIELD;
    } else if (message.startsWith("Unknown argument") || message.contains("Unknown field argument")
        || message.contains("Unknown directive argument")) {
      return FindingKind.UNKNOWN_ARGUMENT;
    } else if (message.startsWith("Syntax Error") || message.startsWith("Invalid syntax")) {
      return FindingKind.SYNTAX;
    } else if (message.startsWith("Unknown type") || message.contains("Validation error") && message.contains(": Unknown type ")) {
      return FindingKind.UNKNOWN_TYPE;
    } else if (message.contains("is required, but it was not provided") || message.contains("Missing field argument")) {
      return FindingKind.MISSING_REQUIRED_ARGUMENT;
    } else if (message.contains("used in position expecting")) {
      return FindingKind.VARIABLE_TYPE_MISMATCH;
    }
    return FindingKind.OTHER;
  }

  /**
   * Whether a backend's error and a static finding are the same error, whichever engine worded it:
   * the same kind, and the same sentence once quotes are unified (graphql-core and graphql-js) or
   * every name the backend quotes among those the finding quotes (graphql-java's shorter sentences).
   */
  static boolean sameError(Finding sent, Finding found) {
    if (sent.kind() != found.kind()) {
      return false;
    }
    if (sent.message().replace('"', '\'').equals(found.message().replace('"', '\''))) {
      return true;
    }
    List<String> sentNames = names(sent.message());
    return sent.kind() != FindingKind.OTHER && !sentNames.isEmpty() && names(found.message()).containsAll(sentNames);
  }

  /** The names a message quotes, before its "Did you mean" (a field, argument, type or {@code Type.field}). */
  private static List<String> names(String message) {
    int mean = message.indexOf("Did you mean");
    Matcher quoted = QUOTED.matcher(mean < 0 ? message : message.substring(0, mean));
    List<String> names = new ArrayList<>();
    while (quoted.find()) {
      names.add(quoted.group(1) != null ? quoted.group(1) : quoted.group(2));
    }
    return names;
  }
}

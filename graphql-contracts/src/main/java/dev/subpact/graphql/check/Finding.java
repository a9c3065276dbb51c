package dev.subpact.graphql.check;

import dev.subpact.graphql.operation.SchemaCoordinate;
import java.util.List;
import java.util.Objects;

/**
 * One problem found in a contract, worded the way the backend (Strawberry on graphql-core 3.2) would
 * word it. The same type flows out of {@code check}, {@code verify}, {@code capture --schema} and
 * the broker's schema cross-check, so every surface words a break the same way.
 *
 * @param kind what kind of problem
 * @param severity error (breaks) or warning
 * @param message graphql-core's wording, "Did you mean" included
 * @param coordinate the schema coordinate concerned, or {@code null}
 * @param suggestion the name graphql-core suggests (the first), or {@code null}
 * @param locations where in the document, possibly empty
 * @param fix how to fix it (e.g. the deprecated alias in SDL and as a Strawberry snippet), or {@code null}
 * @param path a JSON path into a message (live replay mismatches), or {@code null}
 */
public record Finding(
    FindingKind kind,
    Severity severity,
    String message,
    SchemaCoordinate coordinate,
    String suggestion,
    List<Location> locations,
    String fix,
    String path) {

  public Finding {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(message, "message");
    locations = locations == null ? List.of() : List.copyOf(locations);
  }

  public static Finding error(FindingKind kind, String message) {
    return new Finding(kind, Severity.ERROR, message, null, null, List.of(), null, null);
  }

  public static Finding warning(FindingKind kind, String message) {
    return new Finding(kind, Severity.WARNING, message, null, null, List.of(), null, null);
  }

  /**
   * A {@link FindingKind#DOCUMENT_OVER_LIMIT} error: {@code reason} says which limit, and the fix
   * what the {@code consumer}'s team can do, since only they can change the document.
   */
  public static Finding documentOverLimit(String reason, String consumer) {
    return new Finding(FindingKind.DOCUMENT_OVER_LIMIT, Severity.ERROR, reason, null, null, List.of(),
        "Split the operation into smaller ones (fewer nested selections or fields in one document), or ask the "
            + consumer + " team to send a flatter, smaller document; until then this interaction is not checked"
            + " and counts as broken.", null);
  }

  public boolean isError() {
    return severity == Severity.ERROR;
  }
}

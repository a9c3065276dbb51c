package dev.subpact.graphql.pact;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;

/** Where a Jackson parse error is, as a person reads it — when Jackson knows. */
public final class JsonErrors {

  private JsonErrors() {}

  /**
   * {@code " (line 3, column 7)"}, or {@code ""} for Jackson's limits ({@code StreamConstraintsException}:
   * nesting deeper than 1,000, numbers of over 1,000 digits), which carry no location; their
   * {@code getOriginalMessage()} names the limit.
   */
  public static String at(JsonProcessingException e) {
    JsonLocation location = e.getLocation();
    return location == null || location.getLineNr() < 0 ? ""
        : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
  }
}

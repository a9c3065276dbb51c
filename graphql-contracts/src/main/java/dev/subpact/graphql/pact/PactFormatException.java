package dev.subpact.graphql.pact;

import dev.subpact.graphql.SubpactException;

/** A pact file that is not a usable GraphQL pact; the message names the file and the problem. */
public final class PactFormatException extends SubpactException {

  public PactFormatException(String message) {
    super(message);
  }

  public PactFormatException(String message, Throwable cause) {
    super(message, cause);
  }
}

package dev.subpact.graphql.check;

import dev.subpact.graphql.SubpactException;

/** An input of a check that cannot be used (empty folder, unreadable or malformed document); the message names the file. */
public final class CheckInputException extends SubpactException {

  public CheckInputException(String message) {
    super(message);
  }

  public CheckInputException(String message, Throwable cause) {
    super(message, cause);
  }
}

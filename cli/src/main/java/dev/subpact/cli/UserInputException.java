package dev.subpact.cli;

import dev.subpact.graphql.SubpactException;

/** An option or input the user must change; printed without a stack trace, exit 2. */
public final class UserInputException extends SubpactException {
  public UserInputException(String message) {
    super(message);
  }

  public UserInputException(String message, Throwable cause) {
    super(message, cause);
  }
}

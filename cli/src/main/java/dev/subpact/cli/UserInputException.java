package dev.subpact.cli;

/** An option or input the user must change; printed without a stack trace, exit 2. */
public final class UserInputException extends RuntimeException {
  public UserInputException(String message) {
    super(message);
  }

  public UserInputException(String message, Throwable cause) {
    super(message, cause);
  }
}

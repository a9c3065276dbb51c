package dev.subpact.broker.client;

import dev.subpact.graphql.SubpactException;

/**
 * The broker refused or could not be reached; the message says what was asked, what the broker
 * answered, and what to do.
 */
public final class BrokerException extends SubpactException {

  private final int status;

  public BrokerException(String message, int status) {
    super(message);
    this.status = status;
  }

  public BrokerException(String message, Throwable cause) {
    super(message, cause);
    this.status = -1;
  }

  /** The HTTP status, or -1 when the broker could not be reached. */
  public int status() {
    return status;
  }
}

package dev.subpact.broker;

/** The broker could not start; the message says why and what to change. */
public final class BrokerStartException extends RuntimeException {
  public BrokerStartException(String message, Throwable cause) {
    super(message, cause);
  }
}

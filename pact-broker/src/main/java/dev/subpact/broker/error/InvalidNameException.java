package dev.subpact.broker.error;

/** A name the broker will not store (the API answers 400 with the message). */
public final class InvalidNameException extends IllegalArgumentException {
  public InvalidNameException(String message) {
    super(message);
  }
}

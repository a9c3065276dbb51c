package dev.subpact.broker.error;

/** A write broke a uniqueness rule (for example a name already taken); answered with 409. */
public final class StorageConflictException extends RuntimeException {
  public StorageConflictException(String message, Throwable cause) {
    super(message, cause);
  }
}

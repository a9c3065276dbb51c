package dev.subpact.broker.storage;

/** The database could not be opened, migrated or used; the message says why and what to do. */
public final class StorageException extends RuntimeException {
  public StorageException(String message) {
    super(message);
  }

  public StorageException(String message, Throwable cause) {
    super(message, cause);
  }
}

package dev.subpact.graphql.schema;

import dev.subpact.graphql.SubpactException;

/** A schema that could not be loaded; the message names the source and what is wrong with it. */
public final class SchemaLoadException extends SubpactException {

  public SchemaLoadException(String message) {
    super(message);
  }

  public SchemaLoadException(String message, Throwable cause) {
    super(message, cause);
  }
}

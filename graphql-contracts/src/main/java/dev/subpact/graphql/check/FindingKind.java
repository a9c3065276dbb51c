package dev.subpact.graphql.check;

/** What kind of break (or warning) a finding is. Stable names: they appear in JSON reports. */
public enum FindingKind {
  /** A field the schema's type does not have ({@code Cannot query field ...}). */
  UNKNOWN_FIELD,
  /** An argument the field does not accept ({@code Unknown argument ...}). */
  UNKNOWN_ARGUMENT,
  /** A required argument the operation does not pass. */
  MISSING_REQUIRED_ARGUMENT,
  /** A variable whose declared type, or example value, does not fit where it is used. */
  VARIABLE_TYPE_MISMATCH,
  /** A type name the schema does not define. */
  UNKNOWN_TYPE,
  /** The document is not valid GraphQL syntax. */
  SYNTAX,
  /** A deprecated field or argument the operation still uses (a warning). */
  DEPRECATED_USAGE,
  /** A schema trap: e.g. a required deprecated argument, or a required replacement of a deprecated argument. */
  SCHEMA_LINT,
  /** A message the consumer expects that the provider sent in another shape (live replay). */
  DATA_MISMATCH,
  /** A REST (not GraphQL) interaction's response that does not match, in Pact JVM's words (live verification). */
  HTTP_MISMATCH,
  /** Anything else. */
  OTHER
}

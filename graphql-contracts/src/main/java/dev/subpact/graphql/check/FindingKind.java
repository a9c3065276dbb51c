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
  /** A literal value (argument, input field, list item, variable default) its location's type does not accept. */
  INVALID_VALUE,
  /** A fragment spread where its type can never apply ({@code Fragment cannot be spread here ...}). */
  IMPOSSIBLE_FRAGMENT,
  /** A type name the schema does not define. */
  UNKNOWN_TYPE,
  /** The document is not valid GraphQL syntax. */
  SYNTAX,
  /**
   * The consumer's document is over one of subpact's parse limits (nesting, tokens, characters:
   * {@code ParseLimits}): it is not read, so nothing else can be said about it; counted as broken.
   */
  DOCUMENT_OVER_LIMIT,
  /** A deprecated field, argument, input field or enum value the operation still uses (a warning). */
  DEPRECATED_USAGE,
  /** A schema trap: e.g. a required deprecated argument, or a required replacement of a deprecated argument. */
  SCHEMA_LINT,
  /** A message the consumer expects that the provider sent in another shape (live replay). */
  DATA_MISMATCH,
  /**
   * {@code check --baseline}: a field the operation selects changed its leaf type, or changed between
   * a list and a single value.
   */
  TYPE_CHANGED,
  /** {@code check --baseline}: a field (or list item) the operation selects can now be null. */
  NULLABILITY,
  /** {@code check --baseline}: an enum value the operation can receive was removed. */
  ENUM_VALUE_REMOVED,
  /** {@code check --baseline}: a union member or interface implementation the operation can receive was removed. */
  POSSIBLE_TYPE_REMOVED,
  /**
   * {@code check --baseline}: a value the operation sends (a literal, or its recorded variables) that
   * the baseline accepted and the new schema refuses: a new required argument or input field, an
   * input field or argument whose type changed, an enum value it sends that was removed.
   */
  INPUT_CHANGED,
  /**
   * {@code check --baseline}, a warning: an enum value or possible type was added to something the
   * operation reads, or an argument the operation omits changed its default.
   */
  DANGEROUS_CHANGE,
  /** A REST (not GraphQL) interaction's response that does not match, in Pact JVM's words (live verification). */
  HTTP_MISMATCH,
  /** Anything else. */
  OTHER
}

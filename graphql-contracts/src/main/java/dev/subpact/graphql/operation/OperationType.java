package dev.subpact.graphql.operation;

/** The three GraphQL operation types, named as in the document. */
public enum OperationType {
  QUERY,
  MUTATION,
  SUBSCRIPTION;

  /** {@code query}, {@code mutation} or {@code subscription}. */
  public String keyword() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}

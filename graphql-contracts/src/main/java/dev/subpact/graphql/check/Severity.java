package dev.subpact.graphql.check;

/** An error breaks the contract (exit 1); a warning is reported and does not. */
public enum Severity {
  ERROR,
  WARNING
}

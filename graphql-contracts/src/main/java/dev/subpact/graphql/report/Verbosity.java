package dev.subpact.graphql.report;

/**
 * How much a person-facing output says; every command takes it from {@code --quiet} / {@code --verbose}.
 * Machine formats (JSON, JUnit, GitHub) do not depend on it.
 */
public enum Verbosity {
  /** Only what failed and the verdict: no passed interactions, no progress, no informational lines. */
  QUIET,
  /** The default: every verdict, each distinct fix once, identical fixes grouped. */
  NORMAL,
  /** Every detail: each finding with its own fix in full, where it occurs. */
  VERBOSE
}

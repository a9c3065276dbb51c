package dev.subpact.cli;

/** {@code -o/--output} of the broker commands, as the official Pact CLI spells it. */
enum OutputFormat {
  /** Sentences for people (the default). */
  text,
  /** One row per item, columns aligned. */
  table,
  /** The broker's answer as JSON, for scripts. */
  json
}

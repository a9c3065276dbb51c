package dev.subpact.graphql.check;

/** A 1-based line and column in an operation's document text. */
public record Location(int line, int column) {}

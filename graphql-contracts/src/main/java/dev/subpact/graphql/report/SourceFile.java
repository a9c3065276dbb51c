package dev.subpact.graphql.report;

import java.util.Objects;

/**
 * Where a consumer's operation lives, for annotations that point at it.
 *
 * @param path the file, as the user named it (a pact or a {@code .graphql} document)
 * @param line the 1-based line where the interaction (in a pact) or the document starts
 * @param documentLines true when the file is the document itself, so a finding's document line is
 *     a line of this file; false for a pact, where the document is a JSON string
 */
public record SourceFile(String path, int line, boolean documentLines) {

  public SourceFile {
    Objects.requireNonNull(path, "path");
    if (line < 1) {
      throw new IllegalArgumentException("line must be 1 or more, was " + line);
    }
  }

  /** The line of this file that a finding at document line {@code documentLine} points at. */
  public int lineOf(int documentLine) {
    return documentLines ? line + documentLine - 1 : line;
  }
}

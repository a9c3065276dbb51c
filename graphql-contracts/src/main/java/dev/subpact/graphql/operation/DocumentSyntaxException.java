package dev.subpact.graphql.operation;

import dev.subpact.graphql.SubpactException;
import graphql.language.SourceLocation;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.exceptions.ParseCancelledException;
import graphql.parser.exceptions.ParseCancelledTooDeepException;
import graphql.parser.exceptions.ParseCancelledTooManyCharsException;

/**
 * A document that is not valid GraphQL syntax. The message follows graphql-core's wording
 * ({@code Syntax Error: ...}) so it reads the way the backend would report it; a document over one of
 * {@link ParseLimits} is one too, its message naming the limit.
 */
public final class DocumentSyntaxException extends SubpactException {

  private final int line;
  private final int column;
  private final boolean overLimit;

  public DocumentSyntaxException(String message, int line, int column) {
    this(message, line, column, false);
  }

  private DocumentSyntaxException(String message, int line, int column, boolean overLimit) {
    super(message);
    this.line = line;
    this.column = column;
    this.overLimit = overLimit;
  }

  /** A document subpact does not read because it is over one of {@link ParseLimits}, {@code message} naming it. */
  static DocumentSyntaxException overLimit(String message, int line, int column) {
    return new DocumentSyntaxException(message, line, column, true);
  }

  static DocumentSyntaxException from(InvalidSyntaxException e, String text) {
    SourceLocation location = e.getLocation();
    int line = location == null ? 1 : location.getLine();
    int column = location == null ? 1 : location.getColumn();
    if (e instanceof ParseCancelledTooManyCharsException) {
      return overLimit("Document has more than " + thousands(ParseLimits.MAX_DOCUMENT_CHARACTERS)
          + " characters, the most subpact reads in one operation: send operations one by one.", line, column);
    }
    if (e instanceof ParseCancelledException) {
      return overLimit("Document has more than " + thousands(ParseLimits.MAX_DOCUMENT_TOKENS)
          + " tokens, the most subpact reads in one operation: send operations one by one.", line, column);
    }
    if (e instanceof ParseCancelledTooDeepException) {
      return overLimit("Document nests more than " + ParseLimits.MAX_RULE_DEPTH
          + " grammar rules deep, the most subpact reads: send a flatter document.", line, column);
    }
    return new DocumentSyntaxException(SyntaxErrorWording.describe(e, text), line, column);
  }

  private static String thousands(int n) {
    return String.format(java.util.Locale.ROOT, "%,d", n);
  }

  public int line() {
    return line;
  }

  public int column() {
    return column;
  }

  /** Whether the document is over one of {@link ParseLimits} (too large or too deep to read), not malformed. */
  public boolean overLimit() {
    return overLimit;
  }
}

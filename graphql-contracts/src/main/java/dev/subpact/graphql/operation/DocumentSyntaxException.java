package dev.subpact.graphql.operation;

import graphql.language.SourceLocation;
import graphql.parser.InvalidSyntaxException;

/**
 * A document that is not valid GraphQL syntax. The message follows graphql-core's wording
 * ({@code Syntax Error: ...}) so it reads the way the backend would report it.
 */
public final class DocumentSyntaxException extends RuntimeException {

  private final int line;
  private final int column;

  public DocumentSyntaxException(String message, int line, int column) {
    super(message);
    this.line = line;
    this.column = column;
  }

  static DocumentSyntaxException from(InvalidSyntaxException e, String text) {
    SourceLocation location = e.getLocation();
    int line = location == null ? 1 : location.getLine();
    int column = location == null ? 1 : location.getColumn();
    return new DocumentSyntaxException(SyntaxErrorWording.describe(e, text), line, column);
  }

  public int line() {
    return line;
  }

  public int column() {
    return column;
  }
}

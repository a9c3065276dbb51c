package dev.subpact.graphql.operation;

import graphql.language.Document;

/**
 * A GraphQL document as a client sent it: parsed once, the original text kept byte for byte.
 *
 * <p>Two documents are equal when their {@linkplain #canonical() canonical forms} are equal:
 * whitespace, comments and the order of selections and arguments do not matter, aliases do (they
 * change the response keys a contract depends on).
 */
public interface GraphqlDocument {

  /**
   * Parses {@code text}.
   *
   * @throws DocumentSyntaxException with graphql-core's wording and the location when the text is
   *     not a GraphQL document
   */
  static GraphqlDocument parse(String text) {
    return ParsedDocument.parse(text);
  }

  /** The text exactly as the client sent it. */
  String text();

  /** The parsed AST (graphql-java). */
  Document ast();

  /** The canonical form: sorted, compactly printed, aliases kept. */
  String canonical();
}

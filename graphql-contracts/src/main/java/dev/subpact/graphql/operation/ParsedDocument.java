package dev.subpact.graphql.operation;

import graphql.language.AstPrinter;
import graphql.language.AstSorter;
import graphql.language.Document;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import graphql.parser.ParserEnvironment;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The only implementation of {@link GraphqlDocument}; the canonical form is computed lazily once. */
final class ParsedDocument implements GraphqlDocument {

  private final String text;
  private final Document ast;
  private volatile String canonical;

  private ParsedDocument(String text, Document ast) {
    this.text = text;
    this.ast = ast;
  }

  /**
   * Documents are immutable and bots of one client kit send the same texts: each distinct text is
   * parsed once (a thousand pacts of ten bots hold a handful of documents). Bounded, so a
   * long-running process (the broker, a capture) does not grow without limit.
   */
  private static final int CACHE_LIMIT = 1024;
  private static final Map<String, ParsedDocument> PARSED = new ConcurrentHashMap<>();

  static ParsedDocument parse(String text) {
    if (text == null) {
      throw new DocumentSyntaxException("Syntax Error: Unexpected <EOF>.", 1, 1);
    }
    ParsedDocument cached = PARSED.get(text);
    if (cached != null) {
      return cached;
    }
    ParsedDocument parsed = parseUncached(text);
    if (PARSED.size() >= CACHE_LIMIT) {
      PARSED.clear();
    }
    PARSED.put(text, parsed);
    return parsed;
  }

  /** Parses within {@link ParseLimits}: a document over a limit is a {@link DocumentSyntaxException} naming it. */
  private static ParsedDocument parseUncached(String text) {
    ParseLimits.TooDeep tooDeep = ParseLimits.tooDeep(text);
    if (tooDeep != null) {
      throw DocumentSyntaxException.overLimit("Document " + tooDeep.describe() + ".", tooDeep.line(), tooDeep.column());
    }
    try {
      Document document =
          Parser.parse(
              ParserEnvironment.newParserEnvironment()
                  .document(text)
                  .parserOptions(ParseLimits.OPERATIONS)
                  .build());
      return new ParsedDocument(text, document);
    } catch (InvalidSyntaxException e) {
      throw DocumentSyntaxException.from(e, text);
    }
  }

  @Override
  public String text() {
    return text;
  }

  @Override
  public Document ast() {
    return ast;
  }

  @Override
  public String canonical() {
    String c = canonical;
    if (c == null) {
      c = AstPrinter.printAstCompact(new AstSorter().sort(ast));
      canonical = c;
    }
    return c;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof GraphqlDocument other && canonical().equals(other.canonical());
  }

  @Override
  public int hashCode() {
    return canonical().hashCode();
  }

  @Override
  public String toString() {
    return canonical();
  }
}

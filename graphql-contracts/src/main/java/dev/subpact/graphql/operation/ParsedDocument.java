package dev.subpact.graphql.operation;

import graphql.language.AstPrinter;
import graphql.language.AstSorter;
import graphql.language.Document;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import graphql.parser.ParserEnvironment;
import graphql.parser.ParserOptions;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The only implementation of {@link GraphqlDocument}; the canonical form is computed lazily once. */
final class ParsedDocument implements GraphqlDocument {

  private static final ParserOptions OPTIONS =
      ParserOptions.newParserOptions()
          .captureIgnoredChars(false)
          .captureSourceLocation(true)
          .captureLineComments(false)
          .maxTokens(Integer.MAX_VALUE)
          .maxWhitespaceTokens(Integer.MAX_VALUE)
          .maxCharacters(Integer.MAX_VALUE)
          .maxRuleDepth(Integer.MAX_VALUE)
          .build();

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

  private static ParsedDocument parseUncached(String text) {
    try {
      Document document =
          Parser.parse(
              ParserEnvironment.newParserEnvironment()
                  .document(text)
                  .parserOptions(OPTIONS)
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

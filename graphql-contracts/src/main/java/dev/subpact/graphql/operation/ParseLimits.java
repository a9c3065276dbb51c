package dev.subpact.graphql.operation;

import graphql.parser.ParserOptions;

/**
 * The bounds within which subpact reads GraphQL, so that a hostile or broken document or schema is
 * an input error naming the bound, never a {@code StackOverflowError}, a hang or a memory blow-up
 * (in the broker, in {@code check}, {@code verify} and {@code capture} alike).
 *
 * <p>Operations: at most {@value #MAX_DOCUMENT_CHARACTERS} characters, {@value #MAX_DOCUMENT_TOKENS}
 * tokens and brackets nested {@value #MAX_NESTING} deep. A large real bot subscription of 120
 * fields has about 4,400 characters, 230 tokens and nests 3 deep.
 *
 * <p>Schemas (SDL): at most {@value #MAX_SDL_CHARACTERS} characters and {@value #MAX_SDL_TOKENS}
 * tokens (GitHub's public schema, among the largest in use, has about 1.3 MB), nested
 * {@value #MAX_NESTING} deep.
 *
 * <p>The nesting bound is checked by a linear scan before graphql-java's ANTLR parser runs: ANTLR's
 * prediction over thousands of nested brackets costs seconds before its own depth bound
 * ({@value #MAX_RULE_DEPTH} grammar rules, graphql-java's default, kept as a second guard) trips.
 */
public final class ParseLimits {

  /** Brackets ({@code { [ (}) nested deeper than this are refused. */
  public static final int MAX_NESTING = 100;
  public static final int MAX_DOCUMENT_CHARACTERS = 1_048_576;
  public static final int MAX_DOCUMENT_TOKENS = 50_000;
  public static final int MAX_SDL_CHARACTERS = 33_554_432;
  public static final int MAX_SDL_TOKENS = 4_000_000;
  /** graphql-java's default; {@link #MAX_NESTING} trips first for every shape of document. */
  public static final int MAX_RULE_DEPTH = 500;

  static final ParserOptions OPERATIONS = options(MAX_DOCUMENT_CHARACTERS, MAX_DOCUMENT_TOKENS);
  /** graphql-java's options for SDL, bounded. */
  public static final ParserOptions SDL = options(MAX_SDL_CHARACTERS, MAX_SDL_TOKENS);

  private ParseLimits() {}

  private static ParserOptions options(int characters, int tokens) {
    return ParserOptions.newParserOptions()
        .captureIgnoredChars(false)
        .captureSourceLocation(true)
        .captureLineComments(false)
        .maxCharacters(characters)
        .maxTokens(tokens)
        .maxWhitespaceTokens(characters)
        .maxRuleDepth(MAX_RULE_DEPTH)
        .build();
  }

  /** Where a text nests brackets deeper than {@link #MAX_NESTING}: 1-based line and column. */
  public record TooDeep(int line, int column) {
    public String describe() {
      return "nests brackets deeper than " + MAX_NESTING + " levels (line " + line + ", column " + column
          + "); subpact reads GraphQL nested at most " + MAX_NESTING
          + " levels deep (real operations and schemas nest fewer than 20): send a flatter document";
    }
  }

  /** The first place {@code text} nests brackets deeper than {@link #MAX_NESTING}, or null. */
  public static TooDeep tooDeep(String text) {
    int[] where = scan(text, MAX_NESTING);
    return where == null ? null : new TooDeep(where[0], where[1]);
  }

  /** The deepest bracket nesting of {@code text}, outside strings and comments. */
  static int nesting(String text) {
    int[] deepest = scan(text, Integer.MAX_VALUE);
    return deepest == null ? 0 : deepest[2];
  }

  /**
   * Walks the text once, skipping strings, block strings and comments; stops at the first bracket
   * nested deeper than {@code limit} and answers {line, column, depth} there, or at the end
   * {0, 0, deepest} when no limit was passed ({@code limit} = MAX_VALUE), or null.
   */
  private static int[] scan(String text, int limit) {
    int depth = 0;
    int deepest = 0;
    int line = 1;
    int lineStart = 0;
    int n = text.length();
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (c == '\n') {
        line++;
        lineStart = i + 1;
      } else if (c == '#') {
        while (i + 1 < n && text.charAt(i + 1) != '\n' && text.charAt(i + 1) != '\r') {
          i++;
        }
      } else if (c == '"') {
        if (text.startsWith("\"\"\"", i)) {
          int end = i + 3;
          while (end < n && !text.startsWith("\"\"\"", end)) {
            if (text.startsWith("\\\"\"\"", end)) {
              end += 3;
            }
            if (text.charAt(end) == '\n') {
              line++;
              lineStart = end + 1;
            }
            end++;
          }
          i = Math.min(n, end + 3) - 1;
        } else {
          int end = i + 1;
          while (end < n && text.charAt(end) != '"' && text.charAt(end) != '\n') {
            end += text.charAt(end) == '\\' ? 2 : 1;
          }
          i = Math.min(n - 1, end);
          if (i < n && text.charAt(i) == '\n') {
            i--;
          }
        }
      } else if (c == '{' || c == '[' || c == '(') {
        depth++;
        if (depth > limit) {
          return new int[] {line, i - lineStart + 1, depth};
        }
        deepest = Math.max(deepest, depth);
      } else if ((c == '}' || c == ']' || c == ')') && depth > 0) {
        depth--;
      }
    }
    return limit == Integer.MAX_VALUE ? new int[] {0, 0, deepest} : null;
  }
}

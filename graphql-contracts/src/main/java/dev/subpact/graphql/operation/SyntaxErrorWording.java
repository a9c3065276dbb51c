package dev.subpact.graphql.operation;

import graphql.language.SourceLocation;
import graphql.parser.InvalidSyntaxException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Words a graphql-java syntax error the way graphql-core's parser does: {@code Syntax Error: Expected
 * Name, found '{'.}, {@code Syntax Error: Unexpected Name 'foo'.}, {@code Syntax Error: Unexpected
 * character: '?'.} graphql-java (ANTLR) reports only the offending token, so what graphql-core
 * expected there is read from the tokens before it: the innermost open bracket (variable
 * definitions, arguments, a selection set, an object or list value) and the token just before.
 */
final class SyntaxErrorWording {

  private static final Pattern UNRECOGNISED = Pattern.compile("token recognition error at: '(.*)'", Pattern.DOTALL);
  private static final Set<String> OPERATION_KEYWORDS = Set.of("query", "mutation", "subscription");
  private static final String EOF = "<EOF>";

  /** What an open bracket holds. */
  private enum Scope { VARIABLES, ARGUMENTS, SELECTIONS, OBJECT, LIST }

  private SyntaxErrorWording() {}

  static String describe(InvalidSyntaxException e, String text) {
    String message = e.getMessage() == null ? "" : e.getMessage();
    Matcher unrecognised = UNRECOGNISED.matcher(message);
    if (unrecognised.find()) {
      String bad = unrecognised.group(1);
      return bad.startsWith("\"") ? "Syntax Error: Unterminated string."
          : "Syntax Error: Unexpected character: '" + bad.charAt(0) + "'.";
    }
    String token = e.getOffendingToken();
    String found = token == null || token.isEmpty() || EOF.equals(token) ? EOF : describeToken(token);
    SourceLocation at = e.getLocation();
    String expected = at == null && !EOF.equals(found) ? null : expectedBefore(text, offset(text, at, found));
    return expected == null ? "Syntax Error: Unexpected " + found + "." : "Syntax Error: Expected " + expected + ", found " + found + ".";
  }

  /** graphql-core's description of a token: {@code Name 'foo'}, {@code Int '1'}, {@code '{'}. */
  private static String describeToken(String token) {
    char first = token.charAt(0);
    if (Character.isLetter(first) || first == '_') {
      return "Name '" + token + "'";
    }
    if (Character.isDigit(first) || first == '-') {
      return (token.contains(".") || token.contains("e") || token.contains("E") ? "Float" : "Int") + " '" + token + "'";
    }
    if (first == '"') {
      return "String " + token;
    }
    return "'" + token + "'";
  }

  /** Where the offending token starts; the end of the text for {@code <EOF>}. */
  private static int offset(String text, SourceLocation at, String found) {
    if (EOF.equals(found)) {
      return text.length();
    }
    int line = 1;
    int i = 0;
    while (i < text.length() && line < at.getLine()) {
      if (text.charAt(i++) == '\n') {
        line++;
      }
    }
    return Math.min(text.length(), i + at.getColumn() - 1);
  }

  /** What graphql-core expects at {@code end}, or {@code null} when it reports "Unexpected". */
  private static String expectedBefore(String text, int end) {
    List<String> tokens = tokens(text, end);
    Deque<Scope> scopes = new ArrayDeque<>();
    for (int i = 0; i < tokens.size(); i++) {
      String t = tokens.get(i);
      String before = i > 0 ? tokens.get(i - 1) : null;
      switch (t) {
        case "(" -> scopes.push(scopes.isEmpty() ? Scope.VARIABLES : Scope.ARGUMENTS);
        case "[" -> scopes.push(Scope.LIST);
        case "{" -> scopes.push(!scopes.isEmpty() && scopes.peek() != Scope.SELECTIONS
            && (":".equals(before) || "[".equals(before) || scopes.peek() == Scope.LIST) ? Scope.OBJECT : Scope.SELECTIONS);
        case ")", "]", "}" -> {
          if (!scopes.isEmpty()) {
            scopes.pop();
          }
        }
        default -> { }
      }
    }
    String last = tokens.isEmpty() ? null : tokens.get(tokens.size() - 1);
    String beforeLast = tokens.size() > 1 ? tokens.get(tokens.size() - 2) : null;
    if ("$".equals(last) || "@".equals(last) || "fragment".equals(last)
        || "on".equals(last) && "...".equals(beforeLast)) {
      return "Name";
    }
    if (scopes.isEmpty()) {
      if (last != null && isName(last) && "fragment".equals(beforeLast)) {
        return "'on'";
      }
      boolean operationHead = last != null && (OPERATION_KEYWORDS.contains(last)
          || isName(last) && OPERATION_KEYWORDS.contains(beforeLast));
      return operationHead ? "'{'" : null;
    }
    return switch (scopes.peek()) {
      case VARIABLES -> ":".equals(last) ? "Name"
          : isName(last) && "$".equals(beforeLast) ? "':'"
          : "'$'";
      case ARGUMENTS, OBJECT -> ":".equals(last) ? null : isNameBeforeColon(last, beforeLast) ? "':'" : "Name";
      case SELECTIONS -> "...".equals(last) ? null : "Name";
      case LIST -> null;
    };
  }

  /** A name that starts an argument or object field (not a value: an enum value or a variable). */
  private static boolean isNameBeforeColon(String last, String beforeLast) {
    return isName(last) && !":".equals(beforeLast) && !"$".equals(beforeLast);
  }

  private static boolean isName(String token) {
    return token != null && !token.isEmpty() && (Character.isLetter(token.charAt(0)) || token.charAt(0) == '_');
  }

  /** The significant tokens of {@code text} before {@code end}: names, numbers, punctuators; strings as {@code "}. */
  private static List<String> tokens(String text, int end) {
    List<String> tokens = new ArrayList<>();
    int i = 0;
    while (i < end) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c) || c == ',' || c == '\uFEFF') {
        i++;
      } else if (c == '#') {
        while (i < end && text.charAt(i) != '\n' && text.charAt(i) != '\r') {
          i++;
        }
      } else if (c == '"') {
        boolean block = text.startsWith("\"\"\"", i);
        i += block ? 3 : 1;
        while (i < end && !(block ? text.startsWith("\"\"\"", i) : text.charAt(i) == '"')) {
          i += text.charAt(i) == '\\' ? 2 : 1;
        }
        i += block ? 3 : 1;
        tokens.add("\"");
      } else if (c == '.' && text.startsWith("...", i)) {
        tokens.add("...");
        i += 3;
      } else if (Character.isLetterOrDigit(c) || c == '_' || c == '-') {
        int start = i;
        while (i < end && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '_'
            || text.charAt(i) == '.' || text.charAt(i) == '-' || text.charAt(i) == '+')) {
          i++;
        }
        tokens.add(text.substring(start, Math.max(i, start + 1)));
      } else {
        tokens.add(String.valueOf(c));
        i++;
      }
    }
    return tokens;
  }
}

package dev.subpact.graphql.operation;

import graphql.parser.InvalidSyntaxException;

/** Words a graphql-java syntax error the way graphql-core does: {@code Syntax Error: Unexpected Name 'foo'.} */
final class SyntaxErrorWording {

  private SyntaxErrorWording() {}

  static String describe(InvalidSyntaxException e, String text) {
    String token = e.getOffendingToken();
    if (token == null || token.isEmpty() || "<EOF>".equals(token)) {
      return "Syntax Error: Unexpected <EOF>.";
    }
    return "Syntax Error: Unexpected " + tokenKind(token) + ".";
  }

  private static String tokenKind(String token) {
    char first = token.charAt(0);
    if (Character.isLetter(first) || first == '_') {
      return "Name '" + token + "'";
    }
    if (Character.isDigit(first) || first == '-') {
      return (token.contains(".") || token.contains("e") || token.contains("E") ? "Float" : "Int")
          + " '" + token + "'";
    }
    if (first == '"') {
      return "String " + token;
    }
    return "'" + token + "'";
  }
}

package dev.subpact.graphql.report;

/**
 * Wraps text for a terminal: each line breaks at spaces before {@code width} columns; its
 * continuation lines keep the line's own indentation plus a hanging indent. A word longer than the
 * room left (a URL, a path) stays whole on a line of its own rather than being cut.
 */
public final class TextWrap {

  private TextWrap() {}

  /**
   * {@code text} (one or more lines) wrapped at {@code width} columns, continuation lines indented
   * {@code hang} more than the line they continue. A trailing newline is kept.
   */
  public static String wrap(String text, int width, int hang) {
    StringBuilder out = new StringBuilder(text.length() + 64);
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      if (i > 0) {
        out.append('\n');
      }
      wrapLine(lines[i], width, hang, out);
    }
    return out.toString();
  }

  private static void wrapLine(String line, int width, int hang, StringBuilder out) {
    if (line.codePointCount(0, line.length()) <= width) {
      out.append(line);
      return;
    }
    int indent = 0;
    while (indent < line.length() && line.charAt(indent) == ' ') {
      indent++;
    }
    String continuation = " ".repeat(Math.min(indent + hang, width / 2));
    String rest = line;
    String prefix = "";
    while (prefix.length() + columns(rest) > width) {
      int room = width - prefix.length();
      int cut = breakBefore(rest, room, prefix.isEmpty() ? indent : 0);
      if (cut <= 0) {
        int next = rest.indexOf(' ', room);
        if (next < 0) {
          break; // one long word: leave it whole
        }
        cut = next;
      }
      out.append(prefix).append(rest, 0, cut).append('\n');
      rest = rest.substring(cut).stripLeading();
      prefix = continuation;
    }
    out.append(prefix).append(rest);
  }

  /** The last space at or before column {@code room} that is not part of the leading indentation. */
  private static int breakBefore(String text, int room, int indent) {
    int limit = Math.min(room, text.length() - 1);
    for (int i = limit; i > indent; i--) {
      if (text.charAt(i) == ' ' && text.charAt(i - 1) != ' ') {
        return i;
      }
    }
    return -1;
  }

  private static int columns(String text) {
    return text.codePointCount(0, text.length());
  }
}

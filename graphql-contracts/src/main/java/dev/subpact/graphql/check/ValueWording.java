package dev.subpact.graphql.check;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Prints a variable value the way graphql-core's {@code inspect()} prints the Python value that
 * JSON decodes to: {@code 'text'}, {@code 12}, {@code 1.5}, {@code True}, {@code None},
 * {@code ['a', 'b']}, {@code {'k': 1}} (strings cut at 240 characters, collections at 10 items,
 * nesting at depth 2).
 */
final class ValueWording {

  private static final int MAX_STRING = 240;
  private static final int MAX_ITEMS = 10;
  private static final int MAX_DEPTH = 2;

  private ValueWording() {}

  static String inspect(Object value) {
    return inspect(value, 0);
  }

  private static String inspect(Object value, int depth) {
    if (value == null) {
      return "None";
    }
    if (value instanceof Boolean b) {
      return b ? "True" : "False";
    }
    if (value instanceof Double || value instanceof Float || value instanceof BigDecimal) {
      return pythonFloat(((Number) value).doubleValue());
    }
    if (value instanceof Number n) {
      return truncate(new BigInteger(n.toString()).toString());
    }
    if (value instanceof String s) {
      return truncate(pythonString(s));
    }
    if (value instanceof List<?> list) {
      if (list.isEmpty()) {
        return "[]";
      }
      if (depth >= MAX_DEPTH) {
        return "[...]";
      }
      List<String> items = new ArrayList<>();
      for (Object item : truncateItems(list)) {
        items.add(item == ELLIPSIS ? "..." : inspect(item, depth + 1));
      }
      return "[" + String.join(", ", items) + "]";
    }
    if (value instanceof Map<?, ?> map) {
      if (map.isEmpty()) {
        return "{}";
      }
      if (depth >= MAX_DEPTH) {
        return "{...}";
      }
      List<String> items = new ArrayList<>();
      for (Object entry : truncateItems(new ArrayList<>(map.entrySet()))) {
        items.add(entry == ELLIPSIS
            ? "..."
            : inspect(((Map.Entry<?, ?>) entry).getKey(), depth + 1) + ": "
                + inspect(((Map.Entry<?, ?>) entry).getValue(), depth + 1));
      }
      return "{" + String.join(", ", items) + "}";
    }
    return "<" + value.getClass().getSimpleName() + " instance>";
  }

  private static final Object ELLIPSIS = new Object();

  private static List<Object> truncateItems(List<?> items) {
    if (items.size() <= MAX_ITEMS) {
      return new ArrayList<>(items);
    }
    int half = MAX_ITEMS / 2;
    List<Object> out = new ArrayList<>(items.subList(0, half));
    out.add(ELLIPSIS);
    out.addAll(items.subList(items.size() - (MAX_ITEMS - 1 - half), items.size()));
    return out;
  }

  private static String truncate(String s) {
    if (s.length() <= MAX_STRING) {
      return s;
    }
    int i = (MAX_STRING - 3) / 2;
    int j = MAX_STRING - 3 - i;
    return s.substring(0, i) + "..." + s.substring(s.length() - j);
  }

  /** Python's {@code repr(str)}: single quotes unless the text holds a single quote and no double quote. */
  private static String pythonString(String s) {
    char quote = s.indexOf('\'') >= 0 && s.indexOf('"') < 0 ? '"' : '\'';
    StringBuilder out = new StringBuilder().append(quote);
    for (int k = 0; k < s.length(); k++) {
      char c = s.charAt(k);
      switch (c) {
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c == quote) {
            out.append('\\').append(c);
          } else if (c < 0x20 || c == 0x7f) {
            out.append(String.format("\\x%02x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append(quote).toString();
  }

  /** Python's {@code repr(float)}: shortest round-trip digits, {@code 2.0}, {@code 1e+16}, {@code 1e-05}. */
  private static String pythonFloat(double d) {
    if (Double.isNaN(d)) {
      return "nan";
    }
    if (Double.isInfinite(d)) {
      return d > 0 ? "inf" : "-inf";
    }
    BigDecimal exact = new BigDecimal(Double.toString(d)).stripTrailingZeros();
    int exponent = exact.precision() - exact.scale() - 1;
    if (exponent >= -5 && exponent < 16) {
      String plain = exact.toPlainString();
      return plain.contains(".") ? plain : plain + ".0";
    }
    String digits = exact.unscaledValue().abs().toString();
    String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
    String sign = d < 0 ? "-" : "";
    return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + String.format("%02d", Math.abs(exponent));
  }
}

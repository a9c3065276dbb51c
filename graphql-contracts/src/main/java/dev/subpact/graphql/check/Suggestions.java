package dev.subpact.graphql.check;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * graphql-core 3.2's "Did you mean" machinery, reproduced so subpact suggests exactly what the
 * backend suggests: {@code suggestion_list} (optimal-string-alignment distance on lower-cased names,
 * threshold {@code len * 0.4 + 1}, sorted by distance then natural order) and {@code did_you_mean}
 * (at most five, "'a' or 'b'", "'a', 'b', or 'c'").
 */
final class Suggestions {

  private static final int MAX_SUGGESTIONS = 5;

  private Suggestions() {}

  /** The options close enough to {@code input}, best first. */
  static List<String> list(String input, Collection<String> options) {
    Map<String, Integer> byDistance = new LinkedHashMap<>();
    Distance distance = new Distance(input);
    int threshold = (int) (input.length() * 0.4) + 1;
    for (String option : options) {
      int d = distance.measure(option, threshold);
      if (d >= 0) {
        byDistance.put(option, d);
      }
    }
    List<String> sorted = new ArrayList<>(byDistance.keySet());
    sorted.sort(Comparator.<String>comparingInt(byDistance::get).thenComparing(Suggestions::naturalCompare));
    return sorted;
  }

  /** {@code " Did you mean 'a' or 'b'?"}, or {@code ""} without suggestions. */
  static String didYouMean(List<String> suggestions) {
    return didYouMean(suggestions, null);
  }

  /** As {@link #didYouMean(List)}, with a sub-message such as {@code to use an inline fragment on}. */
  static String didYouMean(List<String> suggestions, String subMessage) {
    if (suggestions.isEmpty()) {
      return "";
    }
    StringBuilder out = new StringBuilder(" Did you mean ");
    if (subMessage != null) {
      out.append(subMessage).append(' ');
    }
    List<String> shown = suggestions.subList(0, Math.min(MAX_SUGGESTIONS, suggestions.size()));
    int n = shown.size();
    if (n == 1) {
      out.append('\'').append(shown.get(0)).append("'?");
    } else if (n == 2) {
      out.append('\'').append(shown.get(0)).append("' or '").append(shown.get(1)).append("'?");
    } else {
      for (int i = 0; i < n - 1; i++) {
        out.append('\'').append(shown.get(i)).append("', ");
      }
      out.append("or '").append(shown.get(n - 1)).append("'?");
    }
    return out.toString();
  }

  /**
   * Python's {@code natural_comparison_key}: the name split into text and digit runs, digit runs
   * compared as numbers (then as text), text runs by code point.
   */
  static int naturalCompare(String a, String b) {
    List<String> pa = splitDigits(a);
    List<String> pb = splitDigits(b);
    for (int i = 0; i < Math.min(pa.size(), pb.size()); i++) {
      String x = pa.get(i);
      String y = pb.get(i);
      int c;
      if (i % 2 == 1) {
        c = new java.math.BigInteger(x).compareTo(new java.math.BigInteger(y));
        if (c == 0) {
          c = x.compareTo(y);
        }
      } else {
        c = x.compareTo(y);
      }
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(pa.size(), pb.size());
  }

  /** Like Python's {@code re.split(r"(\d+)", s)}: text, digits, text, … (always odd length). */
  private static List<String> splitDigits(String s) {
    List<String> parts = new ArrayList<>();
    int start = 0;
    int i = 0;
    while (i < s.length()) {
      if (Character.isDigit(s.charAt(i))) {
        int end = i;
        while (end < s.length() && Character.isDigit(s.charAt(end))) {
          end++;
        }
        parts.add(s.substring(start, i));
        parts.add(s.substring(i, end));
        start = end;
        i = end;
      } else {
        i++;
      }
    }
    parts.add(s.substring(start));
    return parts;
  }

  /**
   * graphql-core's {@code LexicalDistance} (optimal string alignment on lower-cased names, early
   * exits included); -1 means "beyond the threshold". Two exact shortcuts skip options that cannot
   * be within the threshold: the length difference, and half the difference of the letter counts
   * (an edit changes that difference by at most two).
   */
  private static final class Distance {
    private final String input;
    private final char[] lower;
    private final int[] counts = new int[128];
    private final boolean ascii;
    private int[] before;
    private int[] up;
    private int[] current;

    Distance(String input) {
      this.input = input;
      this.lower = input.toLowerCase(Locale.ROOT).toCharArray();
      boolean allAscii = true;
      for (char c : lower) {
        if (c < 128) {
          counts[c]++;
        } else {
          allAscii = false;
        }
      }
      this.ascii = allAscii;
      this.before = new int[lower.length + 1];
      this.up = new int[lower.length + 1];
      this.current = new int[lower.length + 1];
    }

    int measure(String option, int threshold) {
      if (input.equals(option)) {
        return 0;
      }
      char[] optionLower = option.toLowerCase(Locale.ROOT).toCharArray();
      if (java.util.Arrays.equals(lower, optionLower)) {
        return 1;
      }
      char[] a = optionLower;
      char[] b = lower;
      if (a.length < b.length) {
        char[] t = a;
        a = b;
        b = t;
      }
      if (a.length - b.length > threshold || (ascii && (letterDifference(optionLower) + 1) / 2 > threshold)) {
        return -1;
      }
      return optimalStringAlignment(a, b, threshold);
    }

    /** The L1 difference of the letter counts of the input and {@code option}; 0 if not ASCII. */
    private int letterDifference(char[] option) {
      int[] diff = counts.clone();
      for (char c : option) {
        if (c >= 128) {
          return 0;
        }
        diff[c]--;
      }
      int total = 0;
      for (int d : diff) {
        total += Math.abs(d);
      }
      return total;
    }

    private int optimalStringAlignment(char[] a, char[] b, int threshold) {
      int aLen = a.length;
      int bLen = b.length;
      int[] twoUp = before;
      int[] oneUp = up;
      int[] row = current;
      for (int j = 0; j <= bLen; j++) {
        oneUp[j] = j;
      }
      for (int i = 1; i <= aLen; i++) {
        int smallest = row[0] = i;
        char ai = a[i - 1];
        for (int j = 1; j <= bLen; j++) {
          int cost = ai == b[j - 1] ? 0 : 1;
          int cell = Math.min(Math.min(oneUp[j] + 1, row[j - 1] + 1), oneUp[j - 1] + cost);
          if (i > 1 && j > 1 && ai == b[j - 2] && a[i - 2] == b[j - 1]) {
            cell = Math.min(cell, twoUp[j - 2] + 1);
          }
          if (cell < smallest) {
            smallest = cell;
          }
          row[j] = cell;
        }
        if (smallest > threshold) {
          return -1;
        }
        int[] recycled = twoUp;
        twoUp = oneUp;
        oneUp = row;
        row = recycled;
      }
      int distance = oneUp[bLen];
      return distance <= threshold ? distance : -1;
    }
  }
}

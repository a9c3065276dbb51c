package dev.subpact.graphql.check;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
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
   * exits included); -1 means "beyond the threshold". Letters are lower-cased in place without
   * copies. Two exact shortcuts skip options that cannot be within the threshold: the length
   * difference, and (for ASCII names, as GraphQL names are) half the difference of the letter counts
   * (one edit changes that difference by at most two).
   */
  private static final class Distance {
    private final String input;
    private final int[] inputLower;
    private final boolean asciiInput;
    private final int[] counts = new int[128];
    private final int[] work = new int[128];
    private int[] optionLower = new int[32];
    private int[] twoUp;
    private int[] oneUp;
    private int[] row;

    Distance(String input) {
      this.input = input;
      this.inputLower = new int[input.length()];
      boolean ascii = true;
      for (int i = 0; i < input.length(); i++) {
        inputLower[i] = lower(input.charAt(i));
        ascii &= input.charAt(i) < 128;
      }
      this.asciiInput = ascii;
      for (int i = 0; ascii && i < inputLower.length; i++) {
        counts[inputLower[i]]++;
      }
      System.arraycopy(counts, 0, work, 0, counts.length);
      this.twoUp = new int[input.length() + 1];
      this.oneUp = new int[input.length() + 1];
      this.row = new int[input.length() + 1];
    }

    int measure(String option, int threshold) {
      if (input.equals(option)) {
        return 0;
      }
      if (input.equalsIgnoreCase(option)) {
        return 1;
      }
      int length = option.length();
      if (Math.abs(length - inputLower.length) > threshold) {
        return -1;
      }
      if (optionLower.length < length) {
        optionLower = new int[length];
      }
      boolean ascii = asciiInput;
      for (int i = 0; i < length; i++) {
        char c = option.charAt(i);
        optionLower[i] = lower(c);
        ascii &= c < 128;
      }
      if (ascii && (letterDifference(length) + 1) / 2 > threshold) {
        return -1;
      }
      return length >= inputLower.length
          ? optimalStringAlignment(optionLower, length, inputLower, inputLower.length, threshold)
          : optimalStringAlignment(inputLower, inputLower.length, optionLower, length, threshold);
    }

    private static int lower(char c) {
      if (c < 128) {
        return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
      }
      return Character.toLowerCase(c);
    }

    /**
     * The L1 difference of the letter counts of the input and the option: {@code work} holds the
     * input's counts; the option's letters are taken off, each letter summed once, and put back.
     */
    private int letterDifference(int length) {
      for (int i = 0; i < length; i++) {
        work[optionLower[i]]--;
      }
      int total = sumOnce(inputLower, inputLower.length) + sumOnce(optionLower, length);
      for (int c : inputLower) {
        work[c] = counts[c];
      }
      for (int i = 0; i < length; i++) {
        work[optionLower[i]] = counts[optionLower[i]];
      }
      return total;
    }

    private int sumOnce(int[] letters, int length) {
      int total = 0;
      for (int i = 0; i < length; i++) {
        int c = letters[i];
        if (work[c] != Integer.MIN_VALUE) {
          total += Math.abs(work[c]);
          work[c] = Integer.MIN_VALUE;
        }
      }
      return total;
    }

    /** graphql-core's rows: {@code a} the longer name, {@code b} the shorter. */
    private int optimalStringAlignment(int[] a, int aLen, int[] b, int bLen, int threshold) {
      for (int j = 0; j <= bLen; j++) {
        oneUp[j] = j;
      }
      for (int i = 1; i <= aLen; i++) {
        int smallest = row[0] = i;
        int ai = a[i - 1];
        int aBefore = i > 1 ? a[i - 2] : -1;
        int bBefore = -1;
        for (int j = 1; j <= bLen; j++) {
          int bj = b[j - 1];
          int cell = Math.min(Math.min(oneUp[j], row[j - 1]) + 1, oneUp[j - 1] + (ai == bj ? 0 : 1));
          if (ai == bBefore && aBefore == bj) {
            cell = Math.min(cell, twoUp[j - 2] + 1);
          }
          if (cell < smallest) {
            smallest = cell;
          }
          row[j] = cell;
          bBefore = bj;
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

package dev.subpact.graphql.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * graphql-core's {@code suggestion_list}, {@code did_you_mean} and {@code inspect}, each expected
 * value printed by graphql-core 3.2.8 itself for the same input.
 */
class SuggestionsAndValueWordingTest {

  @Test
  void suggestsByDistanceThenNaturalOrder() {
    assertThat(Suggestions.list("want_emessage_types", List.of("marketable_name", "marketable_version",
        "inprocess_tool_names", "max_threads", "want_personas", "want_threads", "want_messages", "want_tasks",
        "want_erp_tables", "want_emsg_types", "ws_id_prefix", "group_id")))
        .containsExactly("want_emsg_types", "want_messages");
    assertThat(Suggestions.list("GREEN", List.of("green", "RED", "GREENISH", "GRN")))
        .containsExactly("green", "GRN", "GREENISH", "RED");
    assertThat(Suggestions.list("item", List.of("item10", "item2", "item1", "itemB", "itemA", "item11")))
        .containsExactly("item1", "item2", "itemA", "itemB", "item10", "item11");
    assertThat(Suggestions.list("ab", List.of("ba", "abc", "xy"))).containsExactly("abc", "ba");
  }

  @Test
  void theShortcutsNeverDropAnOptionTheFullDistanceKeeps() {
    java.util.Random random = new java.util.Random(42);
    String alphabet = "aAbeEmsg_t1";
    for (int round = 0; round < 2000; round++) {
      String input = randomName(random, alphabet);
      List<String> options = IntStream.range(0, 12).mapToObj(i -> randomName(random, alphabet)).distinct().toList();
      int threshold = (int) (input.length() * 0.4) + 1;
      List<String> expected = options.stream().filter(o -> fullDistance(input, o) <= threshold).sorted().toList();
      assertThat(Suggestions.list(input, options).stream().sorted().toList()).as(input + " among " + options).isEqualTo(expected);
    }
  }

  private static String randomName(java.util.Random random, String alphabet) {
    StringBuilder name = new StringBuilder();
    for (int i = 0, n = 1 + random.nextInt(12); i < n; i++) {
      name.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return name.toString();
  }

  /** The textbook optimal string alignment distance, case changes counted as graphql-core counts them. */
  private static int fullDistance(String input, String option) {
    if (input.equals(option)) {
      return 0;
    }
    String a = option.toLowerCase(java.util.Locale.ROOT);
    String b = input.toLowerCase(java.util.Locale.ROOT);
    if (a.equals(b)) {
      return 1;
    }
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }

  @Test
  void didYouMeanListsAtMostFive() {
    assertThat(Suggestions.didYouMean(List.of("a", "b", "c", "d", "e", "f")))
        .isEqualTo(" Did you mean 'a', 'b', 'c', 'd', or 'e'?");
    assertThat(Suggestions.didYouMean(List.of("a", "b"))).isEqualTo(" Did you mean 'a' or 'b'?");
    assertThat(Suggestions.didYouMean(List.of())).isEmpty();
    assertThat(Suggestions.didYouMean(List.of("a"), "the enum value")).isEqualTo(" Did you mean the enum value 'a'?");
  }

  @Test
  void inspectsValuesAsPythonPrintsThem() {
    assertThat(ValueWording.inspect(1e16)).isEqualTo("1e+16");
    assertThat(ValueWording.inspect(1.5e-7)).isEqualTo("1.5e-07");
    assertThat(ValueWording.inspect(0.0001)).isEqualTo("0.0001");
    assertThat(ValueWording.inspect(123456789012345678.0)).isEqualTo("1.2345678901234568e+17");
    assertThat(ValueWording.inspect(2.0)).isEqualTo("2.0");
    assertThat(ValueWording.inspect(-0.5)).isEqualTo("-0.5");
    assertThat(ValueWording.inspect("it's")).isEqualTo("\"it's\"");
    assertThat(ValueWording.inspect("say \"hi\"")).isEqualTo("'say \"hi\"'");
    assertThat(ValueWording.inspect("a\nb")).isEqualTo("'a\\nb'");
    assertThat(ValueWording.inspect(null)).isEqualTo("None");
    assertThat(ValueWording.inspect(true)).isEqualTo("True");
    assertThat(ValueWording.inspect(List.of(1, List.of(2, List.of(3))))).isEqualTo("[1, [2, [...]]]");
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("k", List.of(1, 2));
    assertThat(ValueWording.inspect(map)).isEqualTo("{'k': [1, 2]}");
    assertThat(ValueWording.inspect(IntStream.range(0, 12).boxed().toList())).isEqualTo("[0, 1, 2, 3, 4, ..., 8, 9, 10, 11]");
    assertThat(ValueWording.inspect("x".repeat(300))).isEqualTo("'" + "x".repeat(117) + "..." + "x".repeat(118) + "'");
    assertThat(ValueWording.inspect(new java.math.BigInteger("100000000000000000000"))).isEqualTo("100000000000000000000");
  }
}

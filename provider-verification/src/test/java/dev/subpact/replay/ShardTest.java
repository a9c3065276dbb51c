package dev.subpact.replay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.subpact.graphql.operation.Operation;
import dev.subpact.graphql.pact.GraphqlInteraction;
import dev.subpact.graphql.pact.GraphqlPact;
import dev.subpact.graphql.pact.Transport;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code --shard I/N} assigns whole pacts, balanced, the same whatever order the pacts were read in. */
class ShardTest {

  static LongStream seeds() {
    return LongStream.rangeClosed(1, 40);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void everyPactGoesWholeToExactlyOneShardWhateverTheReadingOrder(long seed) {
    Random random = new Random(seed);
    List<GraphqlPact> pacts = randomPacts(random);
    int count = 1 + random.nextInt(6);
    List<GraphqlPact> shuffled = new ArrayList<>(pacts);
    Collections.shuffle(shuffled, random);

    List<String> seen = new ArrayList<>();
    List<Integer> loads = new ArrayList<>();
    for (int i = 1; i <= count; i++) {
      Shard shard = new Shard(i, count);
      List<String> mine = keys(shard.select(pacts));
      assertThat(keys(shard.select(shuffled))).as("seed %d: shard %s depends on the reading order", seed, shard).isEqualTo(mine);
      seen.addAll(mine);
      loads.add(shard.select(pacts).stream().mapToInt(p -> p.interactions().size()).sum());
    }
    assertThat(seen).as("seed %d: every pact in exactly one of %d shards", seed, count).containsExactlyInAnyOrderElementsOf(keys(pacts));
    int largest = pacts.stream().mapToInt(p -> p.interactions().size()).max().orElse(0);
    assertThat(Collections.max(loads) - Collections.min(loads))
        .as("seed %d: shard loads %s differ by more than the largest pact (%d interactions)", seed, loads, largest)
        .isLessThanOrEqualTo(largest);
  }

  @Test
  void moreShardsThanPactsLeavesShardsEmptyAndNeverSplitsAPact() {
    GraphqlPact karen = pact("karen", "20045", 2);
    assertThat(IntStream.rangeClosed(1, 3).mapToObj(i -> new Shard(i, 3).select(List.of(karen)).size()))
        .containsExactly(1, 0, 0);
  }

  @Test
  void biggestPactsAreSpreadFirst() {
    List<GraphqlPact> pacts = List.of(pact("a", "1", 1), pact("b", "1", 5), pact("c", "1", 4), pact("d", "1", 2), pact("e", "1", 2));
    // b(5) -> 1, c(4) -> 2, d(2) -> 2, e(2) -> 1, a(1) -> 2: loads 7 and 7
    assertThat(keys(new Shard(1, 2).select(pacts))).containsExactly("b 1", "e 1");
    assertThat(keys(new Shard(2, 2).select(pacts))).containsExactly("c 1", "d 1", "a 1");
  }

  static List<GraphqlPact> randomPacts(Random random) {
    List<GraphqlPact> pacts = new ArrayList<>();
    int n = random.nextInt(12);
    for (int i = 0; i < n; i++) {
      pacts.add(pact("bot" + random.nextInt(5), String.valueOf(i), random.nextInt(7)));
    }
    return pacts;
  }

  static GraphqlPact pact(String consumer, String version, int interactions) {
    List<GraphqlInteraction> list = new ArrayList<>();
    for (int i = 0; i < interactions; i++) {
      list.add(new GraphqlInteraction("op" + i, List.of(), Operation.of("query Q" + i + " { __typename }", "Q" + i, Map.of()),
          new Transport.Http("/graphql"), List.of()));
    }
    return new GraphqlPact(consumer, "backend", version, list);
  }

  private static List<String> keys(List<GraphqlPact> pacts) {
    return pacts.stream().map(p -> p.consumer() + " " + p.consumerVersion()).toList();
  }
}

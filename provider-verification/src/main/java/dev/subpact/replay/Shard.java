package dev.subpact.replay;

import dev.subpact.graphql.pact.ForeignInteraction;
import dev.subpact.graphql.pact.GraphqlInteraction;
import dev.subpact.graphql.pact.GraphqlPact;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * One of {@code count} deterministic slices of a run ({@code --shard I/N}, 1-based). A shard holds
 * <em>whole pacts</em>, never part of one, so that the verification result it publishes for a pact
 * comes from replaying every interaction of that pact.
 *
 * <p>Assignment: the pacts are sorted by interaction count (largest first), then by consumer,
 * consumer version, provider and interaction descriptions; each in turn goes to the shard with the
 * fewest interactions so far (the lowest-numbered on a tie). The result depends only on the pacts'
 * contents, never on the order they were read in, so N CI jobs on N machines agree on it and
 * together cover every pact exactly once.
 */
public record Shard(int index, int count) {

  public static final Shard ALL = new Shard(1, 1);

  /** The order pacts are assigned in: biggest first, then by identity, then by content. */
  private static final Comparator<GraphqlPact> ASSIGNMENT_ORDER =
      Comparator.comparingInt((GraphqlPact p) -> -size(p))
          .thenComparing(GraphqlPact::consumer)
          .thenComparing(p -> Objects.toString(p.consumerVersion(), ""))
          .thenComparing(GraphqlPact::provider)
          .thenComparing(p -> p.interactions().stream().map(GraphqlInteraction::description).toList(), Shard::lexicographic)
          .thenComparing(p -> p.foreign().stream().map(ForeignInteraction::description).toList(), Shard::lexicographic);

  /** A pact's weight: all its interactions, GraphQL or not (REST ones are verified in the same shard). */
  private static int size(GraphqlPact pact) {
    return pact.interactions().size() + pact.foreign().size();
  }

  public Shard {
    if (count < 1 || index < 1 || index > count) {
      throw new IllegalArgumentException("Shard " + index + "/" + count
          + " does not exist: write I/N with 1 <= I <= N, e.g. 2/4.");
    }
  }

  /** Parses {@code I/N}. */
  public static Shard parse(String text) {
    String[] parts = text.trim().split("/");
    if (parts.length != 2) {
      throw new IllegalArgumentException("'" + text + "' is not a shard: write I/N, e.g. 2/4.");
    }
    try {
      return new Shard(Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("'" + text + "' is not a shard: write I/N with whole numbers, e.g. 2/4.");
    }
  }

  /** The pacts this shard replays, whole, in assignment order; possibly none (more shards than pacts). */
  public List<GraphqlPact> select(List<GraphqlPact> pacts) {
    List<GraphqlPact> ordered = pacts.stream().sorted(ASSIGNMENT_ORDER).toList();
    long[] load = new long[count];
    List<GraphqlPact> mine = new ArrayList<>();
    for (GraphqlPact pact : ordered) {
      int lightest = 0;
      for (int s = 1; s < count; s++) {
        if (load[s] < load[lightest]) {
          lightest = s;
        }
      }
      load[lightest] += size(pact);
      if (lightest == index - 1) {
        mine.add(pact);
      }
    }
    return mine;
  }

  private static int lexicographic(List<String> a, List<String> b) {
    for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
      int c = a.get(i).compareTo(b.get(i));
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(a.size(), b.size());
  }

  @Override
  public String toString() {
    return index + "/" + count;
  }
}

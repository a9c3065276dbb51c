package dev.subpact.stale;

import dev.subpact.graphql.pact.GraphqlInteraction;
import dev.subpact.graphql.pact.GraphqlPact;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The stale-build check (an image built from a stale layer after a rename still sends the old
 * names): compares what a build sends with the consumer's latest contract on its main
 * branch and names every operation, field, argument and variable the build still sends that main no
 * longer does. Needs no schema: it diffs the operations' selection paths.
 */
public final class StaleBuildCheck {

  private StaleBuildCheck() {}

  /** The build's operations that main does not send the same way, in the build's order. */
  public static List<StaleOperation> compare(GraphqlPact build, GraphqlPact main) {
    List<StaleOperation> stale = new ArrayList<>();
    for (GraphqlInteraction interaction : build.interactions()) {
      GraphqlInteraction counterpart = counterpart(interaction, main);
      SortedSet<String> built = SelectionPaths.of(interaction.operation());
      if (counterpart == null) {
        stale.add(new StaleOperation(interaction.description(), true, List.copyOf(built), List.of()));
        continue;
      }
      SortedSet<String> onMain = SelectionPaths.of(counterpart.operation());
      SortedSet<String> onlyInBuild = new TreeSet<>(built);
      onlyInBuild.removeAll(onMain);
      if (!onlyInBuild.isEmpty()) {
        SortedSet<String> onlyOnMain = new TreeSet<>(onMain);
        onlyOnMain.removeAll(built);
        stale.add(new StaleOperation(interaction.description(), false, List.copyOf(onlyInBuild), List.copyOf(onlyOnMain)));
      }
    }
    return stale;
  }

  /**
   * The report, e.g.
   * <pre>
   * chat-bot 1.4.2 still sends what chat-bot's latest contract on main no longer does:
   *   MessageAdded subscription:
   *     - thread_events(want_message_types:)
   *     main sends instead:
   *     + thread_events(want_msg_types:)
   * </pre>
   */
  public static String describe(GraphqlPact build, String mainBranch, List<StaleOperation> stale) {
    if (stale.isEmpty()) {
      return build.consumer() + " " + build.consumerVersion() + " sends nothing that " + build.consumer()
          + "'s latest contract on " + mainBranch + " no longer does.\n";
    }
    StringBuilder out = new StringBuilder();
    out.append(build.consumer()).append(' ').append(build.consumerVersion()).append(" still sends what ")
        .append(build.consumer()).append("'s latest contract with ").append(build.provider()).append(" on ")
        .append(mainBranch).append(" no longer does (a stale build? rebuild from ").append(mainBranch).append("):\n");
    for (StaleOperation operation : stale) {
      out.append("  ").append(operation.description()).append(operation.goneFromMain() ? ": main no longer sends it at all\n" : ":\n");
      if (!operation.goneFromMain()) {
        operation.onlyInBuild().forEach(p -> out.append("    - ").append(p).append('\n'));
        if (!operation.onlyOnMain().isEmpty()) {
          out.append("    main sends instead:\n");
          operation.onlyOnMain().forEach(p -> out.append("    + ").append(p).append('\n'));
        }
      }
    }
    return out.toString();
  }

  private static GraphqlInteraction counterpart(GraphqlInteraction interaction, GraphqlPact main) {
    String name = interaction.operation().operationName();
    for (GraphqlInteraction candidate : main.interactions()) {
      boolean sameName = name == null ? candidate.description().equals(interaction.description())
          : name.equals(candidate.operation().operationName());
      if (sameName && candidate.operation().type() == interaction.operation().type()) {
        return candidate;
      }
    }
    return null;
  }
}

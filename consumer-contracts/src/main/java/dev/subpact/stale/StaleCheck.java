package dev.subpact.stale;

import dev.subpact.broker.client.BrokerClient;
import dev.subpact.graphql.pact.GraphqlPact;
import dev.subpact.graphql.pact.GraphqlPacts;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the stale-build check found for one pact about to be published: the build's pact compared
 * with its consumer's latest contract on the main branch at the broker.
 *
 * @param build the build's pact, labelled with the version about to be published
 * @param mainHasContract whether the broker holds a contract of the consumer on the main branch
 * @param stale what the build still sends that main no longer does
 * @param report the check's report, one paragraph
 */
public record StaleCheck(GraphqlPact build, boolean mainHasContract, List<StaleOperation> stale, String report) {

  public StaleCheck {
    stale = List.copyOf(stale);
  }

  /** Compares each GraphQL pact, as {@code version}, with its consumer's latest contract on {@code mainBranch} at the broker. */
  public static List<StaleCheck> against(BrokerClient broker, List<Path> pactFiles, String version, String mainBranch) {
    List<StaleCheck> checks = new ArrayList<>();
    for (Path file : pactFiles) {
      GraphqlPact build = GraphqlPacts.read(file);
      GraphqlPact labelled = new GraphqlPact(build.consumer(), build.provider(), version, build.interactions());
      Optional<String> main = broker.latestPact(build.provider(), build.consumer(), mainBranch);
      if (main.isEmpty()) {
        checks.add(new StaleCheck(labelled, false, List.of(), build.consumer() + " has no contract with " + build.provider()
            + " on " + mainBranch + " yet: nothing to compare " + version + " with.\n"));
        continue;
      }
      GraphqlPact onMain = GraphqlPacts.parse(main.get(), broker.base() + " (" + build.consumer() + " on " + mainBranch + ")");
      List<StaleOperation> stale = StaleBuildCheck.compare(labelled, onMain);
      checks.add(new StaleCheck(labelled, true, stale, StaleBuildCheck.describe(labelled, mainBranch, stale)));
    }
    return checks;
  }
}

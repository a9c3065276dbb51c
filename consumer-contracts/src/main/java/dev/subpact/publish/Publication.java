package dev.subpact.publish;

import dev.subpact.broker.client.BrokerClient;
import dev.subpact.broker.client.Contract;
import dev.subpact.broker.client.PublishRequest;
import dev.subpact.broker.client.PublishResult;
import dev.subpact.graphql.pact.GraphqlPact;
import dev.subpact.graphql.pact.GraphqlPacts;
import dev.subpact.stale.StaleBuildCheck;
import dev.subpact.stale.StaleOperation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * {@code subpact publish}'s work: the pact files to publish (grouped by consumer, one publish each),
 * the optional stale-build check against each consumer's latest contract on its main branch, and
 * the publishing itself.
 *
 * @param version the consumer version
 * @param branch the consumer's branch, or {@code null}
 * @param tags the version's tags
 * @param buildUrl the CI build URL, or {@code null}
 * @param merge {@code onConflict: merge} instead of overwrite
 */
public record Publication(String version, String branch, List<String> tags, String buildUrl, boolean merge) {

  /** What the stale-build check found for one pact. */
  public record StaleCheck(GraphqlPact build, boolean mainHasContract, List<StaleOperation> stale, String report) {}

  public Publication {
    tags = tags == null ? List.of() : List.copyOf(tags);
  }

  /**
   * The pact files among {@code filesOrDirectories} (directories: every {@code *.json} inside,
   * sorted).
   *
   * @throws IllegalArgumentException naming the path when it is missing or holds no pact
   */
  public static List<Path> pactFiles(List<Path> filesOrDirectories) {
    List<Path> files = new ArrayList<>();
    for (Path path : filesOrDirectories) {
      if (Files.isDirectory(path)) {
        try (Stream<Path> walk = Files.walk(path)) {
          List<Path> found = walk.filter(p -> Files.isRegularFile(p) && p.toString().endsWith(".json")).sorted().toList();
          if (found.isEmpty()) {
            throw new IllegalArgumentException("Pact directory " + path + " holds no *.json pact files.");
          }
          files.addAll(found);
        } catch (IOException e) {
          throw new IllegalArgumentException("Pact directory " + path + " cannot be listed: " + e.getMessage(), e);
        }
      } else if (Files.isRegularFile(path)) {
        files.add(path);
      } else {
        throw new IllegalArgumentException("Pact file " + path + " does not exist.");
      }
    }
    return files;
  }

  /**
   * One publish request per consumer named in the files, consumers sorted.
   *
   * @throws IllegalArgumentException naming the file when one cannot be read or holds no interaction:
   *     published, an empty pact would let its provider "verify" nothing and count that as a pass
   */
  public List<PublishRequest> requests(List<Path> pactFiles) {
    Map<String, List<Contract>> byConsumer = new TreeMap<>();
    for (Path file : pactFiles) {
      Contract contract = Contract.read(file);
      if (contract.isEmpty()) {
        throw new IllegalArgumentException("Pact file " + file + " (" + contract.consumer() + " -> " + contract.provider()
            + ") holds no interactions: published, it would let " + contract.provider() + " \"verify\" nothing and count "
            + "that as a pass. Nothing was published. Capture again with the bot pointed at the capture's URL (subpact "
            + "capture exits 2 and writes no pact when it records nothing), or leave this file out of --pacts.");
      }
      byConsumer.computeIfAbsent(contract.consumer(), c -> new ArrayList<>()).add(contract);
    }
    return byConsumer.values().stream().map(c -> new PublishRequest(version, branch, tags, buildUrl, c, merge)).toList();
  }

  public List<PublishResult> publish(BrokerClient broker, List<Path> pactFiles) {
    return requests(pactFiles).stream().map(broker::publish).toList();
  }

  /** Compares each GraphQL pact with its consumer's latest contract on {@code mainBranch} at the broker. */
  public List<StaleCheck> checkStale(BrokerClient broker, List<Path> pactFiles, String mainBranch) {
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

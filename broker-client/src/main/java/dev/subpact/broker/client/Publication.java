package dev.subpact.broker.client;

import dev.subpact.graphql.SubpactException;
import dev.subpact.graphql.pact.PactFormatException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Publishing pact files: the files to publish (grouped by consumer, one publish each) and the
 * publishing itself. The stale-build check that may come first is the consumer side's
 * ({@code dev.subpact.stale.StaleCheck}).
 *
 * @param version the consumer version
 * @param branch the consumer's branch, or {@code null}
 * @param tags the version's tags
 * @param buildUrl the CI build URL, or {@code null}
 * @param merge {@code onConflict: merge} instead of overwrite
 */
public record Publication(String version, String branch, List<String> tags, String buildUrl, boolean merge) {

  public Publication {
    tags = tags == null ? List.of() : List.copyOf(tags);
  }

  /**
   * The pact files among {@code filesOrDirectories} (directories: every {@code *.json} inside,
   * sorted).
   *
   * @throws SubpactException naming the path when it is missing or holds no pact
   */
  public static List<Path> pactFiles(List<Path> filesOrDirectories) {
    List<Path> files = new ArrayList<>();
    for (Path path : filesOrDirectories) {
      if (Files.isDirectory(path)) {
        try (Stream<Path> walk = Files.walk(path)) {
          List<Path> found = walk.filter(p -> Files.isRegularFile(p) && p.toString().endsWith(".json")).sorted().toList();
          if (found.isEmpty()) {
            throw new SubpactException("Pact directory " + path + " holds no *.json pact files.");
          }
          files.addAll(found);
        } catch (IOException e) {
          throw new SubpactException("Pact directory " + path + " cannot be listed: " + e.getMessage(), e);
        }
      } else if (Files.isRegularFile(path)) {
        files.add(path);
      } else {
        throw new SubpactException("Pact file " + path + " does not exist.");
      }
    }
    return files;
  }

  /**
   * One publish request per consumer named in the files, consumers sorted.
   *
   * @throws PactFormatException naming the file when one cannot be read or holds no interaction:
   *     published, an empty pact would let its provider "verify" nothing and count that as a pass
   */
  public List<PublishRequest> requests(List<Path> pactFiles) {
    Map<String, List<Contract>> byConsumer = new TreeMap<>();
    for (Path file : pactFiles) {
      Contract contract = Contract.read(file);
      if (contract.isEmpty()) {
        throw new PactFormatException("Pact file " + file + " (" + contract.consumer() + " -> " + contract.provider()
            + ") holds no interactions: published, it would let " + contract.provider() + " \"verify\" nothing and count "
            + "that as a pass. Nothing was published. Capture again with the bot pointed at the capture server's URL (a "
            + "capture that records nothing writes no pact), or leave this file out of the pacts to publish.");
      }
      byConsumer.computeIfAbsent(contract.consumer(), c -> new ArrayList<>()).add(contract);
    }
    return byConsumer.values().stream().map(c -> new PublishRequest(version, branch, tags, buildUrl, c, merge)).toList();
  }

  public List<PublishResult> publish(BrokerClient broker, List<Path> pactFiles) {
    return requests(pactFiles).stream().map(broker::publish).toList();
  }
}

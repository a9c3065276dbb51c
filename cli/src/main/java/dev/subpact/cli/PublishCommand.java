package dev.subpact.cli;

import dev.subpact.broker.client.BrokerClient;
import dev.subpact.broker.client.Publication;
import dev.subpact.broker.client.PublishRequest;
import dev.subpact.broker.client.PublishResult;
import dev.subpact.graphql.report.Verbosity;
import dev.subpact.stale.StaleCheck;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code subpact publish}: publishes a consumer version's pacts to a Pact Broker. */
@Command(
    name = "publish",
    mixinStandardHelpOptions = true,
    description = {
      "Publishes pacts to a Pact Broker through POST /contracts/publish (found via the index's pb:publish-contracts), "
          + "or the older PUT flow when the broker lacks it. Retries on 5xx.",
      "With --check-stale, first compares each pact with the consumer's latest contract on --main-branch and names "
          + "what this build still sends that main no longer does: a warning, or exit 1 (nothing published) with --fail-on-stale.",
      "Refuses (exit 2, nothing published) a pact file that holds no interactions: the provider would \"verify\" nothing."
    })
public final class PublishCommand implements Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @CommandLine.Mixin BrokerOptions broker;

  @Option(names = "--pacts", arity = "1..*", description = "Pact files or directories of them.")
  List<Path> pacts;

  @CommandLine.Parameters(arity = "0..*", paramLabel = "PACT", description = "Pact files or directories, named as the official CLI names them (pact-broker publish DIR …).")
  List<Path> pactArguments;

  @Option(names = {"-a", "--consumer-version", "--consumer-app-version"}, required = true, description = "The consumer version (git sha, image tag).")
  String consumerVersion;

  @Option(names = "--branch", description = "The consumer's branch.")
  String branch;

  @Option(names = {"-t", "--tag"}, description = "A tag for the consumer version (repeatable).")
  List<String> tags;

  @Option(names = "--build-url", description = "The CI build that produced the pacts.")
  String buildUrl;

  @Option(names = "--merge", description = "Merge into a pact already published for this version instead of overwriting it.")
  boolean merge;

  @Option(names = "--check-stale", description = "Before publishing, compare with the consumer's latest contract on --main-branch.")
  boolean checkStale;

  @Option(names = "--main-branch", defaultValue = "main", description = "The consumer's main branch for --check-stale. Default: ${DEFAULT-VALUE}.")
  String mainBranch;

  @Option(names = "--fail-on-stale", description = "With --check-stale: exit 1 and publish nothing when the build is stale.")
  boolean failOnStale;

  private List<Path> pactsGiven() {
    List<Path> given = new java.util.ArrayList<>();
    if (pacts != null) {
      given.addAll(pacts);
    }
    if (pactArguments != null) {
      given.addAll(pactArguments);
    }
    if (given.isEmpty()) {
      throw new UserInputException("No pacts to publish: give their files or folders with --pacts DIR (or as arguments, as in pact-broker publish DIR).");
    }
    return given;
  }

  @Override
  public Integer call() {
    PrintWriter stdout = spec.commandLine().getOut();
    PrintWriter stderr = spec.commandLine().getErr();
    BrokerClient client = broker.client();
    Publication publication = new Publication(consumerVersion, branch, tags, buildUrl, merge);
    List<Path> files = Publication.pactFiles(pactsGiven());
    // Read (and refuse: unreadable, no consumer, no interactions) every file before the stale check or any publish.
    List<PublishRequest> requests = publication.requests(files);
    if (checkStale) {
      boolean stale = false;
      for (StaleCheck check : StaleCheck.against(client, files, consumerVersion, mainBranch)) {
        boolean found = !check.stale().isEmpty();
        stale |= found;
        (found ? stderr : stdout).print((found ? (failOnStale ? "error: " : "warning: ") : "") + check.report());
      }
      if (stale && failOnStale) {
        stderr.println("subpact publish: nothing published (--fail-on-stale).");
        return ExitCodes.BROKEN;
      }
    }
    for (PublishResult result : requests.stream().map(client::publish).toList()) {
      stdout.println("Published to " + client.base() + " (" + result.flow() + "):");
      if (Terminal.verbosity(spec) != Verbosity.QUIET) {
        result.messages().forEach(m -> stdout.println("  " + m));
      }
    }
    return ExitCodes.OK;
  }
}

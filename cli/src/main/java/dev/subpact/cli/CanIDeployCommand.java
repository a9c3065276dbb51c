package dev.subpact.cli;

import dev.subpact.broker.client.BrokerClient;
import dev.subpact.broker.client.BrokerException;
import dev.subpact.broker.client.DeploySelector;
import dev.subpact.broker.client.DeployVerdict;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code subpact can-i-deploy}: the broker's deploy gate, with retries while results are missing. */
@Command(
    name = "can-i-deploy",
    description = {
      "Asks the broker whether pacticipant versions can be deployed to an environment: exit 0 yes, 1 no (or still unknown "
          + "after the retries), 2 bad input.",
      "Name one or more versions as the official Pact CLI does: -a P -e V [-a Q -e W …], or -a P --latest [--branch B]."
    })
public final class CanIDeployCommand implements Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @CommandLine.Mixin HelpOption help;

  @CommandLine.Mixin BrokerOptions broker;

  @ArgGroup(exclusive = false, multiplicity = "1..*", heading = "The versions to deploy (repeat the group for several):%n")
  List<Selected> selected;

  /** One pacticipant and which of its versions. */
  static final class Selected {
    @Option(names = {"-a", "--pacticipant"}, required = true, description = "The application (bot or backend) to deploy.")
    String pacticipant;

    @Option(names = {"-e", "--version"}, description = "Its version.")
    String version;

    @Option(names = {"-l", "--latest"}, description = "Its latest version (instead of --version).")
    boolean latest;

    @Option(names = "--branch", description = "With --latest (implied): its latest version on this branch.")
    String branch;

    DeploySelector selector() {
      if (version != null && (latest || branch != null)) {
        throw new UserInputException("--pacticipant " + pacticipant + ": give either --version or --latest/--branch, not both.");
      }
      if (version == null && !latest && branch == null) {
        throw new UserInputException("--pacticipant " + pacticipant + " needs --version V (or --latest, or --branch B for "
            + "the latest version on a branch).");
      }
      return new DeploySelector(pacticipant, version, branch, version == null);
    }
  }

  @Option(names = "--to-environment", required = true, paramLabel = "ENVIRONMENT", description = "The environment, e.g. staging.")
  String environment;

  @Option(names = "--retry-while-unknown", defaultValue = "0", paramLabel = "TIMES",
      description = "How many times to ask again while verification results are missing. Default: ${DEFAULT-VALUE}.")
  int retries;

  @Option(names = "--retry-interval", converter = DurationConverter.class, defaultValue = "10s", paramLabel = "D",
      description = "How long to wait between those tries (a bare number is seconds, as in the official CLI). Default: ${DEFAULT-VALUE}.")
  Duration interval;

  @Option(names = "--dry-run", description = "Print the answer but always exit 0 (to try the gate before enforcing it).")
  boolean dryRun;

  @Option(names = {"-o", "--output"}, defaultValue = "text", paramLabel = "text|table|json",
      description = "text (default; table is the same) or json (the broker's answer).")
  OutputFormat output;

  @Override
  public Integer call() throws InterruptedException {
    List<DeploySelector> selectors = new ArrayList<>();
    selected.forEach(s -> selectors.add(s.selector()));
    if (retries < 0) {
      throw new UserInputException("--retry-while-unknown must be 0 or more, got " + retries + ".");
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    BrokerClient client = broker.client();
    String what = selectors.stream().map(DeploySelector::toString).collect(Collectors.joining(", "));
    try {
      DeployVerdict verdict = client.canIDeploy(selectors, environment);
      for (int attempt = 0; verdict.unknown() && attempt < retries; attempt++) {
        err.println("Verification results are not all there yet; asking again in " + DurationConverter.format(interval) + "…");
        err.flush();
        Thread.sleep(interval.toMillis());
        verdict = client.canIDeploy(selectors, environment);
      }
      if (output == OutputFormat.json) {
        out.println(verdict.json());
      } else {
        verdict.rows().forEach(r -> out.println("  " + r));
        // coloured on a terminal; plain when piped or NO_COLOR is set (picocli's ANSI detection)
        String answer = CommandLine.Help.Ansi.AUTO.string(verdict.yes() ? "@|bold,green yes|@"
            : verdict.unknown() ? "@|bold,yellow unknown|@" : "@|bold,red no|@");
        out.println("can-i-deploy " + what + " to " + environment + ": " + answer
            + (verdict.reason().isBlank() ? "" : " — " + verdict.reason()));
      }
      if (dryRun) {
        err.println("Dry run: exit 0 whatever the answer (drop --dry-run to enforce it).");
        return ExitCodes.OK;
      }
      return verdict.yes() ? ExitCodes.OK : ExitCodes.BROKEN;
    } catch (BrokerException e) {
      throw new UserInputException(e.getMessage(), e);
    }
  }
}

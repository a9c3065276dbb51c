package dev.subpact.cli;

import dev.subpact.broker.client.BrokerClient;
import dev.subpact.broker.client.BrokerException;
import dev.subpact.broker.client.DeployVerdict;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code subpact can-i-deploy}: the broker's deploy gate, with retries while results are missing. */
@Command(
    name = "can-i-deploy",
    mixinStandardHelpOptions = true,
    description = "Asks the broker whether a pacticipant version can be deployed to an environment: exit 0 yes, 1 no (or still unknown after the retries).")
public final class CanIDeployCommand implements Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @CommandLine.Mixin BrokerOptions broker;

  @Option(names = "--pacticipant", required = true, description = "The application (bot or backend) to deploy.")
  String pacticipant;

  @Option(names = "--version", required = true, description = "Its version.")
  String version;

  @Option(names = "--to-environment", required = true, description = "The environment, e.g. staging.")
  String environment;

  @Option(names = "--retry-while-unknown", defaultValue = "0", description = "How many times to ask again while verification results are missing. Default: ${DEFAULT-VALUE}.")
  int retries;

  @Option(names = "--retry-interval", converter = DurationConverter.class, defaultValue = "10s", description = "How long to wait between those tries. Default: ${DEFAULT-VALUE}.")
  Duration interval;

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    BrokerClient client = broker.client();
    try {
      DeployVerdict verdict = client.canIDeploy(pacticipant, version, environment);
      for (int attempt = 0; verdict.unknown() && attempt < retries; attempt++) {
        out.println("Verification results are not all there yet; asking again in " + DurationConverter.format(interval) + "…");
        out.flush();
        Thread.sleep(interval.toMillis());
        verdict = client.canIDeploy(pacticipant, version, environment);
      }
      verdict.rows().forEach(r -> out.println("  " + r));
      String answer = verdict.yes() ? "yes" : verdict.unknown() ? "unknown" : "no";
      out.println("can-i-deploy " + pacticipant + " " + version + " to " + environment + ": " + answer
          + (verdict.reason().isBlank() ? "" : " — " + verdict.reason()));
      return verdict.yes() ? ExitCodes.OK : ExitCodes.BROKEN;
    } catch (BrokerException e) {
      throw new UserInputException(e.getMessage(), e);
    }
  }
}

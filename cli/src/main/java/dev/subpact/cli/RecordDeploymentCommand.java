package dev.subpact.cli;

import dev.subpact.broker.client.BrokerException;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code subpact record-deployment}: tells the broker a version now runs in an environment. */
@Command(
    name = "record-deployment",
    mixinStandardHelpOptions = true,
    description = "Records that a pacticipant version is deployed to an environment (it replaces the version deployed there before).")
public final class RecordDeploymentCommand implements Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @CommandLine.Mixin BrokerOptions broker;

  @Option(names = "--pacticipant", required = true, description = "The application (bot or backend).")
  String pacticipant;

  @Option(names = "--version", required = true, description = "The version deployed.")
  String version;

  @Option(names = "--environment", required = true, description = "The environment, e.g. staging.")
  String environment;

  @Override
  public Integer call() {
    try {
      broker.client().recordDeployment(pacticipant, version, environment);
    } catch (BrokerException e) {
      throw new UserInputException(e.getMessage(), e);
    }
    spec.commandLine().getOut().println("Recorded " + pacticipant + " " + version + " as deployed to " + environment + ".");
    return ExitCodes.OK;
  }
}

package dev.subpact.cli;

import dev.subpact.broker.client.BrokerException;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code subpact record-deployment}: tells the broker a version now runs in an environment. */
@Command(
    name = "record-deployment",
    description = "Records that a pacticipant version is deployed to an environment (it replaces the version deployed there before).")
public final class RecordDeploymentCommand implements Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @CommandLine.Mixin HelpOption help;

  @CommandLine.Mixin BrokerOptions broker;

  @CommandLine.Mixin PacticipantVersion target;

  @Override
  public Integer call() {
    try {
      broker.client().recordDeployment(target.pacticipant, target.version, target.environment);
    } catch (BrokerException e) {
      throw new UserInputException(e.getMessage(), e);
    }
    spec.commandLine().getOut().println("Recorded " + target + " as deployed to " + target.environment + ".");
    return ExitCodes.OK;
  }
}

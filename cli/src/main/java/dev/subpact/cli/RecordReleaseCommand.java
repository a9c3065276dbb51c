package dev.subpact.cli;

import dev.subpact.broker.client.BrokerException;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code subpact record-release}: tells the broker a version is released (and supported) in an environment. */
@Command(
    name = "record-release",
    description = "Records that a pacticipant version is released to an environment (earlier releases there stay supported until record-support-ended).")
public final class RecordReleaseCommand implements Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @CommandLine.Mixin HelpOption help;

  @CommandLine.Mixin BrokerOptions broker;

  @CommandLine.Mixin PacticipantVersion target;

  @Override
  public Integer call() {
    try {
      broker.client().recordRelease(target.pacticipant, target.version, target.environment);
    } catch (BrokerException e) {
      throw new UserInputException(e.getMessage(), e);
    }
    spec.commandLine().getOut().println("Recorded " + target + " as released to " + target.environment + ".");
    return ExitCodes.OK;
  }
}

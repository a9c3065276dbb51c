package dev.subpact.cli;

import dev.subpact.broker.client.BrokerException;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code subpact record-support-ended}: a released version is no longer supported in an environment. */
@Command(
    name = "record-support-ended",
    description = "Records that a released pacticipant version is no longer supported in an environment (can-i-deploy stops counting it).")
public final class RecordSupportEndedCommand implements Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @CommandLine.Mixin HelpOption help;

  @CommandLine.Mixin BrokerOptions broker;

  @CommandLine.Mixin PacticipantVersion target;

  @Override
  public Integer call() {
    try {
      broker.client().recordSupportEnded(target.pacticipant, target.version, target.environment);
    } catch (BrokerException e) {
      throw new UserInputException(e.getMessage(), e);
    }
    spec.commandLine().getOut().println("Recorded the end of support of " + target + " in " + target.environment + ".");
    return ExitCodes.OK;
  }
}

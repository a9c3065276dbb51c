package dev.subpact.cli;

import dev.subpact.broker.client.BrokerClient;
import dev.subpact.broker.client.BrokerException;
import java.util.concurrent.Callable;
import picocli.CommandLine;

/**
 * What {@code record-deployment}, {@code record-release} and {@code record-support-ended} share: the
 * broker, the pacticipant version and its environment, one broker call, one line saying what was
 * recorded.
 */
abstract class EnvironmentRecord implements Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @CommandLine.Mixin HelpOption help;

  @CommandLine.Mixin BrokerOptions broker;

  @CommandLine.Mixin PacticipantVersion target;

  /** Records it at the broker. */
  abstract void record(BrokerClient client, PacticipantVersion target);

  /** The line printed once it is recorded. */
  abstract String recorded(PacticipantVersion target);

  @Override
  public Integer call() {
    try {
      record(broker.client(), target);
    } catch (BrokerException e) {
      throw new UserInputException(e.getMessage(), e);
    }
    spec.commandLine().getOut().println(recorded(target));
    return ExitCodes.OK;
  }
}

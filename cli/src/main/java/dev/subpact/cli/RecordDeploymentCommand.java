package dev.subpact.cli;

import dev.subpact.broker.client.BrokerClient;
import picocli.CommandLine.Command;

/** {@code subpact record-deployment}: tells the broker a version now runs in an environment. */
@Command(
    name = "record-deployment",
    description = "Records that a pacticipant version is deployed to an environment (it replaces the version deployed there before).")
public final class RecordDeploymentCommand extends EnvironmentRecord {

  @Override
  void record(BrokerClient client, PacticipantVersion target) {
    client.recordDeployment(target.pacticipant, target.version, target.environment);
  }

  @Override
  String recorded(PacticipantVersion target) {
    return "Recorded " + target + " as deployed to " + target.environment + ".";
  }
}

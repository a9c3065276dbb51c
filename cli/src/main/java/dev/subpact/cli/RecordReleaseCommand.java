package dev.subpact.cli;

import dev.subpact.broker.client.BrokerClient;
import picocli.CommandLine.Command;

/** {@code subpact record-release}: tells the broker a version is released (and supported) in an environment. */
@Command(
    name = "record-release",
    description = "Records that a pacticipant version is released to an environment (earlier releases there stay supported until record-support-ended).")
public final class RecordReleaseCommand extends EnvironmentRecord {

  @Override
  void record(BrokerClient client, PacticipantVersion target) {
    client.recordRelease(target.pacticipant, target.version, target.environment);
  }

  @Override
  String recorded(PacticipantVersion target) {
    return "Recorded " + target + " as released to " + target.environment + ".";
  }
}

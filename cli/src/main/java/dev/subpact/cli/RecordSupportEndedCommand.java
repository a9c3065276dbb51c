package dev.subpact.cli;

import dev.subpact.broker.client.BrokerClient;
import picocli.CommandLine.Command;

/** {@code subpact record-support-ended}: a released version is no longer supported in an environment. */
@Command(
    name = "record-support-ended",
    description = "Records that a released pacticipant version is no longer supported in an environment (can-i-deploy stops counting it).")
public final class RecordSupportEndedCommand extends EnvironmentRecord {

  @Override
  void record(BrokerClient client, PacticipantVersion target) {
    client.recordSupportEnded(target.pacticipant, target.version, target.environment);
  }

  @Override
  String recorded(PacticipantVersion target) {
    return "Recorded the end of support of " + target + " in " + target.environment + ".";
  }
}

package dev.subpact.cli;

import picocli.CommandLine.Option;

/** A pacticipant version in an environment: the options every {@code record-*} command shares, named as the official Pact CLI names them. */
public final class PacticipantVersion {

  @Option(names = {"-a", "--pacticipant"}, required = true, description = "The application (bot or backend).")
  String pacticipant;

  @Option(names = {"-e", "--version"}, required = true, description = "Its version (git sha, image tag).")
  String version;

  @Option(names = "--environment", required = true, description = "The environment, e.g. staging (create it with create-environment).")
  String environment;

  @Override
  public String toString() {
    return pacticipant + " " + version;
  }
}

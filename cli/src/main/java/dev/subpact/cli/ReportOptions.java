package dev.subpact.cli;

import dev.subpact.graphql.report.ReportFormat;
import java.nio.file.Path;
import java.util.Locale;
import picocli.CommandLine.Option;

/** {@code --format}, {@code --output} and {@code --enable-pending}: how {@code check} and {@code verify} write and judge their report. */
final class ReportOptions {

  @Option(names = "--format", defaultValue = "text", paramLabel = "text|json|junit|github|gitlab",
      description = "Report format (default: ${DEFAULT-VALUE}).")
  String format;

  @Option(names = "--output", paramLabel = "FILE", description = "Write the report to FILE instead of standard output.")
  Path output;

  @Option(names = "--enable-pending", description = "Pact's pending pacts (as Pact JVM's pactbroker.enablePending; off by default): a pact the broker marked pending "
          + "(`subpact pacts` writes metadata.subpact.pending) is reported, and published as failed when it fails, but does not fail the run.")
  boolean enablePending;

  /** The format asked for. */
  ReportFormat format() {
    return parse(format, "text, json, junit, github or gitlab");
  }

  /** The report format {@code name} names, case-insensitively; else a user error listing {@code choices}. */
  static ReportFormat parse(String name, String choices) {
    try {
      return ReportFormat.valueOf(name.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new UserInputException("Unknown --format '" + name + "': use " + choices + " (GitLab's code-quality JSON).");
    }
  }
}

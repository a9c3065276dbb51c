package dev.subpact.cli;

import dev.subpact.graphql.report.JobSummary;
import dev.subpact.graphql.report.Report;
import dev.subpact.graphql.report.RunInfo;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.Function;

/**
 * Where a rendered report goes: {@code --output FILE}, else standard output; and, in a GitHub
 * Actions job, the Markdown job summary appended to {@code $GITHUB_STEP_SUMMARY}.
 */
final class ReportOutput {

  /** The file GitHub Actions shows on the job's summary page (set by the runner in every step). */
  static final String STEP_SUMMARY = "GITHUB_STEP_SUMMARY";

  private ReportOutput() {}

  /**
   * Appends the job summary to {@code $GITHUB_STEP_SUMMARY} when the variable is set, whatever the
   * report's format; a summary that cannot be written is a warning, never a changed verdict.
   */
  static void jobSummary(PrintWriter err, Report report, RunInfo run, Function<String, String> env) {
    String file = env.apply(STEP_SUMMARY);
    if (file == null || file.isBlank()) {
      return;
    }
    try {
      Files.writeString(Path.of(file), JobSummary.render(report, run), StandardCharsets.UTF_8,
          StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException | RuntimeException e) {
      err.println("warning: the job summary could not be appended to $" + STEP_SUMMARY + " (" + file + "): " + e.getMessage());
      err.flush();
    }
  }

  static void write(PrintWriter out, Path output, String rendered) {
    if (output == null) {
      out.print(rendered);
      out.flush();
      return;
    }
    try {
      Files.writeString(output, rendered, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UserInputException("Cannot write the report to " + output + ": " + e.getMessage(), e);
    }
  }
}

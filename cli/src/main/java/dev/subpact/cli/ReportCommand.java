package dev.subpact.cli;

import dev.subpact.graphql.report.Report;
import dev.subpact.graphql.report.ReportFormat;
import dev.subpact.graphql.report.RunInfo;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code subpact report}: work on the reports {@code check} and {@code verify} write. */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description = "Works on the JSON reports check and verify write (--format json).",
    subcommands = {ReportCommand.Merge.class})
public final class ReportCommand implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** {@code subpact report merge}: the shards' JSON reports as one. */
  @Command(
      name = "merge",
      mixinStandardHelpOptions = true,
      description = {
        "Merges the JSON reports of `verify --shard I/N` jobs (--format json) into one report, the same as one unsharded",
        "run's: results in the run's order (consumer, interaction, consumer version), so a CI shows one result.",
        "Exit 0: every interaction passed; 1: something breaks; 2: bad input (a report unreadable, from another schema,",
        "or an interaction in two reports)."
      })
  static final class Merge implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Option(names = "--format", defaultValue = "json", paramLabel = "json|junit|text|github|gitlab",
        description = "Format of the merged report (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--output", paramLabel = "FILE", description = "Write the merged report to FILE instead of standard output.")
    Path output;

    @Parameters(arity = "1..*", paramLabel = "REPORT", description = "The shards' JSON reports.")
    List<Path> reports;

    @Override
    public Integer call() {
      ReportFormat reportFormat = ReportOptions.parse(format, "json, junit, text, github or gitlab");
      List<Report> shards = new ArrayList<>();
      for (Path file : reports) {
        try {
          shards.add(Report.readJson(Files.readString(file, StandardCharsets.UTF_8), file.toString()));
        } catch (NoSuchFileException e) {
          throw new UserInputException("Report " + file + " does not exist: pass the files `verify --format json --output F` wrote.");
        } catch (IOException e) {
          throw new UserInputException("Report " + file + " cannot be read: " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
          throw new UserInputException(e.getMessage() + " (`subpact verify --format json --output FILE` writes one)", e);
        }
      }
      Report merged;
      try {
        merged = Report.merge(shards);
      } catch (IllegalArgumentException e) {
        throw new UserInputException(e.getMessage(), e);
      }
      ReportOutput.write(spec.commandLine().getOut(), output, reportFormat.render(merged, Terminal.layout(spec, output == null),
          RunInfo.of("verify")));
      return merged.ok() ? ExitCodes.OK : ExitCodes.BROKEN;
    }
  }
}

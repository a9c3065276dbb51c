package dev.subpact.cli;

import dev.subpact.graphql.check.CheckInputException;
import dev.subpact.graphql.check.StaticGate;
import dev.subpact.graphql.report.Report;
import dev.subpact.graphql.report.ReportFormat;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code subpact check}: the static gate. Options and printing only; the work is {@link StaticGate}. */
@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    description = {
      "Validates every operation the consumers send (their pacts, or .graphql documents) against the backend's schema,",
      "worded as graphql-core 3.2 (Strawberry) words it, with rename fixes, deprecation warnings and schema lint.",
      "Exit 0: all pass; 1: something breaks; 2: bad input."
    })
public final class CheckCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--schema", required = true, paramLabel = "<sdl|introspection.json|url>",
      description = "The backend's schema: an SDL file, an introspection-result JSON file, or an http(s) URL to introspect.")
  String schema;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Inputs inputs;

  static final class Inputs {
    @Option(names = "--pacts", arity = "1..*", paramLabel = "<dir|file>",
        description = "Pact files, or folders searched for *.json pacts.")
    List<Path> pacts;

    @Option(names = "--documents", arity = "1..*", paramLabel = "<file|dir>",
        description = "GraphQL documents, or folders searched for *.graphql; a sibling .json may give operationName and variables.")
    List<Path> documents;
  }

  @Option(names = "--format", defaultValue = "text", paramLabel = "text|json|junit|github",
      description = "Report format (default: ${DEFAULT-VALUE}).")
  String format;

  @Option(names = "--output", paramLabel = "FILE", description = "Write the report to FILE instead of standard output.")
  Path output;

  @Option(names = "--header", paramLabel = "NAME=VALUE",
      description = "With --schema <url>: a request header (e.g. Authorization=Bearer …) sent with the introspection. Repeatable. Never printed.")
  List<String> headers;

  @Option(names = "--header-env", paramLabel = "NAME=VAR",
      description = "With --schema <url>: a request header whose value is read from environment variable VAR. Repeatable.")
  List<String> headersFromEnv;

  @Override
  public Integer call() {
    ReportFormat reportFormat = reportFormat();
    Report report;
    try {
      Map<String, String> requestHeaders = RequestHeaders.parse(headers, headersFromEnv, System::getenv);
      report = inputs.pacts != null
          ? StaticGate.checkPacts(schema, requestHeaders, inputs.pacts)
          : StaticGate.checkDocuments(schema, requestHeaders, inputs.documents);
    } catch (CheckInputException e) {
      throw new UserInputException(e.getMessage(), e);
    }
    if (output == null) {
      PrintWriter out = spec.commandLine().getOut();
      try {
        reportFormat.write(report, out);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      out.flush();
    } else {
      try (Writer out = Files.newBufferedWriter(output, StandardCharsets.UTF_8)) {
        reportFormat.write(report, out);
      } catch (IOException e) {
        throw new UserInputException("Cannot write the report to " + output + ": " + e.getMessage(), e);
      }
    }
    return report.ok() ? ExitCodes.OK : ExitCodes.BROKEN;
  }

  private ReportFormat reportFormat() {
    try {
      return ReportFormat.valueOf(format.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new UserInputException("Unknown --format '" + format + "': use text, json, junit or github.");
    }
  }
}

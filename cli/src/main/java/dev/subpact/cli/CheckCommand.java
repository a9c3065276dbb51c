package dev.subpact.cli;

import dev.subpact.graphql.check.CheckInputException;
import dev.subpact.graphql.gate.StaticGate;
import dev.subpact.graphql.pact.GraphqlPacts;
import dev.subpact.graphql.report.Report;
import dev.subpact.graphql.report.ReportFormat;
import dev.subpact.graphql.report.RunInfo;
import java.time.Instant;
import dev.subpact.graphql.schema.Schema;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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
      "Interactions that are not GraphQL (REST, messages) are listed as not checked and never fail.",
      "No contracts (an empty pact folder) passes unless --fail-if-no-pacts.",
      "Exit 0: all pass; 1: something breaks; 2: bad input; 3: internal error."
    })
public final class CheckCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--schema", required = true, paramLabel = "<sdl|introspection.json|url>",
      description = "The backend's schema: an SDL file, an introspection-result JSON file, or an http(s) URL to introspect.")
  String schema;

  @Mixin BaselineOption baseline;

  @Option(names = "--provider", paramLabel = "NAME", description = "With --baseline broker: the provider (backend) whose schema to compare with.")
  String provider;

  @Mixin BrokerOptions broker;

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

  @Mixin ReportOptions reporting;

  @picocli.CommandLine.Mixin NoPactsOption noPacts;

  @Mixin FixStyleOption fixStyles;

  @Mixin HeaderOptions headers;

  @Override
  public Integer call() {
    Instant started = Instant.now();
    ReportFormat reportFormat = reporting.format();
    Report report;
    try {
      Map<String, String> requestHeaders = headers.headers();
      if (baseline.fromBroker()) {
        Schema fromBroker = baseline.fromBroker(provider, broker);
        report = inputs.pacts != null
            ? StaticGate.checkPacts(schema, requestHeaders, fixStyles.styles(), fromBroker, inputs.pacts, reporting.enablePending)
            : StaticGate.checkDocuments(schema, requestHeaders, fixStyles.styles(), fromBroker, inputs.documents);
      } else {
        report = inputs.pacts != null
            ? StaticGate.checkPacts(schema, requestHeaders, fixStyles.styles(), baseline.source, inputs.pacts, reporting.enablePending)
            : StaticGate.checkDocuments(schema, requestHeaders, fixStyles.styles(), baseline.source, inputs.documents);
      }
    } catch (CheckInputException e) {
      throw new UserInputException(e.getMessage(), e);
    }
    ReportOutput.write(spec.commandLine().getOut(), reporting.output, reportFormat.render(report, Terminal.layout(spec, reporting.output == null),
        RunInfo.endingNow("check", started)));
    ReportOutput.jobSummary(spec.commandLine().getErr(), report, RunInfo.of("check"), System::getenv);
    if (inputs.pacts != null && report.results().isEmpty() && report.ok()) {
      return noPacts.conclude(null, GraphqlPacts.readAll(inputs.pacts, true), spec.commandLine().getErr());
    }
    return report.ok() ? ExitCodes.OK : ExitCodes.BROKEN;
  }
}

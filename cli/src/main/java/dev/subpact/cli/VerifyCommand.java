package dev.subpact.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.subpact.broker.client.BrokerException;
import dev.subpact.broker.client.Publication;
import dev.subpact.broker.client.VerificationResults;
import dev.subpact.graphql.check.Finding;
import dev.subpact.graphql.pact.GraphqlPact;
import dev.subpact.graphql.pact.GraphqlPacts;
import dev.subpact.graphql.report.InteractionReport;
import dev.subpact.graphql.report.Report;
import dev.subpact.graphql.report.ReportFormat;
import dev.subpact.graphql.report.RunInfo;
import java.time.Instant;
import dev.subpact.graphql.schema.SchemaLoader;
import dev.subpact.replay.ReplayConfig;
import dev.subpact.replay.ReplayEngine;
import dev.subpact.replay.Shard;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code subpact verify}: live replay. Options and printing only; the work is {@link ReplayEngine}. */
@Command(
    name = "verify",
    mixinStandardHelpOptions = true,
    description = {
      "Replays every consumer interaction against a running backend build as the bots do it: subscriptions over",
      "WebSocket (graphql-transport-ws or subscriptions-transport-ws, wire name graphql-ws, offered in the pact's order), queries and mutations over",
      "HTTP; provider states via --state-url; each expected message matched with Pact's matching rules. REST interactions",
      "of other consumers are verified by Pact JVM's HTTP provider verifier; messages and plugin interactions are reported",
      "not verified (a failure, never published as verified).",
      "No contracts (an empty pact folder) passes unless --fail-if-no-pacts.",
      "Exit 0: all pass; 1: something breaks; 2: bad input; 3: internal error."
    })
public final class VerifyCommand implements Callable<Integer> {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Spec CommandSpec spec;

  @Option(names = "--backend", required = true, paramLabel = "ws://host:port/v1/graphql",
      description = "The backend's GraphQL WebSocket endpoint.")
  URI backend;

  @Option(names = "--http", paramLabel = "http://host:port/v1/graphql",
      description = {"The backend's GraphQL HTTP endpoint (default: --backend with http/https).",
          "Its origin also serves the REST interactions of the pact set, which Pact JVM's HTTP verifier verifies."})
  URI http;

  @Option(names = "--state-url", paramLabel = "URL",
      description = "Receives POST {\"state\",\"params\",\"action\":\"setup\"|\"trigger\"|\"teardown\"} for each provider state.")
  URI stateUrl;

  @ArgGroup(exclusive = true)
  InitPayload initPayload;

  static final class InitPayload {
    @Option(names = "--init-payload", paramLabel = "JSON", description = "The connection_init payload (e.g. an API key). Never printed.")
    String json;

    @Option(names = "--init-payload-env", paramLabel = "VAR", description = "Read the connection_init payload JSON from environment variable VAR.")
    String env;
  }

  @Mixin HeaderOptions headers;

  @Option(names = "--pacts", required = true, arity = "1..*", paramLabel = "<dir|file>",
      description = "Pact files, or folders searched for *.json pacts.")
  List<Path> pacts;

  @Option(names = "--schema", paramLabel = "<sdl|introspection.json|url>",
      description = "The backend's schema, for the full static error list of a rejected operation (default: introspect --http).")
  String schema;

  @Option(names = "--concurrency", defaultValue = "" + ReplayConfig.DEFAULT_CONCURRENCY, paramLabel = "N",
      description = "Interactions replayed at once (default: ${DEFAULT-VALUE}).")
  int concurrency;

  @Option(names = "--timeout", defaultValue = "10s", converter = DurationConverter.class, paramLabel = "D",
      description = "How long one interaction may take (default: ${DEFAULT-VALUE}).")
  Duration timeout;

  @Option(names = "--settle", defaultValue = "250ms", converter = DurationConverter.class, paramLabel = "D",
      description = "How long a subscription with no expected message listens for an error; it is accepted only if it also validates against the build's schema (--schema or introspection), else unconfirmed; grows with the backend's slowest answer (default: ${DEFAULT-VALUE}).")
  Duration settle;

  @Option(names = "--live-window", defaultValue = "100ms", converter = DurationConverter.class, paramLabel = "D",
      description = "How long after subscribe without error, complete or close (or until a first result) before the subscription counts as live and the trigger state change is posted; grows with the backend's slowest answer (default: ${DEFAULT-VALUE}).")
  Duration liveWindow;

  @Option(names = "--run-timeout", defaultValue = "10m", converter = DurationConverter.class, paramLabel = "D",
      description = "The whole run ends by then, whatever happens (default: ${DEFAULT-VALUE}).")
  Duration runTimeout;

  @Option(names = "--shard", paramLabel = "I/N", description = "Replay only the I-th of N shards (parallel CI jobs): whole pacts, balanced by interaction count, the same on every machine.")
  String shard;

  @Mixin ReportOptions reporting;

  @Option(names = "--publish-results", description = "Publish one verification result per pact to the broker it came from (pacts fetched with `subpact pacts`).")
  boolean publishResults;

  @Option(names = "--provider-version", paramLabel = "V", description = "With --publish-results: this backend build's version (git sha, image tag).")
  String providerVersion;

  @Option(names = "--provider-branch", paramLabel = "B", description = "With --publish-results: this backend build's branch.")
  String providerBranch;

  @Option(names = "--build-url", paramLabel = "URL", description = "With --publish-results: the CI build that verified.")
  String buildUrl;

  @Option(names = "--provider", paramLabel = "P",
      description = {"The provider the pacts are for: named when there is nothing to verify; with --publish-results and",
          "--provider-branch, this build's version is recorded on its branch even then (so can-i-deploy knows it)."})
  String provider;

  @picocli.CommandLine.Mixin NoPactsOption noPacts;

  @picocli.CommandLine.Mixin FixStyleOption fixStyles;

  @picocli.CommandLine.Mixin BaselineOption baseline;

  @picocli.CommandLine.Mixin BrokerOptions broker;

  @Override
  public Integer call() {
    Instant started = Instant.now();
    checkBeforeReplay();
    ReportFormat reportFormat = reporting.format();
    Shard runShard = shard();
    ReplayConfig.Builder config = ReplayConfig.builder(websocketUrl())
        .httpUrl(http)
        .stateUrl(stateUrl)
        .initPayload(initPayload())
        .timeout(timeout)
        .settle(settle)
        .liveWindow(liveWindow)
        .runTimeout(runTimeout)
        .shard(runShard)
        .fixStyles(fixStyles.styles());
    Map<String, String> requestHeaders = headers.headers();
    requestHeaders.forEach(config::header);
    if (concurrency < 1) {
      throw new UserInputException("--concurrency must be at least 1, not " + concurrency + ".");
    }
    config.concurrency(concurrency);
    if (schema != null) {
      config.schema(SchemaLoader.load(schema, requestHeaders));
    }
    config.baseline(baseline.load(provider, broker));
    List<GraphqlPact> contracts = GraphqlPacts.readAll(pacts, true);
    if (runShard.select(contracts).isEmpty() && !contracts.isEmpty()) {
      Terminal.info(spec, "shard " + runShard + " holds none of the " + contracts.size()
          + " pacts (each pact is replayed whole by one shard): nothing to replay, nothing to publish.");
    }
    Report report;
    int total = runShard.select(contracts).stream().mapToInt(p -> p.interactions().size() + p.foreign().size()).sum();
    try (VerifyProgress progress = VerifyProgress.start(Terminal.verbosity(spec), Terminal.interactive(), total,
        spec.commandLine().getErr(), System.err, Terminal.width(), System::nanoTime)) {
      report = ReplayEngine.run(config.build(), contracts, progress);
    }
    if (reporting.enablePending) {
      report = report.withPending(contracts.stream().filter(GraphqlPact::pending).toList());
    }
    report.schemaFindings().stream().filter(f -> !f.isError())
        .forEach(f -> Terminal.info(spec, "warning: " + f.message()));
    ReportOutput.write(spec.commandLine().getOut(), reporting.output, reportFormat.render(report, Terminal.layout(spec, reporting.output == null),
        RunInfo.endingNow("verify", started)));
    ReportOutput.jobSummary(spec.commandLine().getErr(), report, RunInfo.of("verify"), System::getenv);
    SettingHint.line(SettingHint.VERIFY, findingMessages(report)).ifPresent(hint -> Terminal.info(spec, hint));
    if (NoPactsOption.nothingToVerify(contracts)) {
      if (publishResults) {
        recordVersionOnly(contracts);
      }
      return noPacts.conclude(provider, contracts, spec.commandLine().getErr());
    }
    if (publishResults) {
      publish(report);
    }
    return report.ok() ? ExitCodes.OK : ExitCodes.BROKEN;
  }

  /** Every finding's message and fix in {@code report}: the run's own and each interaction's errors and warnings. */
  private static List<String> findingMessages(Report report) {
    List<Finding> findings = new ArrayList<>(report.schemaFindings());
    for (InteractionReport r : report.results()) {
      findings.addAll(r.errors());
      findings.addAll(r.warnings());
    }
    List<String> messages = new ArrayList<>();
    for (Finding f : findings) {
      messages.add(f.message());
      if (f.fix() != null) {
        messages.add(f.fix());
      }
    }
    return messages;
  }

  /** What can be seen wrong before a replay that may take minutes: its results would be lost. */
  private void checkBeforeReplay() {
    if (publishResults) {
      if (providerVersion == null || providerVersion.isBlank()) {
        throw new UserInputException("--publish-results needs --provider-version (this build's git sha or image tag); nothing was replayed.");
      }
      broker.client();
    }
    if (reporting.output != null) {
      Preflight.writableFile(reporting.output, "--output");
    }
  }

  private void publish(Report report) {
    try {
      for (VerificationResults.Published p : VerificationResults.publish(broker.client(), report, Publication.pactFiles(pacts),
          providerVersion, providerBranch, buildUrl)) {
        Terminal.info(spec, p.describe(providerVersion));
      }
    } catch (BrokerException e) {
      // 400: a pact file without the results link, i.e. not fetched from a broker
      throw new UserInputException(e.getMessage() + (e.status() == 400 ? " (`subpact pacts --provider P --out DIR` fetches them)" : ""), e);
    }
  }

  /** Nothing to publish: only this build's version on its branch, when the provider is known. */
  private void recordVersionOnly(List<GraphqlPact> contracts) {
    if (providerVersion == null || providerVersion.isBlank()) {
      throw new UserInputException("--publish-results needs --provider-version (this build's git sha or image tag).");
    }
    List<String> named = contracts.stream().map(GraphqlPact::provider).distinct().toList();
    String name = provider != null ? provider : named.size() == 1 ? named.get(0) : null;
    if (providerBranch == null || name == null) {
      Terminal.info(spec, "nothing to publish: no verification results"
          + (name == null ? " (name the provider with --provider to record " + providerVersion + " at the broker)" : ""));
      return;
    }
    try {
      broker.client().recordBranch(name, providerVersion, providerBranch);
    } catch (BrokerException e) {
      throw new UserInputException(e.getMessage(), e);
    }
    Terminal.info(spec, "nothing to publish: recorded " + name + " " + providerVersion + " on branch " + providerBranch);
  }

  private URI websocketUrl() {
    String scheme = backend.getScheme();
    if (!"ws".equals(scheme) && !"wss".equals(scheme)) {
      throw new UserInputException("--backend " + backend + " is not a WebSocket URL: write ws://host:port/v1/graphql (or wss://).");
    }
    return backend;
  }

  private JsonNode initPayload() {
    if (initPayload == null) {
      return null;
    }
    String text = initPayload.json;
    String origin = "--init-payload";
    if (initPayload.env != null) {
      text = System.getenv(initPayload.env);
      origin = "environment variable " + initPayload.env + " (--init-payload-env)";
      if (text == null) {
        throw new UserInputException("Environment variable " + initPayload.env + " is not set (--init-payload-env): export it with the connection_init payload JSON, e.g. {\"apiKey\": \"…\"}.");
      }
    }
    try {
      JsonNode payload = JSON.readTree(text);
      if (payload == null || !payload.isObject()) {
        throw new UserInputException(origin + " is not a JSON object: connection_init needs e.g. {\"apiKey\": \"…\"}.");
      }
      return payload;
    } catch (JsonProcessingException e) {
      // the text may be a secret: say where it is wrong, never what it is
      throw new UserInputException(origin + " is not valid JSON (line " + e.getLocation().getLineNr() + ", column "
          + e.getLocation().getColumnNr() + "); connection_init needs e.g. {\"apiKey\": \"…\"}.");
    }
  }

  private Shard shard() {
    if (shard == null) {
      return Shard.ALL;
    }
    try {
      return Shard.parse(shard);
    } catch (IllegalArgumentException e) {
      throw new UserInputException("--shard: " + e.getMessage());
    }
  }
}

package dev.subpact.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.subpact.broker.BrokerConfig;
import dev.subpact.broker.PactBroker;
import dev.subpact.broker.RunningBroker;
import dev.subpact.broker.client.BrokerAuth;
import dev.subpact.broker.client.BrokerClient;
import dev.subpact.broker.client.DeployVerdict;
import dev.subpact.broker.client.PactForVerification;
import dev.subpact.broker.client.Publication;
import dev.subpact.broker.client.VerificationResults;
import dev.subpact.capture.CaptureListener;
import dev.subpact.capture.CaptureServer;
import dev.subpact.capture.CaptureSettings;
import dev.subpact.consumer.GraphqlContract;
import dev.subpact.graphql.gate.StaticGate;
import dev.subpact.graphql.pact.GraphqlPact;
import dev.subpact.graphql.pact.GraphqlPacts;
import dev.subpact.graphql.report.Report;
import dev.subpact.graphql.report.TextLayout;
import dev.subpact.graphql.report.TextWrap;
import dev.subpact.graphql.report.Verbosity;
import dev.subpact.graphql.schema.SchemaLoader;
import dev.subpact.incident.Incident;
import dev.subpact.incident.Incident.ClientKit;
import dev.subpact.incident.IncidentBot;
import dev.subpact.reference.BackendOptions;
import dev.subpact.reference.Build;
import dev.subpact.reference.ReferenceBackend;
import dev.subpact.replay.ReplayConfig;
import dev.subpact.replay.ReplayEngine;
import dev.subpact.stale.StaleCheck;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The outage of 2026-01-30 replayed end to end on embedded defaults: subpact's broker on SQLite in
 * a temporary folder, the reference backend's builds, the bots captured from a stand-in that
 * speaks as they do. Every step prints what a person wants to read and records the verdicts the
 * story requires ({@link #play()}).
 */
public final class IncidentDemo implements AutoCloseable {

  /** The deploy environment of the story. */
  public static final String STAGING = "staging";

  private static final String BEFORE_RENAME_BUILD = "staging.2026-01-29T09-30-00Z";
  private static final String ALIASED_BUILD = "staging.2026-01-31T12-05-00Z";
  private static final String NO_ALIASES_BUILD = "staging.2026-02-09T10-00-00Z";
  private static final String API_KEY = "demo-bot-api-key";
  private static final String MAIN = "main";

  private final Path work;
  private final RunningBroker broker;
  private final BrokerClient client;
  private final PrintStream out;
  private final TextLayout layout;
  private final List<StepVerdict> verdicts = new ArrayList<>();
  private int step;

  private IncidentDemo(Path work, RunningBroker broker, PrintStream out, TextLayout layout) {
    this.work = work;
    this.broker = broker;
    this.client = BrokerClient.of(URI.create(broker.url()), BrokerAuth.none());
    this.out = out;
    this.layout = layout;
  }

  /**
   * Starts the embedded broker on 127.0.0.1:{@code port} (0: any free port) over SQLite in a
   * temporary folder. The story is told as {@code layout} says: wrapped to its width; at
   * {@link Verbosity#NORMAL} in about 100 lines (each bot named, lists summed up), at
   * {@link Verbosity#VERBOSE} with every capture, every can-i-deploy row and every fix, at
   * {@link Verbosity#QUIET} only its verdict.
   */
  public static IncidentDemo start(int port, PrintStream out, TextLayout layout) throws IOException {
    Path work = Files.createTempDirectory("subpact-demo");
    RunningBroker broker = PactBroker.start(BrokerConfig.local(port, "sqlite:" + work.resolve("broker.db")));
    return new IncidentDemo(work, broker, out, layout);
  }

  /** The broker's dashboard. */
  public String dashboardUrl() {
    return broker.url() + "/";
  }

  /** Plays the five steps of the story. */
  public DemoResult play() {
    say("subpact demo: the rename of 2026-01-30 (want_emessage_types → want_emsg_types)");
    say("broker " + broker.url() + " (SQLite in " + work + ")");
    client.environment(STAGING, false);
    beforeTheRename();
    theRenamedBuild();
    theAliasedBuild();
    theClientKitMoves();
    removingTheAliases();
    DemoResult result = new DemoResult(verdicts);
    long held = verdicts.stream().filter(StepVerdict::held).count();
    say("");
    print((result.ok() ? "Every step ended as the story says" : "SOME STEPS DID NOT END AS THE STORY SAYS")
        + " (" + held + "/" + verdicts.size() + " verdicts).");
    return result;
  }

  // ---------------------------------------------------------------- the story

  private void beforeTheRename() {
    section("The ten bots as they ran before the rename");
    List<String> published = new ArrayList<>();
    for (IncidentBot bot : Incident.BOTS) {
      GraphqlPact pact = captureAndPublish(bot, ClientKit.BEFORE_RENAME, bot.version());
      published.add(bot.name() + " " + bot.version());
      expect(pact.interactions().size() == 2, bot.name() + " " + bot.version() + " captured with its two operations");
    }
    summed("  captured and published (KarenThreads, DeleteEmessages; emessage_*): ", published);
    for (IncidentBot bot : Incident.BOTS) {
      client.recordDeployment(bot.name(), bot.version(), STAGING);
    }
    say("  recorded the ten bots as deployed to the environment " + STAGING);
    Release release = release("before-rename", BEFORE_RENAME_BUILD, Build.named("before-rename"), mainAndDeployed());
    expect(release.staticReport().ok() && release.liveReport().ok(), "the before-rename build passes every bot contract");
    expect(release.verdict().yes(), "can-i-deploy says yes for the before-rename build");
    deploy(Incident.PROVIDER, BEFORE_RENAME_BUILD);
  }

  private void theRenamedBuild() {
    section("Backend build " + Incident.RENAMED_BUILD + ": want_emessage_types and emessage_* renamed");
    Release release = release("renamed", Incident.RENAMED_BUILD, Build.named("renamed"), mainAndDeployed());
    say("");
    say(BreakTable.render(release.staticReport(), release.liveReport(), layout.verbosity()).stripTrailing());
    expect(brokenBots(release.staticReport()).size() == 10, "the static check fails all ten bots");
    expect(brokenBots(release.liveReport()).size() == 10, "live replay fails all ten bots");
    expect(!release.verdict().yes() && !release.verdict().unknown(), "can-i-deploy says no for the renamed build");
    say("  not deployed: " + Incident.RENAMED_BUILD + " never reaches " + STAGING);
  }

  private void theAliasedBuild() {
    section("Backend build " + ALIASED_BUILD + ": the recommended fix, old names kept as @deprecated aliases");
    Build aliased = Build.named("aliased");
    Release release = release("aliased", ALIASED_BUILD, aliased, mainAndDeployed());
    int warnings = release.staticReport().summary().warnings();
    expect(release.staticReport().ok() && warnings > 0, "the aliased build passes with deprecation warnings");
    expect(release.liveReport().ok(), "live replay passes every bot against the aliased build");
    expect(release.verdict().yes(), "can-i-deploy says yes for the aliased build");
    deploy(Incident.PROVIDER, ALIASED_BUILD);
    JsonNode bySchema = client.publishSchema(Incident.PROVIDER, ALIASED_BUILD, aliased.sdl());
    say("  schema published to the broker: " + bySchema.path("verifiedBySchema").size() + " contracts verified by schema");
    List<String> stillUsed = client.deprecatedUsage(Incident.PROVIDER);
    say("  deprecated and still in use (" + stillUsed.size() + "), e.g.:");
    stillUsed.stream().filter(s -> s.contains("emessage_id`")).limit(layout.verbosity() == Verbosity.VERBOSE ? 3 : 1).forEach(s -> say("    " + s));
    expect(stillUsed.stream().anyMatch(s -> s.contains("FExternalMessageOutput.emessage_id") && s.contains("adspy 80015")),
        "the broker knows adspy 80015 in staging still uses the deprecated emessage_id");
  }

  private void theClientKitMoves() {
    section("The client kit moves to emsg_*: the bots are rebuilt");
    List<String> rebuilt = new ArrayList<>();
    for (IncidentBot bot : Incident.BOTS) {
      if (!bot.name().equals("adspy")) {
        captureAndPublish(bot, ClientKit.AFTER_RENAME, rebuilt(bot));
        rebuilt.add(bot.name() + " " + rebuilt(bot));
      }
    }
    summed("  captured and published (emsg_*): ", rebuilt);
    String adspySource = "5e1f2a7";
    GraphqlPact fromSource = adspyContractFromSource(adspySource);
    publish(fromSource, adspySource);
    say("  adspy main " + adspySource + ": its consumer test publishes the contract from the bot's own .graphql (emsg_*)");
    verifyDeployedBackend(ALIASED_BUILD, Build.named("aliased"));
    List<String> deployed = new ArrayList<>();
    for (IncidentBot bot : Incident.BOTS) {
      if (!bot.name().equals("adspy")) {
        DeployVerdict verdict = canIDeploy(bot.name(), rebuilt(bot));
        if (verdict.yes()) {
          deploy(bot.name(), rebuilt(bot));
          deployed.add(bot.name() + " " + rebuilt(bot));
        }
        expect(verdict.yes(), bot.name() + " " + rebuilt(bot) + " is verified and deployed");
      }
    }
    summed("  can-i-deploy YES and record-deployment to " + STAGING + ": ", deployed);
    IncidentBot adspy = Incident.bot("adspy");
    GraphqlPact stale = capture(adspy, ClientKit.BEFORE_RENAME, "80016");
    say("  adspy 80016, built from a stale Docker layer, still sends:");
    StaleCheck check = StaleCheck.against(client, List.of(write(stale, "stale")), "80016", MAIN).get(0);
    if (layout.verbosity() == Verbosity.VERBOSE) {
      check.report().lines().forEach(l -> say("    " + l));
    } else {
      say("    " + check.report().lines().findFirst().orElse(""));
      check.stale().forEach(op -> say("      " + op.description() + ": " + op.onlyInBuild().size() + " selection"
          + (op.onlyInBuild().size() == 1 ? "" : "s") + " main no longer sends, e.g. " + op.onlyInBuild().get(0)));
    }
    expect(!check.stale().isEmpty(), "the stale-build check names what adspy 80016 still sends that main no longer does");
    say("  adspy 80016 not published (--fail-on-stale); adspy 80015 stays the deployed adspy");
  }

  private void removingTheAliases() {
    section("Backend build " + NO_ALIASES_BUILD + ": the aliases removed");
    Build noAliases = Build.named("renamed").withSdl("no-aliases", sdl -> sdl);
    Release first = release("no-aliases", NO_ALIASES_BUILD, noAliases, mainAndDeployed());
    expect(!first.verdict().yes() && first.verdict().rows().stream().anyMatch(r -> r.startsWith("adspy 80015") && r.endsWith("failed")),
        "can-i-deploy says no while adspy 80015 runs in staging");
    IncidentBot adspy = Incident.bot("adspy");
    say("  adspy 80017, a clean rebuild (docker build --no-cache), captured and published (emsg_*)");
    captureAndPublish(adspy, ClientKit.AFTER_RENAME, "80017");
    verifyDeployedBackend(ALIASED_BUILD, Build.named("aliased"));
    DeployVerdict adspyVerdict = canIDeploy("adspy", "80017");
    if (adspyVerdict.yes()) {
      deploy("adspy", "80017");
    }
    expect(adspyVerdict.yes(), "adspy 80017 is verified and replaces adspy 80015 in staging");
    Release second = release("no-aliases", NO_ALIASES_BUILD, noAliases, mainAndDeployed());
    expect(second.verdict().yes(), "can-i-deploy says yes for the build without aliases once adspy 80015 is replaced");
    if (second.verdict().yes()) {
      deploy(Incident.PROVIDER, NO_ALIASES_BUILD);
    }
  }

  // ---------------------------------------------------------------- bot side

  private static String rebuilt(IncidentBot bot) {
    return String.valueOf(Integer.parseInt(bot.version()) + 1);
  }

  private GraphqlPact captureAndPublish(IncidentBot bot, ClientKit kit, String version) {
    GraphqlPact pact = capture(bot, kit, version);
    publish(pact, version);
    detail("  captured and published " + pad(bot.name(), 15) + " " + pad(version, 6) + " "
        + pact.interactions().stream().map(i -> i.operation().label()).sorted(Comparator.reverseOrder()).toList()
        + (kit == ClientKit.BEFORE_RENAME ? "  (emessage_*)" : "  (emsg_*)"));
    return pact;
  }

  /** What the built bot really sends: a capture server stands in for the backend while the bot runs. */
  private GraphqlPact capture(IncidentBot bot, ClientKit kit, String version) {
    CaptureSettings settings = CaptureSettings.of(bot.name(), version).withProvider(Incident.PROVIDER).withPath(Incident.PATH);
    try (CaptureServer capture = CaptureServer.start("127.0.0.1", 0, settings, CaptureListener.NONE)) {
      BotStandIn.run(Incident.contract(bot, kit, version), capture.webSocketUrl(), capture.httpUrl(), API_KEY);
      return capture.pact();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot start the capture for " + bot.name(), e);
    }
  }

  private GraphqlPact adspyContractFromSource(String version) {
    IncidentBot adspy = Incident.bot("adspy");
    return GraphqlContract.between(adspy.name(), Incident.PROVIDER)
        .consumerVersion(version)
        .subscription("KarenThreads subscription")
        .documentResource(ClientKit.AFTER_RENAME.subscription().resource().replace(".json", ".graphql"))
        .operationName("KarenThreads")
        .variables(Incident.subscriptionVariables(adspy, ClientKit.AFTER_RENAME))
        .overWebSocket(Incident.BOT_SUBPROTOCOLS.toArray(String[]::new))
        .and()
        .mutation("DeleteEmessages mutation")
        .documentResource(ClientKit.AFTER_RENAME.mutation().resource().replace(".json", ".graphql"))
        .operationName("DeleteEmessages")
        .variables(Incident.mutationVariables(adspy))
        .and()
        .toPact();
  }

  private void publish(GraphqlPact pact, String version) {
    Publication publication = new Publication(version, MAIN, List.of(), null, false);
    publication.publish(client, List.of(write(pact, "publish")));
  }

  // ---------------------------------------------------------------- backend side

  /** One backend build through the backend pipeline: static check, live replay, results, can-i-deploy. */
  private record Release(Report staticReport, Report liveReport, DeployVerdict verdict) {}

  private static List<ObjectNode> mainAndDeployed() {
    JsonNodeFactory f = JsonNodeFactory.instance;
    return List.of(f.objectNode().put("mainBranch", true), f.objectNode().put("deployedOrReleased", true));
  }

  private Release release(String label, String version, Build build, List<ObjectNode> selectors) {
    List<PactForVerification> pacts = client.pactsForVerification(Incident.PROVIDER, selectors, MAIN, false);
    say("  backend " + label + " (" + version + "): " + pacts.size() + " contracts to verify");
    detail("    (the pacts for verification: main branches and deployed versions)");
    Verification verification = verify(version, build, pacts);
    say("    static check (its schema): " + summary(verification.staticReport()));
    say("    live replay (WebSocket):   " + summary(verification.liveReport()));
    DeployVerdict verdict = canIDeploy(Incident.PROVIDER, version);
    return new Release(verification.staticReport(), verification.liveReport(), verdict);
  }

  private void verifyDeployedBackend(String version, Build build) {
    List<PactForVerification> pacts = client.pactsForVerification(Incident.PROVIDER,
        List.of(JsonNodeFactory.instance.objectNode().put("mainBranch", true)), MAIN, false);
    Verification verification = verify(version, build, pacts);
    say("  the deployed backend (" + version + ") verified main's contracts: " + summary(verification.liveReport()));
  }

  private record Verification(Report staticReport, Report liveReport) {}

  private Verification verify(String version, Build build, List<PactForVerification> pacts) {
    Path dir = directory("verify");
    List<Path> files = new ArrayList<>();
    List<GraphqlPact> parsed = new ArrayList<>();
    for (int i = 0; i < pacts.size(); i++) {
      Path file = dir.resolve(String.format("%03d-%s.json", i, pacts.get(i).consumer()));
      writeString(file, pacts.get(i).content());
      files.add(file);
      parsed.add(GraphqlPacts.read(file));
    }
    Path schema = dir.resolve("schema.graphql");
    writeString(schema, build.sdl());
    Report statics = StaticGate.checkPacts(schema.toString(), files);
    Report live;
    // No key required: with one the backend also wants 'Authorization: Bearer KEY' on HTTP, which the replay does not send yet.
    try (ReferenceBackend backend = ReferenceBackend.start(build, "127.0.0.1", 0, BackendOptions.DEFAULTS)) {
      ReplayConfig config = ReplayConfig.builder(backend.websocketUrl())
          .httpUrl(backend.httpUrl())
          .stateUrl(backend.stateUrl())
          .initPayload(JsonNodeFactory.instance.objectNode().put("apiKey", API_KEY))
          .schema(SchemaLoader.fromSdl(build.sdl(), build.name()))
          .build();
      live = ReplayEngine.run(config, parsed);
    }
    // As `subpact verify --publish-results`: the live replay's verdict per pact, to the link the broker served with it.
    VerificationResults.publish(client, live, files, version, MAIN, null);
    return new Verification(statics, live);
  }

  private DeployVerdict canIDeploy(String pacticipant, String version) {
    DeployVerdict verdict = client.canIDeploy(pacticipant, version, STAGING);
    String answer = verdict.yes() ? "YES" : verdict.unknown() ? "UNKNOWN" : "NO";
    String line = "  can-i-deploy " + pacticipant + " " + version + " to " + STAGING + ": " + answer;
    if (verdict.yes() && !pacticipant.equals(Incident.PROVIDER)) {
      detail(line); // a bot's yes: summed up by the step
    } else {
      say(line);
    }
    List<String> failing = verdict.rows().stream().filter(r -> !r.endsWith(": verified")).toList();
    if (failing.size() > 2 && layout.verbosity() != Verbosity.VERBOSE) {
      String suffix = " → " + pacticipant + " " + version + ": failed";
      summed("    " + failing.size() + " failed: ", failing.stream().map(r -> r.endsWith(suffix) ? r.substring(0, r.length() - suffix.length()) : r).toList());
    } else {
      failing.forEach(r -> say("    " + r));
    }
    return verdict;
  }

  private void deploy(String pacticipant, String version) {
    client.recordDeployment(pacticipant, version, STAGING);
    String line = "  record-deployment " + pacticipant + " " + version + " to " + STAGING;
    if (pacticipant.equals(Incident.PROVIDER) || pacticipant.equals("adspy")) {
      say(line);
    } else {
      detail(line); // a rebuilt bot: summed up by the step
    }
  }

  // ---------------------------------------------------------------- printing and bookkeeping

  private void section(String title) {
    step++;
    say("");
    say("Step " + step + ". " + title);
  }

  private void expect(boolean held, String expectation) {
    verdicts.add(new StepVerdict(step, expectation, held));
    if (!held) {
      print("  ✗ expected: " + expectation);
    }
  }

  /** A line of the story (not with --quiet), wrapped to the width. */
  private void say(String line) {
    if (layout.verbosity() != Verbosity.QUIET) {
      print(line);
    }
  }

  /** A detail the story sums up elsewhere: told with --verbose only. */
  private void detail(String line) {
    if (layout.verbosity() == Verbosity.VERBOSE) {
      print(line);
    }
  }

  /** A list told in one wrapped line, unless --verbose already told each item. */
  private void summed(String label, List<String> items) {
    if (layout.verbosity() != Verbosity.VERBOSE) {
      say(label + String.join(", ", items));
    }
  }

  /** Whatever the verbosity (failed expectations, the final verdict). */
  private void print(String line) {
    out.println(TextWrap.wrap(line, layout.width(), 4));
  }

  private static List<String> brokenBots(Report report) {
    Map<String, Boolean> bots = new LinkedHashMap<>();
    report.results().stream().filter(r -> !r.ok()).forEach(r -> bots.put(r.consumer() + " " + r.consumerVersion(), true));
    return List.copyOf(bots.keySet());
  }

  /** E.g. "20 operations, 20 broken (10 bots), 120 errors": counts that are zero are left out. */
  private static String summary(Report report) {
    Report.Summary s = report.summary();
    return s.operations() + " operations, " + s.broken() + " broken"
        + (s.broken() > 0 ? " (" + bots(brokenBots(report).size()) + ")" : "")
        + (s.errors() > 0 ? ", " + s.errors() + " errors" : "")
        + (s.warnings() > 0 ? ", " + s.warnings() + " warnings" : "");
  }

  private static String bots(int count) {
    return count + (count == 1 ? " bot" : " bots");
  }

  private static String pad(String text, int width) {
    return text.length() >= width ? text : text + " ".repeat(width - text.length());
  }

  private Path write(GraphqlPact pact, String purpose) {
    try {
      return GraphqlPacts.writeTo(directory(purpose), pact);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Path directory(String purpose) {
    try {
      return Files.createTempDirectory(work, purpose + "-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void writeString(Path file, String text) {
    try {
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Stops the broker and deletes the temporary folder. */
  @Override
  public void close() {
    broker.close();
    try (Stream<Path> files = Files.walk(work)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // the folder is in the system's temporary directory: leaving it behind is harmless
    }
  }
}

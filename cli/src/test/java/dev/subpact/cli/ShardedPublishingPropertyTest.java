package dev.subpact.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.subpact.reference.Build;
import dev.subpact.reference.ReferenceBackend;
import dev.subpact.broker.BrokerConfig;
import dev.subpact.broker.PactBroker;
import dev.subpact.broker.RunningBroker;
import dev.subpact.broker.client.BrokerAuth;
import dev.subpact.broker.client.BrokerClient;
import dev.subpact.graphql.pact.GraphqlInteraction;
import dev.subpact.graphql.pact.GraphqlPact;
import dev.subpact.graphql.pact.GraphqlPacts;
import dev.subpact.incident.Incident;
import dev.subpact.incident.IncidentBot;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Property: for a random set of pacts whose failing interactions are known (an interaction built
 * from the client kit before the rename breaks on the {@code renamed} build, one built after it
 * passes), verified by N = 1..5 shards that finish in a random order, the matrix of subpact's broker
 * after every shard has published equals the matrix after one unsharded run, and so does
 * can-i-deploy. Replay is the real engine against the reference backend; the matrix is the broker's
 * own {@code /matrix} over HTTP. Each case names its seed, so a failure is reproduced by its seed alone.
 */
class ShardedPublishingPropertyTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path dir;
  private static RunningBroker broker;
  private static ReferenceBackend backend;

  @BeforeAll
  static void start() {
    broker = PactBroker.start(BrokerConfig.local(0, "sqlite:" + dir.resolve("broker.db")));
    backend = ReferenceBackend.start(Build.named("renamed"), 0);
  }

  @AfterAll
  static void stop() {
    backend.close();
    broker.close();
  }

  static LongStream seeds() {
    return LongStream.rangeClosed(1, 10);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void shardsFinishingInAnyOrderPublishTheUnshardedRunsMatrix(long seed) throws Exception {
    Random random = new Random(seed);
    int shards = 1 + (int) ((seed - 1) % 5);
    String trial = "trial-" + seed;
    BrokerClient client = BrokerClient.of(URI.create(broker.url()), BrokerAuth.none());
    client.environment(trial, false);

    // a random set of pacts, each interaction from a random client kit: the failing ones are known
    List<IncidentBot> bots = new ArrayList<>(Incident.BOTS);
    Collections.shuffle(bots, random);
    TreeMap<String, Boolean> expected = new TreeMap<>();
    for (IncidentBot bot : bots.subList(0, 1 + random.nextInt(6))) {
      String version = seed + "." + bot.name();
      GraphqlPact before = Incident.contract(bot, Incident.ClientKit.BEFORE_RENAME, version);
      GraphqlPact after = Incident.contract(bot, Incident.ClientKit.AFTER_RENAME, version);
      List<GraphqlInteraction> interactions = new ArrayList<>();
      boolean passes = true;
      for (int i = 0; i < before.interactions().size(); i++) {
        int pick = random.nextInt(3); // 0: left out, 1: breaks, 2: passes
        if (pick == 1 || (pick == 0 && interactions.isEmpty() && i == before.interactions().size() - 1)) {
          interactions.add(before.interactions().get(i));
          passes = false;
        } else if (pick == 2) {
          interactions.add(after.interactions().get(i));
        }
      }
      Path folder = Files.createDirectories(dir.resolve(trial).resolve(bot.name()));
      GraphqlPacts.writeTo(folder, new GraphqlPact(bot.name(), Incident.PROVIDER, version, interactions));
      run("publish", "--pacts", folder.toString(), "--consumer-version", version, "--branch", trial);
      run("record-deployment", "--pacticipant", bot.name(), "--version", version, "--environment", trial);
      expected.put(bot.name() + " " + version, passes);
    }
    Path fetched = dir.resolve(trial).resolve("fetched");
    run("pacts", "--provider", Incident.PROVIDER, "--selector", "branch=" + trial, "--out", fetched.toString());

    verify(fetched, "whole-" + seed, null);
    List<Integer> order = new ArrayList<>(IntStream.rangeClosed(1, shards).boxed().toList());
    Collections.shuffle(order, random);
    for (int shard : order) {
      verify(fetched, "sharded-" + seed, shard + "/" + shards);
    }

    String why = "seed " + seed + ", " + shards + " shard(s) finishing in order " + order + ", pacts " + expected;
    TreeMap<String, Boolean> whole = matrix("whole-" + seed);
    assertThat(whole).as("%s: the unsharded run publishes each pact's known verdict", why).isEqualTo(expected);
    assertThat(matrix("sharded-" + seed)).as("%s: the sharded runs' matrix", why).isEqualTo(whole);
    assertThat(canIDeploy("sharded-" + seed, trial)).as(why).isEqualTo(canIDeploy("whole-" + seed, trial))
        .isEqualTo(!expected.containsValue(false));
  }

  private static void verify(Path pacts, String providerVersion, String shard) {
    List<String> args = new ArrayList<>(List.of("verify", "--backend", backend.websocketUrl().toString(),
        "--state-url", backend.stateUrl().toString(), "--pacts", pacts.toString(), "--publish-results",
        "--provider-version", providerVersion, "--format", "json",
        // a subscription expecting no event is accepted when no error arrives within --settle (issue 10 item 8, the replay
        // area's to fix): at the default 250 ms a cold, loaded run accepted slonik's breaking subscription (seed 1)
        "--settle", "1500ms"));
    if (shard != null) {
      args.addAll(List.of("--shard", shard));
    }
    int exit = execute(args);
    assertThat(exit).as("verify %s", String.join(" ", args)).isIn(ExitCodes.OK, ExitCodes.BROKEN);
  }

  private static void run(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    assertThat(execute(all)).as(String.join(" ", all)).isZero();
  }

  private static int execute(List<String> args) {
    List<String> all = new ArrayList<>(args);
    all.addAll(List.of("--broker", broker.url()));
    CommandLine cli = SubpactCommand.commandLine();
    StringWriter out = new StringWriter();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(out, true));
    return cli.execute(all.toArray(String[]::new));
  }

  /** The broker's matrix rows for one provider version: "consumer version" → verification success. */
  private static TreeMap<String, Boolean> matrix(String providerVersion) throws Exception {
    String query = "q[][pacticipant]=" + enc(Incident.PROVIDER) + "&q[][version]=" + enc(providerVersion);
    JsonNode body = get("/matrix?" + query);
    TreeMap<String, Boolean> rows = new TreeMap<>();
    for (JsonNode row : body.path("matrix")) {
      String consumer = row.path("consumer").path("name").asText() + " " + row.path("consumer").path("version").path("number").asText();
      Boolean previous = rows.put(consumer, row.path("verificationResult").path("success").asBoolean());
      assertThat(previous).as("one row per consumer version in %s", body).isNull();
    }
    return rows;
  }

  private static boolean canIDeploy(String providerVersion, String environment) throws Exception {
    JsonNode body = get("/can-i-deploy?pacticipant=" + enc(Incident.PROVIDER) + "&version=" + enc(providerVersion)
        + "&environment=" + enc(environment));
    return body.path("summary").path("deployable").asBoolean(false);
  }

  private static JsonNode get(String path) throws Exception {
    HttpResponse<String> response = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create(broker.url() + path)).header("Accept", "application/hal+json").build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}

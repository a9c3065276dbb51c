package dev.subpact.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.subpact.broker.BrokerConfig;
import dev.subpact.broker.PactBroker;
import dev.subpact.broker.RunningBroker;
import dev.subpact.capture.CaptureListener;
import dev.subpact.capture.CaptureServer;
import dev.subpact.capture.CaptureSettings;
import dev.subpact.capture.ScriptedResponses;
import dev.subpact.graphql.pact.GraphqlInteraction;
import dev.subpact.cli.SubpactCommand;
import dev.subpact.graphql.pact.GraphqlPact;
import dev.subpact.graphql.pact.GraphqlPacts;
import dev.subpact.graphql.pact.Transport;
import dev.subpact.graphql.report.InteractionReport;
import dev.subpact.graphql.schema.SchemaLoader;
import dev.subpact.replay.ReplayConfig;
import dev.subpact.replay.ReplayEngine;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

/**
 * A second domain, unrelated to the incident: a chat backend served by graphql-js with graphql-ws,
 * subscriptions-transport-ws and HTTP on one port at {@code /graphql}
 * ({@code consumer-contracts/src/test/node/chat-server.mjs}), in schema versions under
 * {@code chat/}; its clients are real Node clients. Nothing on the wire is subpact's but the capture
 * and the replay under test.
 */
class ChatContractsTest {

  private static final Path NODE = LauncherTest.ROOT.resolve("consumer-contracts/src/test/node");

  @Test
  void aTypeChangeUnderANullableFieldBreaksTheCapturedContract() throws Exception {
    GraphqlPact pact = captureOverHttp("RoomTimes.json");
    GraphqlInteraction roomTimes = pact.interactions().get(0);
    assertThat(roomTimes.transport()).isEqualTo(new Transport.Http("/graphql"));
    // room is nullable, yet the contract covers the field the client reads under it, with its type.
    assertThat(roomTimes.expected().get(0).content().toString()).isEqualTo("{\"data\":{\"room\":{\"messages\":[{\"sentAt\":1}]}}}");

    InteractionReport same = verify(pact, "v1.graphql");
    InteractionReport sentAtIsAString = verify(pact, "v2-sentAt-string.graphql");

    assertThat(same.errors()).as(same.outcome()).isEmpty();
    assertThat(sentAtIsAString.ok()).isFalse();
    assertThat(sentAtIsAString.errors()).anySatisfy(f -> {
      assertThat(f.path()).contains("sentAt");
      assertThat(f.message()).contains("Expected 'text' (String) to be an integer");
    });
  }

  @Test
  void withTheBuildsSchemaAFloatWhereTheClientReadsAnIntAndAnEnumValueTheBuildLostFail() throws Exception {
    GraphqlPact pact = roomKinds();
    assertThat(pact.interactions().get(0).expected().get(0).content().toString())
        .isEqualTo("{\"data\":{\"room\":{\"messages\":[{\"kind\":\"TEXT\",\"sentAt\":1}]}}}");

    // verify introspects each graphql-js build and types the pact's matchers by its schema
    InteractionReport same = verify(pact, "v1.graphql");
    InteractionReport sentAtIsAFloat = verify(pact, "v3-sentAt-float.graphql");
    InteractionReport textRemoved = verify(pact, "v4-kind-text-removed.graphql");

    assertThat(same.errors()).as(same.outcome()).isEmpty();
    assertThat(sentAtIsAFloat.ok()).as("Pact's type matcher alone takes 1.5 for 1").isFalse();
    assertThat(sentAtIsAFloat.errors()).singleElement().satisfies(f -> {
      assertThat(f.path()).isEqualTo("$.data.room.messages[0].sentAt");
      assertThat(f.message()).as("capture with --schema wrote Pact's integer rule for the Int sentAt")
          .contains("the pact reads 'Message.sentAt' as an integer (its matching rule 'integer' at $.data.room.messages[*].sentAt),"
              + " but the build's schema (the introspection of http://127.0.0.1:")
          .endsWith(") makes it a Float, which can be 1.5");
      assertThat(f.fix()).startsWith("keep 'Message.sentAt' an Int and add the Float under a new field name");
    });
    assertThat(textRemoved.ok()).as("graphql-js now sends IMAGE, which Pact's type matcher takes for TEXT").isFalse();
    assertThat(textRemoved.errors()).singleElement().satisfies(f -> {
      assertThat(f.path()).contains("kind");
      assertThat(f.message()).contains("'TEXT'").contains("IMAGE").contains("VIDEO");
    });
  }

  /**
   * graphql-js writes the {@code Float} 5.0 as {@code 5}: a consumer whose fixture holds such an
   * answer records an integral example under a {@code type} rule, which says nothing of {@code Int}.
   * {@code subpact verify} (introspecting the graphql-js build) decides it where {@code sentAt} is now a
   * {@code Float} by the baseline: no where the baseline made it an {@code Int}, yes where it was a
   * {@code Float} already, and without a baseline yes with a warning that says what would decide it.
   * The pact whose own rule says integer fails without a baseline.
   */
  @Test
  void subpactVerifyDecidesAnIntegralExampleByTheBaselineAndFailsThePactWhoseRuleSaysInteger(@TempDir Path dir) throws Exception {
    GraphqlPact recorded;
    try (CaptureServer capture = CaptureServer.start("127.0.0.1", 0, CaptureSettings.of("chat-web", "1.0.0").withProvider("chat-backend")
        .withResponses(ScriptedResponses.parse("{\"RoomTimes\": {\"data\": {\"room\": {\"messages\": [{\"sentAt\": 5}]}}}}",
            "graphql-js-answer.json")), CaptureListener.NONE)) {
      httpClient(capture, "RoomTimes.json");
      recorded = capture.pact();
    }
    assertThat(recorded.interactions().get(0).expected().get(0).matchingRules().toString()).contains("{\"match\":\"type\"}")
        .doesNotContain("integer");
    Path integral = Files.createDirectories(dir.resolve("integral"));
    GraphqlPacts.writeTo(integral, recorded);
    Path typed = Files.createDirectories(dir.resolve("typed"));
    GraphqlPacts.writeTo(typed, captureOverHttp("RoomTimes.json"));

    try (RunningProcess server = RunningProcess.start(List.of("node", NODE.resolve("chat-server.mjs").toString(),
        NODE.resolve("chat/v3-sentAt-float.graphql").toString()))) {
      String origin = "127.0.0.1:" + server.await("PORT (\\d+)", Duration.ofSeconds(60));
      StringWriter undecided = new StringWriter();
      StringWriter wasFloat = new StringWriter();
      StringWriter wasInt = new StringWriter();
      StringWriter failed = new StringWriter();
      String[] integralRun = {"verify", "--backend", "ws://" + origin + "/graphql", "--http", "http://" + origin + "/graphql",
          "--pacts", integral.toString()};
      int undecidedExit = cli(undecided, integralRun);
      int wasFloatExit = cli(wasFloat, Stream.concat(Stream.of(integralRun),
          Stream.of("--baseline", NODE.resolve("chat/v3-sentAt-float.graphql").toString())).toArray(String[]::new));
      int wasIntExit = cli(wasInt, Stream.concat(Stream.of(integralRun),
          Stream.of("--baseline", NODE.resolve("chat/v1.graphql").toString())).toArray(String[]::new));
      int typedExit = cli(failed, "verify", "--backend", "ws://" + origin + "/graphql", "--http", "http://" + origin + "/graphql",
          "--pacts", typed.toString());

      assertThat(undecidedExit).as(undecided.toString()).isZero();
      assertThat(undecided.toString().replaceAll("\\s+", " ")).as("the report, its lines unwrapped").contains("'Message.sentAt' is a Float in the build's schema")
          .contains("does not say whether the consumer reads an Int: not decided")
          .contains("the baseline schema (--baseline)");
      assertThat(wasFloatExit).as(wasFloat.toString()).isZero();
      assertThat(wasFloat.toString()).doesNotContain("not decided");
      assertThat(wasIntExit).as(wasInt.toString()).isEqualTo(1);
      assertThat(wasInt.toString().replaceAll("\\s+", " ")).contains("the pact reads 'Message.sentAt' as an integer (its example 5 at"
          + " $.data.room.messages[*].sentAt, and the baseline schema (" + NODE.resolve("chat/v1.graphql") + ") makes it an Int)");
      assertThat(typedExit).as(failed.toString()).isEqualTo(1);
      assertThat(failed.toString()).contains("the pact reads 'Message.sentAt' as an integer")
          .contains("keep 'Message.sentAt' an Int and add the Float under a new field name");
    }
  }

  @Test
  void withoutASchemaACapturedSubscriptionStillNeedsItsEventAndSilenceIsNotAccepted() throws Exception {
    GraphqlPact pact;
    try (CaptureServer capture = CaptureServer.start("127.0.0.1", 0,
        CaptureSettings.of("chat-web", "1.0.0").withProvider("chat-backend"), CaptureListener.NONE)) {
      Process client = new ProcessBuilder("node", NODE.resolve("graphql-ws-client.mjs").toString(),
          capture.webSocketUrl().resolve("/graphql").toString(), NODE.resolve("chat/MessageAdded.json").toString(), "key")
          .redirectErrorStream(true).start();
      String output = new String(client.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(client.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(output).as("the graphql-ws client got an event shaped like its selection")
          .startsWith("{\"next\":{\"data\":{\"messageAdded\":{\"id\":\"id\",\"text\":\"text\",\"sentAt\":\"sentAt\",\"author\":{\"name\":\"name\"}}}}}");
      pact = capture.pact();
    }
    GraphqlInteraction messageAdded = pact.interactions().get(0);
    assertThat(messageAdded.transport()).isEqualTo(new Transport.WebSocket("/graphql", List.of("graphql-transport-ws")));
    assertThat(messageAdded.expected()).singleElement()
        .satisfies(m -> assertThat(m.content().toString()).isEqualTo("{\"data\":{\"messageAdded\":\"messageAdded\"}}"));

    InteractionReport published = verify(pact, "v1.graphql", true);
    InteractionReport silent = verify(pact, "v1.graphql", false);

    assertThat(published.errors()).as(published.outcome()).isEmpty();
    assertThat(published.outcome()).isEqualTo("accepted");
    assertThat(silent.ok()).as("no event (no state URL to ask for one): %s", silent.outcome()).isFalse();
  }

  /**
   * The chat builds a consumer's captured contract must be judged on, by {@code check} (against the
   * build's SDL, with the deployed v1 as {@code --baseline}) and by {@code verify} against the running
   * graphql-js build alike: breaking builds fail both, safe changes and deprecated aliases pass both.
   */
  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource({
      "v1.graphql, pass",
      "v2-sentAt-string.graphql, fail",
      "v3-sentAt-float.graphql, fail",
      "v4-kind-text-removed.graphql, fail",
      "v5-argument-renamed.graphql, fail",
      "v6-required-argument.graphql, fail",
      "v7-safe-changes.graphql, pass",
      "v8-deprecated-alias.graphql, pass"})
  void checkAndVerifyGiveEveryBuildTheSameVerdict(String build, String verdict, @TempDir Path dir) throws Exception {
    GraphqlPact pact = roomKinds();
    GraphqlPacts.writeTo(dir, pact);

    StringWriter checked = new StringWriter();
    int check = cli(checked, "check", "--schema", NODE.resolve("chat/" + build).toString(),
        "--baseline", NODE.resolve("chat/v1.graphql").toString(), "--pacts", dir.toString());
    InteractionReport verified = verify(pact, build);

    boolean passes = verdict.equals("pass");
    assertThat(check).as(checked.toString()).isEqualTo(passes ? 0 : 1);
    assertThat(verified.ok()).as(verified.outcome() + " " + verified.errors()).isEqualTo(passes);
  }

  /**
   * The whole flow on the chat domain: a real Node client captured, the pact published to subpact's
   * broker, fetched for the provider, checked and verified against a graphql-js build with the results
   * published, and can-i-deploy answering for a build that keeps a deprecated alias (yes) and one that
   * renamed the argument outright (no).
   */
  @Test
  void captureThenPublishCheckVerifyAndCanIDeploy(@TempDir Path dir) throws Exception {
    try (RunningBroker broker = PactBroker.start(BrokerConfig.local(0, "sqlite:" + dir.resolve("broker.db")))) {
      Path captured = Files.createDirectories(dir.resolve("captured"));
      GraphqlPacts.writeTo(captured, roomKinds());
      assertThat(cli(new StringWriter(), "publish", "-b", broker.url(), "--pacts", captured.toString(),
          "--consumer-version", "1.0.0", "--branch", "main")).isZero();
      assertThat(cli(new StringWriter(), "create-environment", "-b", broker.url(), "--name", "production", "--production")).isZero();
      assertThat(cli(new StringWriter(), "record-deployment", "-b", broker.url(), "--pacticipant", "chat-web", "--version", "1.0.0",
          "--environment", "production")).isZero();
      Path fetched = dir.resolve("fetched");
      assertThat(cli(new StringWriter(), "pacts", "-b", broker.url(), "--provider", "chat-backend", "--out", fetched.toString()))
          .isZero();

      for (String build : List.of("v8-deprecated-alias.graphql", "v5-argument-renamed.graphql")) {
        boolean good = build.startsWith("v8");
        StringWriter checked = new StringWriter();
        assertThat(cli(checked, "check", "--schema", NODE.resolve("chat/" + build).toString(), "--pacts", fetched.toString()))
            .as(checked.toString()).isEqualTo(good ? 0 : 1);
        try (RunningProcess server = RunningProcess.start(List.of("node", NODE.resolve("chat-server.mjs").toString(),
            NODE.resolve("chat/" + build).toString()))) {
          String origin = "127.0.0.1:" + server.await("PORT (\\d+)", Duration.ofSeconds(60));
          StringWriter verified = new StringWriter();
          int verify = cli(verified, "verify", "-b", broker.url(), "--backend", "ws://" + origin + "/graphql",
              "--http", "http://" + origin + "/graphql", "--state-url", "http://" + origin + "/_pact/state",
              "--pacts", fetched.toString(), "--publish-results", "--provider-version", build, "--provider-branch", "main");
          assertThat(verify).as(verified.toString()).isEqualTo(good ? 0 : 1);
        }
        StringWriter answer = new StringWriter();
        int deploy = cli(answer, "can-i-deploy", "-b", broker.url(), "--pacticipant", "chat-backend", "--version", build,
            "--to-environment", "production");
        assertThat(deploy).as(answer.toString()).isEqualTo(good ? 0 : 1);
      }
    }
  }

  private static GraphqlPact roomKindsPact;

  /** The RoomKinds query captured once from the Node HTTP client. */
  private static synchronized GraphqlPact roomKinds() throws Exception {
    if (roomKindsPact == null) {
      roomKindsPact = captureOverHttp("RoomKinds.json");
    }
    return roomKindsPact;
  }

  /** {@code subpact ARGS} in-process; its output (standard output and error) goes to {@code out}. */
  private static int cli(StringWriter out, String... args) {
    CommandLine cli = SubpactCommand.commandLine();
    PrintWriter writer = new PrintWriter(out, true);
    cli.setOut(writer);
    cli.setErr(writer);
    return cli.execute(args);
  }

  private static GraphqlPact captureOverHttp(String operation) throws Exception {
    CaptureSettings settings = CaptureSettings.of("chat-web", "1.0.0").withProvider("chat-backend")
        .withSchema(SchemaLoader.fromFile(NODE.resolve("chat/v1.graphql")));
    try (CaptureServer capture = CaptureServer.start("127.0.0.1", 0, settings, CaptureListener.NONE)) {
      httpClient(capture, operation);
      return capture.pact();
    }
  }

  /** The Node HTTP client sends {@code operation} (a file under {@code chat/}) to {@code capture}. */
  private static void httpClient(CaptureServer capture, String operation) throws Exception {
    Process client = new ProcessBuilder("node", NODE.resolve("http-client.mjs").toString(),
        capture.httpUrl().resolve("/graphql").toString(), NODE.resolve("chat/" + operation).toString())
        .redirectErrorStream(true).start();
    String output = new String(client.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(client.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(output).as("the Node client's output").startsWith("{\"status\":200,");
  }

  private static InteractionReport verify(GraphqlPact pact, String schema) throws Exception {
    return verify(pact, schema, true);
  }

  /** The pact's one interaction replayed against the chat server serving {@code schema}, with or without its state URL. */
  private static InteractionReport verify(GraphqlPact pact, String schema, boolean states) throws Exception {
    try (RunningProcess server = RunningProcess.start(List.of("node", NODE.resolve("chat-server.mjs").toString(),
        NODE.resolve("chat/" + schema).toString()))) {
      String origin = "127.0.0.1:" + server.await("PORT (\\d+)", Duration.ofSeconds(60));
      ReplayConfig.Builder config = ReplayConfig.builder(URI.create("ws://" + origin + "/graphql"))
          .httpUrl(URI.create("http://" + origin + "/graphql"))
          .timeout(Duration.ofSeconds(5));
      if (states) {
        config.stateUrl(URI.create("http://" + origin + "/_pact/state"));
      }
      List<InteractionReport> results = ReplayEngine.run(config.build(), List.of(pact)).results();
      assertThat(results).hasSize(1);
      return results.get(0);
    }
  }
}

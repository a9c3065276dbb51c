package dev.subpact.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.subpact.capture.CaptureListener;
import dev.subpact.capture.CaptureServer;
import dev.subpact.capture.CaptureSettings;
import dev.subpact.graphql.operation.OperationType;
import dev.subpact.graphql.pact.GraphqlInteraction;
import dev.subpact.graphql.pact.GraphqlPact;
import dev.subpact.graphql.pact.GraphqlPacts;
import dev.subpact.graphql.pact.ProviderState;
import dev.subpact.graphql.report.InteractionReport;
import dev.subpact.graphql.report.Report;
import dev.subpact.graphql.schema.SchemaLoader;
import dev.subpact.incident.Incident;
import dev.subpact.reference.Build;
import dev.subpact.reference.ReferenceBackend;
import dev.subpact.replay.ReplayConfig;
import dev.subpact.replay.ReplayEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * One design from the bot's build to the backend's pipeline: a bot nobody here wrote (Python,
 * Debian's python3-websockets) is captured against the deployed schema, and the contract the
 * capture writes — expected event shape and the provider state that asks for it — is replayed
 * against reference backend builds: accepted with its event matched by the aliased build, rejected
 * by the renamed one.
 */
class CaptureThenVerifyTest {

  private static final Path CKIT = LauncherTest.ROOT.resolve("incident/src/main/resources/dev/subpact/incident/ckit");
  private static final Path BOT = LauncherTest.ROOT.resolve("consumer-contracts/src/test/python/karen_bot.py");

  @Test
  void aCapturedContractIsVerifiedLiveWithTheEventItExpects() throws Exception {
    GraphqlPact captured = capture();

    GraphqlInteraction subscription = captured.interactions().stream()
        .filter(i -> i.operation().label().equals("KarenThreads")).findFirst().orElseThrow();
    assertThat(subscription.expected()).hasSize(1);
    assertThat(subscription.providerStates()).containsExactly(ProviderState.subscriptionEvent("KarenThreads", "bot_threads_calls_tasks"));

    Report aliased = replay(captured, "aliased");
    Report renamed = replay(captured, "renamed");

    assertThat(outcome(aliased, "DeleteEmessages")).isEqualTo("accepted");
    assertTheCompleteEventArrivedAndMatched(aliased);
    assertThat(outcome(renamed, "KarenThreads")).isEqualTo("rejected");
    assertThat(renamed.results()).anySatisfy(r -> assertThat(r.errors()).anySatisfy(f ->
        assertThat(f.message()).isEqualTo("Cannot query field 'emessage_id' on type 'FExternalMessageOutput'. Did you mean 'emsg_id'?")));
  }

  @Test
  void aKitShapedBotWithoutOperationNameOutlivesItsKeepAliveTimeoutAndItsPactVerifies() throws Exception {
    // As the client kit's gql transport: no operationName, {"apikey"}, keep_alive_timeout (3 s here, 120 s in the kit).
    Map<String, String> kit = Map.of("NO_OPERATION_NAME", "1", "KEEP_ALIVE_TIMEOUT", "3", "HOLD_SECONDS", "7");
    Captured silent = capture(settings().withKeepAlive(Duration.ZERO), kit);
    Captured kept = capture(settings(), kit);

    assertThat(silent.botOutput()).as("without keep-alives the bot drops, as gql does").contains("{\"dropped\": \"no keep-alive within 3s\"}");
    assertThat(kept.botOutput()).contains("{\"held_seconds\": 7.0, \"keep_alives\": ").doesNotContain("dropped");
    GraphqlInteraction subscription = kept.pact().interactions().stream()
        .filter(i -> i.operation().type() == OperationType.SUBSCRIPTION).findFirst().orElseThrow();
    assertThat(subscription.operation().operationName()).as("sent as the bot sent it").isNull();
    assertThat(subscription.description()).isEqualTo("KarenThreads subscription");
    assertThat(subscription.providerStates()).containsExactly(ProviderState.subscriptionEvent("KarenThreads", "bot_threads_calls_tasks"));
    assertThat(GraphqlPacts.write(kept.pact())).doesNotContain("anonymous").doesNotContain("bot-key");

    Report beforeRename = replay(kept.pact(), "before-rename");
    assertThat(outcome(beforeRename, "DeleteEmessages")).isEqualTo("accepted");
    assertTheCompleteEventArrivedAndMatched(beforeRename);
  }

  /**
   * The captured contract covers every field the bot selects, nullable payloads included; the
   * reference backend's generic event state publishes an event with every field filled, so the event
   * arrives and matches every field the contract expects.
   */
  private static void assertTheCompleteEventArrivedAndMatched(Report report) {
    InteractionReport karen = report.results().stream().filter(r -> "KarenThreads".equals(r.operationName())).findFirst().orElseThrow();
    assertThat(karen.outcome()).as(karen.errors().toString()).isEqualTo("accepted");
    assertThat(karen.errors()).isEmpty();
  }

  private record Captured(GraphqlPact pact, String botOutput) {}

  private static CaptureSettings settings() {
    return CaptureSettings.of("karen", "20045").withProvider(Incident.PROVIDER).withPath(Incident.PATH)
        .withSchema(SchemaLoader.fromFile(LauncherTest.ROOT.resolve("incident/src/main/resources/dev/subpact/backend/schemas/before-rename.graphql")));
  }

  private static GraphqlPact capture() throws Exception {
    return capture(settings(), Map.of()).pact();
  }

  private static Captured capture(CaptureSettings settings, Map<String, String> botEnvironment) throws Exception {
    try (CaptureServer capture = CaptureServer.start("127.0.0.1", 0, settings, CaptureListener.NONE)) {
      Path log = Files.createTempFile("bot", ".log");
      ProcessBuilder builder = new ProcessBuilder("/usr/bin/python3", BOT.toString(), capture.webSocketUrl().toString(), capture.httpUrl().toString(),
          CKIT.resolve("KarenThreads.before-rename.json").toString(), CKIT.resolve("DeleteEmessages.before-rename.json").toString(), "bot-key")
          .redirectErrorStream(true).redirectOutput(log.toFile());
      builder.environment().putAll(botEnvironment);
      Process bot = builder.start();
      bot.getOutputStream().close();
      assertThat(bot.waitFor(60, TimeUnit.SECONDS)).as("the bot ran to its end").isTrue();
      String output = Files.readString(log);
      assertThat(bot.exitValue()).as(output).isZero();
      return new Captured(capture.pact(), output);
    }
  }

  private static Report replay(GraphqlPact pact, String build) {
    try (ReferenceBackend backend = ReferenceBackend.start(Build.named(build), 0)) {
      // a settle above graphql-java's validation time on a loaded machine, so no rejection is read as silence (issue 10, item 8)
      return ReplayEngine.run(ReplayConfig.builder(backend.websocketUrl()).stateUrl(backend.stateUrl())
          .settle(java.time.Duration.ofSeconds(2)).build(), List.of(pact));
    }
  }

  private static String outcome(Report report, String operation) {
    return report.results().stream().filter(r -> operation.equals(r.operationName())).map(InteractionReport::outcome).findFirst().orElseThrow();
  }
}

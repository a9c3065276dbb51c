package dev.subpact.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.subpact.backend.Build;
import dev.subpact.backend.ReferenceBackend;
import dev.subpact.capture.CaptureListener;
import dev.subpact.capture.CaptureServer;
import dev.subpact.capture.CaptureSettings;
import dev.subpact.graphql.pact.GraphqlInteraction;
import dev.subpact.graphql.pact.GraphqlPact;
import dev.subpact.graphql.pact.ProviderState;
import dev.subpact.graphql.report.InteractionReport;
import dev.subpact.graphql.report.Report;
import dev.subpact.graphql.schema.SchemaLoader;
import dev.subpact.replay.ReplayConfig;
import dev.subpact.replay.ReplayEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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

  private static final Path CKIT = LauncherTest.ROOT.resolve("incident-fixtures/src/main/resources/dev/subpact/incident/ckit");
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

    assertThat(aliased.results()).as("%s", aliased.results()).allSatisfy(r -> assertThat(r.ok()).isTrue());
    assertThat(outcome(aliased, "KarenThreads")).isEqualTo("accepted");
    assertThat(outcome(renamed, "KarenThreads")).isEqualTo("rejected");
    assertThat(renamed.results()).anySatisfy(r -> assertThat(r.errors()).anySatisfy(f ->
        assertThat(f.message()).isEqualTo("Cannot query field 'emessage_id' on type 'FExternalMessageOutput'. Did you mean 'emsg_id'?")));
  }

  private static GraphqlPact capture() throws Exception {
    CaptureSettings settings = CaptureSettings.of("karen", "20045").withProvider("flexus-backend")
        .withSchema(SchemaLoader.fromFile(LauncherTest.ROOT.resolve("incident-fixtures/src/main/resources/dev/subpact/backend/schemas/before-rename.graphql")));
    try (CaptureServer capture = CaptureServer.start("127.0.0.1", 0, settings, CaptureListener.NONE)) {
      Process bot = new ProcessBuilder("/usr/bin/python3", BOT.toString(), capture.webSocketUrl().toString(), capture.httpUrl().toString(),
          CKIT.resolve("KarenThreads.before-rename.json").toString(), CKIT.resolve("DeleteEmessages.before-rename.json").toString(), "bot-key")
          .redirectErrorStream(true).redirectOutput(Files.createTempFile("bot", ".log").toFile()).start();
      bot.getOutputStream().close();
      assertThat(bot.waitFor(60, TimeUnit.SECONDS)).as("the bot ran to its end").isTrue();
      assertThat(bot.exitValue()).isZero();
      return capture.pact();
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

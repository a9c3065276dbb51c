package dev.subpact.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pending pacts as in Pact ({@code --enable-pending}, Pact JVM's {@code pactbroker.enablePending}):
 * a consumer's feature-branch pact that the provider's main branch never verified is pending, so
 * the renamed build's failures on it are reported and published as failed but do not fail the
 * run; without the switch, or once main has verified that pact, the same failures exit 1. The
 * shipped jar as broker, backends and every command.
 */
class PendingPactsTest {

  private static final Path FIXTURES = LauncherTest.ROOT.resolve("incident/src/main/resources/dev/subpact/incident/pacts");
  private static final Path SCHEMAS = LauncherTest.ROOT.resolve("incident/src/main/resources/dev/subpact/backend/schemas");

  @TempDir Path dir;
  private RunningProcess broker;
  private String brokerUrl;

  @BeforeEach
  void brokerWithKarensFeatureBranchPact() throws Exception {
    broker = RunningProcess.start(List.of(LauncherTest.javaBinary(), "-jar", LauncherTest.JAR.toString(), "broker", "--port", "0",
        "--database", "sqlite:" + dir.resolve("broker.db")));
    brokerUrl = broker.await("listening on (http://127\\.0\\.0\\.1:\\d+)", Duration.ofSeconds(60));
    ok(subpact("publish", "--pacts", FIXTURES.resolve("karen-flexus-backend.json").toString(), "--consumer-version", "20045",
        "--branch", "feat-x"));
  }

  @AfterEach
  void stopTheBroker() throws InterruptedException {
    broker.close();
  }

  @Test
  void aPendingPactsFailuresAreReportedAndPublishedButDoNotFailTheRun() throws Exception {
    LauncherTest.Run fetched = fetch();
    assertThat(fetched.output()).contains("(pending)");
    try (RunningProcess renamed = backend("renamed")) {
      String ws = renamed.await("WebSocket\\s+(ws://\\S+)", Duration.ofSeconds(60));
      String states = renamed.await("states\\s+(http://\\S+)", Duration.ofSeconds(5));

      LauncherTest.Run pending = verify(ws, states, "v1", "--enable-pending");
      assertThat(pending.exit()).as(pending.output()).isZero();
      assertThat(pending.unwrapped())
          .contains("FAIL  KarenThreads subscription  [KarenThreads]  (pending)  outcome: rejected")
          .contains("Unknown argument 'want_emessage_types' on field 'Subscription.bot_threads_calls_tasks'")
          .contains("PASSED: 2 operations, 2 broken (2 pending)")
          .contains("published: karen 20045 failed by v1");
      LauncherTest.Run check = subpact("check", "--schema", SCHEMAS.resolve("renamed.graphql").toString(),
          "--pacts", dir.resolve("pacts").toString(), "--enable-pending", "--format", "github");
      assertThat(check.exit()).as(check.output()).isZero();
      assertThat(check.output()).contains("::warning file=").contains("(pending)").doesNotContain("::error");

      LauncherTest.Run switchedOff = verify(ws, states, "v2");
      assertThat(switchedOff.exit()).as(switchedOff.output()).isEqualTo(1);
      assertThat(switchedOff.output()).doesNotContain("(pending)").contains("FAILED: 2 operations, 2 broken");
      LauncherTest.Run checkOff = subpact("check", "--schema", SCHEMAS.resolve("renamed.graphql").toString(),
          "--pacts", dir.resolve("pacts").toString());
      assertThat(checkOff.exit()).as(checkOff.output()).isEqualTo(1);
    }
  }

  @Test
  void onceMainVerifiedThePactItIsNoLongerPendingAndItsFailuresFailTheRun() throws Exception {
    try (RunningProcess aliased = backend("aliased")) {
      String ws = aliased.await("WebSocket\\s+(ws://\\S+)", Duration.ofSeconds(60));
      String states = aliased.await("states\\s+(http://\\S+)", Duration.ofSeconds(5));
      fetch();
      LauncherTest.Run verified = verify(ws, states, "v0", "--enable-pending");
      assertThat(verified.exit()).as(verified.output()).isZero();
      assertThat(verified.output()).as(verified.output()).contains("published: karen 20045 verified by v0");
    }
    LauncherTest.Run fetched = fetch();
    assertThat(fetched.output()).doesNotContain("(pending)");
    try (RunningProcess renamed = backend("renamed")) {
      String ws = renamed.await("WebSocket\\s+(ws://\\S+)", Duration.ofSeconds(60));
      String states = renamed.await("states\\s+(http://\\S+)", Duration.ofSeconds(5));
      LauncherTest.Run run = verify(ws, states, "v1", "--enable-pending");
      assertThat(run.exit()).as(run.output()).isEqualTo(1);
      assertThat(run.output()).doesNotContain("(pending)").contains("published: karen 20045 failed by v1");
    }
  }

  private LauncherTest.Run fetch() throws Exception {
    LauncherTest.Run run = subpact("pacts", "--provider", "flexus-backend", "--selector", "branch=feat-x", "--provider-branch", "main",
        "--out", dir.resolve("pacts").toString());
    ok(run);
    return run;
  }

  private LauncherTest.Run verify(String ws, String states, String version, String... more) throws Exception {
    List<String> args = new java.util.ArrayList<>(List.of("verify", "--backend", ws, "--state-url", states,
        "--pacts", dir.resolve("pacts").toString(), "--publish-results", "--provider-version", version, "--provider-branch", "main"));
    args.addAll(List.of(more));
    return subpact(args.toArray(String[]::new));
  }

  private RunningProcess backend(String build) throws Exception {
    return RunningProcess.start(List.of(LauncherTest.javaBinary(), "-jar", LauncherTest.JAR.toString(), "backend", "--build", build,
        "--port", "0"));
  }

  private LauncherTest.Run subpact(String... args) throws Exception {
    return LauncherTest.subpact(Map.of("PACT_BROKER_BASE_URL", brokerUrl), args);
  }

  private static void ok(LauncherTest.Run run) {
    assertThat(run.exit()).as(run.output()).isZero();
  }
}

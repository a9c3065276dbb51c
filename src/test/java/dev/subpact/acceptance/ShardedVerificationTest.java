package dev.subpact.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.subpact.broker.client.BrokerAuth;
import dev.subpact.broker.client.BrokerClient;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code verify --shard I/N --publish-results} publishes only what a shard replayed, whole pacts,
 * whatever order the shards finish in: the shipped jar as broker, backend and every command, and
 * the official Rust {@code pact-broker} CLI asking can-i-deploy. karen 20045 (2 interactions) and
 * rick 20021 are deployed to staging; the renamed backend breaks both, so after any order of three
 * shards both can-i-deploys must say no; the aliased build breaks neither, so both must say yes.
 */
class ShardedVerificationTest {

  private static final Path FIXTURES = LauncherTest.ROOT.resolve("incident/src/main/resources/dev/subpact/incident/pacts");
  private static final Path OFFICIAL_CLI = LauncherTest.ROOT.resolve("node_modules/.bin/pact-broker");

  @TempDir Path dir;
  private RunningProcess broker;
  private String brokerUrl;

  @BeforeEach
  void brokerWithKarenAndRickDeployedToStaging() throws Exception {
    broker = RunningProcess.start(List.of(LauncherTest.javaBinary(), "-jar", LauncherTest.JAR.toString(), "broker", "--port", "0",
        "--database", "sqlite:" + dir.resolve("broker.db")));
    brokerUrl = broker.await("listening on (http://127\\.0\\.0\\.1:\\d+)", Duration.ofSeconds(60));
    BrokerClient.of(URI.create(brokerUrl), BrokerAuth.none()).environment("staging", false);
    for (String[] bot : new String[][] {{"karen", "20045"}, {"rick", "20021"}}) {
      ok(subpact("publish", "--pacts", FIXTURES.resolve(bot[0] + "-flexus-backend.json").toString(), "--consumer-version", bot[1],
          "--branch", "main"));
      ok(subpact("record-deployment", "--pacticipant", bot[0], "--version", bot[1], "--environment", "staging"));
    }
    ok(subpact("pacts", "--provider", "flexus-backend", "--out", dir.resolve("pacts").toString()));
  }

  @AfterEach
  void stopTheBroker() throws InterruptedException {
    broker.close();
  }

  @Test
  void aBreakingBuildStaysNoWhicheverShardFinishesLast() throws Exception {
    try (RunningProcess backend = backend("renamed")) {
      String ws = backend.await("WebSocket\\s+(ws://\\S+)", Duration.ofSeconds(60));
      String states = backend.await("states\\s+(http://\\S+)", Duration.ofSeconds(5));
      for (List<Integer> order : List.of(List.of(1, 2, 3), List.of(3, 2, 1), List.of(2, 3, 1))) {
        String version = "bad-" + order.get(0) + order.get(1) + order.get(2);
        List<String> logs = new ArrayList<>();
        for (int shard : order) {
          LauncherTest.Run run = verifyShard(ws, states, shard + "/3", version);
          assertThat(run.exit()).as(run.output()).isIn(0, 1);
          logs.add(run.output());
        }
        String all = String.join("\n", logs);
        assertThat(all).as(all).doesNotContain("verified by")
            .containsOnlyOnce("published: karen 20045 failed by " + version)
            .containsOnlyOnce("published: rick 20021 failed by " + version)
            .contains("shard ").contains("holds none of the 2 pacts");

        LauncherTest.Run subpactSays = subpact("can-i-deploy", "--pacticipant", "flexus-backend", "--version", version, "--to-environment", "staging");
        assertThat(subpactSays.exit()).as(subpactSays.output()).isEqualTo(1);
        assertThat(subpactSays.output()).contains("can-i-deploy flexus-backend " + version + " to staging: no");
        OfficialRun official = official("can-i-deploy", "--pacticipant", "flexus-backend", "--version", version, "--to-environment", "staging");
        assertThat(official.exit()).as(official.output()).isEqualTo(1);
        assertThat(official.output()).contains("Computer says no");
      }
    }
  }

  @Test
  void aGoodBuildVerifiedInShardsIsYes() throws Exception {
    try (RunningProcess backend = backend("aliased")) {
      String ws = backend.await("WebSocket\\s+(ws://\\S+)", Duration.ofSeconds(60));
      String states = backend.await("states\\s+(http://\\S+)", Duration.ofSeconds(5));
      for (int shard : List.of(3, 1, 2)) {
        LauncherTest.Run run = verifyShard(ws, states, shard + "/3", "good");
        assertThat(run.exit()).as(run.output()).isZero();
      }
      LauncherTest.Run subpactSays = subpact("can-i-deploy", "--pacticipant", "flexus-backend", "--version", "good", "--to-environment", "staging");
      assertThat(subpactSays.exit()).as(subpactSays.output()).isZero();
      OfficialRun official = official("can-i-deploy", "--pacticipant", "flexus-backend", "--version", "good", "--to-environment", "staging");
      assertThat(official.exit()).as(official.output()).isZero();
      assertThat(official.output()).contains("Computer says yes");
    }
  }

  private RunningProcess backend(String build) throws IOException {
    return RunningProcess.start(List.of(LauncherTest.javaBinary(), "-jar", LauncherTest.JAR.toString(), "backend", "--build", build,
        "--port", "0"));
  }

  private LauncherTest.Run verifyShard(String ws, String states, String shard, String version) throws Exception {
    return subpact("verify", "--backend", ws, "--state-url", states, "--pacts", dir.resolve("pacts").toString(), "--shard", shard,
        "--publish-results", "--provider-version", version, "--provider-branch", "main");
  }

  private LauncherTest.Run subpact(String... args) throws Exception {
    return LauncherTest.subpact(Map.of("PACT_BROKER_BASE_URL", brokerUrl), args);
  }

  private static void ok(LauncherTest.Run run) {
    assertThat(run.exit()).as(run.output()).isZero();
  }

  private record OfficialRun(int exit, String output) {}

  private OfficialRun official(String... args) throws Exception {
    assertThat(OFFICIAL_CLI).as("the official pact-broker CLI (test-peers/install.sh, or npm ci in the repository root)").exists();
    List<String> command = new ArrayList<>(List.of(OFFICIAL_CLI.toString()));
    command.addAll(List.of(args));
    command.addAll(List.of("--broker-base-url", brokerUrl));
    Path log = Files.createTempFile(dir, "pact-broker", ".log");
    Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    assertThat(process.waitFor(2, TimeUnit.MINUTES)).as("pact-broker %s ended", args[0]).isTrue();
    return new OfficialRun(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
  }
}

package dev.subpact.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.subpact.broker.client.BrokerAuth;
import dev.subpact.broker.client.BrokerClient;
import dev.subpact.incident.Incident;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fanned-out pipeline ({@code ci/backend-verify.sh} with {@code SUBPACT_SHARD}, then the final
 * job's {@code report merge} and {@code can-i-deploy}) as the templates run it: bash, the shipped
 * jar, subpact's broker and the renamed backend as processes. karen 20045 and rick 20021 are
 * deployed; the shards finish 3, 1, 2; the merged report and can-i-deploy say no.
 */
class ShardedCiScriptTest {

  private static final Path FIXTURES = LauncherTest.ROOT.resolve("incident/src/main/resources/dev/subpact/incident/pacts");

  @TempDir Path dir;

  @Test
  void threeShardJobsThenTheGateJobSayNoToTheRenamedBuild() throws Exception {
    Path subpact = dir.resolve("subpact");
    Files.writeString(subpact, "#!/bin/sh\nexec '" + LauncherTest.javaBinary() + "' -jar '" + LauncherTest.JAR + "' \"$@\"\n");
    Files.setPosixFilePermissions(subpact, PosixFilePermissions.fromString("rwxr-xr-x"));
    try (RunningProcess broker = RunningProcess.start(List.of(subpact.toString(), "broker", "--port", "0", "--database",
            "sqlite:" + dir.resolve("broker.db")));
        RunningProcess backend = RunningProcess.start(List.of(subpact.toString(), "backend", "--build", "renamed", "--port", "0"))) {
      String brokerUrl = broker.await("listening on (http://127\\.0\\.0\\.1:\\d+)", Duration.ofSeconds(60));
      String ws = backend.await("WebSocket\\s+(ws://\\S+)", Duration.ofSeconds(60));
      String states = backend.await("states\\s+(http://\\S+)", Duration.ofSeconds(5));
      BrokerClient.of(URI.create(brokerUrl), BrokerAuth.none()).environment("staging", false);
      Map<String, String> env = Map.of("PACT_BROKER_BASE_URL", brokerUrl);
      for (String[] bot : new String[][] {{"karen", "20045"}, {"rick", "20021"}}) {
        ok(LauncherTest.subpact(env, "publish", "--pacts", FIXTURES.resolve(bot[0] + "-flexus-backend.json").toString(),
            "--consumer-version", bot[1], "--branch", "main"));
        ok(LauncherTest.subpact(env, "record-deployment", "--pacticipant", bot[0], "--version", bot[1], "--environment", "staging"));
      }

      List<String> reports = new ArrayList<>();
      for (int shard : List.of(3, 1, 2)) {
        Path report = dir.resolve("subpact-shard-" + shard + ".json");
        Script job = script(subpact, Map.of("PACT_BROKER_BASE_URL", brokerUrl, "SUBPACT_PROVIDER_VERSION", "bad", "SUBPACT_PROVIDER_BRANCH",
            "main", "SUBPACT_BACKEND_WS_URL", ws, "SUBPACT_STATE_URL", states, "SUBPACT_SHARD", shard + "/3",
            "SUBPACT_REPORT", report.toString()));
        assertThat(job.exit()).as(job.output()).isIn(0, 1);
        assertThat(job.output()).contains("shard " + shard + "/3 verified").doesNotContain("== 6. can-i-deploy").doesNotContain("verified by bad");
        if (Files.exists(report)) {
          reports.add(report.toString());
        }
      }
      List<String> merge = new ArrayList<>(List.of("report", "merge", "--format", "junit"));
      merge.addAll(reports);
      LauncherTest.Run merged = LauncherTest.subpact(env, merge.toArray(String[]::new));
      assertThat(merged.exit()).as(merged.output()).isEqualTo(1);
      assertThat(merged.output()).contains("<testsuite name=\"karen 20045\" tests=\"2\" failures=\"2\"")
          // rick's subscription expects no event, so its verdict rests on the replay's settle window (issue 10 item 8)
          .contains("<testsuite name=\"rick 20021\" tests=\"2\" failures=\"");
      LauncherTest.Run gate = LauncherTest.subpact(env, "can-i-deploy", "--pacticipant", "flexus-backend", "--version", "bad",
          "--to-environment", "staging", "--retry-while-unknown", "2", "--retry-interval", "1s");
      assertThat(gate.exit()).as(gate.output()).isEqualTo(1);
      assertThat(gate.output()).contains("can-i-deploy flexus-backend bad to staging: no");
    }
  }

  private static void ok(LauncherTest.Run run) {
    assertThat(run.exit()).as(run.output()).isZero();
  }

  private record Script(int exit, String output) {}

  private Script script(Path subpact, Map<String, String> extra) throws Exception {
    Path log = Files.createTempFile(dir, "script", ".log");
    ProcessBuilder builder = new ProcessBuilder("bash", LauncherTest.ROOT.resolve("ci/backend-verify.sh").toString())
        .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().keySet().removeIf(k -> k.startsWith("PACT_BROKER_") || k.startsWith("SUBPACT"));
    builder.environment().put("SUBPACT", subpact.toString());
    builder.environment().put("SUBPACT_PROVIDER", Incident.PROVIDER);
    builder.environment().putAll(extra);
    Process process = builder.start();
    assertThat(process.waitFor(5, TimeUnit.MINUTES)).as("backend-verify.sh ended").isTrue();
    return new Script(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
  }
}

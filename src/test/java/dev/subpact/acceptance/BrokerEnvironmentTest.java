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
 * Every broker-facing command takes the broker and its credentials from the official Pact
 * environment names when no option is given, as the official clients do: the shipped jar in a fresh
 * process against subpact's broker (as a process) requiring basic auth or a token.
 */
class BrokerEnvironmentTest {

  @TempDir Path dir;
  private RunningProcess broker;
  private String brokerUrl;

  @BeforeEach
  void startABrokerThatWantsCredentials() throws Exception {
    broker = RunningProcess.start(List.of(LauncherTest.javaBinary(), "-jar", LauncherTest.JAR.toString(), "broker", "--port", "0",
        "--database", "sqlite:" + dir.resolve("broker.db"), "--basic-auth", "ci:secret", "--token", "t0ken"));
    brokerUrl = broker.await("listening on (http://127\\.0\\.0\\.1:\\d+)", Duration.ofSeconds(60));
  }

  @AfterEach
  void stopTheBroker() throws InterruptedException {
    broker.close();
  }

  @Test
  void theBrokerAndItsCredentialsComeFromPactBrokerVariables() throws Exception {
    LauncherTest.Run basic = canIDeploy(Map.of("PACT_BROKER_BASE_URL", brokerUrl, "PACT_BROKER_USERNAME", "ci", "PACT_BROKER_PASSWORD", "secret"));
    LauncherTest.Run token = canIDeploy(Map.of("PACT_BROKER_BASE_URL", brokerUrl, "PACT_BROKER_TOKEN", "t0ken"));
    LauncherTest.Run wrong = canIDeploy(Map.of("PACT_BROKER_BASE_URL", brokerUrl, "PACT_BROKER_USERNAME", "ci", "PACT_BROKER_PASSWORD", "guess"));
    LauncherTest.Run none = canIDeploy(Map.of());

    // authenticated, the broker answers the question itself: it has never heard of frog
    assertThat(basic.output()).as(basic.output()).contains("Pacticipant 'frog' not found").doesNotContain("→ 401");
    assertThat(token.output()).isEqualTo(basic.output());
    assertThat(token.exit()).isEqualTo(basic.exit());
    assertThat(wrong.exit()).as(wrong.output()).isEqualTo(2);
    assertThat(wrong.output()).contains("→ 401): not authenticated");
    assertThat(none.exit()).isEqualTo(2);
    assertThat(none.output()).contains("No broker given: pass --broker URL or set PACT_BROKER_BASE_URL.");
  }

  private static LauncherTest.Run canIDeploy(Map<String, String> environment) throws Exception {
    return LauncherTest.subpact(environment, "can-i-deploy", "--pacticipant", "frog", "--version", "1.2.3", "--to-environment", "staging");
  }
}

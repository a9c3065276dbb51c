package dev.subpact.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import dev.subpact.reference.Build;
import dev.subpact.reference.ReferenceBackend;
import org.junit.jupiter.api.Test;

/**
 * The shipped artifact, smoke-tested as users run it: the launcher's jar in a fresh JVM (built by
 * the reactor before this module), {@code demo --exit} and {@code check} on the incident fixtures,
 * and the launcher script itself running {@code verify} (its own JVM flags) against a backend.
 */
class LauncherTest {

  static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  static final Path JAR = ROOT.resolve("cli/target/subpact.jar");

  static Run subpact(String... args) throws IOException, InterruptedException {
    return subpact(Map.of(), args);
  }

  /** Runs the jar with {@code environment} added to this JVM's, less any inherited {@code PACT_BROKER_*}. */
  static Run subpact(Map<String, String> environment, String... args) throws IOException, InterruptedException {
    assertThat(JAR).as("the CLI jar is built by the cli module before the acceptance tests run").exists();
    List<String> command = new ArrayList<>(List.of(javaBinary(), "-jar", JAR.toString()));
    command.addAll(List.of(args));
    return run(command, environment);
  }

  private static Run run(List<String> command, Map<String, String> environment) throws IOException, InterruptedException {
    Path log = Files.createTempFile("subpact", ".log");
    ProcessBuilder builder = new ProcessBuilder(command).directory(ROOT.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().keySet().removeIf(k -> k.startsWith("PACT_BROKER_"));
    builder.environment().putAll(environment);
    Process process = builder.start();
    boolean ended = process.waitFor(3, TimeUnit.MINUTES);
    if (!ended) {
      process.destroyForcibly();
    }
    String output = Files.readString(log, StandardCharsets.UTF_8);
    Files.delete(log);
    assertThat(ended).as("%s ended within 3 minutes:%n%s", String.join(" ", command), output).isTrue();
    return new Run(process.exitValue(), output);
  }

  static String javaBinary() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  record Run(int exit, String output) {

    String unwrapped() {
      return LauncherTest.unwrapped(output);
    }
  }

  /** Text with a report's wrapped lines joined again, so that a phrase can be looked for whatever the width. */
  static String unwrapped(String text) {
    return text.replaceAll("\\s*\\n\\s*", " ");
  }

  @Test
  void theDemoPlaysTheWholeStoryAndExitsZero() throws Exception {
    Run run = subpact("demo", "--exit");
    assertThat(run.exit()).as(run.output()).isZero();
    assertThat(run.output()).contains("Every step ended as the story says").contains("Dashboard: http://127.0.0.1:");
    assertThat(run.output()).doesNotContain("INFO");
  }

  @Test
  void checkStopsTheRenamedBuildAndPassesTheAliasedOne() throws Exception {
    String pacts = "incident/src/main/resources/dev/subpact/incident/pacts";
    String schemas = "incident/src/main/resources/dev/subpact/backend/schemas/";
    Run renamed = subpact("check", "--schema", schemas + "renamed.graphql", "--pacts", pacts);
    Run aliased = subpact("check", "--schema", schemas + "aliased.graphql", "--pacts", pacts);

    assertThat(renamed.exit()).isEqualTo(1);
    assertThat(renamed.output()).contains("FAILED: 20 operations, 20 broken, 120 errors");
    assertThat(aliased.exit()).as(aliased.output()).isZero();
  }

  @Test
  void theLauncherVerifiesTheIncidentPactsAgainstABackendProcess() throws Exception {
    try (ReferenceBackend backend = ReferenceBackend.start(Build.named("renamed"), 0)) {
      Run launcher = run(List.of("bash", ROOT.resolve("subpact").toString(), "verify",
          "--backend", backend.websocketUrl().toString(), "--state-url", backend.stateUrl().toString(),
          "--pacts", "incident/src/main/resources/dev/subpact/incident/pacts", "--settle", "2s"), Map.of());

      assertThat(launcher.exit()).as(launcher.output()).isEqualTo(1);
      assertThat(launcher.unwrapped()).contains("Unknown argument 'want_emessage_types' on field 'Subscription.bot_threads_calls_tasks'")
          .contains("FAIL  KarenThreads subscription  [KarenThreads]  outcome: rejected");
    }
  }
}

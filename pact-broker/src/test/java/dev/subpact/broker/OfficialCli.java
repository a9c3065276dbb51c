package dev.subpact.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the official {@code pact-broker} CLI (npm @pact-foundation/pact-cli) from the repository's one
 * set of npm test peers (the root package.json, installed in the root node_modules).
 */
final class OfficialCli {

  /** Exit code and combined output of one CLI run. */
  record Run(int exitCode, String output) {}

  private final String brokerUrl;
  private final List<String> credentials;

  OfficialCli(String brokerUrl, String username, String password) {
    this.brokerUrl = brokerUrl;
    this.credentials = username == null ? List.of() : List.of("--broker-username", username, "--broker-password", password);
  }

  static Path executable() {
    Path cli = Path.of("../node_modules/.bin/pact-broker").toAbsolutePath().normalize();
    assertThat(cli).as("The official pact-broker CLI is missing at %s: run test-peers/install.sh (`./mvnw verify` runs it) or `npm ci` in the repository root"
        + " (it installs @pact-foundation/pact-cli 18.1.2).", cli).exists();
    return cli;
  }

  Run run(String command, String... args) throws IOException, InterruptedException {
    List<String> line = new ArrayList<>();
    line.add(executable().toString());
    line.add(command);
    line.addAll(List.of(args));
    line.add("--broker-base-url");
    line.add(brokerUrl);
    line.addAll(credentials);
    Path output = Files.createTempFile("pact-cli", ".log");
    Process process = new ProcessBuilder(line).redirectErrorStream(true).redirectOutput(output.toFile()).start();
    if (!process.waitFor(120, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("pact-broker " + command + " did not finish within 120s");
    }
    String text = Files.readString(output, StandardCharsets.UTF_8);
    Files.deleteIfExists(output);
    return new Run(process.exitValue(), text);
  }

  Run ok(String command, String... args) throws IOException, InterruptedException {
    Run run = run(command, args);
    assertThat(run.exitCode()).as("pact-broker %s %s failed:%n%s", command, String.join(" ", args), run.output()).isZero();
    return run;
  }
}

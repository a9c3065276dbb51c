package dev.subpact.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code subpact broker}: serves until stopped; bad options exit 2 with a message naming the problem. */
class BrokerCommandTest {

  private record Run(int exitCode, String out, String err) {}

  private static Run run(String... args) {
    CommandLine cli = SubpactCommand.commandLine();
    if (!cli.getSubcommands().containsKey("broker")) {
      cli.addSubcommand("broker", new BrokerCommand());
    }
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    int code = cli.execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void basicAuthMustBeUserColonPassword() {
    Run run = run("broker", "--port", "0", "--basic-auth", "nocolon");
    assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(run.err()).contains("--basic-auth must be USER:PASS");
  }

  @Test
  void unsupportedDatabaseIsBadInput() {
    Run run = run("broker", "--port", "0", "--database", "mysql://x");
    assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(run.err()).contains("Unsupported database 'mysql://x'").contains("sqlite:PATH");
  }

  @Test
  void aBadWebhookHostEntryIsBadInputNamingItsOption() {
    Run run = run("broker", "--port", "0", "--webhook-host", "10.0.0.0/33");
    assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(run.err()).contains("The webhook host allow-list entry '10.0.0.0/33' is not a CIDR range")
        .contains("(given with --webhook-host)");
  }

  @Test
  void aPortInUseIsBadInputNamingTheOptions(@TempDir Path dir) throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      Run run = run("broker", "--port", String.valueOf(taken.getLocalPort()), "--database", "sqlite:" + dir.resolve("broker.db"));
      assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
      assertThat(run.err()).contains("Cannot serve the broker on 127.0.0.1:" + taken.getLocalPort())
          .contains("(given with --host or --port)");
    }
  }

  @Test
  void unreachablePostgresqlIsBadInputWithoutThePassword(@TempDir Path dir) {
    Run run = run("broker", "--port", "0", "--database", "postgresql://app:s3cret@127.0.0.1:1/broker");
    assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(run.err()).contains("Cannot connect to the database postgresql://app:***@127.0.0.1:1/broker")
        .doesNotContain("s3cret");
  }

  @Test
  void servesUntilStopped(@TempDir Path dir) throws Exception {
    String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process broker = new ProcessBuilder(javaBin, "-cp", System.getProperty("java.class.path"), SubpactCommand.class.getName(),
        "broker", "--port", "0", "--database", "sqlite:" + dir.resolve("broker.db"), "--basic-auth", "ci:secret")
        .redirectErrorStream(true).start();
    try (var out = new BufferedReader(new InputStreamReader(broker.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      String url = null;
      while ((line = out.readLine()) != null) {
        if (line.startsWith("subpact broker listening on ")) {
          url = line.substring("subpact broker listening on ".length()).split(" ")[0];
          break;
        }
      }
      assertThat(url).as("the broker announces its URL").startsWith("http://127.0.0.1:");
      var http = HttpClient.newHttpClient();
      var heartbeat = http.send(HttpRequest.newBuilder(URI.create(url + "/diagnostic/status/heartbeat")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(heartbeat.statusCode()).isEqualTo(200);
      var anonymousWrite = http.send(HttpRequest.newBuilder(URI.create(url + "/pacticipants"))
              .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"x\"}")).header("Content-Type", "application/json").build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(anonymousWrite.statusCode()).isEqualTo(401);
    } finally {
      broker.destroy();
      assertThat(broker.waitFor(20, TimeUnit.SECONDS)).as("stops on SIGTERM").isTrue();
    }
    assertThat(dir.resolve("broker.db")).exists();
  }

  @Test
  void readOnlyAuthNeedsAWriter() {
    Run run = run("broker", "--port", "0", "--read-only-auth", "viewer:view");
    assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(run.err()).contains("--read-only-auth needs --basic-auth or --token");
  }
}

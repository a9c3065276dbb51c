package dev.subpact.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.subpact.graphql.pact.GraphqlPacts;
import dev.subpact.incident.Incident;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Bad input is refused before any work starts, with exit 2 and what / why / what to do, never a
 * stack trace: one case per input the issue lists.
 */
class PreflightTest {

  @TempDir Path dir;
  private StringWriter out;

  private int run(String... args) {
    out = new StringWriter();
    CommandLine cli = SubpactCommand.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(out, true));
    return cli.execute(args);
  }

  private void assertRefused(int exit) {
    assertThat(exit).as(out.toString()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(out.toString()).doesNotContain("\tat ").doesNotContain("Exception");
  }

  @Test
  void pactsRefusesAnOutFolderItCannotCreateBeforeAskingTheBroker() {
    assertRefused(run("pacts", "--provider", "flexus-backend", "--out", "/proc/nope", "-b", "http://127.0.0.1:9"));
    assertThat(out.toString()).contains("--out /proc/nope cannot be created").contains("Give a folder you may write to.")
        .doesNotContain("broker");
  }

  @Test
  void pactsRefusesAFileAsOutFolder() throws Exception {
    Path file = Files.writeString(dir.resolve("a-file"), "x");
    assertRefused(run("pacts", "--provider", "flexus-backend", "--out", file.toString(), "-b", "http://127.0.0.1:9"));
    assertThat(out.toString()).contains("is a file, not a folder");
  }

  @Test
  void demoRefusesAPortInUse() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      assertRefused(run("demo", "--exit", "--port", String.valueOf(taken.getLocalPort())));
      assertThat(out.toString()).contains("--port " + taken.getLocalPort() + ": 127.0.0.1:" + taken.getLocalPort() + " cannot be listened on")
          .contains("pick another port, or give 0");
    }
  }

  @Test
  void captureRefusesAnUnwritableOutBeforeTheBotRuns() throws Exception {
    Path file = Files.writeString(dir.resolve("a-file"), "x");
    assertRefused(run("capture", "--consumer", "karen", "--consumer-version", "1", "--out", file.resolve("pacts").toString(),
        "--duration", "1s"));
    assertThat(out.toString()).contains("is a file, not a folder").doesNotContain("listening on");
  }

  @Test
  void verifyRefusesPublishingWithoutAProviderVersionBeforeReplaying() throws Exception {
    Path pacts = Files.createDirectories(dir.resolve("pacts"));
    GraphqlPacts.writeTo(pacts, Incident.crashedContracts().get(4));
    assertRefused(run("verify", "--backend", "ws://127.0.0.1:9/v1/graphql", "--pacts", pacts.toString(), "--publish-results"));
    assertThat(out.toString()).contains("--publish-results needs --provider-version").contains("nothing was replayed")
        .doesNotContain("unreachable");
  }

  @Test
  void publishNamesWhereAMalformedPactBreaks() throws Exception {
    Path pacts = Files.createDirectories(dir.resolve("pacts"));
    Files.writeString(pacts.resolve("karen-flexus-backend.json"), "{\"consumer\": {\"name\": \"karen\"}, \"interactions\": [\n");
    assertRefused(run("publish", "--pacts", pacts.toString(), "-a", "1", "-b", "http://127.0.0.1:9"));
    assertThat(out.toString()).contains("karen-flexus-backend.json is not valid JSON (line 2, column 1)")
        .doesNotContain("REDACTED").doesNotContain("StreamReadFeature");
  }

  @Test
  void checkSaysAnIntrospectionResultWithoutTypesIsIncomplete() throws Exception {
    Path schema = Files.writeString(dir.resolve("introspection.json"), "{\"data\": {\"__schema\": {\"queryType\": {\"name\": \"Query\"}}}}");
    Path pacts = Files.createDirectories(dir.resolve("pacts"));
    GraphqlPacts.writeTo(pacts, Incident.crashedContracts().get(4));
    assertRefused(run("check", "--schema", schema.toString(), "--pacts", pacts.toString()));
    assertThat(out.toString()).contains("is an introspection result without \"__schema\".\"types\"")
        .doesNotContain("Cannot invoke").doesNotContain("null");
  }
}

package dev.subpact.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.subpact.graphql.pact.GraphqlPact;
import dev.subpact.graphql.pact.GraphqlPacts;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code subpact capture} in its own JVM, stopped by SIGTERM as a CI runner stops it: the pact is still written. */
class CaptureSigtermTest {

  /** The capture command as its own process (the launcher's main registers it the same way). */
  public static final class CaptureMain {
    public static void main(String[] args) {
      CommandLine cli = new CommandLine(new CaptureCommand());
      cli.setExecutionExceptionHandler(new UserErrorHandler());
      System.exit(cli.execute(args));
    }
  }

  @TempDir Path out;

  @Test
  void sigtermWritesWhatWasRecorded() throws Exception {
    Process capture = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), CaptureMain.class.getName(),
        "--listen", "127.0.0.1:0", "--consumer", "karen", "--consumer-version", "9", "--out", out.toString())
        .redirectError(ProcessBuilder.Redirect.INHERIT).start();
    try {
      BufferedReader stdout = new BufferedReader(new InputStreamReader(capture.getInputStream(), StandardCharsets.UTF_8));
      Matcher listening = Pattern.compile("listening on (http://\\S+) and").matcher(stdout.readLine());
      assertThat(listening.find()).isTrue();
      HttpResponse<String> answer = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(URI.create(listening.group(1)))
              .POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"mutation DeleteEmessages($ids: [String!]!) {\\n  emessages_delete(emessage_ids: $ids)\\n}\",\"operationName\":\"DeleteEmessages\",\"variables\":{\"ids\":[\"e1\"]}}"))
              .build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(answer.statusCode()).isEqualTo(200);

      capture.toHandle().destroy(); // SIGTERM, keeping our end of its stdout open
      assertThat(capture.waitFor(30, TimeUnit.SECONDS)).isTrue();
      StringBuilder rest = new StringBuilder();
      for (String line; (line = stdout.readLine()) != null; ) {
        rest.append(line).append('\n');
      }
      assertThat(rest.toString()).contains("Recorded 1 operation(s), 1 distinct:\n  DeleteEmessages mutation x1: HTTP POST /v1/graphql\n");
      GraphqlPact pact = GraphqlPacts.read(out.resolve("karen-backend.json"));
      assertThat(pact.interactions()).singleElement()
          .satisfies(i -> assertThat(i.operation().document().text()).isEqualTo("mutation DeleteEmessages($ids: [String!]!) {\n  emessages_delete(emessage_ids: $ids)\n}"));
    } finally {
      capture.destroyForcibly();
    }
  }
}

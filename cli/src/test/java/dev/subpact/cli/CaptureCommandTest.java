package dev.subpact.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code subpact capture} end to end with the Python bot (Debian's python3-websockets). */
class CaptureCommandTest {

  private static final Path CONSUMER_CONTRACTS = Path.of("").toAbsolutePath().resolve("../consumer-contracts").normalize();
  private static final Path BOT = CONSUMER_CONTRACTS.resolve("src/test/python/karen_bot.py");
  private static final Path CKIT = CONSUMER_CONTRACTS.resolve("src/test/resources/ckit");
  private static final Path SCHEMAS = Path.of("").toAbsolutePath().resolve("../incident-fixtures/src/main/resources/dev/subpact/backend/schemas").normalize();
  private static final String API_KEY = "sk-karen-4f1c9d2e7a";
  private static final Pattern LISTENING = Pattern.compile("listening on (http://\\S+) and (ws://\\S+)");

  @TempDir Path out;

  private final StringWriter stdout = new StringWriter();
  private final StringWriter stderr = new StringWriter();

  @Test
  void capturesThePreRenameBotAndPassesAgainstBeforeRename() throws Exception {
    CompletableFuture<Integer> capture = capture("before-rename");
    String[] urls = awaitListening();
    Process bot = bot(urls);
    BufferedReader botOut = new BufferedReader(new InputStreamReader(bot.getInputStream(), StandardCharsets.UTF_8));
    for (int i = 0; i < 4; i++) {
      assertThat(botOut.readLine()).isNotNull();
    }
    bot.getOutputStream().close();
    assertThat(bot.waitFor(30, TimeUnit.SECONDS)).isTrue();

    assertThat(capture.get(60, TimeUnit.SECONDS)).as(stderr.toString()).isEqualTo(ExitCodes.OK);
    Path pact = out.resolve("karen-flexus-backend.json");
    assertThat(pact).exists();
    assertThat(stdout.toString())
        .contains("Recorded 2 operation(s), 2 distinct:")
        .contains("  DeleteEmessages mutation x1: HTTP POST\n")
        .contains("  KarenThreads subscription x1: WebSocket, offered graphql-ws, graphql-transport-ws; chose graphql-ws; connection_init payload keys: apikey\n")
        .contains("Wrote " + pact);
    assertThat(stdout.toString() + stderr + Files.readString(pact)).doesNotContain(API_KEY);
    assertThat(stderr.toString()).isEmpty();
  }

  @Test
  void reportsTheRenameWhileTheBotIsConnectedAndExits1() throws Exception {
    CompletableFuture<Integer> capture = capture("renamed");
    String[] urls = awaitListening();
    Process bot = bot(urls);
    BufferedReader botOut = new BufferedReader(new InputStreamReader(bot.getInputStream(), StandardCharsets.UTF_8));
    for (int i = 0; i < 3; i++) {
      assertThat(botOut.readLine()).isNotNull();
    }
    assertThat(bot.isAlive()).isTrue();
    assertThat(stderr.toString())
        .startsWith("subpact capture: karen 1.2.3 sent KarenThreads (subscription, WebSocket graphql-ws), which schema renamed.graphql rejects:\n  error: ")
        .contains("want_emessage_types").contains("emessage_id");
    assertThat(botOut.readLine()).isNotNull();
    bot.getOutputStream().close();
    assertThat(bot.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(capture.get(60, TimeUnit.SECONDS)).isEqualTo(ExitCodes.BROKEN);
    assertThat(stdout.toString()).contains("KarenThreads subscription x1").contains("BREAKS against the schema");
    assertThat(stdout.toString() + stderr).doesNotContain(API_KEY);
  }

  @Test
  void badListenAddressIsBadInput() {
    CommandLine cli = commandLine();
    int code = cli.execute("--listen", "nowhere", "--consumer", "karen", "--consumer-version", "1", "--out", out.toString());
    assertThat(code).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(stderr.toString()).contains("--listen 'nowhere' is not HOST:PORT");
  }

  @Test
  void unusableResponsesFileIsBadInput() throws Exception {
    Path responses = Files.writeString(out.resolve("responses.json"), "{\"KarenThreads\": 42}");
    int code = commandLine().execute("--consumer", "karen", "--consumer-version", "1", "--out", out.toString(),
        "--responses", responses.toString());
    assertThat(code).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(stderr.toString()).isEqualTo("subpact capture: Responses file " + responses
        + ": the answer to KarenThreads must be a GraphQL result {\"data\": ...} (or a list of them), not 42\n");
  }

  private CompletableFuture<Integer> capture(String schema) {
    CommandLine cli = commandLine();
    return CompletableFuture.supplyAsync(() -> cli.execute(
        "--listen", "127.0.0.1:0", "--consumer", "karen", "--consumer-version", "1.2.3", "--provider", "flexus-backend",
        "--schema", SCHEMAS.resolve(schema + ".graphql").toString(), "--out", out.toString(), "--until-idle", "1s"));
  }

  private CommandLine commandLine() {
    CommandLine cli = new CommandLine(new CaptureCommand());
    cli.setExecutionExceptionHandler(new UserErrorHandler());
    cli.setOut(new PrintWriter(stdout, true));
    cli.setErr(new PrintWriter(stderr, true));
    return cli;
  }

  private String[] awaitListening() throws InterruptedException {
    for (int i = 0; i < 300; i++) {
      Matcher m = LISTENING.matcher(stdout.toString());
      if (m.find()) {
        return new String[] {m.group(2), m.group(1)};
      }
      Thread.sleep(20);
    }
    throw new AssertionError("subpact capture did not print its address; stderr: " + stderr);
  }

  private static Process bot(String[] urls) throws Exception {
    return new ProcessBuilder("/usr/bin/python3", BOT.toString(), urls[0], urls[1],
        CKIT.resolve("KarenThreads.before-rename.json").toString(), CKIT.resolve("DeleteEmessages.before-rename.json").toString(), API_KEY)
        .redirectError(ProcessBuilder.Redirect.INHERIT).start();
  }
}

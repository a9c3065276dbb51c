package dev.subpact.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.subpact.graphql.pact.GraphqlPact;
import dev.subpact.graphql.pact.GraphqlPacts;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
  private static final Path CKIT = CONSUMER_CONTRACTS.resolve("../incident/src/main/resources/dev/subpact/incident/ckit").normalize();
  private static final Path SCHEMAS = Path.of("").toAbsolutePath().resolve("../incident/src/main/resources/dev/subpact/backend/schemas").normalize();
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
        .contains("  DeleteEmessages mutation x1: HTTP POST /v1/graphql\n")
        .contains("  KarenThreads subscription x1: WebSocket /v1/graphql, offered graphql-ws, graphql-transport-ws; chose graphql-ws; connection_init payload keys: apikey\n")
        .contains("It saw: 1 GraphQL WebSocket connection(s) (on /v1/graphql (graphql-ws) x1), 2 frame(s) on them, "
            + "1 GraphQL POST(s) (on /v1/graphql x1), 0 request(s) that are not GraphQL\n")
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
  void aBotOnAnotherPathIsRecordedWithItsPathAndTheRequestsThatAreNotGraphqlAreNamed() throws Exception {
    // A longer idle limit: on a loaded machine the first request can take more than 5 s to arrive.
    CompletableFuture<Integer> capture = capture("before-rename", "20s");
    String[] urls = awaitListening();
    String origin = urls[1].substring(0, urls[1].indexOf("/v1/graphql"));
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    assertThat(http.send(HttpRequest.newBuilder(URI.create(origin + "/health?token=secret")).timeout(Duration.ofSeconds(90)).build(),
        HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(404);
    Process bot = bot(new String[] {urls[0].replace("/v1/graphql", "/graphql"), origin + "/graphql"});
    BufferedReader botOut = new BufferedReader(new InputStreamReader(bot.getInputStream(), StandardCharsets.UTF_8));
    for (int i = 0; i < 4; i++) {
      assertThat(botOut.readLine()).isNotNull();
    }
    bot.getOutputStream().close();
    assertThat(bot.waitFor(30, TimeUnit.SECONDS)).isTrue();

    assertThat(capture.get(60, TimeUnit.SECONDS)).as(stderr.toString()).isEqualTo(ExitCodes.OK);
    GraphqlPact pact = GraphqlPacts.read(out.resolve("karen-flexus-backend.json"));
    assertThat(pact.interactions()).extracting(i -> i.transport().describe()).containsExactly(
        "HTTP POST /graphql", "WebSocket /graphql (offers graphql-ws, graphql-transport-ws)");
    assertThat(Files.readString(out.resolve("karen-flexus-backend.json"))).contains("\"graphql.path\" : \"/graphql\"");
    assertThat(stdout.toString())
        .contains("It saw: 1 GraphQL WebSocket connection(s) (on /graphql (graphql-ws) x1), 2 frame(s) on them, "
            + "1 GraphQL POST(s) (on /graphql x1), 1 request(s) that are not GraphQL:\n  GET /health x1\n")
        .doesNotContain("secret");
  }

  @Test
  void aDocumentTwoThousandSelectionsDeepIsRefusedNamingTheLimitAndCaptureKeepsRecording() throws Exception {
    CompletableFuture<Integer> capture = capture("before-rename", "20s");
    String http = awaitListening()[1];
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    String deep = "query Deep " + "{ f ".repeat(2_000) + "}".repeat(2_000);

    HttpResponse<String> refused = post(client, http, "{\"query\": \"" + deep + "\"}");
    HttpResponse<String> next = post(client, http, "{\"query\": \"query Alive { __typename }\"}");

    assertThat(refused.statusCode()).as(refused.body()).isBetween(200, 499);
    assertThat(refused.body()).contains("nests brackets deeper than 100");
    assertThat(next.statusCode()).as("capture still answers after the deep document").isEqualTo(200);
    assertThat(capture.get(90, TimeUnit.SECONDS)).as(stderr.toString()).isIn(ExitCodes.OK, ExitCodes.BROKEN);
    assertThat(stdout.toString() + stderr).doesNotContain("StackOverflowError");
    GraphqlPact pact = GraphqlPacts.read(out.resolve("karen-flexus-backend.json"));
    assertThat(pact.interactions()).extracting(i -> i.operation().name()).containsExactly("Alive");
  }

  private static HttpResponse<String> post(HttpClient client, String url, String json) throws Exception {
    return client.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(90))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void aCaptureThatRecordedNothingWritesNoPactAndExits2SayingWhatItSaw() throws Exception {
    CompletableFuture<Integer> capture = capture("before-rename");
    String[] urls = awaitListening();
    String origin = urls[1].substring(0, urls[1].indexOf("/v1/graphql"));
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    assertThat(http.send(HttpRequest.newBuilder(URI.create(origin + "/healthz")).timeout(Duration.ofSeconds(90)).build(),
        HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(404);
    HttpResponse<String> notGraphql = http.send(HttpRequest.newBuilder(URI.create(origin + "/api/messages"))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"text\": \"hi\"}")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(notGraphql.statusCode()).isEqualTo(400);

    assertThat(capture.get(60, TimeUnit.SECONDS)).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(out).isEmptyDirectory();
    assertThat(stderr.toString()).isEqualTo(
        "subpact capture recorded no GraphQL operation, so it wrote no pact: an empty contract would let the backend "
            + "\"verify\" nothing and publish that as a pass.\n"
            + "It saw: 0 GraphQL WebSocket connection(s), 0 frame(s) on them, 0 GraphQL POST(s), 2 request(s) that are not GraphQL:\n"
            + "  GET /healthz x1\n"
            + "  POST /api/messages (400 No GraphQL query found in the request) x1\n"
            + "What to do: the bot reached the capture but sent no GraphQL; the capture records GraphQL on any path: a "
            + "WebSocket upgrade offering graphql-transport-ws or graphql-ws, or a POST with a JSON body {\"query\": ...}. "
            + "Point the bot's GraphQL URL at the capture.\n");
  }

  @Test
  void aBotThatConnectsButSubscribesToNothingIsToldToRunLongerWithTheOptionsThatSayHowLong() throws Exception {
    CompletableFuture<Integer> capture = capture("before-rename");
    String[] urls = awaitListening();
    WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder().subprotocols("graphql-transport-ws")
        .buildAsync(URI.create(urls[0]), new WebSocket.Listener() {}).get(30, TimeUnit.SECONDS);
    socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(30, TimeUnit.SECONDS);

    assertThat(capture.get(60, TimeUnit.SECONDS)).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(stderr.toString())
        .contains("What to do: the bot connected but sent no subscribe/start before the capture stopped; check that it is not"
            + " waiting for something else (its logs), and let it run longer (the capture's idle time and duration).\n")
        .endsWith("hint: command-line options for the settings named: the capture's idle time and duration (--until-idle, --duration).\n");
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
    return capture(schema, "5s");
  }

  private CompletableFuture<Integer> capture(String schema, String untilIdle) {
    CommandLine cli = commandLine();
    return CompletableFuture.supplyAsync(() -> cli.execute(
        "--listen", "127.0.0.1:0", "--consumer", "karen", "--consumer-version", "1.2.3", "--provider", "flexus-backend",
        "--schema", SCHEMAS.resolve(schema + ".graphql").toString(), "--out", out.toString(), "--until-idle", untilIdle));
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

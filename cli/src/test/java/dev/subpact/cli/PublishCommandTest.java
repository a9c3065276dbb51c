package dev.subpact.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.subpact.broker.BrokerConfig;
import dev.subpact.broker.PactBroker;
import dev.subpact.broker.RunningBroker;
import dev.subpact.broker.client.BrokerAuth;
import dev.subpact.broker.client.BrokerClient;
import dev.subpact.graphql.operation.Operation;
import dev.subpact.graphql.pact.GraphqlInteraction;
import dev.subpact.graphql.pact.GraphqlPact;
import dev.subpact.graphql.pact.GraphqlPacts;
import dev.subpact.graphql.pact.Transport;
import dev.subpact.incident.Incident;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code subpact publish} with {@code --check-stale} against subpact's own broker, and against a
 * scripted stand-in for the errors a real broker is hard to make give (the official client's
 * recorded contract, used by consumer-contracts' broker client tests, has no branch-latest pact).
 */
class PublishCommandTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path CKIT = Path.of("").toAbsolutePath().resolve("../incident/src/main/resources/dev/subpact/incident/ckit").normalize();

  @TempDir Path dir;

  private HttpServer broker;
  private final Map<String, String> answers = new ConcurrentHashMap<>();
  private final List<String> received = new CopyOnWriteArrayList<>();
  private final StringWriter stdout = new StringWriter();
  private final StringWriter stderr = new StringWriter();

  @BeforeEach
  void start() throws IOException {
    broker = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    broker.createContext("/", exchange -> {
      String key = exchange.getRequestMethod() + " " + exchange.getRequestURI().getRawPath();
      received.add(key);
      exchange.getRequestBody().readAllBytes();
      String answer = answers.get(key);
      int status = answer == null ? 404 : Integer.parseInt(answer.substring(0, 3));
      byte[] body = answer == null ? new byte[0] : answer.substring(4).getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    broker.start();
    answers.put("GET /", "200 {\"_links\":{\"pb:publish-contracts\":{\"href\":\"/contracts/publish\"}}}");
    answers.put("POST /contracts/publish", "200 {\"logs\":[{\"level\":\"info\",\"message\":\"Created adspy version 80015\"}]}");
    answers.put("GET /pacts/provider/flexus-backend/consumer/adspy/branch/main/latest", "200 " + GraphqlPacts.write(pact("80020", "after-rename")));
  }

  @AfterEach
  void stop() {
    broker.stop(0);
  }

  @Test
  void staleBuildIsAWarningByDefaultAndStillPublished() throws Exception {
    Path file = GraphqlPacts.writeTo(dir, pact("80015", "before-rename"));
    int code = run("--broker", url(), "--pacts", file.toString(), "--consumer-version", "80015", "--branch", "feature-x", "--check-stale");
    assertThat(code).as(stderr.toString()).isEqualTo(ExitCodes.OK);
    assertThat(stderr.toString())
        .startsWith("warning: adspy 80015 still sends what adspy's latest contract with flexus-backend on main no longer does")
        .contains("    - bot_threads_calls_tasks.news_payload_emessage.emessage_id\n")
        .contains("    + bot_threads_calls_tasks.news_payload_emessage.emsg_id\n");
    assertThat(stdout.toString()).isEqualTo("Published to " + url() + "/ (contracts/publish):\n  Created adspy version 80015\n");
    assertThat(received).contains("POST /contracts/publish");
  }

  @Test
  void failOnStalePublishesNothingAndExits1() throws Exception {
    Path file = GraphqlPacts.writeTo(dir, pact("80015", "before-rename"));
    int code = run("--broker", url(), "--pacts", dir.toString(), "--consumer-version", "80015", "--check-stale", "--fail-on-stale");
    assertThat(code).isEqualTo(ExitCodes.BROKEN);
    assertThat(stderr.toString()).startsWith("error: adspy 80015 still sends").endsWith("subpact publish: nothing published (--fail-on-stale).\n");
    assertThat(received).doesNotContain("POST /contracts/publish");
    assertThat(file).exists();
  }

  @Test
  void aBuildOfMainIsNotStale() throws Exception {
    Path file = GraphqlPacts.writeTo(dir, pact("80020", "after-rename"));
    int code = run("--broker", url(), "--pacts", file.toString(), "--consumer-version", "80020", "--check-stale", "--fail-on-stale");
    assertThat(code).isEqualTo(ExitCodes.OK);
    assertThat(stdout.toString()).startsWith("adspy 80020 sends nothing that adspy's latest contract on main no longer does.\n");
  }

  @Test
  void refusedCredentialsAndMissingInputsAreBadInput() throws Exception {
    Path file = GraphqlPacts.writeTo(dir, pact("80015", "before-rename"));
    answers.put("POST /contracts/publish", "401 ");
    assertThat(run("--broker", url(), "--pacts", file.toString(), "--consumer-version", "1", "--token", "nope")).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(stderr.toString()).contains("→ 401): not authenticated. Give the broker's credentials: a user and password"
        + " (basic auth) or a bearer token. (given with --username or --password or --token, or PACT_BROKER_USERNAME/PACT_BROKER_PASSWORD"
        + " or PACT_BROKER_TOKEN)").doesNotContain("nope");

    assertThat(run("--broker", url(), "--pacts", dir.resolve("missing.json").toString(), "--consumer-version", "1")).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(stderr.toString()).contains("Pact file " + dir.resolve("missing.json") + " does not exist.");
  }

  @Test
  void aPactWithoutInteractionsIsRefusedAndNothingIsPublished() throws Exception {
    GraphqlPacts.writeTo(dir, pact("80020", "after-rename"));
    Path empty = GraphqlPacts.writeTo(Files.createDirectories(dir.resolve("empty")),
        new GraphqlPact("karen", "flexus-backend", "80020", List.of()));
    int code = run("--broker", url(), "--pacts", dir.toString(), "--consumer-version", "80020", "--check-stale");
    assertThat(code).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(stderr.toString()).isEqualTo("subpact publish: Pact file " + empty + " (karen -> flexus-backend) holds no interactions: "
        + "published, it would let flexus-backend \"verify\" nothing and count that as a pass. Nothing was published. "
        + "Capture again with the bot pointed at the capture server's URL (a capture that records nothing writes no pact), "
        + "or leave this file out of the pacts to publish. (given with --pacts)\n");
    assertThat(received).doesNotContain("POST /contracts/publish");
  }

  @Test
  void againstSubpactsOwnBrokerAStaleBuildIsStoppedBeforePublishing() throws Exception {
    try (RunningBroker subpact = PactBroker.start(BrokerConfig.local(0, "sqlite:" + dir.resolve("broker.db")))) {
      Path mainDir = Files.createDirectories(dir.resolve("main"));
      GraphqlPacts.writeTo(mainDir, pact("80020", "after-rename"));
      assertThat(run("--broker", subpact.url(), "--pacts", mainDir.toString(), "--consumer-version", "80020", "--branch", "main"))
          .as(stderr.toString()).isEqualTo(ExitCodes.OK);
      assertThat(stdout.toString()).startsWith("Published to " + subpact.url() + "/ (contracts/publish):");

      Path staleDir = Files.createDirectories(dir.resolve("stale"));
      GraphqlPacts.writeTo(staleDir, pact("80015", "before-rename"));
      assertThat(run("--broker", subpact.url(), "--pacts", staleDir.toString(), "--consumer-version", "80015", "--branch", "release-1",
          "--check-stale", "--fail-on-stale")).isEqualTo(ExitCodes.BROKEN);
      assertThat(stderr.toString()).startsWith("error: adspy 80015 still sends what adspy's latest contract with flexus-backend on main no longer does")
          .contains("    - bot_threads_calls_tasks(want_emessage_types:)\n");

      String onMain = BrokerClient.of(URI.create(subpact.url()), BrokerAuth.none()).latestPact("flexus-backend", "adspy", "main").orElseThrow();
      assertThat(GraphqlPacts.parse(onMain, "broker").interactions().get(1).operation().document().text()).contains("emsg_id");
    }
  }

  private int run(String... args) {
    CommandLine cli = new CommandLine(new PublishCommand());
    cli.setExecutionExceptionHandler(new UserErrorHandler());
    cli.setOut(new PrintWriter(stdout, true));
    cli.setErr(new PrintWriter(stderr, true));
    return cli.execute(args);
  }

  private String url() {
    return "http://127.0.0.1:" + broker.getAddress().getPort();
  }

  private static GraphqlPact pact(String version, String rename) throws IOException {
    List<GraphqlInteraction> interactions = new ArrayList<>();
    for (String name : List.of("DeleteEmessages", "KarenThreads")) {
      JsonNode fixture = JSON.readTree(CKIT.resolve(name + "." + rename + ".json").toFile());
      Operation operation = Operation.of(fixture.get("wire_query_graphql_core_3.2.8").asText(), name,
          JSON.convertValue(fixture.get("variables"), new TypeReference<LinkedHashMap<String, Object>>() {}));
      interactions.add(new GraphqlInteraction(name + " " + operation.type().keyword(), List.of(), operation,
          name.equals("KarenThreads") ? new Transport.WebSocket(Incident.PATH, Incident.BOT_SUBPROTOCOLS) : new Transport.Http("/v1/graphql"),
          List.of()));
    }
    return new GraphqlPact("adspy", "flexus-backend", version, interactions);
  }
}

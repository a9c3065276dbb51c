package dev.subpact.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.subpact.broker.client.BrokerAuth;
import dev.subpact.broker.client.BrokerClient;
import dev.subpact.broker.client.PublishRequest;
import dev.subpact.broker.client.Contract;
import dev.subpact.graphql.pact.GraphqlPacts;
import dev.subpact.incident.Incident;
import dev.subpact.incident.IncidentBot;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pipelines users copy ({@code ci/backend-verify.sh}, {@code ci/bot-publish.sh}) run for real:
 * bash, the shipped jar, subpact's broker and the reference backend as processes on 127.0.0.1,
 * a Python bot stand-in on Debian's python3-websockets. A passing and a failing case each, the
 * backend's first run before any bot published a contract, and
 * shellcheck finds nothing.
 */
class CiScriptsTest {

  private static final Path CKIT = LauncherTest.ROOT.resolve("incident/src/main/resources/dev/subpact/incident/ckit");
  private static final Path SCHEMAS = LauncherTest.ROOT.resolve("incident/src/main/resources/dev/subpact/backend/schemas");
  private static final Path BOT = LauncherTest.ROOT.resolve("consumer-contracts/src/test/python/karen_bot.py");

  @TempDir Path dir;
  private RunningProcess broker;
  private String brokerUrl;
  private BrokerClient client;
  private Path subpact;

  @BeforeEach
  void startTheBroker() throws Exception {
    subpact = dir.resolve("subpact");
    Files.writeString(subpact, "#!/bin/sh\nexec '" + LauncherTest.javaBinary() + "' -jar '" + LauncherTest.JAR + "' \"$@\"\n");
    Files.setPosixFilePermissions(subpact, PosixFilePermissions.fromString("rwxr-xr-x"));
    broker = RunningProcess.start(List.of(subpact.toString(), "broker", "--port", "0", "--database", "sqlite:" + dir.resolve("broker.db")));
    brokerUrl = broker.await("listening on (http://127\\.0\\.0\\.1:\\d+)", Duration.ofSeconds(60));
    client = BrokerClient.of(URI.create(brokerUrl), BrokerAuth.none());
    client.environment("staging", false);
  }

  @AfterEach
  void stopTheBroker() throws InterruptedException {
    broker.close();
  }

  // ---------------------------------------------------------------- backend pipeline

  @Test
  void backendVerifyDeploysTheAliasedBuild() throws Exception {
    deployTheCrashedBots();
    Script run = backendVerify("aliased", "staging.aliased");

    assertThat(run.exit()).as(run.output()).isZero();
    assertThat(run.output()).contains("== 3. static check").contains("== 5. live replay")
        .contains("can-i-deploy flexus-backend staging.aliased to staging: yes")
        .contains("Recorded flexus-backend staging.aliased as deployed to staging.");
  }

  @Test
  void backendVerifyComparesWithTheDeployedSchemaAndPublishesItsOwn() throws Exception {
    deployTheCrashedBots();
    client.publishSchema(Incident.PROVIDER, "staging.before-rename", Files.readString(SCHEMAS.resolve("before-rename.graphql")));
    client.recordDeployment(Incident.PROVIDER, "staging.before-rename", "staging");
    Map<String, String> baseline = Map.of("SUBPACT_BASELINE", "broker", "SUBPACT_PUBLISH_SCHEMA", "true");

    Script run = backendVerify("aliased", "staging.aliased", baseline);

    assertThat(run.exit()).as(run.output()).isZero();
    assertThat(run.output()).contains("== 3. static check against the exported schema, compared with broker along each operation")
        .contains("== 3b. publish the schema of flexus-backend staging.aliased")
        .contains("ok    karen 20045")
        .contains("Recorded flexus-backend staging.aliased as deployed to staging.");
    assertThat(client.schema(Incident.PROVIDER, "staging.aliased")).isEqualTo(Files.readString(SCHEMAS.resolve("aliased.graphql")));
  }

  @Test
  void backendVerifyStopsTheRenamedBuildBeforeItDeploys() throws Exception {
    deployTheCrashedBots();
    Script run = backendVerify("renamed", "staging.renamed");

    assertThat(run.exit()).as(run.output()).isEqualTo(1);
    assertThat(LauncherTest.unwrapped(run.output()))
        .contains("8 errors UNKNOWN_FIELD at 114:7 8 fields of FExternalMessageOutput renamed emessage_* → emsg_*: emessage_id,")
        .doesNotContain("== 5. live replay")
        .doesNotContain("as deployed to staging");
  }

  @Test
  void backendVerifyPassesItsFirstRunBeforeAnyBotPublished() throws Exception {
    Script run = backendVerify("aliased", "first-build");

    assertThat(run.exit()).as(run.output()).isZero();
    assertThat(run.output())
        .contains("Fetched 0 pact(s) flexus-backend must verify")
        .contains("no contracts to verify\n")
        .contains("no contracts to verify for flexus-backend")
        .contains("nothing to publish: recorded flexus-backend first-build on branch main")
        .contains("can-i-deploy flexus-backend first-build to staging: yes")
        .contains("Recorded flexus-backend first-build as deployed to staging.");
  }

  private Script backendVerify(String build, String version) throws Exception {
    return backendVerify(build, version, Map.of());
  }

  private Script backendVerify(String build, String version, Map<String, String> extra) throws Exception {
    int port = freePort();
    Map<String, String> env = new LinkedHashMap<>(extra);
    env.put("SUBPACT_PROVIDER_VERSION", version);
    env.put("SUBPACT_PROVIDER_BRANCH", "main");
    env.put("SUBPACT_SCHEMA", SCHEMAS.resolve(build + ".graphql").toString());
    env.put("SUBPACT_BACKEND_START_COMMAND", subpact + " backend --build " + build + " --port " + port);
    env.put("SUBPACT_BACKEND_WS_URL", "ws://127.0.0.1:" + port + "/v1/graphql");
    env.put("SUBPACT_STATE_URL", "http://127.0.0.1:" + port + "/_subpact/state");
    env.put("SUBPACT_DEPLOY_COMMAND", "echo deploying " + version);
    return script("ci/backend-verify.sh", env);
  }

  private void deployTheCrashedBots() throws IOException {
    for (IncidentBot bot : Incident.BOTS) {
      publish(Incident.contract(bot, Incident.ClientKit.BEFORE_RENAME, bot.version()), bot.version());
      client.recordDeployment(bot.name(), bot.version(), "staging");
    }
  }

  // ---------------------------------------------------------------- bot pipeline

  @Test
  void botPublishCapturesPublishesAndDeploysAFreshBuild() throws Exception {
    backendDeployedWithItsSchema("aliased");
    publish(Incident.contract(Incident.bot("karen"), Incident.ClientKit.AFTER_RENAME, "c0ffee1"), "c0ffee1");

    Script run = botPublish("20046", "after-rename");

    assertThat(run.exit()).as(run.output()).isZero();
    assertThat(run.output()).contains("capturing on http://127.0.0.1:")
        .contains("Published to " + brokerUrl)
        .contains("can-i-deploy karen 20046 to staging: yes")
        .contains("Recorded karen 20046 as deployed to staging.")
        .doesNotContain("bot-secret-key");
  }

  @Test
  void botPublishRefusesAStaleBuild() throws Exception {
    backendDeployedWithItsSchema("aliased");
    publish(Incident.contract(Incident.bot("karen"), Incident.ClientKit.AFTER_RENAME, "c0ffee1"), "c0ffee1");

    Script run = botPublish("20047", "before-rename");

    assertThat(run.exit()).as(run.output()).isEqualTo(1);
    assertThat(run.output()).contains("karen 20047 still sends what karen's latest contract with flexus-backend on main no longer does")
        .contains("- bot_threads_calls_tasks(want_emessage_types:)")
        .doesNotContain("as deployed to staging");
  }

  @Test
  void botPublishRecordsABotThatUsesAnotherPathAndPublishesItsPath() throws Exception {
    backendDeployedWithItsSchema("aliased");
    Script run = botPublish("20048", "after-rename", "/graphql");

    assertThat(run.exit()).as(run.output()).isZero();
    assertThat(run.output()).contains("KarenThreads subscription x1: WebSocket /graphql, offered graphql-ws, graphql-transport-ws")
        .contains("DeleteEmessages mutation x1: HTTP POST /graphql")
        .contains("Published to " + brokerUrl)
        .contains("can-i-deploy karen 20048 to staging: yes");
    String published = client.latestPact(Incident.PROVIDER, "karen", "main").orElseThrow();
    assertThat(GraphqlPacts.parse(published, "broker").interactions())
        .extracting(i -> i.transport().path()).containsOnly("/graphql");
  }

  @Test
  void botPublishFailsWithoutPublishingWhenTheBotSentNoGraphql() throws Exception {
    backendDeployedWithItsSchema("aliased");
    Map<String, String> env = botEnvironment("20049",
        "curl -s -o /dev/null \"${SUBPACT_BACKEND_HTTP_URL%/v1/graphql}/health\"");

    Script run = script("ci/bot-publish.sh", env);

    assertThat(run.exit()).as(run.output()).isEqualTo(2);
    assertThat(run.output())
        .contains("subpact capture recorded no GraphQL operation, so it wrote no pact")
        .contains("  GET /health x1\n")
        .contains("bot-publish: the capture recorded no GraphQL operation, so there is no contract to publish (exit 2)")
        .doesNotContain("== 4. publish");
    assertThat(client.latestPact(Incident.PROVIDER, "karen", "main")).isEmpty();
  }

  private void backendDeployedWithItsSchema(String build) throws IOException {
    client.publishSchema(Incident.PROVIDER, "staging." + build, Files.readString(SCHEMAS.resolve(build + ".graphql")));
    client.recordDeployment(Incident.PROVIDER, "staging." + build, "staging");
  }

  private Script botPublish(String version, String kit) throws Exception {
    return botPublish(version, kit, "/v1/graphql");
  }

  /** The Python bot, pointed at {@code path} on the capture's origin (a bot that builds its own path). */
  private Script botPublish(String version, String kit, String path) throws Exception {
    String origin = "${SUBPACT_BACKEND_%s_URL%%/v1/graphql}" + path;
    return script("ci/bot-publish.sh", botEnvironment(version, "/usr/bin/python3 " + BOT + " \"" + origin.formatted("WS")
        + "\" \"" + origin.formatted("HTTP") + "\" " + CKIT.resolve("KarenThreads." + kit + ".json") + " "
        + CKIT.resolve("DeleteEmessages." + kit + ".json") + " bot-secret-key"));
  }

  private static Map<String, String> botEnvironment(String version, String botCommand) {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("SUBPACT_CONSUMER", "karen");
    env.put("SUBPACT_CONSUMER_VERSION", version);
    env.put("SUBPACT_CONSUMER_BRANCH", "main");
    env.put("SUBPACT_FAIL_ON_STALE", "true");
    env.put("SUBPACT_BOT_RUN_SECONDS", "10");
    env.put("SUBPACT_BOT_COMMAND", botCommand);
    env.put("SUBPACT_DEPLOY_COMMAND", "echo deploying karen " + version);
    return env;
  }

  // ---------------------------------------------------------------- webhook

  @Test
  void createWebhookSavesTheVerificationTriggerAndRunningItAgainUpdatesIt() throws Exception {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("SUBPACT_WEBHOOK_TARGET", "gitlab");
    env.put("SUBPACT_WEBHOOK_URL", "https://gitlab.example/api/v4/projects/1/trigger/pipeline");

    Script first = script("ci/create-webhook.sh", env);
    Script second = script("ci/create-webhook.sh", env);

    assertThat(first.exit()).as(first.output()).isZero();
    assertThat(second.exit()).as(second.output()).isZero();
    assertThat(second.output()).contains("create-webhook: webhook subpact-backend-verification-flexus-backend saved for flexus-backend");
    java.net.http.HttpResponse<String> saved = java.net.http.HttpClient.newHttpClient().send(
        java.net.http.HttpRequest.newBuilder(URI.create(brokerUrl + "/webhooks/subpact-backend-verification-flexus-backend")).build(),
        java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(saved.statusCode()).isEqualTo(200);
    assertThat(saved.body()).contains("contract_requiring_verification_published").contains("${pactbroker.pactUrl}")
        .contains("/api/v4/projects/1/trigger/pipeline");
  }

  @Test
  void everyScriptRefusesToGuessTheProviderName() throws Exception {
    for (String path : List.of("ci/backend-verify.sh", "ci/bot-publish.sh", "ci/create-webhook.sh")) {
      Map<String, String> env = new LinkedHashMap<>();
      env.put("SUBPACT_PROVIDER", "");
      env.put("SUBPACT_CONSUMER", "karen");
      env.put("SUBPACT_BOT_COMMAND", "true");
      env.put("SUBPACT_BACKEND_WS_URL", "ws://127.0.0.1:1/graphql");
      Script run = script(path, env);
      assertThat(run.exit()).as(run.output()).isNotZero();
      assertThat(run.output()).as(path).contains("set SUBPACT_PROVIDER to the pacticipant name of");
    }
  }

  // ---------------------------------------------------------------- shellcheck

  @Test
  void theScriptsAreShellcheckClean() throws Exception {
    List<String> command = new ArrayList<>(List.of("shellcheck"));
    try (var scripts = Files.list(LauncherTest.ROOT.resolve("ci"))) {
      scripts.filter(p -> p.toString().endsWith(".sh")).sorted().forEach(p -> command.add(p.toString()));
    }
    assertThat(command).hasSizeGreaterThanOrEqualTo(3);
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor()).as(output).isZero();
  }

  // ---------------------------------------------------------------- plumbing

  private record Script(int exit, String output) {}

  private Script script(String path, Map<String, String> extra) throws Exception {
    ProcessBuilder builder = new ProcessBuilder("bash", LauncherTest.ROOT.resolve(path).toString())
        .directory(dir.toFile()).redirectErrorStream(true);
    Map<String, String> env = builder.environment();
    env.keySet().removeIf(k -> k.startsWith("PACT_BROKER_") || k.startsWith("SUBPACT") || k.startsWith("GITHUB_"));
    env.put("PACT_BROKER_BASE_URL", brokerUrl);
    env.put("SUBPACT", subpact.toString());
    env.put("SUBPACT_PROVIDER", Incident.PROVIDER);
    env.putAll(extra);
    Path log = dir.resolve("script.log");
    builder.redirectOutput(log.toFile());
    Process process = builder.start();
    boolean ended = process.waitFor(5, TimeUnit.MINUTES);
    if (!ended) {
      process.destroyForcibly();
    }
    String output = Files.readString(log);
    assertThat(ended).as("%s ended within 5 minutes:%n%s", path, output).isTrue();
    return new Script(process.exitValue(), output);
  }

  private void publish(dev.subpact.graphql.pact.GraphqlPact pact, String version) throws IOException {
    Path file = GraphqlPacts.writeTo(Files.createTempDirectory(dir, "pact"), pact);
    client.publish(new PublishRequest(version, "main", List.of(), null, List.of(Contract.read(file)), false));
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}

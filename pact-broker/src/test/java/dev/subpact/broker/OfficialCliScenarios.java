package dev.subpact.broker;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.subpact.broker.json.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The official Rust pact-broker CLI run against the broker, with basic auth: every command the
 * pipelines use, in the order a bot's and a backend's CI would use them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class OfficialCliScenarios {

  RunningBroker broker;
  OfficialCli cli;
  static final HttpClient HTTP = HttpClient.newHttpClient();

  abstract Engine engine();

  @BeforeAll
  void start() {
    broker = PactBroker.start(BrokerConfig.local(0, engine().newDatabase())
        .withAuth("ci:secret", "viewer:view", null, false));
    cli = new OfficialCli(broker.url(), "ci", "secret");
  }

  @AfterAll
  void stop() {
    broker.close();
  }

  static Path pactFile(Path dir, String consumer, String provider, String field) throws Exception {
    String pact = """
        {"consumer":{"name":"%s"},"provider":{"name":"%s"},
         "interactions":[{"description":"threads subscription","request":{"method":"POST","path":"/graphql",
           "body":{"query":"subscription { threads { %s } }"}},"response":{"status":200}}],
         "metadata":{"pactSpecification":{"version":"2.0.0"}}}""".formatted(consumer, provider, field);
    Path file = dir.resolve(consumer + "-" + provider + ".json");
    Files.writeString(file, pact);
    return file;
  }

  JsonNode get(String path) throws Exception {
    HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(broker.url() + path))
        .header("Authorization", basic("ci:secret")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as("GET %s: %s", path, response.body()).isEqualTo(200);
    return Json.parse(response.body());
  }

  void verify(String consumer, String version, String provider, String providerVersion, boolean success) throws Exception {
    JsonNode pact = get("/pacts/provider/" + provider + "/consumer/" + consumer + "/version/" + version);
    String url = pact.path("_links").path("pb:publish-verification-results").path("href").asText();
    String body = "{\"success\": " + success + ", \"providerApplicationVersion\": \"" + providerVersion + "\"}";
    HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url))
        .header("Authorization", basic("ci:secret")).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
  }

  static String basic(String credentials) {
    return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void pacticipantsVersionsTagsAndPacts(@TempDir Path dir) throws Exception {
    cli.ok("create-or-update-pacticipant", "--name", "backend", "--main-branch", "main",
        "--repository-url", "https://git.example/backend");
    assertThat(get("/pacticipants/backend").path("mainBranch").asText()).isEqualTo("main");

    pactFile(dir, "karen", "backend", "emsg_id");
    var published = cli.ok("publish", dir.toString(), "--consumer-app-version", "1.0.0", "--branch", "main", "--tag", "dev");
    assertThat(published.output()).contains("karen");
    assertThat(get("/pacts/provider/backend/consumer/karen/latest").path("interactions")).hasSize(1);

    cli.ok("create-version-tag", "--pacticipant", "karen", "--version", "1.0.0", "--tag", "prod");
    var described = cli.ok("describe-version", "--pacticipant", "karen", "--version", "1.0.0");
    assertThat(described.output()).contains("1.0.0").contains("prod");

    var latest = cli.ok("list-latest-pact-versions");
    assertThat(latest.output()).contains("karen").contains("backend").contains("1.0.0");
  }

  @Test
  void environmentsDeploymentsAndCanIDeploy(@TempDir Path dir) throws Exception {
    cli.ok("create-environment", "--name", "staging", "--display-name", "Staging");
    pactFile(dir, "adspy", "gateway", "emessage_id");
    cli.ok("publish", dir.toString(), "--consumer-app-version", "80015", "--branch", "main");

    var refused = cli.run("can-i-deploy", "--pacticipant", "adspy", "--version", "80015", "--to-environment", "staging");
    assertThat(refused.exitCode()).as(refused.output()).isNotZero();
    assertThat(refused.output()).containsIgnoringCase("gateway");

    verify("adspy", "80015", "gateway", "g-1", true);
    cli.ok("create-or-update-version", "--pacticipant", "gateway", "--version", "g-1");
    cli.ok("record-deployment", "--pacticipant", "gateway", "--version", "g-1", "--environment", "staging");
    var allowed = cli.ok("can-i-deploy", "--pacticipant", "adspy", "--version", "80015", "--to-environment", "staging");
    assertThat(allowed.output()).contains("g-1");

    cli.ok("record-deployment", "--pacticipant", "adspy", "--version", "80015", "--environment", "staging");
    cli.ok("record-release", "--pacticipant", "adspy", "--version", "80015", "--environment", "staging");
    String staging = get("/environments?name=staging").path("_embedded").path("environments").get(0).path("uuid").asText();
    assertThat(get("/environments/" + staging + "/deployed-versions/currently-deployed?pacticipant=adspy")
        .path("_embedded").path("deployedVersions")).hasSize(1);
    assertThat(get("/environments/" + staging + "/released-versions/currently-supported?pacticipant=adspy")
        .path("_embedded").path("releasedVersions")).hasSize(1);

    cli.ok("record-support-ended", "--pacticipant", "adspy", "--version", "80015", "--environment", "staging");
    assertThat(get("/environments/" + staging + "/released-versions/currently-supported?pacticipant=adspy")
        .path("_embedded").path("releasedVersions")).isEmpty();

    cli.ok("record-undeployment", "--pacticipant", "adspy", "--environment", "staging");
    assertThat(get("/environments/" + staging + "/deployed-versions/currently-deployed?pacticipant=adspy")
        .path("_embedded").path("deployedVersions")).isEmpty();

    // a failed verification by the deployed provider makes the consumer undeployable again
    verify("adspy", "80015", "gateway", "g-1", false);
    var broken = cli.run("can-i-deploy", "--pacticipant", "adspy", "--version", "80015", "--to-environment", "staging");
    assertThat(broken.exitCode()).as(broken.output()).isNotZero();
  }

  @Test
  void webhooks() throws Exception {
    cli.ok("create-or-update-pacticipant", "--name", "hook-consumer");
    cli.ok("create-or-update-pacticipant", "--name", "hook-provider");
    String uuid = "8c1a7c60-6b0a-4b8e-9f00-3f0a2b6c1d42";
    cli.ok("create-or-update-webhook", "https://ci.example/hooks/verify", "--uuid", uuid,
        "--request", "POST", "--header", "Content-Type: application/json",
        "--data", "{\"pact\": \"${pactbroker.pactUrl}\"}", "--consumer", "hook-consumer",
        "--provider", "hook-provider", "--description", "verify changed pacts", "--contract-content-changed");
    JsonNode webhook = get("/webhooks/" + uuid);
    assertThat(webhook.path("request").path("url").asText()).isEqualTo("https://ci.example/hooks/verify");
    assertThat(webhook.path("events").get(0).path("name").asText()).isEqualTo("contract_content_changed");
    assertThat(webhook.path("consumer").path("name").asText()).isEqualTo("hook-consumer");

    cli.ok("create-or-update-webhook", "https://ci.example/hooks/verify2", "--uuid", uuid,
        "--request", "POST", "--consumer", "hook-consumer", "--provider", "hook-provider",
        "--description", "verify changed pacts", "--contract-published");
    assertThat(get("/webhooks/" + uuid).path("request").path("url").asText()).isEqualTo("https://ci.example/hooks/verify2");
  }
  @Test
  void listingDescribingAndDeletingCommandsReadTheBrokersData(@TempDir Path dir) throws Exception {
    cli.ok("create-environment", "--name", "listed-env");
    cli.ok("create-environment", "--name", "gone-env", "--display-name", "Gone");
    var environments = cli.ok("list-environments");
    assertThat(environments.output()).doesNotContain("panicked").contains("listed-env").contains("Listed Env").contains("Gone");
    String listed = get("/environments?name=listed-env").path("_embedded").path("environments").get(0).path("uuid").asText();
    String gone = get("/environments?name=gone-env").path("_embedded").path("environments").get(0).path("uuid").asText();
    cli.ok("update-environment", "--uuid", listed, "--name", "listed-env", "--display-name", "Listed (EU)", "--production");
    assertThat(cli.ok("describe-environment", "--uuid", listed).output()).contains("Listed (EU)").contains("Production: true");
    cli.ok("delete-environment", "--uuid", gone);
    assertThat(cli.ok("list-environments").output()).doesNotContain("gone-env");

    pactFile(dir, "list-bot", "list-backend", "emsg_id");
    cli.ok("publish", dir.toString(), "--consumer-app-version", "7", "--branch", "feat", "--tag", "t7");
    var pacticipants = cli.ok("list-pacticipants");
    assertThat(pacticipants.output()).doesNotContain("panicked").contains("list-bot").contains("List Bot").contains("List Backend");
    assertThat(cli.ok("describe-pacticipant", "--name", "list-bot").output()).contains("Display Name: List Bot");
    assertThat(cli.ok("get-pacts", "--provider", "list-backend", "--branch", "feat").output())
        .contains("Pact between list-bot (v7) and list-backend");
    // (not --consumer with --branch and --latest: that asks for the pact document itself, as on the official
    // broker, and the CLI 0.8.8 then stops looking for a list of pacts in it)
    assertThat(cli.ok("get-pacts", "--provider", "list-backend", "--consumer", "list-bot", "--branch", "feat").output())
        .contains("Pact between list-bot (v7) and list-backend");
    assertThat(cli.ok("get-pacts", "--provider", "list-backend").output()).doesNotContain("list-bot (v7)");
    cli.ok("delete-version-tag", "--pacticipant", "list-bot", "--version", "7", "--tag", "t7");
    assertThat(get("/pacticipants/list-bot/versions/7").path("_embedded").path("tags")).isEmpty();
    cli.ok("delete-branch", "--pacticipant", "list-bot", "--branch", "feat");

    // can-i-merge: list-backend has no main-branch version that verified list-bot 7, so no (and no crash)
    var merge = cli.run("can-i-merge", "--pacticipant", "list-bot", "--version", "7");
    assertThat(merge.output()).doesNotContain("panicked");
    assertThat(merge.exitCode()).as(merge.output()).isEqualTo(1);

    cli.ok("create-webhook", "https://ci.example/hooks/list", "--request", "POST",
        "--consumer", "list-bot", "--provider", "list-backend", "--description", "listed", "--contract-published");
    String uuid = null;
    for (JsonNode link : get("/webhooks").path("_links").path("pb:webhooks")) {
      if (link.path("title").asText().contains("listed") || link.path("name").asText().contains("listed")) {
        String href = link.path("href").asText();
        uuid = href.substring(href.lastIndexOf('/') + 1);
      }
    }
    assertThat(uuid).as("the webhook create-webhook made, in %s", get("/webhooks")).isNotNull();
    cli.ok("delete-webhook", "--uuid", uuid);
    assertThat(HTTP.send(HttpRequest.newBuilder(URI.create(broker.url() + "/webhooks/" + uuid))
        .header("Authorization", basic("ci:secret")).build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(404);
  }
}

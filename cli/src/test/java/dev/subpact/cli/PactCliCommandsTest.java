package dev.subpact.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.subpact.broker.BrokerConfig;
import dev.subpact.broker.PactBroker;
import dev.subpact.broker.RunningBroker;
import dev.subpact.broker.client.BrokerAuth;
import dev.subpact.broker.client.BrokerClient;
import dev.subpact.broker.client.PactForVerification;
import dev.subpact.graphql.pact.GraphqlPacts;
import dev.subpact.incident.Incident;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The commands and option names a pipeline written for the official Pact CLI uses
 * ({@code pact-broker} of @pact-foundation/pact-cli 18.1.2): environments, record-*, can-i-deploy
 * with several versions, {@code -b/-a/-e/-o}, help on every command, suggestions. Against subpact's
 * broker over real HTTP on port 0.
 */
class PactCliCommandsTest {

  @TempDir Path dir;
  private RunningBroker broker;
  private StringWriter out;

  @BeforeEach
  void start() throws Exception {
    broker = PactBroker.start(BrokerConfig.local(0, "sqlite:" + dir.resolve("broker.db")));
    Path pacts = Files.createDirectories(dir.resolve("karen"));
    GraphqlPacts.writeTo(pacts, Incident.crashedContracts().get(4));
    assertThat(run("publish", "--pacts", pacts.toString(), "-a", "20045", "--branch", "main", "-b", broker.url())).isZero();
  }

  @AfterEach
  void stop() {
    broker.close();
  }

  private int run(String... args) {
    out = new StringWriter();
    return CliRun.execute(out, args);
  }

  @Test
  void environmentsAreCreatedListedAndNotCreatedTwice() throws Exception {
    assertThat(run("create-environment", "--name", "staging", "--display-name", "Staging", "-b", broker.url())).as(out.toString()).isZero();
    assertThat(out.toString()).startsWith("Created environment staging with UUID ");
    assertThat(run("create-environment", "--name", "production", "--production", "--broker-base-url", broker.url())).isZero();

    assertThat(run("list-environments", "-b", broker.url())).isZero();
    assertThat(out.toString().lines().toList()).hasSize(3)
        .satisfies(lines -> assertThat(lines.get(0)).matches("NAME\\s+DISPLAY NAME\\s+PRODUCTION\\s+UUID"))
        .satisfies(lines -> assertThat(lines.get(1)).matches("production\\s+Production\\s+yes\\s+[0-9a-f-]{36}"))
        .satisfies(lines -> assertThat(lines.get(2)).matches("staging\\s+Staging\\s+no\\s+[0-9a-f-]{36}"));

    assertThat(run("list-environments", "-o", "json", "-b", broker.url())).isZero();
    JsonNode json = new ObjectMapper().readTree(out.toString());
    assertThat(json).hasSize(2);
    assertThat(json.get(1).path("displayName").asText()).isEqualTo("Staging");

    assertThat(run("create-environment", "--name", "staging", "-b", broker.url())).isEqualTo(2);
    assertThat(out.toString()).contains("already has an environment named staging");
  }

  @Test
  void aReleaseCountsUntilItsSupportEnds() {
    BrokerClient client = BrokerClient.of(URI.create(broker.url()), BrokerAuth.none());
    client.environment("production", true);
    client.recordBranch(Incident.PROVIDER, "abc", "main");
    assertThat(run("record-deployment", "-a", Incident.PROVIDER, "-e", "abc", "--environment", "production", "-b", broker.url())).isZero();

    assertThat(run("record-release", "-a", "karen", "-e", "20045", "--environment", "production", "-b", broker.url())).isZero();
    assertThat(out.toString()).contains("Recorded karen 20045 as released to production.");
    assertThat(run("can-i-deploy", "-a", Incident.PROVIDER, "-e", "abc", "--to-environment", "production", "-b", broker.url())).isEqualTo(1);
    assertThat(out.toString()).contains("karen 20045 → flexus-backend abc: unverified");

    assertThat(run("record-support-ended", "-a", "karen", "-e", "20045", "--environment", "production", "-b", broker.url())).isZero();
    assertThat(out.toString()).contains("Recorded the end of support of karen 20045 in production.");
    assertThat(run("can-i-deploy", "-a", Incident.PROVIDER, "-e", "abc", "--to-environment", "production", "-b", broker.url())).isZero();

    assertThat(run("record-support-ended", "-a", "karen", "-e", "20045", "--environment", "production", "-b", broker.url())).isEqualTo(2);
    assertThat(out.toString()).contains("has no currently supported release of karen 20045 in production");
  }

  @Test
  void canIDeployChecksSeveralVersionsTogetherAndAnswersInJson() throws Exception {
    BrokerClient client = BrokerClient.of(URI.create(broker.url()), BrokerAuth.none());
    client.environment("staging", false);
    client.recordDeployment("karen", "20045", "staging");
    PactForVerification pact = client.pactsForVerification(Incident.PROVIDER, java.util.List.of(), null, false).get(0);
    client.publishVerificationResult(pact.verificationResultsUrl(), true, "abc", "main", null);
    client.publishVerificationResult(pact.verificationResultsUrl(), false, "def", "main", null);

    assertThat(run("can-i-deploy", "-a", "karen", "-e", "20045", "-a", Incident.PROVIDER, "-e", "abc",
        "--to-environment", "staging", "-b", broker.url())).as(out.toString()).isZero();
    assertThat(out.toString()).contains("karen 20045 → flexus-backend abc: verified")
        .contains("can-i-deploy karen 20045, flexus-backend abc to staging: yes");

    assertThat(run("can-i-deploy", "-a", "karen", "-e", "20045", "-a", Incident.PROVIDER, "-e", "def",
        "--to-environment", "staging", "-o", "json", "-b", broker.url())).isEqualTo(1);
    JsonNode answer = new ObjectMapper().readTree(out.toString());
    assertThat(answer.path("summary").path("deployable").asBoolean(true)).isFalse();
    assertThat(answer.path("matrix").get(0).path("verificationResult").path("success").asBoolean(true)).isFalse();

    assertThat(run("can-i-deploy", "-a", Incident.PROVIDER, "-e", "def", "--to-environment", "staging", "--dry-run",
        "-b", broker.url())).isZero();
    assertThat(out.toString()).contains("flexus-backend def to staging: no").contains("Dry run: exit 0 whatever the answer");

    client.recordDeployment(Incident.PROVIDER, "abc", "staging");
    assertThat(run("can-i-deploy", "-a", "karen", "--latest", "--branch", "main", "--to-environment", "staging",
        "--retry-interval", "1", "-b", broker.url())).isZero();
    assertThat(out.toString()).contains("can-i-deploy karen latest on main to staging: yes");
  }

  @Test
  void canIDeployNeedsAVersionOrLatestForEachPacticipant() {
    assertThat(run("can-i-deploy", "-a", "karen", "--to-environment", "staging", "-b", broker.url())).isEqualTo(2);
    assertThat(out.toString()).contains("--pacticipant karen needs --version V (or --latest");
    assertThat(run("can-i-deploy", "-a", "karen", "-e", "1", "--latest", "--to-environment", "staging", "-b", broker.url())).isEqualTo(2);
    assertThat(out.toString()).contains("give either --version or --latest/--branch, not both");
  }

  @ParameterizedTest
  @ValueSource(strings = {"demo", "check", "verify", "backend", "capture", "publish", "broker", "pacts", "can-i-deploy",
      "record-deployment", "record-release", "record-support-ended", "create-environment", "list-environments"})
  void everyCommandHasHelp(String command) {
    for (String help : new String[] {"--help", "-h"}) {
      assertThat(run(command, help)).as(out.toString()).isZero();
      assertThat(out.toString()).startsWith("Usage: subpact " + command).doesNotContain("Missing required");
    }
  }

  @Test
  void theCommandListReadsWhole() {
    assertThat(run("--help")).isZero();
    String help = out.toString().replaceAll("\\s+", " ");
    assertThat(help)
        .contains(" check Validates every operation the consumers send (their pacts, or .graphql documents) against the backend's "
            + "schema, worded as graphql-core 3.2 (Strawberry) words it, with rename fixes, deprecation warnings and schema lint. ")
        .contains(" backend Runs the reference backend: one of the incident's builds, served like Strawberry over WebSocket "
            + "(graphql-transport-ws and subscriptions-transport-ws, wire name graphql-ws) and HTTP, with a provider-state endpoint. ")
        .contains(" create-environment Creates an environment in the broker");
  }

  @Test
  void theBrokerCommandsTakeTheOfficialOptionNames() {
    run("can-i-deploy", "--help");
    assertThat(out.toString()).contains("-a, --pacticipant").contains("-e, --version").contains("-l, --latest")
        .contains("-b, --broker, --broker-base-url").contains("-u, --username, --broker-username")
        .contains("-p, --password, --broker-password").contains("-k, --token, --broker-token").contains("-o, --output");
    run("publish", "--help");
    assertThat(out.toString()).contains("-a, --consumer-version, --consumer-app-version").contains("-t, --tag");
  }

  @Test
  void publishTakesPactsAsArgumentsAsTheOfficialCliDoes() {
    assertThat(run("publish", dir.resolve("karen").toString(), "-a", "20046", "--branch", "main", "-b", broker.url()))
        .as(out.toString()).isZero();
    assertThat(out.toString()).contains("Created karen version 20046 pact with flexus-backend");
    assertThat(run("publish", "-a", "20047", "-b", broker.url())).isEqualTo(2);
    assertThat(out.toString()).contains("No pacts to publish: give their files or folders with --pacts DIR");
  }

  @Test
  void aMistypedCommandOrOptionGetsASuggestion() {
    assertThat(run("can-i-deplo")).isEqualTo(2);
    assertThat(out.toString()).contains("Did you mean: subpact can-i-deploy");
    assertThat(run("record-deployment", "-a", "karen", "-e", "1", "--environment", "staging", "--broker-base-ur", "http://127.0.0.1:9")).isEqualTo(2);
    assertThat(out.toString()).contains("Unknown options: '--broker-base-ur'").contains("Possible solutions: --broker, --broker-base-url");
  }

  @Test
  void versionIsTheBuildsVersion() throws Exception {
    assertThat(run("--version")).isZero();
    String pom = Files.readString(Path.of("pom.xml"));
    String version = pom.substring(pom.indexOf("<version>") + "<version>".length(), pom.indexOf("</version>"));
    assertThat(out.toString()).startsWith("subpact " + version + "\n").doesNotContain("${");
  }
}

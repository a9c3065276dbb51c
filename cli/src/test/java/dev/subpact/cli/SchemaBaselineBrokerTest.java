package dev.subpact.cli;

import static dev.subpact.cli.CheckFixtures.unwrapped;
import static org.assertj.core.api.Assertions.assertThat;

import dev.subpact.broker.BrokerConfig;
import dev.subpact.broker.PactBroker;
import dev.subpact.broker.RunningBroker;
import dev.subpact.broker.client.BrokerAuth;
import dev.subpact.broker.client.BrokerClient;
import dev.subpact.graphql.pact.GraphqlPacts;
import dev.subpact.incident.Incident;
import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code schema publish} and {@code check --baseline broker} against subpact's own broker (real HTTP on port 0). */
class SchemaBaselineBrokerTest {

  @TempDir Path dir;
  private RunningBroker broker;
  private StringWriter out;
  private Path pacts;

  @BeforeEach
  void start() throws Exception {
    broker = PactBroker.start(BrokerConfig.local(0, "sqlite:" + dir.resolve("broker.db")));
    pacts = Files.createDirectories(dir.resolve("karen"));
    GraphqlPacts.writeTo(pacts, Incident.crashedContracts().get(4));
    assertThat(run("publish", "--pacts", pacts.toString(), "--consumer-version", "20045", "--branch", "main")).isZero();
  }

  @AfterEach
  void stop() {
    broker.close();
  }

  @Test
  void publishingASchemaChecksTheContractsAndGivesCheckItsBaseline() throws IOException {
    Path beforeRename = schema("before-rename");
    assertThat(run("schema", "publish", "--provider", Incident.PROVIDER, "--version", "v1", "--schema", beforeRename.toString()))
        .as(out.toString()).isZero();
    assertThat(out.toString()).contains("Published the schema of flexus-backend v1").contains("ok    karen 20045");
    BrokerClient.of(URI.create(broker.url()), BrokerAuth.none()).environment("staging", false);
    assertThat(run("record-deployment", "--pacticipant", Incident.PROVIDER, "--version", "v1", "--environment", "staging")).isZero();

    Path changed = dir.resolve("changed.graphql");
    Files.writeString(changed, Files.readString(beforeRename).replace("  emessage_id: String!\n", "  emessage_id: String\n"));
    int exit = run("check", "--schema", changed.toString(), "--baseline", "broker", "--provider", Incident.PROVIDER,
        "--environment", "staging", "--pacts", pacts.toString());

    assertThat(exit).as(out.toString()).isEqualTo(1);
    assertThat(CheckFixtures.unwrapped(out.toString())).contains("error NULLABILITY")
        .contains("Field 'FExternalMessageOutput.emessage_id' can now be null ('String!' became 'String')")
        .contains("(baseline: broker: flexus-backend v1 (deployed to staging))");
  }

  @Test
  void publishingASchemaThatBreaksAContractExitsOneNamingIt() throws IOException {
    int exit = run("schema", "publish", "--provider", Incident.PROVIDER, "--version", "v2", "--schema", schema("renamed").toString());

    assertThat(exit).isEqualTo(1);
    assertThat(out.toString()).contains("FAIL  karen 20045").contains("Cannot query field 'emessage_id'");
  }

  @Test
  void aBrokerBaselineWithoutADeployedProviderIsBadInputThatSaysWhatToDo() throws IOException {
    BrokerClient.of(URI.create(broker.url()), BrokerAuth.none()).environment("staging", false);

    int exit = run("check", "--schema", schema("renamed").toString(), "--baseline", "broker", "--provider", Incident.PROVIDER,
        "--environment", "staging", "--pacts", pacts.toString());

    assertThat(exit).isEqualTo(2);
    assertThat(out.toString()).contains("No version of flexus-backend is deployed to staging and flexus-backend has no version on a main branch")
        .contains("record the deployment (subpact record-deployment), publish the schema of a main-branch version"
            + " (subpact schema publish --branch main), or give --baseline a file");
  }

  @Test
  void withNothingDeployedTheBaselineIsTheLatestSchemaOnTheProvidersMainBranch() throws IOException {
    Path beforeRename = schema("before-rename");
    assertThat(run("schema", "publish", "--provider", Incident.PROVIDER, "--version", "v1", "--branch", "main",
        "--schema", beforeRename.toString())).as(out.toString()).isZero();
    BrokerClient.of(URI.create(broker.url()), BrokerAuth.none()).environment("staging", false);
    Path changed = dir.resolve("changed.graphql");
    Files.writeString(changed, Files.readString(beforeRename).replace("  emessage_id: String!\n", "  emessage_id: String\n"));

    int nothingDeployed = run("check", "--schema", changed.toString(), "--baseline", "broker", "--provider", Incident.PROVIDER,
        "--environment", "staging", "--pacts", pacts.toString());
    String deployedNowhere = out.toString();
    int noEnvironment = run("check", "--schema", changed.toString(), "--baseline", "broker", "--provider", Incident.PROVIDER,
        "--pacts", pacts.toString());

    assertThat(nothingDeployed).as(deployedNowhere).isEqualTo(1);
    assertThat(unwrapped(deployedNowhere)).contains("error NULLABILITY")
        .contains("(baseline: broker: flexus-backend v1 (latest on main; none deployed to staging))");
    assertThat(noEnvironment).as(out.toString()).isEqualTo(1);
    assertThat(unwrapped(out.toString())).contains("(baseline: broker: flexus-backend v1 (latest on main))");
  }

  private Path schema(String build) throws IOException {
    Path file = dir.resolve(build + ".graphql");
    Files.writeString(file, CheckFixtures.resource("/dev/subpact/backend/schemas/" + build + ".graphql"), StandardCharsets.UTF_8);
    return file;
  }

  private int run(String... args) {
    out = new StringWriter();
    return CliRun.execute(out, CliRun.againstBroker(broker.url(), args));
  }
}

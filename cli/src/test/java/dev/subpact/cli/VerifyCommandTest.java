package dev.subpact.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.subpact.reference.Build;
import dev.subpact.reference.ReferenceBackend;
import dev.subpact.graphql.pact.GraphqlPact;
import dev.subpact.graphql.pact.GraphqlPacts;
import dev.subpact.incident.Incident;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code subpact verify} through its command line, against the reference backend. */
class VerifyCommandTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path pacts;

  record Run(int exit, String out, String err) {}

  static Run verify(String... args) {
    CommandLine cli = new CommandLine(new VerifyCommand());
    cli.setExecutionExceptionHandler(new UserErrorHandler());
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    int exit = cli.execute(args);
    return new Run(exit, out.toString(), err.toString());
  }

  @BeforeAll
  static void crashedBotContracts() throws Exception {
    for (GraphqlPact pact : Incident.crashedContracts()) {
      GraphqlPacts.writeTo(pacts, pact);
    }
  }

  @Test
  void renamed_build_breaks_every_bot_exit_1_with_outcomes_in_json() throws Exception {
    try (ReferenceBackend backend = ReferenceBackend.start(Build.named("renamed"), 0)) {
      Run run = verify("--backend", backend.websocketUrl().toString(), "--state-url", backend.stateUrl().toString(),
          "--init-payload", "{\"apiKey\":\"s3cret-key\"}", "--pacts", pacts.toString(), "--format", "json",
          // above graphql-java's validation time on a loaded machine, so no rejection is read as silence (issue 10, item 8)
          "--settle", "2s");
      assertThat(run.exit()).as(run.err()).isEqualTo(1);
      JsonNode report = JSON.readTree(run.out());
      assertThat(report.path("ok").asBoolean()).isFalse();
      assertThat(report.path("results")).hasSize(20);
      report.path("results").forEach(r -> assertThat(r.path("outcome").asText()).isEqualTo("rejected"));
      assertThat(run.out() + run.err()).doesNotContain("s3cret-key");
    }
  }

  @Test
  void fix_style_writes_the_rename_fixes_for_the_backends_framework() {
    try (ReferenceBackend backend = ReferenceBackend.start(Build.named("renamed"), 0)) {
      Run byDefault = verify("--backend", backend.websocketUrl().toString(), "--state-url", backend.stateUrl().toString(),
          "--init-payload", "{\"apiKey\":\"s3cret-key\"}", "--pacts", pacts.resolve("karen-flexus-backend.json").toString(),
          "--settle", "2s");
      Run graphqlJava = verify("--backend", backend.websocketUrl().toString(), "--state-url", backend.stateUrl().toString(),
          "--init-payload", "{\"apiKey\":\"s3cret-key\"}", "--pacts", pacts.resolve("karen-flexus-backend.json").toString(),
          "--settle", "2s", "--fix-style", "graphql-java");

      assertThat(byDefault.exit()).as(byDefault.err()).isEqualTo(1);
      assertThat(byDefault.out()).as("the build's introspection keeps Strawberry's JSON scalar").contains("Strawberry:")
          .doesNotContain("graphql-java:");
      assertThat(graphqlJava.exit()).isEqualTo(1);
      assertThat(graphqlJava.out()).contains("graphql-java:").contains("PropertyDataFetcher.fetching(\"emsg_id\")")
          .doesNotContain("Strawberry:").doesNotContain("SDL:");
    }
  }

  @Test
  void the_report_names_a_missing_setting_in_neutral_words_and_the_cli_names_its_option() throws Exception {
    try (ReferenceBackend backend = ReferenceBackend.start(Build.named("aliased"), 0)) {
      Run run = verify("--backend", backend.websocketUrl().toString(), "--pacts", pacts.resolve("karen-flexus-backend.json").toString(),
          "--settle", "2s", "--format", "json");

      JsonNode subscription = JSON.readTree(run.out()).path("results").get(1);
      assertThat(subscription.path("outcome").asText()).isEqualTo("unconfirmed");
      assertThat(subscription.path("errors").get(0).path("message").asText())
          .contains("no provider-state URL: nothing can make the backend publish the event the consumer expects")
          .doesNotContain("--state-url");
      assertThat(run.err()).contains("hint: command-line options for the settings named: the provider-state URL (--state-url).");
    }
  }

  @Test
  void aliased_build_passes_exit_0() {
    try (ReferenceBackend backend = ReferenceBackend.start(Build.named("aliased"), 0)) {
      Run run = verify("--backend", backend.websocketUrl().toString(), "--state-url", backend.stateUrl().toString(),
          "--pacts", pacts.toString(), "--concurrency", "4", "--timeout", "5s", "--settle", "100ms");
      assertThat(run.exit()).as(run.out() + run.err()).isEqualTo(0);
    }
  }

  @Test
  void shards_split_the_interactions_deterministically() throws Exception {
    try (ReferenceBackend backend = ReferenceBackend.start(Build.named("aliased"), 0)) {
      int total = 0;
      for (String shard : new String[] {"1/3", "2/3", "3/3"}) {
        Run run = verify("--backend", backend.websocketUrl().toString(), "--state-url", backend.stateUrl().toString(),
            "--pacts", pacts.toString(), "--shard", shard, "--format", "json");
        assertThat(run.exit()).isEqualTo(0);
        total += JSON.readTree(run.out()).path("results").size();
      }
      assertThat(total).isEqualTo(20);
    }
  }

  @Test
  void bad_input_exits_2_naming_the_problem_never_the_secret() {
    Run notJson = verify("--backend", "ws://127.0.0.1:1/v1/graphql", "--init-payload", "{apiKey: s3cret", "--pacts", pacts.toString());
    assertThat(notJson.exit()).isEqualTo(2);
    assertThat(notJson.err()).contains("--init-payload is not valid JSON").doesNotContain("s3cret");
    Run http = verify("--backend", "http://127.0.0.1:1/v1/graphql", "--pacts", pacts.toString());
    assertThat(http.exit()).isEqualTo(2);
    assertThat(http.err()).contains("is not a WebSocket URL");
    Run shard = verify("--backend", "ws://127.0.0.1:1/v1/graphql", "--shard", "3/2", "--pacts", pacts.toString());
    assertThat(shard.exit()).isEqualTo(2);
    assertThat(shard.err()).contains("Shard 3/2 does not exist");
    Run env = verify("--backend", "ws://127.0.0.1:1/v1/graphql", "--init-payload-env", "SUBPACT_TEST_UNSET_VARIABLE", "--pacts", pacts.toString());
    assertThat(env.exit()).isEqualTo(2);
    assertThat(env.err()).contains("SUBPACT_TEST_UNSET_VARIABLE is not set");
    Run missing = verify("--backend", "ws://127.0.0.1:1/v1/graphql", "--pacts", pacts.resolve("nope.json").toString());
    assertThat(missing.exit()).isEqualTo(2);
    assertThat(missing.err()).contains("nope.json").contains("does not exist");
    assertThat(Files.exists(pacts)).isTrue();
    Run header = verify("--backend", "ws://127.0.0.1:1/v1/graphql", "--header", "Authorization: Bearer s3cret", "--pacts", pacts.toString());
    assertThat(header.exit()).isEqualTo(2);
    assertThat(header.err()).contains("--header needs NAME=VALUE").doesNotContain("s3cret");
    Run restricted = verify("--backend", "ws://127.0.0.1:1/v1/graphql", "--header", "Host=s3cret.example", "--pacts", pacts.toString());
    assertThat(restricted.exit()).isEqualTo(2);
    assertThat(restricted.err()).contains("--header Host: not a header subpact can send").doesNotContain("s3cret");
    Run headerEnv = verify("--backend", "ws://127.0.0.1:1/v1/graphql", "--header-env", "Authorization=SUBPACT_TEST_UNSET_VARIABLE", "--pacts", pacts.toString());
    assertThat(headerEnv.exit()).isEqualTo(2);
    assertThat(headerEnv.err()).contains("SUBPACT_TEST_UNSET_VARIABLE is not set");
  }

  @Test
  void a_header_value_is_sent_and_never_printed() {
    try (ReferenceBackend backend = ReferenceBackend.start(Build.named("aliased"), 0)) {
      Run run = verify("--backend", backend.websocketUrl().toString(), "--state-url", backend.stateUrl().toString(),
          "--header", "X-Api-Token=s3cret-token", "--pacts", pacts.toString(), "--format", "json");
      assertThat(run.exit()).as(run.err()).isEqualTo(0);
      assertThat(run.out() + run.err()).doesNotContain("s3cret-token");
    }
  }
}

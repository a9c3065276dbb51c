package dev.subpact.cli;

import static dev.subpact.cli.CheckFixtures.AFTER_RENAME;
import static dev.subpact.cli.CheckFixtures.BOTS;
import static dev.subpact.cli.CheckFixtures.PACTS;
import static dev.subpact.cli.CheckFixtures.golden;
import static dev.subpact.cli.CheckFixtures.run;
import static dev.subpact.cli.CheckFixtures.schema;
import static dev.subpact.cli.CheckFixtures.unwrapped;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code subpact check} on the incident: the ten bots' pacts against the three backend builds. */
class CheckCommandTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** What graphql-core 3.2.8 reports for the pre-rename KarenThreads against the staging build, in its order. */
  static final List<String> KAREN_VS_RENAMED = List.of(
      "Unknown argument 'want_emessage_types' on field 'Subscription.bot_threads_calls_tasks'. Did you mean 'want_emsg_types' or 'want_messages'?",
      "Cannot query field 'emessage_id' on type 'FExternalMessageOutput'. Did you mean 'emsg_id'?",
      "Cannot query field 'emessage_persona_id' on type 'FExternalMessageOutput'. Did you mean 'emsg_persona_id'?",
      "Cannot query field 'emessage_type' on type 'FExternalMessageOutput'. Did you mean 'emsg_type'?",
      "Cannot query field 'emessage_from' on type 'FExternalMessageOutput'. Did you mean 'emsg_from'?",
      "Cannot query field 'emessage_to' on type 'FExternalMessageOutput'. Did you mean 'emsg_to'?",
      "Cannot query field 'emessage_external_id' on type 'FExternalMessageOutput'. Did you mean 'emsg_external_id'?",
      "Cannot query field 'emessage_payload' on type 'FExternalMessageOutput'. Did you mean 'emsg_payload'?",
      "Cannot query field 'emessage_created_ts' on type 'FExternalMessageOutput'. Did you mean 'emsg_created_ts'?",
      "Field 'bot_threads_calls_tasks' argument 'want_emsg_types' of type '[String!]!' is required, but it was not provided.");

  @BeforeAll
  static void fixtures() throws IOException {
    CheckFixtures.materialise();
  }

  @ParameterizedTest(name = "--format {0}")
  @ValueSource(strings = {"text", "json", "junit", "github", "gitlab"})
  void theIncidentPactsBreakOnTheRenamedBuildInEveryFormat(String format) throws IOException {
    CheckFixtures.Run run = run("check", "--schema", schema("renamed").toString(), "--pacts", PACTS.toString(), "--format", format);

    assertThat(run.err()).isEmpty();
    assertThat(run.exit()).isEqualTo(1);
    String extension = switch (format) {
      case "json", "gitlab" -> "json";
      case "junit" -> "xml";
      default -> "txt";
    };
    String out = CheckFixtures.withoutRunTimes(run.out());
    assertThat(out).isEqualTo(golden("incident-pacts-vs-renamed." + format + "." + extension, out));
  }

  @Test
  void everyBotReportsAllOfItsBreaksInGraphqlCoresWords() throws IOException {
    CheckFixtures.Run run = run("check", "--schema", schema("renamed").toString(), "--pacts", PACTS.toString(), "--format", "json");

    JsonNode report = JSON.readTree(run.out());
    assertThat(report.get("ok").asBoolean()).isFalse();
    assertThat(report.at("/summary/operations").asInt()).isEqualTo(20);
    assertThat(report.at("/summary/broken").asInt()).isEqualTo(20);
    List<String> consumers = new ArrayList<>();
    for (JsonNode result : report.get("results")) {
      consumers.add(result.get("consumer").asText());
      List<String> messages = new ArrayList<>();
      result.get("errors").forEach(e -> messages.add(e.get("message").asText()));
      if (result.get("operationName").asText().equals("KarenThreads")) {
        assertThat(messages).as(result.get("consumer").asText()).containsExactlyElementsOf(KAREN_VS_RENAMED);
        assertThat(result.get("errors")).extracting(e -> e.get("kind").asText()).containsExactly(
            "UNKNOWN_ARGUMENT", "UNKNOWN_FIELD", "UNKNOWN_FIELD", "UNKNOWN_FIELD", "UNKNOWN_FIELD", "UNKNOWN_FIELD",
            "UNKNOWN_FIELD", "UNKNOWN_FIELD", "UNKNOWN_FIELD", "MISSING_REQUIRED_ARGUMENT");
        assertThat(result.at("/errors/1/coordinate").asText()).isEqualTo("FExternalMessageOutput.emessage_id");
        assertThat(result.at("/errors/1/suggestion").asText()).isEqualTo("emsg_id");
        assertThat(result.at("/errors/1/fix").asText()).contains("emessage_id: String! @deprecated(reason: \"Use emsg_id\")");
      } else {
        assertThat(messages).containsExactly(
            "Unknown argument 'emessage_ids' on field 'Mutation.emessages_delete'. Did you mean 'emsg_ids'?",
            "Field 'emessages_delete' argument 'emsg_ids' of type '[String!]!' is required, but it was not provided.");
      }
    }
    assertThat(consumers).containsOnlyElementsOf(BOTS).hasSize(20);
    assertThat(report.at("/results/0/consumerVersion").asText()).isEqualTo("20045");
  }

  @Test
  void gitlabsCodeQualityReportHasOneIssuePerFindingWithFingerprintsStableAcrossRuns() throws IOException {
    String[] args = {"check", "--schema", schema("renamed").toString(), "--pacts", PACTS.toString(), "--format", "gitlab"};
    String first = run(args).out();
    JsonNode issues = new ObjectMapper().readTree(first);

    assertThat(issues).hasSize(120);
    java.util.Set<String> fingerprints = new java.util.HashSet<>();
    issues.forEach(i -> fingerprints.add(i.path("fingerprint").asText()));
    assertThat(fingerprints).hasSize(120);
    assertThat(issues.get(0).path("severity").asText()).isEqualTo("major");
    assertThat(issues.get(0).at("/location/path").asText()).isEqualTo("target/check-fixtures/incident-pacts/admonster-flexus-backend.json");
    assertThat(run(args).out()).as("the same on a second run").isEqualTo(first);
  }

  @Test
  void theAliasedBuildPassesWithDeprecationWarnings() throws IOException {
    CheckFixtures.Run run = run("check", "--schema", schema("aliased").toString(), "--pacts", PACTS.toString());

    assertThat(run.exit()).isEqualTo(0);
    assertThat(run.out()).isEqualTo(golden("incident-pacts-vs-aliased.text.txt", run.out()));
    assertThat(unwrapped(run.out())).contains("PASSED: 20 operations, 0 broken, 0 errors, 100 warnings")
        .contains("8 warnings DEPRECATED_USAGE at 114:7 8 deprecated fields of FExternalMessageOutput still used: emessage_id, emessage_persona_id,")
        .contains("Field 'Subscription.bot_threads_calls_tasks' argument 'want_emessage_types' is deprecated. Use want_emsg_types");
    assertThat(unwrapped(run("check", "--verbose", "--schema", schema("aliased").toString(), "--pacts", PACTS.toString()).out()))
        .as("--verbose: each finding where it occurs")
        .contains("The field FExternalMessageOutput.emessage_id is deprecated. Use emsg_id");
  }

  @Test
  void thePreRenameBuildPassesClean() {
    CheckFixtures.Run run = run("check", "--schema", schema("before-rename").toString(), "--pacts", PACTS.toString(), "--format", "json");

    assertThat(run.exit()).isEqualTo(0);
    assertThat(run.out()).contains("\"ok\" : true").contains("\"warnings\" : 0").contains("\"errors\" : 0");
  }

  @Test
  void theAfterRenameOperationsBreakOnThePreRenameBuildWithTheMirrorImage() throws IOException {
    CheckFixtures.Run run = run("check", "--schema", schema("before-rename").toString(), "--documents", AFTER_RENAME.toString());

    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.out()).isEqualTo(golden("after-rename-documents-vs-before-rename.text.txt", run.out()));
    assertThat(unwrapped(run.out()))
        .contains("Unknown argument 'want_emsg_types' on field 'Subscription.bot_threads_calls_tasks'. Did you mean 'want_emessage_types', 'want_erp_tables', or 'want_messages'?")
        .contains("6 fields of FExternalMessageOutput renamed emsg_* → emessage_*: emsg_persona_id, emsg_type,")
        .contains("Cannot query field 'emsg_id' on type 'FExternalMessageOutput'.")
        .contains("Field 'bot_threads_calls_tasks' argument 'want_emessage_types' of type '[String!]!' is required, but it was not provided.")
        .contains("Unknown argument 'emsg_ids' on field 'Mutation.emessages_delete'. Did you mean 'emessage_ids'?")
        .contains("FAILED: 2 operations, 2 broken, 12 errors, 0 warnings");
  }

  @Test
  void aBareDocumentIsCheckedWithoutExampleVariables() throws IOException {
    Path bare = Files.createDirectories(CheckFixtures.ROOT.resolve("bare-document"));
    Files.copy(AFTER_RENAME.resolve("KarenThreads.after-rename.graphql"), bare.resolve("KarenThreads.graphql"),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);

    CheckFixtures.Run run = run("check", "--schema", schema("renamed").toString(), "--documents", bare.toString());

    assertThat(run.exit()).as(run.out()).isEqualTo(0);
    assertThat(run.out()).contains("KarenThreads.graphql  (1 interaction, 0 broken)")
        .contains("PASSED: 1 operation, 0 broken, 0 errors, 0 warnings");
  }

  @ParameterizedTest(name = "--baseline before-rename vs {0}")
  @ValueSource(strings = {"renamed", "aliased"})
  void aBaselineAddsNothingSpuriousToTheIncidentsVerdicts(String build) throws IOException {
    CheckFixtures.Run without = run("check", "--schema", schema(build).toString(), "--pacts", PACTS.toString(), "--format", "json");
    CheckFixtures.Run with = run("check", "--schema", schema(build).toString(), "--baseline", schema("before-rename").toString(),
        "--pacts", PACTS.toString(), "--format", "json");

    assertThat(with.err()).isEmpty();
    assertThat(with.exit()).isEqualTo(without.exit());
    assertThat(with.out()).isEqualTo(without.out());
    CheckFixtures.Run text = run("check", "--schema", schema(build).toString(), "--baseline", schema("before-rename").toString(),
        "--pacts", PACTS.toString());
    assertThat(text.out()).isEqualTo(golden("incident-pacts-vs-" + build + ".text.txt", text.out()));
  }

  @Test
  void aBaselineCatchesWhatStillValidatesButBreaksTheReader() throws IOException {
    String before = Files.readString(schema("before-rename"), StandardCharsets.UTF_8);
    Path changed = CheckFixtures.SCHEMAS.resolve("before-rename-changed-outputs.graphql");
    Files.writeString(changed, before
        .replace("  emessage_id: String!\n", "  emessage_id: String\n")
        .replace("  emessage_created_ts: Float!\n", "  emessage_created_ts: String!\n"), StandardCharsets.UTF_8);

    CheckFixtures.Run without = run("check", "--schema", changed.toString(), "--pacts", PACTS.toString());
    CheckFixtures.Run with = run("check", "--schema", changed.toString(), "--baseline", schema("before-rename").toString(),
        "--pacts", PACTS.resolve("karen-flexus-backend.json").toString());

    assertThat(without.exit()).as("the documents still validate").isEqualTo(0);
    assertThat(with.exit()).isEqualTo(1);
    assertThat(with.out()).isEqualTo(golden("karen-vs-changed-outputs-with-baseline.text.txt", with.out()));
    assertThat(unwrapped(with.out()))
        .contains("Field 'FExternalMessageOutput.emessage_id' can now be null ('String!' became 'String')")
        .contains("Field 'FExternalMessageOutput.emessage_created_ts' changed type ('Float!' became 'String!')");
  }

  @Test
  void aBaselineThatDoesNotLoadIsBadInputNamingTheOption() {
    CheckFixtures.Run run = run("check", "--schema", schema("renamed").toString(), "--baseline", "no-such-schema.graphql",
        "--pacts", PACTS.toString());

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).startsWith("subpact check: The baseline schema (the schema to compare with) cannot be used: ")
        .contains("no-such-schema.graphql").contains(" (given with --baseline)").doesNotContain("--schema or");
  }

  @Test
  void theReportGoesToTheOutputFile() throws IOException {
    Path output = CheckFixtures.ROOT.resolve("report.json");
    Files.deleteIfExists(output);

    CheckFixtures.Run run = run("check", "--schema", schema("renamed").toString(), "--pacts", PACTS.toString(),
        "--format", "json", "--output", output.toString());

    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.out()).isEmpty();
    assertThat(Files.readString(output, StandardCharsets.UTF_8))
        .isEqualTo(golden("incident-pacts-vs-renamed.json.json", run("check", "--schema", schema("renamed").toString(),
            "--pacts", PACTS.toString(), "--format", "json").out()));
  }
}

package dev.subpact.cli;

import static dev.subpact.cli.CheckFixtures.PACTS;
import static dev.subpact.cli.CheckFixtures.run;
import static dev.subpact.cli.CheckFixtures.schema;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A pact whose query nests about 2,000 selections (issue 14): {@code check} and {@code verify} report
 * it as a {@code DOCUMENT_OVER_LIMIT} finding naming the limit, count it broken (exit 1) and still
 * check the other interactions and pacts, never a {@code StackOverflowError} or a refusal of the run.
 */
class DeepDocumentTest {

  @TempDir static Path dir;
  static Path pact;

  @BeforeAll
  static void deepPact() throws Exception {
    CheckFixtures.materialise();
    String karen = Files.readString(PACTS.resolve("karen-flexus-backend.json"), StandardCharsets.UTF_8);
    String deep = "subscription Deep " + "{ f ".repeat(2_000) + "}".repeat(2_000);
    pact = dir.resolve("karen-flexus-backend.json");
    Files.writeString(pact, karen.replaceFirst("\"query\" : \"[^\"]*\"", "\"query\" : \"" + deep + "\""), StandardCharsets.UTF_8);
    Files.copy(PACTS.resolve("bob-flexus-backend.json"), dir.resolve("bob-flexus-backend.json"));
  }

  @Test
  void checkReportsTheDeepInteractionAsBrokenAndChecksTheRest() {
    CheckFixtures.Run check = run("check", "--schema", schema("renamed").toString(), "--pacts", dir.toString(), "--format", "json");

    assertThat(check.exit()).as(check.err()).isEqualTo(1);
    assertThat(check.err()).doesNotContain("StackOverflowError").doesNotContain("\tat ");
    assertThat(check.out()).contains("\"DOCUMENT_OVER_LIMIT\"").contains(pact + " interaction #1")
        .contains("nests brackets deeper than 100 levels").contains("ask the karen team")
        .contains("\"bob\"");
  }

  @Test
  void verifyReportsTheDeepInteractionAsBrokenAndReplaysTheRest() {
    CheckFixtures.Run verify = run("verify", "--backend", "ws://127.0.0.1:9/v1/graphql", "--pacts", dir.toString(),
        "--format", "json");

    assertThat(verify.exit()).as(verify.err()).isEqualTo(1);
    assertThat(verify.err()).doesNotContain("StackOverflowError").doesNotContain("\tat ");
    assertThat(verify.out()).contains("\"DOCUMENT_OVER_LIMIT\"").contains("document-over-limit")
        .contains("nests brackets deeper than 100 levels").contains("\"bob\"");
  }
}

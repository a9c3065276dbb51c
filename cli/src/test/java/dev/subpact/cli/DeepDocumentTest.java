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
 * A pact whose query nests about 2,000 selections (issue 14): {@code check} and {@code verify} refuse
 * it before any replay with exit 2 and the limit named, never a {@code StackOverflowError}.
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
  }

  @Test
  void checkAndVerifyRefuseItNamingTheLimit() {
    CheckFixtures.Run check = run("check", "--schema", schema("renamed").toString(), "--pacts", pact.toString());
    CheckFixtures.Run verify = run("verify", "--backend", "ws://127.0.0.1:9/v1/graphql", "--pacts", pact.toString());

    for (CheckFixtures.Run r : new CheckFixtures.Run[] {check, verify}) {
      assertThat(r.exit()).as(r.err()).isEqualTo(2);
      assertThat(r.err()).contains(pact + " interaction #1").contains("nests brackets deeper than 100 levels")
          .doesNotContain("StackOverflowError").doesNotContain("\tat ");
    }
  }
}

package dev.subpact.cli;

import static dev.subpact.cli.CheckFixtures.run;
import static dev.subpact.cli.CheckFixtures.schema;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A provider with no contracts yet: {@code check} and {@code verify} pass, saying so, unless
 * {@code --fail-if-no-pacts} (Pact JVM's {@code failIfNoPactsFound}) asks them to fail.
 */
class NoContractsTest {

  @TempDir Path dir;

  @BeforeAll
  static void fixtures() throws IOException {
    CheckFixtures.materialise();
  }

  @Test
  void checkPassesAnEmptyPactFolderAndFailsItOnRequest() {
    CheckFixtures.Run run = run("check", "--schema", schema("renamed").toString(), "--pacts", dir.toString());

    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.err()).isEqualTo("no contracts to verify\n");
    assertThat(run.out()).isEqualTo("schema " + schema("renamed") + "\n\nPASSED: 0 operations, 0 broken, 0 errors, 0 warnings\n");

    CheckFixtures.Run strict = run("check", "--schema", schema("renamed").toString(), "--pacts", dir.toString(), "--fail-if-no-pacts");
    assertThat(strict.exit()).isEqualTo(1);
    assertThat(strict.err()).isEqualTo("no contracts to verify: failing as --fail-if-no-pacts asks\n");
  }

  @Test
  void verifyPassesAPactWithoutInteractionsNamingItsProvider() throws IOException {
    Files.writeString(dir.resolve("karen-flexus-backend.json"),
        "{\"consumer\": {\"name\": \"karen\"}, \"provider\": {\"name\": \"flexus-backend\"}, \"interactions\": []}");
    // nothing listens on port 9: with nothing to verify, nothing is dialled
    CheckFixtures.Run run = run("verify", "--backend", "ws://127.0.0.1:9/v1/graphql", "--pacts", dir.toString(), "--format", "json");

    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.err()).isEqualTo("no contracts to verify for flexus-backend\n");
    assertThat(run.out()).contains("\"ok\" : true").contains("\"operations\" : 0");

    CheckFixtures.Run strict = run("verify", "--backend", "ws://127.0.0.1:9/v1/graphql", "--pacts", dir.toString(), "--fail-if-no-pacts");
    assertThat(strict.exit()).isEqualTo(1);
    assertThat(strict.err()).isEqualTo("no contracts to verify for flexus-backend: failing as --fail-if-no-pacts asks\n");
  }

  @Test
  void verifyNamesTheProviderItIsToldWhenTheFolderIsEmpty() {
    CheckFixtures.Run run = run("verify", "--backend", "ws://127.0.0.1:9/v1/graphql", "--pacts", dir.toString(), "--provider", "flexus-backend");

    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.err()).isEqualTo("no contracts to verify for flexus-backend\n");
  }
}

package dev.subpact.cli;

import static dev.subpact.cli.CheckFixtures.PACTS;
import static dev.subpact.cli.CheckFixtures.run;
import static dev.subpact.cli.CheckFixtures.schema;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code --quiet} and {@code --verbose}: on every command, the same meaning everywhere. */
class VerbosityOptionsTest {

  @BeforeAll
  static void fixtures() throws IOException {
    CheckFixtures.materialise();
  }

  @Test
  void everyCommandDocumentsBothInItsHelp() {
    for (String command : SubpactCommand.commandLine().getSubcommands().keySet()) {
      if (command.equals("help")) {
        continue;
      }
      CheckFixtures.Run help = run(command, "--help");
      String text = help.out().replaceAll("\\s+", " ");
      assertThat(text).as(command).contains("-q, --quiet Only what failed and the verdict").contains("--verbose Every detail");
    }
  }

  @Test
  void quietLeavesOutWhatPassedAndKeepsTheFailuresAndTheVerdict() {
    CheckFixtures.Run normal = run("check", "--schema", schema("aliased").toString(), "--pacts", PACTS.toString());
    CheckFixtures.Run quiet = run("check", "-q", "--schema", schema("aliased").toString(), "--pacts", PACTS.toString());
    CheckFixtures.Run broken = run("--quiet", "check", "--schema", schema("renamed").toString(), "--pacts", PACTS.toString());

    assertThat(normal.out()).contains("ok    KarenThreads subscription");
    assertThat(quiet.exit()).isZero();
    assertThat(quiet.out()).isEqualTo("schema target/check-fixtures/schemas/aliased.graphql\n\n"
        + "PASSED: 20 operations, 0 broken, 0 errors, 100 warnings\n");
    assertThat(broken.exit()).as("given before the command name too").isEqualTo(1);
    assertThat(broken.out()).contains("FAIL  KarenThreads subscription").contains("fix: [4]")
        .doesNotContain("ok    ").endsWith("FAILED: 20 operations, 20 broken, 120 errors, 0 warnings\n");
  }

  @Test
  void verboseTellsEachFindingWithItsOwnFixWhereItOccurs() {
    CheckFixtures.Run normal = run("check", "--schema", schema("renamed").toString(), "--pacts", PACTS.toString());
    CheckFixtures.Run verbose = run("check", "--verbose", "--schema", schema("renamed").toString(), "--pacts", PACTS.toString());

    assertThat(verbose.exit()).isEqualTo(1);
    assertThat(normal.out()).containsOnlyOnce("def emessage_id(self) -> str:");
    assertThat(verbose.out()).doesNotContain("fixes (each once").contains("def emessage_payload(self) -> JSON:");
    assertThat(verbose.out().split("def emessage_id\\(self\\) -> str:", -1)).as("once per bot").hasSize(11);
  }

  @Test
  void bothAtOnceIsBadInput() {
    CheckFixtures.Run both = run("--quiet", "check", "--verbose", "--schema", schema("renamed").toString(), "--pacts", PACTS.toString());

    assertThat(both.exit()).isEqualTo(2);
    assertThat(both.err()).contains("--quiet and --verbose ask for opposite things: give one of them.");
  }
}

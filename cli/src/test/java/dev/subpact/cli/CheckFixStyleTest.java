package dev.subpact.cli;

import static dev.subpact.cli.CheckFixtures.golden;
import static dev.subpact.cli.CheckFixtures.run;
import static dev.subpact.cli.CheckFixtures.schema;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code check --fix-style}: the rename fix written for the backend's framework, and renames whose
 * names are not alike ({@code text} → {@code body}, {@code id} → {@code roomId}) recognised by their
 * shape from {@code --baseline}.
 */
class CheckFixStyleTest {

  private static final Path FIXTURES = Path.of("src", "test", "resources", "check", "fix-style");

  @BeforeAll
  static void fixtures() throws IOException {
    CheckFixtures.materialise();
  }

  private static CheckFixtures.Run check(String... extra) {
    String[] base = {"check", "--schema", FIXTURES.resolve("after.graphql").toString(),
        "--documents", FIXTURES.resolve("operations").toString()};
    String[] args = new String[base.length + extra.length];
    System.arraycopy(base, 0, args, 0, base.length);
    System.arraycopy(extra, 0, args, base.length, extra.length);
    return run(args);
  }

  @ParameterizedTest(name = "--fix-style {0}")
  @ValueSource(strings = {"sdl", "strawberry", "graphql-java", "graphql-js"})
  void aRenameByShapeGetsItsFixInTheStyleAskedFor(String style) throws IOException {
    CheckFixtures.Run run = check("--baseline", FIXTURES.resolve("before.graphql").toString(), "--fix-style", style);

    assertThat(run.err()).isEmpty();
    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.out()).isEqualTo(golden("fix-style-" + style + ".text.txt", run.out()));
  }

  @Test
  void withoutABaselineNamesThatAreNotAlikeGetNoRenameFix() {
    CheckFixtures.Run run = check();

    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.out())
        .contains("Cannot query field 'text' on type 'Message'.")
        .contains("Unknown argument 'id' on field 'Query.room'.")
        .doesNotContain("deprecated alias");
  }

  @Test
  void byDefaultAGraphqlJsSchemaGetsSdlOnlyAndAStrawberryExportGetsStrawberryToo() {
    CheckFixtures.Run chat = check("--baseline", FIXTURES.resolve("before.graphql").toString());
    CheckFixtures.Run incident = run("check", "--schema", schema("renamed").toString(), "--pacts",
        CheckFixtures.PACTS.resolve("karen-flexus-backend.json").toString());

    assertThat(chat.out()).contains("SDL:").doesNotContain("Strawberry:").doesNotContain("graphql-js:");
    assertThat(incident.out()).as("the incident's schema is Strawberry's export: its JSON scalar says so")
        .contains("SDL:").contains("Strawberry:").doesNotContain("graphql-java:");
  }

  @Test
  void severalStylesAreWrittenInTheOrderAsked() {
    CheckFixtures.Run run = check("--baseline", FIXTURES.resolve("before.graphql").toString(), "--fix-style", "graphql-js,sdl");

    assertThat(run.out()).contains("graphql-js:").contains("SDL:");
    assertThat(run.out().indexOf("graphql-js:")).isLessThan(run.out().indexOf("SDL:"));
  }

  @Test
  void anUnknownStyleIsBadInput() {
    CheckFixtures.Run run = check("--fix-style", "django");

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("Unknown fix style 'django': use sdl, strawberry, graphql-java or graphql-js.");
  }
}

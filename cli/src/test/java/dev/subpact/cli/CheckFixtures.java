package dev.subpact.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine;

/**
 * The incident's fixtures as files under {@code target/check-fixtures/} (relative paths, so reports
 * and goldens name them the same on every machine), and a way to run {@code subpact} in-process
 * with captured output.
 */
final class CheckFixtures {

  static final List<String> BOTS = List.of(
      "admonster", "adspy", "bob", "boss", "frog", "karen", "lawyerrat", "owl-strategist", "rick", "slonik");
  static final Path ROOT = Path.of("target", "check-fixtures");
  static final Path PACTS = ROOT.resolve("incident-pacts");
  static final Path SCHEMAS = ROOT.resolve("schemas");
  static final Path AFTER_RENAME = ROOT.resolve("after-rename-operations");
  static final Path GOLDEN = Path.of("src", "test", "resources", "check", "golden");

  /** The outcome of one run: exit code, standard output and standard error. */
  record Run(int exit, String out, String err) {}

  private CheckFixtures() {}

  static synchronized void materialise() throws IOException {
    Files.createDirectories(PACTS);
    Files.createDirectories(SCHEMAS);
    Files.createDirectories(AFTER_RENAME);
    for (String bot : BOTS) {
      copy("/dev/subpact/incident/pacts/" + bot + "-flexus-backend.json", PACTS.resolve(bot + "-flexus-backend.json"));
    }
    for (String schema : List.of("before-rename", "renamed", "aliased")) {
      copy("/dev/subpact/backend/schemas/" + schema + ".graphql", SCHEMAS.resolve(schema + ".graphql"));
    }
    for (String operation : List.of("KarenThreads", "DeleteEmessages")) {
      for (String ext : List.of(".graphql", ".json")) {
        copy("/dev/subpact/incident/ckit/" + operation + ".after-rename" + ext,
            AFTER_RENAME.resolve(operation + ".after-rename" + ext));
      }
    }
  }

  /** A text report with its wrapped lines joined again, so that a message can be looked for whatever the width. */
  static String unwrapped(String text) {
    return text.replaceAll("\\s*\\n\\s*", " ");
  }

  /**
   * A JUnit report with the run's own time and timestamp (which differ from run to run) replaced by
   * placeholders, for goldens and for comparing two runs.
   */
  static String withoutRunTimes(String junit) {
    return junit.replaceFirst("(<testsuites [^>]*) time=\"[0-9.]+\"", "$1 time=\"…\"").replaceAll(" timestamp=\"[^\"]+\"", "");
  }

    static Path schema(String name) {
    return SCHEMAS.resolve(name + ".graphql");
  }

  static String resource(String name) throws IOException {
    try (InputStream in = CheckFixtures.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IOException("missing classpath resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static void copy(String resource, Path target) throws IOException {
    Files.writeString(target, resource(resource), StandardCharsets.UTF_8);
  }

  static Run run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    CommandLine cli = SubpactCommand.commandLine();
    cli.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
    cli.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
    int exit = cli.execute(args);
    return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  /**
   * The golden file's text; with {@code -Dsubpact.golden.update=true} the golden is (re)written from
   * {@code actual} first, to be reviewed in the diff.
   */
  static String golden(String name, String actual) throws IOException {
    Path file = GOLDEN.resolve(name);
    if (Boolean.getBoolean("subpact.golden.update")) {
      Files.writeString(file, actual, StandardCharsets.UTF_8);
    }
    if (!Files.exists(file)) {
      throw new IOException("golden file " + file + " is missing; run the test once with -Dsubpact.golden.update=true and review it");
    }
    return Files.readString(file, StandardCharsets.UTF_8);
  }
}

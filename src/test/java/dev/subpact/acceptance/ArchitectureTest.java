package dev.subpact.acceptance;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The module and package rules of the README's module list, checked on each module's compiled
 * classes ({@code MODULE/target/classes}, built earlier in the same reactor) and sources.
 * {@code pact-broker}'s internal layering has its own ArchUnit test in {@code pact-broker}; the
 * module-level rules here cover it as a library.
 */
class ArchitectureTest {

  /**
   * The libraries whose sources are scanned for the incident's names and for command-line flags.
   * {@code pact-broker} joins the list once its one example name (in {@code DisplayName}'s Javadoc)
   * and its messages that name the broker command's options are gone with its re-layering.
   */
  private static final List<String> SCANNED_LIBRARIES =
      List.of("graphql-contracts", "broker-client", "consumer-contracts", "provider-verification");

  /** The incident's names and defaults; a library's {@code src/main} must not mention them, not even in examples. */
  private static final Pattern INCIDENT_NAMES = Pattern.compile(
      "flexus|karen|adspy|lawyerrat|slonik|owl-strategist|admonster|emessage_|emsg_|DeleteEmessages|bot_threads_calls_tasks"
          + "|/v1/graphql|staging\\.2026",
      Pattern.CASE_INSENSITIVE);

  private static JavaClasses classesOf(String module) {
    Path classes = LauncherTest.ROOT.resolve(module).resolve("target/classes");
    assertThat(classes).as("%s is compiled before the acceptance module runs (same reactor)", module).isDirectory();
    return new ClassFileImporter().importPath(classes);
  }

  @ParameterizedTest
  @ValueSource(strings = {"graphql-contracts", "broker-client", "consumer-contracts", "provider-verification", "pact-broker"})
  void noLibraryDependsOnTheIncidentTheReferenceBackendTheDemoOrTheCli(String module) {
    noClasses().should().dependOnClassesThat().resideInAnyPackage(
            "dev.subpact.incident..", "dev.subpact.reference..", "dev.subpact.demo..", "dev.subpact.cli..")
        .because("libraries are what users build on; the incident and its fake backend are examples and test material")
        .check(classesOf(module));
  }

  @ParameterizedTest
  @ValueSource(strings = {"graphql-contracts", "broker-client", "consumer-contracts", "provider-verification",
      "incident", "reference-backend", "demo", "cli"})
  void packagesInsideEachModuleHaveNoCycles(String module) {
    slices().matching("dev.subpact.(**)").should().beFreeOfCycles().check(classesOf(module));
  }

  @Test
  void theStaticCheckDoesNotKnowTheReportsThatPresentIt() {
    noClasses().that().resideInAPackage("dev.subpact.graphql.check..")
        .should().dependOnClassesThat().resideInAPackage("dev.subpact.graphql.report..")
        .because("report renders findings; the gate (dev.subpact.graphql.gate) runs checks and builds reports")
        .check(classesOf("graphql-contracts"));
  }

  @Test
  void theBrokerClientNeedsOnlyGraphqlContractsJacksonAndTheJdk() {
    noClasses().should().dependOnClassesThat().resideOutsideOfPackages(
            "java..", "javax..", "com.fasterxml.jackson..", "dev.subpact.broker.client..", "dev.subpact.graphql..")
        .check(classesOf("broker-client"));
  }

  @Test
  void providerVerificationRunsNoServer() {
    noClasses().should().dependOnClassesThat().resideInAnyPackage("io.javalin..", "org.eclipse.jetty..", "jakarta.servlet..")
        .because("a SubpactTestTarget user should not pull in a web server; the reference backend is its own module")
        .check(classesOf("provider-verification"));
  }

  @Test
  void noLibrarySourceMentionsTheIncident() throws IOException {
    List<String> mentions = new ArrayList<>();
    forEachLibraryLine((where, line) -> {
      Matcher m = INCIDENT_NAMES.matcher(line);
      if (m.find()) {
        mentions.add(where + ": " + m.group().toLowerCase(Locale.ROOT));
      }
    });
    assertThat(mentions).as("incident names in library sources (move them to incident/, reference-backend/ or cli/)").isEmpty();
  }

  /** A Java string literal on one line (text blocks are not used in the libraries). */
  private static final Pattern STRING_LITERAL = Pattern.compile("\"(?:\\\\.|[^\"\\\\])*\"");

  /** A command-line flag such as {@code --schema} or {@code --run-timeout}, not a {@code --} inside a word or an arrow. */
  private static final Pattern FLAG = Pattern.compile("(?<![\\w-])--[a-z][a-z-]*");

  @Test
  void noLibraryMessageGivesCommandLineFlagAdvice() throws IOException {
    List<String> advice = new ArrayList<>();
    forEachLibraryLine((where, line) -> {
      Matcher literal = STRING_LITERAL.matcher(line);
      while (literal.find()) {
        Matcher flag = FLAG.matcher(literal.group());
        if (flag.find()) {
          advice.add(where + ": " + flag.group());
        }
      }
    });
    assertThat(advice).as("command-line flags in library strings: say it in neutral words (\"the run timeout\"); the CLI"
        + " names its option (UserErrorHandler's hints, SettingHint)").isEmpty();
  }

  /** Calls {@code visit} with {@code path:line} and the text of every line of every library's {@code src/main}. */
  private static void forEachLibraryLine(BiConsumer<String, String> visit) throws IOException {
    for (String module : SCANNED_LIBRARIES) {
      Path main = LauncherTest.ROOT.resolve(module).resolve("src/main");
      assertThat(main).isDirectory();
      try (Stream<Path> files = Files.walk(main)) {
        for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
          List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
          for (int i = 0; i < lines.size(); i++) {
            visit.accept(LauncherTest.ROOT.relativize(file) + ":" + (i + 1), lines.get(i));
          }
        }
      }
    }
  }
}

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
import java.util.function.Predicate;
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

  /** The libraries whose sources are scanned for the incident's names and for command-line flags. */
  private static final List<String> SCANNED_LIBRARIES =
      List.of("graphql-contracts", "broker-client", "websocket-server", "consumer-contracts", "provider-verification", "pact-broker");


  /** The incident's names and defaults; a library's {@code src/main} must not mention them, not even in examples. */
  private static final Pattern INCIDENT_NAMES = Pattern.compile(
      "flexus|karen|adspy|lawyerrat|slonik|owl-strategist|admonster|emessage_|emsg_|DeleteEmessages|bot_threads_calls_tasks"
          + "|/v1/graphql|staging\\.2026",
      Pattern.CASE_INSENSITIVE);

  /** Every module with production sources, for the rules that hold across the whole tree. */
  private static final List<String> ALL_MODULES = List.of("graphql-contracts", "broker-client", "websocket-server", "consumer-contracts",
      "provider-verification", "incident", "reference-backend", "pact-broker", "demo", "cli");

  /** The one place GraphQL-over-WebSocket is spelled out: subprotocol names, message types, close codes. */
  private static final Path PROTOCOL_PACKAGE = Path.of("graphql-contracts/src/main/java/dev/subpact/graphql/websocket");

  /**
   * The subprotocols' wire names and the message types that mean nothing else, as Java string
   * literals ({@code "next"}, {@code "data"} and {@code "error"} are left out: HAL links and GraphQL
   * results use them too).
   */
  private static final Pattern PROTOCOL_LITERALS = Pattern.compile(
      "\"(graphql-transport-ws|graphql-ws|connection_init|connection_ack|connection_error|connection_terminate"
          + "|ka|subscribe|start|stop|complete|ping|pong)\"");

  private static JavaClasses classesOf(String module) {
    Path classes = LauncherTest.ROOT.resolve(module).resolve("target/classes");
    assertThat(classes).as("%s is compiled before the acceptance module runs (same reactor)", module).isDirectory();
    return new ClassFileImporter().importPath(classes);
  }

  @ParameterizedTest
  @ValueSource(strings = {"graphql-contracts", "broker-client", "websocket-server", "consumer-contracts", "provider-verification", "pact-broker"})
  void noLibraryDependsOnTheIncidentTheReferenceBackendTheDemoOrTheCli(String module) {
    noClasses().should().dependOnClassesThat().resideInAnyPackage(
            "dev.subpact.incident..", "dev.subpact.reference..", "dev.subpact.demo..", "dev.subpact.cli..")
        .because("libraries are what users build on; the incident and its fake backend are examples and test material")
        .check(classesOf(module));
  }

  @ParameterizedTest
  @ValueSource(strings = {"graphql-contracts", "broker-client", "websocket-server", "consumer-contracts", "provider-verification",
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
  void theWebSocketServerOnlyCarriesFramesBetweenJettyAndTheProtocolLayer() {
    noClasses().should().dependOnClassesThat().resideOutsideOfPackages(
            "java..", "org.eclipse.jetty..", "dev.subpact.graphql.websocket..", "dev.subpact.websocket.server..")
        .because("what an operation gets is each server's ServerSession.Operations (capture, the reference backend)")
        .check(classesOf("websocket-server"));
  }

  @Test
  void providerVerificationRunsNoServer() {
    noClasses().should().dependOnClassesThat().resideInAnyPackage("io.javalin..", "org.eclipse.jetty..", "jakarta.servlet..")
        .because("a SubpactTestTarget user should not pull in a web server; the reference backend is its own module")
        .check(classesOf("provider-verification"));
  }

  @Test
  void theWebSocketProtocolLayerNeedsOnlyJacksonAndTheJdk() {
    noClasses().that().resideInAPackage("dev.subpact.graphql.websocket..")
        .should().dependOnClassesThat().resideOutsideOfPackages("java..", "com.fasterxml.jackson..", "dev.subpact.graphql.websocket..")
        .because("the replay client (java.net.http), capture and the reference backend (Jetty) all speak through it")
        .check(classesOf("graphql-contracts"));
  }

  @Test
  void onlyTheProtocolLayerSpellsOutSubprotocolNamesAndMessageTypes() throws IOException {
    List<String> spelled = matches(PROTOCOL_LITERALS, ALL_MODULES,
        file -> file.toString().endsWith(".java") && !file.startsWith(PROTOCOL_PACKAGE), ArchitectureTest::isCode);
    assertThat(spelled)
        .as("GraphQL-over-WebSocket names outside %s (use Subprotocol, MessageType or CloseCode)", PROTOCOL_PACKAGE)
        .isEmpty();
  }

  @Test
  void noLibrarySourceMentionsTheIncident() throws IOException {
    List<String> mentions = matches(INCIDENT_NAMES, SCANNED_LIBRARIES, file -> true, line -> true);
    assertThat(mentions).as("incident names in library sources (move them to incident/, reference-backend/ or cli/)").isEmpty();
  }

  /** A Java string literal on one line (text blocks are not used in the libraries). */
  private static final Pattern STRING_LITERAL = Pattern.compile("\"(?:\\\\.|[^\"\\\\])*\"");

  /** A command-line flag such as {@code --schema} or {@code --run-timeout}, not a {@code --} inside a word or an arrow. */
  private static final Pattern FLAG = Pattern.compile("(?<![\\w-])--[a-z][a-z-]*");

  @Test
  void noLibraryMessageGivesCommandLineFlagAdvice() throws IOException {
    List<String> advice = matches(STRING_LITERAL, SCANNED_LIBRARIES, file -> file.toString().endsWith(".java"),
        ArchitectureTest::isCode).stream().filter(literal -> FLAG.matcher(literal).find()).toList();
    assertThat(advice).as("command-line flags in library strings: say it in neutral words (\"the run timeout\"); the CLI"
        + " names its option (UserErrorHandler's hints, SettingHint)").isEmpty();
  }

  /** A line that is not (part of) a comment. */
  private static boolean isCode(String line) {
    String code = line.strip();
    return !(code.startsWith("*") || code.startsWith("/*") || code.startsWith("//"));
  }

  /**
   * Every match of {@code pattern} in the modules' {@code src/main} files that {@code scanned} takes
   * (by path from the root), on the lines {@code counted} takes: {@code file:line: match}.
   */
  private static List<String> matches(Pattern pattern, List<String> modules, Predicate<Path> scanned, Predicate<String> counted)
      throws IOException {
    List<String> found = new ArrayList<>();
    for (String module : modules) {
      Path main = LauncherTest.ROOT.resolve(module).resolve("src/main");
      assertThat(main).isDirectory();
      try (Stream<Path> files = Files.walk(main)) {
        for (Path file : files.filter(Files::isRegularFile).filter(f -> scanned.test(LauncherTest.ROOT.relativize(f))).sorted().toList()) {
          List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
          for (int i = 0; i < lines.size(); i++) {
            if (!counted.test(lines.get(i))) {
              continue;
            }
            Matcher m = pattern.matcher(lines.get(i));
            while (m.find()) {
              found.add(LauncherTest.ROOT.relativize(file) + ":" + (i + 1) + ": " + m.group().toLowerCase(Locale.ROOT));
            }
          }
        }
      }
    }
    return found;
  }
}

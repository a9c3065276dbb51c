package dev.subpact.cli;

import static dev.subpact.cli.CheckFixtures.PACTS;
import static dev.subpact.cli.CheckFixtures.schema;
import static org.assertj.core.api.Assertions.assertThat;

import dev.subpact.reference.Build;
import dev.subpact.reference.ReferenceBackend;
import dev.subpact.graphql.pact.GraphqlPact;
import dev.subpact.graphql.pact.GraphqlPacts;
import dev.subpact.incident.Incident;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugin.surefire.log.api.NullConsoleLogger;
import org.apache.maven.plugins.surefire.report.ReportTestCase;
import org.apache.maven.plugins.surefire.report.ReportTestSuite;
import org.apache.maven.plugins.surefire.report.TestSuiteXmlParser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JUnit XML of {@code check} and {@code verify} read by a reader subpact did not write: Maven
 * Surefire's own report parser (what the Surefire report plugin and, with the same schema, Jenkins
 * and GitLab read): suites, cases, failures, times and the suite's name per command.
 */
class JunitReadersTest {

  @TempDir static Path dir;

  @BeforeAll
  static void fixtures() throws Exception {
    CheckFixtures.materialise();
  }

  private static List<ReportTestSuite> read(Path xml) throws Exception {
    TestSuiteXmlParser parser = new TestSuiteXmlParser(new NullConsoleLogger());
    List<ReportTestSuite> suites = parser.parse(xml.toString());
    assertThat(parser.isValid()).as("Surefire's parser accepts %s", xml).isTrue();
    return suites;
  }

  @Test
  void checksReportIsReadSuiteBySuiteWithFailuresTimesAndFiles() throws Exception {
    Path xml = dir.resolve("check.xml");
    CheckFixtures.Run run = CheckFixtures.run("check", "--schema", schema("renamed").toString(), "--pacts", PACTS.toString(),
        "--format", "junit", "--output", xml.toString());

    assertThat(run.exit()).isEqualTo(1);
    List<ReportTestSuite> suites = read(xml);
    assertThat(suites).hasSize(10);
    for (ReportTestSuite suite : suites) {
      assertThat(suite.getNumberOfTests()).isEqualTo(2);
      assertThat(suite.getNumberOfFailures()).isEqualTo(2);
      assertThat(suite.getTimeElapsed()).isGreaterThanOrEqualTo(0f);
      assertThat(suite.getTestCases()).extracting(ReportTestCase::getName)
          .containsExactly("DeleteEmessages mutation", "KarenThreads subscription");
      assertThat(suite.getTestCases()).allSatisfy(c -> assertThat(c.hasFailure()).isTrue());
    }
    String text = Files.readString(xml);
    assertThat(text).contains("<testsuites name=\"subpact check\"").containsPattern(" timestamp=\"\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\"")
        .contains("file=\"target/check-fixtures/incident-pacts/adspy-flexus-backend.json\"");
  }

  @Test
  void verifysReportIsNamedVerifyAndCarriesEachReplaysTime() throws Exception {
    Path pacts = Files.createDirectories(dir.resolve("pacts"));
    for (GraphqlPact pact : Incident.crashedContracts()) {
      GraphqlPacts.writeTo(pacts, pact);
    }
    Path xml = dir.resolve("verify.xml");
    try (ReferenceBackend backend = ReferenceBackend.start(Build.named("renamed"), 0)) {
      int exit = CliRun.execute(new StringWriter(), "verify", "--backend", backend.websocketUrl().toString(),
          "--state-url", backend.stateUrl().toString(), "--pacts", pacts.toString(), "--format", "junit", "--output", xml.toString(),
          "--settle", "2s");
      assertThat(exit).isEqualTo(1);
    }

    List<ReportTestSuite> suites = read(xml);
    assertThat(suites).hasSize(10);
    assertThat(suites).allSatisfy(s -> assertThat(s.getNumberOfFailures()).isEqualTo(2));
    List<ReportTestCase> cases = suites.stream().flatMap(s -> s.getTestCases().stream()).toList();
    assertThat(cases).hasSize(20).allSatisfy(c -> assertThat(c.getTime()).as("each replay's own time").isGreaterThan(0f));
    assertThat(suites).allSatisfy(s -> assertThat(s.getTimeElapsed()).isGreaterThan(0f));
    assertThat(Files.readString(xml)).contains("<testsuites name=\"subpact verify\"").doesNotContain("subpact check");
  }
}

package dev.subpact.cli;

import static dev.subpact.cli.CheckFixtures.PACTS;
import static dev.subpact.cli.CheckFixtures.run;
import static dev.subpact.cli.CheckFixtures.schema;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every bad input gives exit 2 and one message naming the file and the problem, never a stack trace. */
class CheckBadInputTest {

  private static final Path BAD = Path.of("src", "test", "resources", "check", "bad");

  @BeforeAll
  static void fixtures() throws IOException {
    CheckFixtures.materialise();
  }

  private static void assertBadInput(CheckFixtures.Run run, String... mentions) {
    assertThat(run.exit()).as(run.err()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).startsWith("subpact check: ").contains(mentions).doesNotContain("\tat ").doesNotContain("Caused by");
  }

  @Test
  void aMissingSchemaFile() {
    assertBadInput(run("check", "--schema", "target/check-fixtures/no-such-schema.graphql", "--pacts", PACTS.toString()),
        "target/check-fixtures/no-such-schema.graphql", "does not exist");
  }

  @Test
  void malformedSdl() {
    assertBadInput(run("check", "--schema", BAD.resolve("malformed.graphql").toString(), "--pacts", PACTS.toString()),
        BAD.resolve("malformed.graphql").toString(), "is not valid GraphQL SDL: line 3, column 1: unexpected '<EOF>'");
  }

  @Test
  void jsonThatIsNotAnIntrospectionResult() {
    assertBadInput(run("check", "--schema", BAD.resolve("not-introspection.json").toString(), "--pacts", PACTS.toString()),
        BAD.resolve("not-introspection.json").toString(), "not an introspection result");
  }

  @Test
  void malformedPactJson() {
    Path pact = BAD.resolve("malformed-pact").resolve("karen-flexus-backend.json");
    assertBadInput(run("check", "--schema", schema("renamed").toString(), "--pacts", BAD.resolve("malformed-pact").toString()),
        pact.toString(), "is not valid JSON");
  }

  @Test
  void aDocumentWithASyntaxError() {
    Path document = BAD.resolve("document-with-syntax-error").resolve("KarenThreads.graphql");
    assertBadInput(run("check", "--schema", schema("renamed").toString(), "--documents", document.toString()),
        document.toString(), "line 2, column 52", "Syntax Error: Expected Name, found '{'.");
  }

  @Test
  void anEmptyDocumentFolder() throws IOException {
    Path empty = Files.createDirectories(CheckFixtures.ROOT.resolve("empty"));
    assertBadInput(run("check", "--schema", schema("renamed").toString(), "--documents", empty.toString()),
        empty.toString(), "holds no *.graphql document files");
  }

  @Test
  void aMissingPactFile() {
    assertBadInput(run("check", "--schema", schema("renamed").toString(), "--pacts", "target/check-fixtures/nope.json"),
        "target/check-fixtures/nope.json", "does not exist");
  }

  @Test
  void anUnreachableUrl() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    String url = "http://127.0.0.1:" + port + "/v1/graphql";
    assertBadInput(run("check", "--schema", url, "--pacts", PACTS.toString()), url,
        "Cannot introspect " + url + ": nothing answers there (connection refused). Is the backend running");
  }

  @Test
  void anUnknownFormat() {
    assertBadInput(run("check", "--schema", schema("renamed").toString(), "--pacts", PACTS.toString(), "--format", "yaml"),
        "--format 'yaml'", "text, json, junit, github or gitlab");
  }

  @Test
  void neitherPactsNorDocuments() {
    CheckFixtures.Run run = run("check", "--schema", schema("renamed").toString());
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("--pacts").contains("--documents");
  }

  @Test
  void aSchemaThatDoesNotLoadBecauseOfAnAliasTrapIsABreakTheLintExplains() {
    CheckFixtures.Run run = run("check", "--schema", BAD.resolve("required-deprecated-argument.graphql").toString(),
        "--pacts", PACTS.toString());

    assertThat(run.exit()).isEqualTo(1);
    assertThat(CheckFixtures.unwrapped(run.out()))
        .contains("error SCHEMA_LINT at 8:48  Mutation.emessages_delete(emessage_ids:)")
        .contains("Required argument Mutation.emessages_delete(emessage_ids:) cannot be deprecated.")
        .contains("emessage_ids: [String!] = null @deprecated(reason: \"Use emsg_ids\")")
        .contains("FAILED: 0 operations, 0 broken, 1 error, 0 warnings");
  }
}

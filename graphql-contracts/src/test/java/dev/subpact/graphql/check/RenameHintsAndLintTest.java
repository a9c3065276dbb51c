package dev.subpact.graphql.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.subpact.graphql.operation.Operation;
import dev.subpact.graphql.operation.SchemaCoordinate;
import dev.subpact.graphql.schema.Schema;
import dev.subpact.graphql.schema.SchemaLoader;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Rename hints and the alias lint, proven on purpose-made schemas and on the incident's builds. */
class RenameHintsAndLintTest {

  private static StaticChecker checker(String schema) throws IOException {
    return StaticChecker.of(SchemaLoader.fromSdl(GraphqlCoreWordingTest.resource(schema), schema),
        List.of(FixStyle.SDL, FixStyle.STRAWBERRY), null);
  }

  @Test
  void aRenameByShapeNeedsExactlyOneFieldRemovedAndOneAddedAtTheSamePositionWithTheSameType() {
    Schema baseline = SchemaLoader.fromSdl("type Query { m: M } type M { a: Int text: String b: Int }", "before");
    Operation reads = Operation.of("{ m { text } }", null, Map.of());

    assertThat(renameOf(baseline, "type Query { m: M } type M { a: Int body: String b: Int }", reads)).isEqualTo("body");
    assertThat(renameOf(baseline, "type Query { m: M } type M { a: Int b: Int body: String }", reads))
        .as("another position").isNull();
    assertThat(renameOf(baseline, "type Query { m: M } type M { a: Int body: Int b: Int }", reads))
        .as("another type").isNull();
    assertThat(renameOf(baseline, "type Query { m: M } type M { a: Int body: String c: Int }", reads))
        .as("two fields removed, two added").isNull();
  }

  private static String renameOf(Schema baseline, String sdl, Operation operation) {
    StaticChecker checker = StaticChecker.of(SchemaLoader.fromSdl(sdl, "after"), List.of(FixStyle.SDL), baseline);
    Finding unknown = only(checker.check(operation), FindingKind.UNKNOWN_FIELD, "M.text");
    return unknown.fix() == null ? null : unknown.suggestion();
  }

  private static Finding only(List<Finding> findings, FindingKind kind, String coordinate) {
    List<Finding> matching = findings.stream()
        .filter(f -> f.kind() == kind && coordinate.equals(String.valueOf(f.coordinate())))
        .toList();
    assertThat(matching).as(kind + " at " + coordinate + " in " + findings).hasSize(1);
    return matching.get(0);
  }

  @Test
  void aRenamedFieldOfTheSameShapeGetsTheDeprecatedAliasInSdlAndStrawberry() throws IOException {
    List<Finding> findings = checker("renames.graphql").check(
        Operation.of("query Q($ids: [String!]!) { messages(chan_ids: $ids) { message_id } }", "Q", Map.of("ids", List.of("a"))));

    Finding field = only(findings, FindingKind.UNKNOWN_FIELD, "Message.message_id");
    assertThat(field.message()).isEqualTo("Cannot query field 'message_id' on type 'Message'. Did you mean 'msg_id'?");
    assertThat(field.suggestion()).isEqualTo("msg_id");
    assertThat(field.fix())
        .contains("  message_id: String! @deprecated(reason: \"Use msg_id\")")
        .contains("  @strawberry.field(deprecation_reason=\"Use msg_id\")\n"
            + "  def message_id(self) -> str:\n"
            + "      return self.msg_id");
  }

  @Test
  void aSuggestionOfAnotherShapeIsNoRename() throws IOException {
    List<Finding> findings = checker("renames.graphql").check(
        Operation.of("{ messages(chan_ids: []) { authr } }", null, Map.of()));

    Finding field = only(findings, FindingKind.UNKNOWN_FIELD, "Message.authr");
    assertThat(field.message()).isEqualTo("Cannot query field 'authr' on type 'Message'. Did you mean 'author'?");
    assertThat(field.suggestion()).isEqualTo("author");
    assertThat(field.fix()).as("'author' is an object, 'authr' was selected as a leaf").isNull();
  }

  @Test
  void aFieldAlreadySelectedBesideTheUnknownOneIsNoRename() throws IOException {
    List<Finding> findings = checker("renames.graphql").check(
        Operation.of("{ messages(chan_ids: []) { msg_id msg_ids } }", null, Map.of()));

    assertThat(only(findings, FindingKind.UNKNOWN_FIELD, "Message.msg_ids").fix()).isNull();
  }

  @Test
  void aRenamedRequiredArgumentGetsAnOptionalAliasAndIsMadeOptional() throws IOException {
    List<Finding> findings = checker("renames.graphql").check(
        Operation.of("query Q($ids: [String!]!) { messages(chan_idz: $ids) { msg_id } }", "Q", Map.of("ids", List.of("a"))));

    Finding unknown = only(findings, FindingKind.UNKNOWN_ARGUMENT, "Query.messages(chan_idz:)");
    assertThat(unknown.message()).isEqualTo("Unknown argument 'chan_idz' on field 'Query.messages'. Did you mean 'chan_ids'?");
    assertThat(unknown.suggestion()).isEqualTo("chan_ids");
    assertThat(unknown.fix())
        .contains("make 'chan_ids' optional too")
        .contains("messages(…, chan_ids: [String!] = null, chan_idz: [String!] = null @deprecated(reason: \"Use chan_ids\"), …)")
        .contains("  chan_ids: Optional[List[str]] = None,\n")
        .contains("  chan_idz: Annotated[Optional[List[str]], strawberry.argument(deprecation_reason=\"Use chan_ids\")] = None,");
    Finding missing = only(findings, FindingKind.MISSING_REQUIRED_ARGUMENT, "Query.messages(chan_ids:)");
    assertThat(missing.message())
        .isEqualTo("Field 'messages' argument 'chan_ids' of type '[String!]!' is required, but it was not provided.");
    assertThat(missing.fix()).contains("make it optional").contains("  chan_ids: [String!] = null");
  }

  @Test
  void anArgumentWhoseValueDoesNotFitTheSuggestionIsNoRename() throws IOException {
    List<Finding> findings = checker("renames.graphql").check(
        Operation.of("{ messages(chan_ids: [], limt: \"ten\") { msg_id } }", null, Map.of()));

    Finding unknown = only(findings, FindingKind.UNKNOWN_ARGUMENT, "Query.messages(limt:)");
    assertThat(unknown.message()).isEqualTo("Unknown argument 'limt' on field 'Query.messages'. Did you mean 'limit'?");
    assertThat(unknown.fix()).as("a String literal does not fit Int").isNull();
  }

  @Test
  void theIncidentRenameIsRecognisedForAllNineNames() throws IOException {
    String wire = GraphqlCoreWordingTest.resource("cases/incident-KarenThreads-before-rename-vs-renamed.json");
    com.fasterxml.jackson.databind.JsonNode c = new com.fasterxml.jackson.databind.ObjectMapper().readTree(wire);
    List<Finding> findings = checker("/dev/subpact/backend/schemas/renamed.graphql").check(
        Operation.of(c.get("query").asText(), "KarenThreads", Map.of()));

    assertThat(findings).filteredOn(f -> f.fix() != null).extracting(Finding::suggestion).containsExactly(
        "want_emsg_types", "emsg_id", "emsg_persona_id", "emsg_type", "emsg_from", "emsg_to",
        "emsg_external_id", "emsg_payload", "emsg_created_ts", null);
    assertThat(only(findings, FindingKind.UNKNOWN_FIELD, "FExternalMessageOutput.emessage_id").fix())
        .contains("emessage_id: String! @deprecated(reason: \"Use emsg_id\")");
    assertThat(only(findings, FindingKind.MISSING_REQUIRED_ARGUMENT, "Subscription.bot_threads_calls_tasks(want_emsg_types:)").fix())
        .contains("'want_emsg_types' replaced 'want_emessage_types'");
  }

  @Test
  void aRequiredDeprecatedArgumentIsALintError() throws IOException {
    List<Finding> lint = StaticChecker.lintSdl(GraphqlCoreWordingTest.resource("lint-required-deprecated.graphql"));

    assertThat(lint).extracting(Finding::message)
        .containsExactly("Required argument Query.messages(old_ids:) cannot be deprecated.");
    assertThat(lint.get(0).isError()).isTrue();
    assertThat(lint.get(0).kind()).isEqualTo(FindingKind.SCHEMA_LINT);
    assertThat(lint.get(0).coordinate()).isEqualTo(SchemaCoordinate.argument("Query", "messages", "old_ids"));
    assertThat(lint.get(0).fix()).contains("old_ids: [String!] = null @deprecated(reason: \"Use ids\")");
    assertThat(lint.get(0).locations()).containsExactly(new Location(3, 35));
  }

  @Test
  void aRequiredArgumentWithADeprecatedTwinIsALintError() throws IOException {
    List<Finding> lint = checker("lint-required-twin.graphql").lintSchema();

    assertThat(lint).extracting(Finding::message).containsExactly(
        "Argument Query.messages(ids:) is required, but its deprecated twin Query.messages(old_ids:) still exists: "
            + "clients that send only 'old_ids' fail with \"Field 'messages' argument 'ids' of type '[String!]!' is required, but it was not provided.\"");
    assertThat(lint.get(0).fix()).contains("ids: [String!] = null");
  }

  @Test
  void theIncidentBuildsHaveNoAliasTraps() throws IOException {
    assertThat(checker("/dev/subpact/backend/schemas/aliased.graphql").lintSchema()).isEmpty();
    assertThat(checker("/dev/subpact/backend/schemas/renamed.graphql").lintSchema()).isEmpty();
    assertThat(checker("/dev/subpact/backend/schemas/before-rename.graphql").lintSchema()).isEmpty();
  }
}

package dev.subpact.graphql.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.subpact.graphql.check.Finding;
import dev.subpact.graphql.check.FindingKind;
import dev.subpact.graphql.check.Severity;
import dev.subpact.graphql.operation.SchemaCoordinate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Findings that say the same thing about several fields of one type are told once. */
class FindingGroupTest {

  private static Finding renamed(String old, String renamed, String type) {
    return new Finding(FindingKind.UNKNOWN_FIELD, Severity.ERROR,
        "Cannot query field '" + old + "' on type 'FExternalMessageOutput'. Did you mean '" + renamed + "'?",
        SchemaCoordinate.field("FExternalMessageOutput", old), renamed, List.of(),
        "keep '" + old + "' on FExternalMessageOutput as a deprecated alias of '" + renamed + "':\n"
            + "SDL:\n  " + old + ": " + type + " @deprecated(reason: \"Use " + renamed + "\")", null);
  }

  @Test
  void renamesWithOnePatternBecomeOneTableAndOneSnippet() {
    List<FindingGroup> groups = FindingGroup.of(List.of(
        renamed("emessage_id", "emsg_id", "String!"),
        renamed("emessage_payload", "emsg_payload", "JSON!"),
        renamed("emessage_created_ts", "emsg_created_ts", "Float!")));

    assertThat(groups).hasSize(1);
    FindingGroup group = groups.get(0);
    assertThat(group.title()).isEqualTo(
        "3 fields of FExternalMessageOutput renamed emessage_* → emsg_*: emessage_id, emessage_payload, emessage_created_ts");
    assertThat(group.fix()).isEqualTo("""
        keep each old name on FExternalMessageOutput as a deprecated alias of its new name (emessage_* → emsg_*), \
        so clients that still query the old names keep working:
          old name             new name         type
          emessage_id          emsg_id          String!
          emessage_payload     emsg_payload     JSON!
          emessage_created_ts  emsg_created_ts  Float!
        for each row, as for the first (emessage_id):
          SDL:
            emessage_id: String! @deprecated(reason: "Use emsg_id")""");
  }

  @Test
  void differentPatternsTypesAndArgumentsStayApart() {
    Finding argument = new Finding(FindingKind.UNKNOWN_ARGUMENT, Severity.ERROR, "Unknown argument 'emessage_ids'.",
        SchemaCoordinate.argument("Mutation", "emessages_delete", "emessage_ids"), "emsg_ids", List.of(), "keep it", null);
    List<FindingGroup> groups = FindingGroup.of(List.of(
        renamed("emessage_id", "emsg_id", "String!"),
        argument,
        renamed("id", "identifier", "ID!"),
        renamed("emessage_to", "emsg_to", "String!")));

    assertThat(groups).extracting(g -> g.findings().size()).containsExactly(2, 1, 1);
    assertThat(groups.get(1).title()).isEqualTo("Unknown argument 'emessage_ids'.");
    assertThat(groups.get(1).fix()).isEqualTo("keep it");
  }

  @Test
  void deprecationsOfOneTypeAreListedTogetherWithoutAFix() {
    Finding first = new Finding(FindingKind.DEPRECATED_USAGE, Severity.WARNING, "The field T.a is deprecated.",
        SchemaCoordinate.field("T", "a"), null, List.of(), null, null);
    Finding second = new Finding(FindingKind.DEPRECATED_USAGE, Severity.WARNING, "The field T.b is deprecated.",
        SchemaCoordinate.field("T", "b"), null, List.of(), null, null);

    assertThat(FindingGroup.of(List.of(first, second))).singleElement()
        .satisfies(g -> assertThat(g.title()).isEqualTo("2 deprecated fields of T still used: a, b"))
        .satisfies(g -> assertThat(g.fix()).isNull());
  }
}

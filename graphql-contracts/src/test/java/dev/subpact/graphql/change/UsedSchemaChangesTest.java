package dev.subpact.graphql.change;

import static org.assertj.core.api.Assertions.assertThat;

import dev.subpact.graphql.check.Finding;
import dev.subpact.graphql.check.FindingKind;
import dev.subpact.graphql.check.StaticChecker;
import dev.subpact.graphql.operation.Operation;
import dev.subpact.graphql.schema.Schema;
import dev.subpact.graphql.schema.SchemaLoader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code check --baseline} on the mutation corpus: every kind of change is caught on a selected
 * part of the schema and ignored on an unused one, with the verdict labelled by hand in each case
 * (the benchmark {@code BaselineBench} scores the same corpus against an oracle written with
 * graphql-js, and graphql-inspector).
 */
class UsedSchemaChangesTest {

  private static final Schema BASE = SchemaLoader.fromSdl(MutationCorpus.base(), "base.graphql");
  private static final Map<String, Operation> OPERATIONS = MutationCorpus.operations();

  static Stream<MutationCorpus.Case> cases() {
    return MutationCorpus.cases().stream();
  }

  @Test
  void theOperationsAreCleanOnTheBaseSchema() {
    StaticChecker checker = StaticChecker.of(BASE);
    UsedSchemaChanges unchanged = UsedSchemaChanges.between(BASE, BASE);
    for (Operation operation : OPERATIONS.values()) {
      assertThat(checker.check(operation)).as(operation.name()).isEmpty();
      assertThat(unchanged.findings(operation)).as(operation.name()).isEmpty();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void eachOperationGetsTheVerdictOfTheChangeItCanFeel(MutationCorpus.Case c) {
    Schema mutated = SchemaLoader.fromSdl(c.schema(), c.file());
    StaticChecker checker = StaticChecker.of(mutated);
    UsedSchemaChanges changes = UsedSchemaChanges.between(BASE, mutated);
    Map<String, String> expected = new LinkedHashMap<>();
    Map<String, String> actual = new LinkedHashMap<>();
    Map<String, List<String>> messages = new LinkedHashMap<>();
    OPERATIONS.forEach((name, operation) -> {
      List<Finding> findings = changes.alongside(checker.check(operation), operation);
      expected.put(name, c.expected(name));
      actual.put(name, verdict(findings));
      messages.put(name, findings.stream().map(f -> f.kind() + " " + f.coordinate() + ": " + f.message()).toList());
    });
    assertThat(actual).as(c.comment() + "\n" + messages).isEqualTo(expected);
  }

  @Test
  void aFindingNamesTheCoordinateThePathAndTheFix() {
    Schema mutated = SchemaLoader.fromSdl(MutationCorpus.base().replace("  tags: [String!]!\n", "  tags: [String]!\n"), "new.graphql");

    List<Finding> findings = UsedSchemaChanges.between(BASE, mutated).findings(OPERATIONS.get("BotQuery"));

    assertThat(findings).singleElement().satisfies(f -> {
      assertThat(f.kind()).isEqualTo(FindingKind.NULLABILITY);
      assertThat(f.isError()).isTrue();
      assertThat(f.coordinate()).hasToString("Bot.tags");
      assertThat(f.path()).isEqualTo("$.data.bot.tags[*]");
      assertThat(f.message()).isEqualTo("The items of field 'Bot.tags' can now be null ('[String!]!' became '[String]!'),"
          + " and the operation reads it where null was impossible (baseline: base.graphql).");
      assertThat(f.locations()).extracting(l -> l.line() + ":" + l.column()).containsExactly("9:5");
      assertThat(f.fix()).contains("keep the items of 'Bot.tags' non-null");
    });
  }

  @Test
  void anAliasedSelectionIsReportedAtItsResponseKey() {
    Schema mutated = SchemaLoader.fromSdl(MutationCorpus.base().replace("type Bot {\n  id: ID!\n", "type Bot {\n  id: Int!\n"), "new.graphql");

    List<Finding> findings = UsedSchemaChanges.between(BASE, mutated).findings(OPERATIONS.get("BotsList"));

    assertThat(findings).extracting(Finding::kind, Finding::path)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(FindingKind.TYPE_CHANGED, "$.data.bots[*].botId"));
  }

  @Test
  void anInputChangeIsOneFindingInGraphqlCoresWordsWithWhatChanged() {
    Schema mutated = SchemaLoader.fromSdl(MutationCorpus.base().replace("  NORMAL\n  URGENT\n", "  NORMAL\n"), "new.graphql");
    Operation send = OPERATIONS.get("SendMessage");

    List<Finding> findings = UsedSchemaChanges.between(BASE, mutated).alongside(StaticChecker.of(mutated).check(send), send);

    assertThat(findings).singleElement().satisfies(f -> {
      assertThat(f.kind()).isEqualTo(FindingKind.INPUT_CHANGED);
      assertThat(f.coordinate()).hasToString("Urgency.URGENT");
      assertThat(f.message()).isEqualTo("Variable '$input' got invalid value 'URGENT' at 'input.urgency'; Value 'URGENT' does not exist"
          + " in 'Urgency' enum. Since the baseline: the value the operation sends to 'Mutation.sendMessage(input:)' is no longer"
          + " accepted: enum value 'Urgency.URGENT' does not exist and the operation sends it at 'MessageInput.urgency'"
          + " (baseline: base.graphql).");
      assertThat(f.fix()).contains("keep accepting what deployed consumers send at 'Urgency.URGENT'");
    });
  }

  @Test
  void aNewRequiredArgumentTheOperationOmitsIsOneFinding() {
    Schema mutated = SchemaLoader.fromSdl(MutationCorpus.base().replace("bots(first: Int = 10, kind: Kind)",
        "bots(first: Int = 10, kind: Kind, ownerId: ID!)"), "new.graphql");
    Operation list = OPERATIONS.get("BotsList");

    List<Finding> findings = UsedSchemaChanges.between(BASE, mutated).alongside(StaticChecker.of(mutated).check(list), list);

    assertThat(findings).singleElement().satisfies(f -> {
      assertThat(f.kind()).isEqualTo(FindingKind.INPUT_CHANGED);
      assertThat(f.coordinate()).hasToString("Query.bots(ownerId:)");
      assertThat(f.message()).startsWith("Field 'bots' argument 'ownerId' of type 'ID!' is required, but it was not provided."
          + " Since the baseline: argument 'Query.bots(ownerId:)' of type 'ID!' is new and required, and the operation does not pass it");
    });
  }

  private static String verdict(List<Finding> findings) {
    return findings.stream().anyMatch(Finding::isError) ? "error" : findings.isEmpty() ? "none" : "warning";
  }
}

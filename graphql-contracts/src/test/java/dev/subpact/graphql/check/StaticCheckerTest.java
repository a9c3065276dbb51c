package dev.subpact.graphql.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.subpact.graphql.operation.Operation;
import dev.subpact.graphql.schema.SchemaLoader;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The checker's own behaviour around graphql-core's rules: which operation runs, variables, caching. */
class StaticCheckerTest {

  private static StaticChecker shapes() throws IOException {
    return StaticChecker.of(SchemaLoader.fromSdl(GraphqlCoreWordingTest.resource("shapes.graphql"), "shapes.graphql"));
  }

  @Test
  void anOperationNameTheDocumentDoesNotDefineIsReportedInGraphqlCoresWords() throws IOException {
    assertThat(shapes().check(Operation.of("query A { item1 }", "B", Map.of())))
        .extracting(Finding::kind, Finding::message)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(FindingKind.OTHER, "Unknown operation named 'B'."));
    assertThat(shapes().check(Operation.of("query A { item1 } query B { item2 }", null, Map.of())))
        .extracting(Finding::message)
        .containsExactly("Must provide operation name if query contains multiple operations.");
  }

  @Test
  void checkDocumentLeavesTheVariablesOut() throws IOException {
    Operation operation = Operation.of("query U($id: ID!) { user(id: $id) { name } }", "U", Map.of());

    assertThat(shapes().check(operation)).extracting(Finding::message)
        .containsExactly("Variable '$id' of required type 'ID!' was not provided.");
    assertThat(shapes().checkDocument(operation)).isEmpty();
  }

  @Test
  void theSameDocumentTextIsCheckedOnceAndItsVariablesEachTime() throws IOException {
    StaticChecker checker = shapes();
    String text = "query U($id: ID!) { user(id: $id) { nam } }";

    List<Finding> first = checker.check(Operation.of(text, "U", Map.of("id", "u1")));
    List<Finding> second = checker.check(Operation.of(text, "U", Map.of("id", true)));

    assertThat(first).extracting(Finding::message)
        .containsExactly("Cannot query field 'nam' on type 'User'. Did you mean 'name'?");
    assertThat(second).extracting(Finding::message).containsExactly(
        "Cannot query field 'nam' on type 'User'. Did you mean 'name'?",
        "Variable '$id' got invalid value True; ID cannot represent value: True");
    assertThat(second.get(0)).isSameAs(first.get(0));
  }
}

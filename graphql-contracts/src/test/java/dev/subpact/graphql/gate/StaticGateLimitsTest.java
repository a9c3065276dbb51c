package dev.subpact.graphql.gate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.subpact.graphql.check.FindingKind;
import dev.subpact.graphql.report.InteractionReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A consumer document over the parse limits is a broken interaction of its own in the report; the others are still checked. */
class StaticGateLimitsTest {

  @TempDir Path dir;

  @Test
  void aDocumentNestedTwoThousandDeepIsAFindingAndTheOtherDocumentsAreChecked() throws IOException {
    Path schema = Files.writeString(dir.resolve("schema.graphql"), "type Query { a: Int } type Subscription { f: F } type F { f: F x: Int }");
    Path documents = Files.createDirectory(dir.resolve("documents"));
    Files.writeString(documents.resolve("deep.graphql"), "subscription Deep " + "{ f ".repeat(2_000) + "}".repeat(2_000));
    Files.writeString(documents.resolve("fine.graphql"), "subscription Fine { f { x } }");
    Files.writeString(documents.resolve("wrong.graphql"), "subscription Wrong { f { y } }");

    List<InteractionReport> results = StaticGate.checkDocuments(schema.toString(), List.of(documents)).results();

    assertThat(results).extracting(InteractionReport::interaction)
        .containsExactlyInAnyOrder("deep.graphql", "Fine subscription", "Wrong subscription");
    InteractionReport deep = results.stream().filter(r -> r.interaction().equals("deep.graphql")).findFirst().orElseThrow();
    assertThat(deep.errors()).singleElement().satisfies(f -> {
      assertThat(f.kind()).isEqualTo(FindingKind.DOCUMENT_OVER_LIMIT);
      assertThat(f.message()).contains("deep.graphql is not read: Document nests brackets deeper than 100 levels (line 1, column 419)");
      assertThat(f.fix()).startsWith("Split the operation into smaller ones");
    });
    assertThat(results).filteredOn(r -> r.interaction().equals("Wrong subscription"))
        .flatExtracting(InteractionReport::errors).extracting(f -> f.kind()).containsExactly(FindingKind.UNKNOWN_FIELD);
    assertThat(results).filteredOn(r -> r.interaction().equals("Fine subscription")).flatExtracting(InteractionReport::errors).isEmpty();
  }
}

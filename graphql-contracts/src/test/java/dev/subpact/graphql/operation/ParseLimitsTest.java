package dev.subpact.graphql.operation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.subpact.graphql.check.StaticChecker;
import dev.subpact.graphql.schema.Schema;
import dev.subpact.graphql.schema.SchemaLoadException;
import dev.subpact.graphql.schema.SchemaLoader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every document and schema is read within {@link ParseLimits}: over a limit is a named input error, never a crash. */
class ParseLimitsTest {

  private static String nested(int depth) {
    return "subscription Deep " + "{ f ".repeat(depth) + "}".repeat(depth);
  }

  private static String resource(String path) throws IOException {
    try (InputStream in = ParseLimitsTest.class.getResourceAsStream(path)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void aDocumentNestedTwoThousandDeepIsASyntaxErrorNamingTheLimitNotAStackOverflow() {
    assertThatThrownBy(() -> GraphqlDocument.parse(nested(2_000)))
        .isInstanceOf(DocumentSyntaxException.class)
        .hasMessageContaining("nests brackets deeper than " + ParseLimits.MAX_NESTING)
        .satisfies(e -> assertThat(((DocumentSyntaxException) e).column()).isEqualTo(18 + 4 * ParseLimits.MAX_NESTING + 1));
  }

  @Test
  void aDocumentAtTheNestingLimitParsesAndIsCheckedWithoutOverflow() {
    Schema schema = SchemaLoader.fromSdl("type Query { a: Int } type Subscription { f: F } type F { f: F x: Int }", "deep");
    GraphqlDocument document = GraphqlDocument.parse(nested(ParseLimits.MAX_NESTING));
    assertThat(document.canonical()).startsWith("subscription Deep");
    assertThat(StaticChecker.of(schema).check(new Operation(document, null, Map.of())))
        .extracting(f -> f.message())
        .containsExactly("Field 'f' of type 'F' must have a selection of subfields. Did you mean 'f { ... }'?");
  }

  @Test
  void aDocumentWithTooManyTokensNamesTheLimit() {
    String wide = "query Wide { " + "a ".repeat(ParseLimits.MAX_DOCUMENT_TOKENS) + "}";
    assertThatThrownBy(() -> GraphqlDocument.parse(wide))
        .isInstanceOf(DocumentSyntaxException.class)
        .hasMessageContaining("more than 50,000 tokens");
  }

  @Test
  void documentsOverALimitAreMarkedSoAndMalformedOnesAreNot() {
    String wide = "query Wide { " + "a ".repeat(ParseLimits.MAX_DOCUMENT_TOKENS) + "}";
    for (String over : new String[] {nested(2_000), wide}) {
      assertThatThrownBy(() -> GraphqlDocument.parse(over))
          .isInstanceOfSatisfying(DocumentSyntaxException.class, e -> assertThat(e.overLimit()).isTrue());
    }
    assertThatThrownBy(() -> GraphqlDocument.parse("query Broken { a"))
        .isInstanceOfSatisfying(DocumentSyntaxException.class, e -> assertThat(e.overLimit()).isFalse());
  }

  @Test
  void everyIncidentDocumentIsWellWithinTheLimits() throws IOException {
    for (String name : new String[] {"KarenThreads.before-rename", "KarenThreads.after-rename",
        "DeleteEmessages.before-rename", "DeleteEmessages.after-rename"}) {
      String text = resource("/dev/subpact/incident/ckit/" + name + ".graphql");
      assertThat(ParseLimits.nesting(text)).as(name).isLessThan(ParseLimits.MAX_NESTING / 5);
      assertThat(GraphqlDocument.parse(text).ast().getDefinitions()).as(name).isNotEmpty();
    }
  }

  @Test
  void anSdlWithTenThousandNestedListTypesIsRefusedQuicklyWithTheLimitNamed() {
    String sdl = "type Query { f: " + "[".repeat(10_000) + "Int" + "]".repeat(10_000) + " }";
    long start = System.nanoTime();
    assertThatThrownBy(() -> SchemaLoader.fromSdl(sdl, "hostile.graphql"))
        .isInstanceOf(SchemaLoadException.class)
        .hasMessageContaining("Schema hostile.graphql is not valid GraphQL SDL")
        .hasMessageContaining("nests brackets deeper than " + ParseLimits.MAX_NESTING);
    assertThat((System.nanoTime() - start) / 1_000_000).as("milliseconds").isLessThan(1_000);
  }

  @Test
  void theIncidentSchemasLoadWithinTheSdlLimits() throws IOException {
    for (String build : new String[] {"before-rename", "renamed", "aliased"}) {
      String sdl = resource("/dev/subpact/backend/schemas/" + build + ".graphql");
      assertThat(SchemaLoader.fromSdl(sdl, build).graphql().getSubscriptionType()).as(build).isNotNull();
    }
  }

  @Test
  void introspectionJsonNestedBeyondJacksonsLimitIsASchemaLoadErrorNotANullPointer() {
    String json = "{\"__schema\":" + "[".repeat(1_500) + "]".repeat(1_500) + "}";
    assertThatThrownBy(() -> SchemaLoader.fromIntrospectionJson(json, "deep.json"))
        .isInstanceOf(SchemaLoadException.class)
        .hasMessageStartingWith("Schema deep.json is not valid JSON")
        .hasMessageContaining("nesting depth");
  }

  @Test
  void bracketsInStringsAndCommentsDoNotCount() {
    assertThat(ParseLimits.nesting("query { a(s: \"{{{[[[\") # ((((\n b(t: \"\"\"{{ \\\"\"\" [[\"\"\") }")).isEqualTo(2);
  }
}

package dev.subpact.graphql.operation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.subpact.graphql.schema.SchemaLoader;
import graphql.schema.GraphQLSchema;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OperationTest {

  private static final GraphQLSchema SCHEMA =
      SchemaLoader.fromSdl(
              """
              type Query { thread(id: ID!, full: Boolean): Thread }
              type Subscription { news(kinds: [String!], limit: Int): News! }
              type News { id: ID! thread: Thread message: Message }
              type Thread { id: ID! title: String }
              type Message { id: ID! text: String }
              """,
              "test")
          .graphql();

  @Test
  void keepsTheTextExactlyAsSent() {
    String text = "subscription S {\n  news(kinds: [\"A\"]) { id }\n}  ";
    Operation op = Operation.of(text, "S", Map.of());
    assertThat(op.document().text()).isEqualTo(text);
    assertThat(op.type()).isEqualTo(OperationType.SUBSCRIPTION);
    assertThat(op.label()).isEqualTo("S");
  }

  @Test
  void canonicalFormIgnoresWhitespaceCommentsAndOrderButKeepsAliases() {
    GraphqlDocument a = GraphqlDocument.parse("subscription S { news(limit: 1, kinds: [\"A\"]) { thread { title id } id } }");
    GraphqlDocument b = GraphqlDocument.parse("# a comment\nsubscription S {\n news(kinds: [\"A\"], limit: 1) {\n id\n thread { id title }\n }\n}");
    GraphqlDocument aliased = GraphqlDocument.parse("subscription S { news(limit: 1, kinds: [\"A\"]) { thread { title id } key: id } }");

    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
    assertThat(a.canonical()).isEqualTo(b.canonical());
    assertThat(aliased).isNotEqualTo(a);
  }

  @Test
  void coordinatesAreResolvedAgainstTheSchemaThroughFragments() {
    Operation op =
        Operation.of(
            "subscription S($k: [String!]) { news(kinds: $k) { id ...T message { ... on Message { text } } unknown } }"
                + " fragment T on News { thread { title } }",
            "S",
            Map.of());

    assertThat(OperationCoordinates.of(op, SCHEMA))
        .extracting(SchemaCoordinate::toString)
        .containsExactly(
            "Message.text", "News.id", "News.message", "News.thread", "Subscription.news",
            "Subscription.news(kinds:)", "Thread.title");
  }

  @Test
  void schemaCoordinatesPrintAndParseBothWays() {
    for (String text : new String[] {"Query", "Query.thread", "Query.thread(id:)"}) {
      assertThat(SchemaCoordinate.parse(text)).hasToString(text);
    }
  }

  @Test
  void syntaxErrorsAreWordedLikeGraphqlCoreWithTheirLocation() {
    assertThatThrownBy(() -> GraphqlDocument.parse("subscription S {\n  news {\n"))
        .isInstanceOf(DocumentSyntaxException.class)
        .hasMessageStartingWith("Syntax Error: ")
        .satisfies(e -> assertThat(((DocumentSyntaxException) e).line()).isGreaterThanOrEqualTo(2));
  }

  @Test
  void anOperationNameThatIsNotInTheDocumentIsReported() {
    Operation op = Operation.of("query A { thread(id: 1) { id } }", "B", Map.of());
    assertThatThrownBy(op::definition).hasMessage("Unknown operation named 'B'.");
  }
}

package dev.subpact.capture;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.subpact.graphql.operation.Operation;
import dev.subpact.graphql.schema.SchemaLoader;
import graphql.schema.GraphQLSchema;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Example results and expected shapes from selection sets, on a purpose-made schema. */
class ExampleDataTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final GraphQLSchema SCHEMA = SchemaLoader.fromSdl("""
      enum Kind { TELEGRAM SLACK }
      scalar JSON
      interface Message { id: ID! }
      type Telegram implements Message { id: ID! chat: String! }
      type Slack implements Message { id: ID! channel: String }
      union Anything = Telegram | Slack
      type Query {
        messages(first: Int): [Message!]!
        anything: Anything
        kinds: [Kind]
        payload: JSON!
        count: Int!
        ratio: Float
        ok: Boolean!
      }
      """, "test.graphql").graphql();

  private static ExampleData.Example example(String query) {
    return ExampleData.of(Operation.of(query, null, Map.of()), SCHEMA);
  }

  @Test
  void everyScalarEnumListAndAbstractTypeGetsAValueOfItsType() throws Exception {
    ExampleData.Example example = example("""
        query { messages(first: 2) { __typename id ... on Slack { channel } } all: anything { ... on Slack { channel } }
          kinds payload count ratio ok }""");
    assertThat(example.sent()).isEqualTo(JSON.readTree("""
        {"data": {"messages": [{"__typename": "Slack", "id": "id", "channel": "channel"}],
                  "all": {"channel": "channel"}, "kinds": ["TELEGRAM"], "payload": {}, "count": 1, "ratio": 1.5, "ok": true}}"""));
    // Every selected field is expected, nullable ones too: the contract covers all the consumer reads;
    // the custom scalar JSON as a placeholder any non-null value matches.
    assertThat(example.expected()).isEqualTo(JSON.readTree("""
        {"data": {"messages": [{"__typename": "Slack", "id": "id", "channel": "channel"}],
                  "all": {"channel": "channel"}, "kinds": ["TELEGRAM"], "payload": "payload", "count": 1, "ratio": 1.5, "ok": true}}"""));
    assertThat(example.rules().path("body").path("$.data.payload").toString())
        .isEqualTo("{\"combine\":\"AND\",\"matchers\":[{\"match\":\"regex\",\"regex\":\"[\\\\s\\\\S]*\"}]}");
    assertThat(example.rules().path("body").path("$.data.all.channel").path("matchers").get(0).path("match").asText()).isEqualTo("type");
    assertThat(example.rules().path("body").path("$.data.count").path("matchers").get(0).path("match").asText())
        .as("the pact itself says the consumer reads an integer; graphql-js writes the Float 5.0 as 5").isEqualTo("integer");
    assertThat(example.rules().path("body").path("$.data.ratio").path("matchers").get(0).path("match").asText()).isEqualTo("type");
  }

  @Test
  void aTypeUnderANullableFieldIsExpectedWithItsTypeMatcher() throws Exception {
    GraphQLSchema chat = SchemaLoader.fromSdl("""
        type Query { room(id: ID!): Room }
        type Room { messages: [Message] }
        type Message { sentAt: Int }
        """, "chat.graphql").graphql();
    ExampleData.Example example = ExampleData.of(Operation.of("query { room(id: \"r1\") { messages { sentAt } } }", null, Map.of()), chat);

    assertThat(example.expected()).isEqualTo(JSON.readTree("{\"data\": {\"room\": {\"messages\": [{\"sentAt\": 1}]}}}"));
    assertThat(example.rules().toString()).isEqualTo("{\"body\":{"
        + "\"$.data.room.messages\":{\"combine\":\"AND\",\"matchers\":[{\"match\":\"type\"}]},"
        + "\"$.data.room.messages[*].sentAt\":{\"combine\":\"AND\",\"matchers\":[{\"match\":\"integer\"}]}}}");
  }

  @Test
  void theMemberAFragmentSpreadNamesIsTheOneAnswered() throws Exception {
    ExampleData.Example example = example("""
        query { anything { ...tg } }
        fragment tg on Telegram { chat }""");
    assertThat(example.expected()).isEqualTo(JSON.readTree("{\"data\": {\"anything\": {\"chat\": \"chat\"}}}"));
  }

  @Test
  void fragmentsAreFollowedAndAliasesAreTheKeys() throws Exception {
    ExampleData.Example example = example("""
        query { first: messages { ...ids } }
        fragment ids on Message { id ... on Telegram { chat } }""");
    assertThat(example.sent()).isEqualTo(JSON.readTree("{\"data\": {\"first\": [{\"id\": \"id\"}]}}"));
  }

  @Test
  void typeMatchersCoverEveryLeafAndListElement() throws Exception {
    assertThat(TypeMatchers.forContent(JSON.readTree("""
        {"data": {"a": [{"b": 1}], "c": [], "d": null, "odd key": "x"}}""")).toString()).isEqualTo(
        "{\"body\":{\"$.data.a[*].b\":{\"combine\":\"AND\",\"matchers\":[{\"match\":\"type\"}]},"
            + "\"$.data.c\":{\"combine\":\"AND\",\"matchers\":[{\"match\":\"type\"}]},"
            + "\"$.data['odd key']\":{\"combine\":\"AND\",\"matchers\":[{\"match\":\"type\"}]}}}");
  }

  @Test
  void anObjectWithAKeyPactPathsCannotSpellIsMatchedAsAWhole() throws Exception {
    String rules = TypeMatchers.forContent(JSON.readTree("""
        {"data": {"payload": {"it's": 1, "x": {"y": 2}}, "n": 3}}""")).toString();

    assertThat(rules).isEqualTo(
        "{\"body\":{\"$.data.payload\":{\"combine\":\"AND\",\"matchers\":[{\"match\":\"type\"}]},"
            + "\"$.data.n\":{\"combine\":\"AND\",\"matchers\":[{\"match\":\"type\"}]}}}");
    JSON.readTree(rules).get("body").fieldNames().forEachRemaining(au.com.dius.pact.core.model.PathExpressionsKt::parsePath);
  }
}

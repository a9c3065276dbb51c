package dev.subpact.graphql.pact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import au.com.dius.pact.core.model.DefaultPactReader;
import au.com.dius.pact.core.model.Pact;
import au.com.dius.pact.core.model.V4Interaction;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.subpact.graphql.operation.Operation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GraphqlPactsTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static GraphqlPact pact() {
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put("z", 1);
    variables.put("a", List.of("x"));
    ObjectNode event = JSON.createObjectNode();
    event.putObject("data").putObject("news").put("id", "n1");
    ObjectNode rules = JSON.createObjectNode();
    rules.putObject("body").putObject("$.data.news.id").put("combine", "AND").putArray("matchers").addObject().put("match", "type");
    GraphqlInteraction subscription =
        new GraphqlInteraction("News subscription", List.of(new ProviderState("a news item", Map.of("id", "n1"))),
            Operation.of("subscription News($a: [String!], $z: Int) {\n  news(kinds: $a, limit: $z) {\n    id\n  }\n}", "News", variables),
            new Transport.WebSocket("/v1/graphql", List.of("graphql-ws", "graphql-transport-ws")),
            List.of(new ExpectedMessage(event, rules)));
    GraphqlInteraction query =
        new GraphqlInteraction("Thread query", List.of(), Operation.of("query Thread { thread(id: 1) { id } }", "Thread", Map.of()),
            new Transport.Http("/v1/graphql"), List.of());
    return new GraphqlPact("bot", "backend", "abc123", List.of(subscription, query));
  }

  @Test
  void writesTheSameBytesForTheSameContractAndReadsItBack() {
    String first = GraphqlPacts.write(pact());
    assertThat(GraphqlPacts.write(pact())).isEqualTo(first);
    assertThat(first).endsWith("}\n").contains("\"graphql.transport\" : \"websocket\"");
    assertThat(GraphqlPacts.parse(first, "test")).isEqualTo(pact());
  }

  @Test
  void anExactSequenceIsKeptInTheRequestMetadataAndAnUnknownValueIsRefused() {
    GraphqlInteraction news = pact().interactions().get(0);
    GraphqlPact exact = new GraphqlPact("bot", "backend", "abc123", List.of(new GraphqlInteraction(news.description(), news.providerStates(),
        news.operation(), new Transport.WebSocket("/v1/graphql", List.of("graphql-ws"), true), news.expected())));
    String written = GraphqlPacts.write(exact);
    assertThat(written).contains("\"graphql.messages\" : \"exact\"");
    assertThat(GraphqlPacts.parse(written, "test")).isEqualTo(exact);
    assertThat(GraphqlPacts.write(pact())).doesNotContain("graphql.messages");
    assertThatThrownBy(() -> GraphqlPacts.parse(written.replace("\"exact\"", "\"sorted\""), "test"))
        .isInstanceOf(PactFormatException.class).hasMessageContaining("\"graphql.messages\" = \"sorted\"").hasMessageContaining("write \"exact\"");
  }

  @Test
  void interactionsAreSortedByDescription() {
    assertThat(pact().interactions()).extracting(GraphqlInteraction::description)
        .containsExactly("News subscription", "Thread query");
  }

  @Test
  void pactJvmReadsTheFileAsV4SynchronousMessagesAndHttp(@TempDir Path dir) throws IOException {
    Path file = GraphqlPacts.writeTo(dir, pact());
    Pact read = DefaultPactReader.INSTANCE.loadPact(file.toFile());

    assertThat(read.getInteractions()).hasSize(2);
    V4Interaction.SynchronousMessages messages = (V4Interaction.SynchronousMessages) read.getInteractions().get(0);
    assertThat(messages.getResponse()).hasSize(1);
    assertThat(messages.getResponse().get(0).getMatchingRules().rulesForCategory("body").getMatchingRules())
        .containsKey("$.data.news.id");
    assertThat(messages.getRequest().getMatchingRules().rulesForCategory("body").getMatchingRules())
        .as("the example variables are examples: a type matcher each").containsOnlyKeys("$.variables.a", "$.variables.z");
    assertThat(read.getInteractions().get(1)).isInstanceOf(V4Interaction.SynchronousHttp.class);
    assertThat(Files.readString(file)).contains("\"consumerVersion\" : \"abc123\"");
  }

  @Test
  void malformedJsonNamesTheFileLineAndColumn() {
    assertThatThrownBy(() -> GraphqlPacts.parse("{\"consumer\": {", "bad.json"))
        .isInstanceOf(PactFormatException.class)
        .hasMessageStartingWith("Pact file bad.json is not valid JSON (line 1, column");
  }

  @Test
  void aPactWithoutAGraphqlBodyIsRefusedWithTheReason() {
    String plainHttp =
        """
        {"consumer": {"name": "c"}, "provider": {"name": "p"}, "interactions": [
          {"type": "Synchronous/HTTP", "description": "get", "request": {"method": "POST", "path": "/x",
           "body": {"content": {"hello": 1}, "contentType": "application/json"}}, "response": {"status": 200}}]}
        """;
    assertThatThrownBy(() -> GraphqlPacts.parse(plainHttp, "plain.json"))
        .isInstanceOf(PactFormatException.class)
        .hasMessage("plain.json interaction #1 (\"get\") has no GraphQL body: the request JSON has no \"query\" string.");
  }

  @Test
  void aMatchingRulePathPactCannotReadIsRefusedWhenThePactIsRead() {
    String badRule =
        """
        {"consumer": {"name": "c"}, "provider": {"name": "p"}, "interactions": [
          {"type": "Synchronous/HTTP", "description": "q", "request": {"method": "POST", "path": "/graphql",
           "body": {"content": {"query": "{ a }"}, "contentType": "application/json"}},
           "response": {"status": 200, "body": {"content": {"data": {"a": {"it's": 1}}}, "contentType": "application/json"},
             "matchingRules": {"body": {"$.data.a['']": {"combine": "AND", "matchers": [{"match": "type"}]}}}}}]}
        """;
    assertThatThrownBy(() -> GraphqlPacts.parse(badRule, "bad-rule.json"))
        .isInstanceOf(PactFormatException.class)
        .hasMessageStartingWith("bad-rule.json interaction #1 (\"q\") has a body matching rule at $.data.a[''] that Pact cannot read: ")
        .hasMessageEndingWith("(Pact paths have no escapes: rule the enclosing object instead).");
  }

  @Test
  void aV2PactIsRefusedNamingTheInteractionTypes() {
    String v2 = "{\"consumer\":{\"name\":\"c\"},\"provider\":{\"name\":\"p\"},\"interactions\":[{\"description\":\"d\",\"request\":{}}]}";
    assertThatThrownBy(() -> GraphqlPacts.parse(v2, "v2.json"))
        .hasMessageContaining("Synchronous/Messages (WebSocket subscriptions) and Synchronous/HTTP");
  }

  @Test
  void anEmptyDirectoryIsReported(@TempDir Path dir) {
    assertThatThrownBy(() -> GraphqlPacts.readAll(List.of(dir)))
        .hasMessage("Pact directory " + dir + " holds no *.json pact files.");
  }
}

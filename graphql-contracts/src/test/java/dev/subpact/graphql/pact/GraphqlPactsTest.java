package dev.subpact.graphql.pact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import au.com.dius.pact.core.model.DefaultPactReader;
import au.com.dius.pact.core.model.Pact;
import au.com.dius.pact.core.model.V4Interaction;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.subpact.graphql.operation.Operation;
import au.com.dius.pact.core.model.ContentType;
import au.com.dius.pact.core.model.DefaultPactWriter;
import au.com.dius.pact.core.model.HttpRequest;
import au.com.dius.pact.core.model.HttpResponse;
import au.com.dius.pact.core.model.OptionalBody;
import au.com.dius.pact.core.model.PactSpecVersion;
import au.com.dius.pact.core.model.Request;
import au.com.dius.pact.core.model.RequestResponseInteraction;
import au.com.dius.pact.core.model.RequestResponsePact;
import au.com.dius.pact.core.model.Response;
import au.com.dius.pact.core.model.V4Pact;
import au.com.dius.pact.core.model.generators.Generators;
import au.com.dius.pact.core.model.matchingrules.MatchingRulesImpl;
import au.com.dius.pact.core.model.messaging.Message;
import au.com.dius.pact.core.model.messaging.MessagePact;
import au.com.dius.pact.core.model.v4.MessageContents;
import au.com.dius.pact.core.support.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
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
  void aDocumentOverTheParseLimitsIsAnErrorOrAnOverLimitInteractionBesideTheOthers() {
    String deep = "subscription Deep " + "{ f ".repeat(2_000) + "}".repeat(2_000);
    String written = GraphqlPacts.write(pact()).replace("query Thread { thread(id: 1) { id } }", deep);

    assertThatThrownBy(() -> GraphqlPacts.parse(written, "test"))
        .isInstanceOf(PactFormatException.class)
        .hasMessageContaining("test interaction #2 (\"Thread query\") has a query subpact does not read: Document nests")
        .hasMessageContaining("nests brackets deeper than 100 levels");

    GraphqlPact kept = GraphqlPacts.parse(written, "test", true);
    assertThat(kept.interactions()).extracting(GraphqlInteraction::description).containsExactly("News subscription");
    assertThat(kept.foreign()).singleElement().satisfies(other -> {
      assertThat(other.description()).isEqualTo("Thread query");
      assertThat(other.kind()).isEqualTo(ForeignInteraction.Kind.OVER_LIMIT);
      assertThat(other.summary()).startsWith("test interaction #2 (\"Thread query\") has a query subpact does not read: Document nests")
          .contains("nests brackets deeper than 100 levels (line 1, column 419)");
    });
  }

  @Test
  void aSyntaxErrorIsStillAnErrorWhenOverLimitDocumentsAreKept() {
    String broken = GraphqlPacts.write(pact()).replace("query Thread { thread(id: 1) { id } }", "query Thread { thread(id: 1) { id }");
    assertThatThrownBy(() -> GraphqlPacts.parse(broken, "test", true))
        .isInstanceOf(PactFormatException.class)
        .hasMessageContaining("has a query with a syntax error");
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
  void theOfficialPactClientsV2ContractIsReadAsForeignHttpInteractions() {
    // written by the official Pact tooling (pact-ruby / pact FFI), specification 2.0.0
    GraphqlPact pact = GraphqlPacts.read(OFFICIAL_CLIENT_V2);

    assertThat(pact.consumer()).isEqualTo("Pact Broker Client V2");
    assertThat(pact.interactions()).isEmpty();
    assertThat(pact.foreign()).hasSize(67).allSatisfy(i -> {
      assertThat(i.kind()).isEqualTo(ForeignInteraction.Kind.HTTP);
      assertThat(i.specification()).isEqualTo("2.0.0");
      assertThat(i.summary()).matches("HTTP (GET|POST|PUT|PATCH|DELETE) /.*");
    });
    ForeignInteraction environment = pact.foreign().stream()
        .filter(i -> i.description().equals("a request for an environment")).findFirst().orElseThrow();
    assertThat(environment.summary()).isEqualTo("HTTP GET /environments/16926ef3-590f-4e3f-838e-719717aa88c9");
    assertThat(environment.providerStates()).extracting(ProviderState::name)
        .containsExactly("an environment with name test and UUID 16926ef3-590f-4e3f-838e-719717aa88c9 exists");
    assertThat(environment.json()).contains("\"providerState\"").contains("currently-deployed");
  }

  @Test
  void pactJvmsV3RestAndMessagePactsAreReadAsForeign(@TempDir Path dir) {
    au.com.dius.pact.core.model.Consumer shop = new au.com.dius.pact.core.model.Consumer("shop");
    au.com.dius.pact.core.model.Provider backend = new au.com.dius.pact.core.model.Provider("flexus-backend");
    Request get = new Request("GET", "/users/1", Map.of(), Map.of(), OptionalBody.missing(), new MatchingRulesImpl(), new Generators());
    Response user = new Response(200, Map.of("Content-Type", List.of("application/json")),
        OptionalBody.body("{\"id\":1}".getBytes(StandardCharsets.UTF_8), ContentType.Companion.getJSON()), new MatchingRulesImpl(), new Generators());
    RequestResponsePact rest = new RequestResponsePact(backend, shop, List.of(new RequestResponseInteraction("get user 1",
        List.of(new au.com.dius.pact.core.model.ProviderState("user 1 exists", Map.of("id", 1))), get, user, null)));
    MessagePact messages = new MessagePact(backend, new au.com.dius.pact.core.model.Consumer("mailer"), List.of(new Message(
        "a user was created", List.of(), OptionalBody.body("{\"id\":1}".getBytes(StandardCharsets.UTF_8), ContentType.Companion.getJSON()),
        new MatchingRulesImpl(), new Generators(), new LinkedHashMap<>(), null)));
    DefaultPactWriter.INSTANCE.writePact(dir.resolve("shop-flexus-backend.json").toFile(), rest, PactSpecVersion.V3);
    DefaultPactWriter.INSTANCE.writePact(dir.resolve("mailer-flexus-backend.json").toFile(), messages, PactSpecVersion.V3);

    List<GraphqlPact> read = GraphqlPacts.readAll(List.of(dir));

    assertThat(read).extracting(GraphqlPact::consumer).containsExactly("mailer", "shop");
    ForeignInteraction message = read.get(0).foreign().get(0);
    assertThat(message.kind()).isEqualTo(ForeignInteraction.Kind.MESSAGE);
    assertThat(message.description()).isEqualTo("a user was created");
    ForeignInteraction getUser = read.get(1).foreign().get(0);
    assertThat(getUser.kind()).isEqualTo(ForeignInteraction.Kind.HTTP);
    assertThat(getUser.summary()).isEqualTo("HTTP GET /users/1");
    assertThat(getUser.specification()).startsWith("3.0");
    assertThat(getUser.providerStates()).containsExactly(new ProviderState("user 1 exists", Map.of("id", 1)));
  }

  @Test
  void aV4PactMixesGraphqlWithRestMessagesAndPluginInteractions() {
    V4Pact v4 = GraphqlPacts.toPactJvm(pact());
    List<au.com.dius.pact.core.model.Interaction> interactions = new ArrayList<>(v4.getInteractions());
    HttpRequest get = new HttpRequest("GET", "/users/1", new LinkedHashMap<>(), new LinkedHashMap<>(), OptionalBody.missing(), new MatchingRulesImpl(), new Generators());
    interactions.add(new V4Interaction.SynchronousHttp("", "get user 1", List.of(), get, new HttpResponse(), null));
    HttpRequest graphqlLookalike = new HttpRequest("POST", "/v1/graphql", new LinkedHashMap<>(), new LinkedHashMap<>(),
        OptionalBody.body("{\"search\":\"x\"}".getBytes(StandardCharsets.UTF_8), ContentType.Companion.getJSON()), new MatchingRulesImpl(), new Generators());
    interactions.add(new V4Interaction.SynchronousHttp("", "search without a query", List.of(), graphqlLookalike, new HttpResponse(), null));
    interactions.add(new V4Interaction.AsynchronousMessage("user created", List.of(), new MessageContents(), null));
    String json = Json.INSTANCE.toJson(new V4Pact(v4.getConsumer(), v4.getProvider(), interactions, v4.getMetadata()).toMap(PactSpecVersion.V4)).serialise();
    ObjectNode tree = (ObjectNode) readTree(json);
    ObjectNode plugin = ((com.fasterxml.jackson.databind.node.ArrayNode) tree.get("interactions")).addObject();
    plugin.put("type", "Synchronous/Messages").put("description", "get a user over gRPC");
    plugin.putObject("pluginConfiguration").putObject("protobuf").put("service", "Users/GetUser");
    plugin.putObject("request").putObject("contents").put("content", "CgEx").put("contentType", "application/protobuf");

    GraphqlPact read = GraphqlPacts.parse(tree.toString(), "mixed.json");

    assertThat(read.interactions()).extracting(GraphqlInteraction::description).containsExactly("News subscription", "Thread query");
    assertThat(read.foreign()).extracting(ForeignInteraction::description, ForeignInteraction::kind, ForeignInteraction::summary)
        .containsExactly(
            org.assertj.core.api.Assertions.tuple("get a user over gRPC", ForeignInteraction.Kind.OTHER, "Synchronous/Messages (plugin protobuf)"),
            org.assertj.core.api.Assertions.tuple("get user 1", ForeignInteraction.Kind.HTTP, "HTTP GET /users/1"),
            org.assertj.core.api.Assertions.tuple("search without a query", ForeignInteraction.Kind.HTTP, "HTTP POST /v1/graphql"),
            org.assertj.core.api.Assertions.tuple("user created", ForeignInteraction.Kind.MESSAGE, "Asynchronous/Messages"));
    assertThat(read.foreign()).allSatisfy(i -> assertThat(i.specification()).isEqualTo("4.0"));
  }

  @Test
  void aGraphqlInteractionWithABrokenQueryIsStillAnError() {
    String broken = """
        {"consumer": {"name": "c"}, "provider": {"name": "p"}, "interactions": [
          {"type": "Synchronous/HTTP", "description": "q",
           "request": {"method": "POST", "path": "/v1/graphql", "body": {"content": {"query": "{ a "}, "contentType": "application/json"}},
           "response": {"status": 200}}]}
        """;
    assertThatThrownBy(() -> GraphqlPacts.parse(broken, "broken.json"))
        .isInstanceOf(PactFormatException.class)
        .hasMessageStartingWith("broken.json interaction #1 (\"q\") has a query with a syntax error");
  }

  @Test
  void anEmptyDirectoryHoldsNoPacts(@TempDir Path dir) {
    assertThat(GraphqlPacts.readAll(List.of(dir))).isEmpty();
  }

  private static JsonNode readTree(String json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  /** The official Pact Broker client's own consumer contract (MIT, see its NOTICE), as pact-broker's tests use it. */
  private static final Path OFFICIAL_CLIENT_V2 =
      Path.of("../pact-broker/src/test/resources/compat/pact-broker-client/pact-broker-client-v2--pact-broker.json");
}

package dev.subpact.replay;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.subpact.graphql.check.Finding;
import dev.subpact.graphql.check.FindingKind;
import dev.subpact.graphql.operation.Operation;
import dev.subpact.graphql.pact.ExpectedMessage;
import dev.subpact.graphql.pact.GraphqlInteraction;
import dev.subpact.graphql.pact.GraphqlPact;
import dev.subpact.graphql.pact.Transport;
import dev.subpact.graphql.pact.TypeRules;
import dev.subpact.graphql.report.InteractionReport;
import dev.subpact.graphql.schema.SchemaLoader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A {@code Float} example a consumer recorded from graphql-js, which writes the {@code Float} 5.0 as
 * {@code 5} ({@code JSON.stringify}), verified against graphql-js builds whose schema verify
 * introspects: an integral example is no evidence that the consumer reads an {@code Int}; the
 * contract's own rules ({@code integer}) are, and so is the baseline schema (what the consumers run
 * against today) for an integral example under a {@code type} rule.
 */
class FloatExamplesTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String FLOAT_BUILD = "type Query { reading: Reading! } type Reading { celsius: Float! count: Int! }";
  private static final Operation READING = Operation.of("query Reading { reading { celsius count } }", "Reading", Map.of());

  private static NodeServer floatBuild;

  @BeforeAll
  static void start() throws Exception {
    floatBuild = NodeServer.start("sdl-server.js", FLOAT_BUILD, "{\"reading\":{\"celsius\":5.0,\"count\":3}}");
  }

  @AfterAll
  static void stop() throws Exception {
    floatBuild.close();
  }

  /** What a consumer's test records from the build: graphql-js's own answer, as it came over HTTP. */
  private static JsonNode recorded() throws Exception {
    HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(floatBuild.origin().resolve("/v1/graphql"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"query Reading { reading { celsius count } }\"}")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(answer.body()).as("graphql-js writes the Float 5.0 as 5").isEqualTo("{\"data\":{\"reading\":{\"celsius\":5,\"count\":3}}}");
    return JSON.readTree(answer.body());
  }

  /** {@code content} expected with {@code celsius}'s rule given and a capture's {@code type} rule on {@code count}. */
  private static GraphqlPact pact(JsonNode content, ObjectNode celsiusRule) {
    ObjectNode body = JSON.createObjectNode();
    body.set("$.data.reading.celsius", celsiusRule);
    body.set("$.data.reading.count", TypeRules.rule());
    ObjectNode rules = JSON.createObjectNode();
    rules.set("body", body);
    return new GraphqlPact("thermometer", "weather", "1", List.of(new GraphqlInteraction("a reading", List.of(), READING,
        new Transport.Http("/v1/graphql"), List.of(new ExpectedMessage(content, rules)))));
  }

  private static ObjectNode rule(String match) {
    ObjectNode rule = JSON.createObjectNode().put("combine", "AND");
    rule.putArray("matchers").addObject().put("match", match);
    return rule;
  }

  private static InteractionReport verify(GraphqlPact pact) {
    return verify(pact, null);
  }

  private static InteractionReport verify(GraphqlPact pact, String baselineSdl) {
    URI url = URI.create("ws://127.0.0.1:" + floatBuild.port() + "/v1/graphql");
    ReplayConfig config = ReplayConfig.builder(url).timeout(Duration.ofSeconds(5))
        .baseline(baselineSdl == null ? null : SchemaLoader.fromSdl(baselineSdl, "production.graphql")).build();
    return ReplayEngine.run(config, List.of(pact)).results().get(0);
  }

  @Test
  void anIntegralExampleRecordedFromGraphqlJsPassesAgainstABuildWhoseFieldIsStillAFloat() throws Exception {
    InteractionReport result = verify(pact(recorded(), TypeRules.rule()), FLOAT_BUILD);

    assertThat(result.outcome()).as(result.errors().toString()).isEqualTo("accepted");
    assertThat(result.warnings()).extracting(Finding::message).noneMatch(m -> m.contains("not decided"));
  }

  @Test
  void anIntegralExampleUnderATypeRuleOnAFieldTheBaselineMadeAnIntFailsAgainstTheFloatBuild() throws Exception {
    InteractionReport result = verify(pact(recorded(), TypeRules.rule()), FLOAT_BUILD.replace("celsius: Float!", "celsius: Int!"));

    assertThat(result.outcome()).isEqualTo("data-mismatch");
    assertThat(result.errors()).singleElement().satisfies(f -> {
      assertThat(f.kind()).isEqualTo(FindingKind.TYPE_CHANGED);
      assertThat(f.coordinate()).hasToString("Reading.celsius");
      assertThat(f.message()).isEqualTo("expected message 1: the pact reads 'Reading.celsius' as an integer (its example 5 at"
          + " $.data.reading.celsius, and the baseline schema (production.graphql) makes it an Int), but the build's schema"
          + " (the introspection of " + floatBuild.origin() + "/v1/graphql) makes it a Float, which can be 1.5");
    });
  }

  @Test
  void withoutABaselineAnIntegralExampleUnderATypeRulePassesWithAWarningThatSaysWhatWouldDecideIt() throws Exception {
    GraphqlPact once = pact(recorded(), TypeRules.rule());
    GraphqlInteraction read = once.interactions().get(0);
    GraphqlPact twice = new GraphqlPact(once.consumer(), once.provider(), once.consumerVersion(), List.of(new GraphqlInteraction(
        read.description(), read.providerStates(), read.operation(), read.transport(), List.of(read.expected().get(0), read.expected().get(0)))));

    assertThat(verify(twice).warnings()).as("said once per field, not once per expected message")
        .filteredOn(f -> f.message().contains("not decided")).hasSize(1);
    InteractionReport result = verify(once);
    assertThat(result.outcome()).as(result.errors().toString()).isEqualTo("accepted");
    assertThat(result.warnings()).filteredOn(f -> f.message().contains("not decided")).singleElement().satisfies(f -> {
      assertThat(f.coordinate()).hasToString("Reading.celsius");
      assertThat(f.fix()).isEqualTo("give the baseline schema (the schema the consumers run against today): an Int there is a break");
    });
  }

  @Test
  void aDecimalExamplePassesAgainstTheFloatBuildThatAnswersFive() throws Exception {
    ObjectNode decimal = (ObjectNode) recorded().deepCopy();
    ((ObjectNode) decimal.path("data").path("reading")).put("celsius", 5.5);

    InteractionReport result = verify(pact(decimal, TypeRules.rule()));

    assertThat(result.outcome()).as(result.errors().toString()).isEqualTo("accepted");
  }

  @Test
  void aContractWhoseRuleSaysIntegerFailsAgainstTheFloatBuildNamingTheFieldAndTheFix() throws Exception {
    InteractionReport result = verify(pact(recorded(), rule("integer")));

    assertThat(result.outcome()).isEqualTo("data-mismatch");
    assertThat(result.errors()).singleElement().satisfies(f -> {
      assertThat(f.kind()).isEqualTo(FindingKind.TYPE_CHANGED);
      assertThat(f.coordinate()).hasToString("Reading.celsius");
      assertThat(f.path()).isEqualTo("$.data.reading.celsius");
      assertThat(f.message()).isEqualTo("expected message 1: the pact reads 'Reading.celsius' as an integer (its matching"
          + " rule 'integer' at $.data.reading.celsius), but the build's schema (the introspection of "
          + floatBuild.origin() + "/v1/graphql) makes it a Float, which can be 1.5");
      assertThat(f.fix()).isEqualTo("keep 'Reading.celsius' an Int and add the Float under a new field name (deprecate the"
          + " old one), then move the consumers");
    });
  }

  @Test
  void aContractWhoseRuleSaysDecimalPassesAgainstTheFloatBuildThatAnswersFiveAsGraphqlJsWritesIt() throws Exception {
    ObjectNode decimal = (ObjectNode) recorded().deepCopy();
    ((ObjectNode) decimal.path("data").path("reading")).put("celsius", 5.5);

    InteractionReport result = verify(pact(decimal, rule("decimal")));

    assertThat(result.outcome()).as(result.errors().toString()).isEqualTo("accepted");
  }
}

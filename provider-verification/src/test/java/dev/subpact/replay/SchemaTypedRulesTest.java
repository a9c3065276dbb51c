package dev.subpact.replay;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.subpact.graphql.check.Finding;
import dev.subpact.graphql.operation.Operation;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.subpact.graphql.pact.ExpectedMessage;
import dev.subpact.graphql.pact.TypeRules;
import dev.subpact.graphql.schema.Schema;
import dev.subpact.graphql.schema.SchemaLoader;
import graphql.schema.GraphQLSchema;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The expected messages' type rules typed by the build's schema, judged by Pact JVM's own matchers. */
class SchemaTypedRulesTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String V1 = "type Query { room: Room } type Room { messages: [Message!]! }"
      + " type Message { sentAt: Int! rating: Float kind: Kind! text: String } enum Kind { TEXT IMAGE }";
  private static final Operation READ = Operation.of("query Q { room { messages { sentAt rating kind text } } }", "Q", Map.of());
  private static final ExpectedMessage CAPTURED = message(
      "{\"data\":{\"room\":{\"messages\":[{\"sentAt\":1,\"rating\":1.5,\"kind\":\"TEXT\",\"text\":\"t\"}]}}}");

  /** The message with the rules a capture with {@code --schema} writes: {@code integer} on the {@code Int}, {@code type} on every other leaf. */
  private static ExpectedMessage message(String content) {
    try {
      ObjectNode body = JSON.createObjectNode();
      for (String leaf : List.of("sentAt", "rating", "kind", "text")) {
        body.set("$.data.room.messages[*]." + leaf, leaf.equals("sentAt") ? rule("integer") : TypeRules.rule());
      }
      ObjectNode rules = JSON.createObjectNode();
      rules.set("body", body);
      return new ExpectedMessage(JSON.readTree(content), rules);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static ObjectNode rule(String match) {
    ObjectNode rule = JSON.createObjectNode().put("combine", "AND");
    rule.putArray("matchers").addObject().put("match", match);
    return rule;
  }

  /** {@code message} with the {@code type} rule on {@code sentAt} too, as a capture without a schema or a hand-written pact has it. */
  private static ExpectedMessage typeOnly(ExpectedMessage message) {
    ObjectNode rules = message.matchingRules().deepCopy();
    ((ObjectNode) rules.path("body")).set("$.data.room.messages[*].sentAt", TypeRules.rule());
    return new ExpectedMessage(message.content(), rules);
  }

  private static GraphQLSchema schema(String sdl) {
    return SchemaLoader.fromSdl(sdl, "build.graphql").graphql();
  }

  private static List<Finding> live(String sdl, String actual) throws Exception {
    ExpectedMessage typed = SchemaTypedRules.typed(schema(sdl), READ, CAPTURED);
    List<Finding> contract = SchemaTypedRules.contractMismatches(schema(sdl), READ, CAPTURED, "expected message 1", "build.graphql", null);
    return contract.isEmpty() ? MessageMatcher.mismatches(typed, JSON.readTree(actual), "message 1") : contract;
  }

  @Test
  void theLeavesGetPactsIntegerNumberAndAnEnumValueSetWithNullOnlyWhereNullable() {
    ExpectedMessage typed = SchemaTypedRules.typed(schema(V1), READ, CAPTURED);

    JsonNode body = typed.matchingRules().path("body");
    assertThat(body.path("$.data.room.messages[*].sentAt").toString())
        .isEqualTo("{\"combine\":\"AND\",\"matchers\":[{\"match\":\"integer\"}]}");
    assertThat(body.path("$.data.room.messages[*].rating").toString())
        .isEqualTo("{\"combine\":\"OR\",\"matchers\":[{\"match\":\"number\"},{\"match\":\"null\"}]}");
    assertThat(body.path("$.data.room.messages[*].kind").toString())
        .isEqualTo("{\"combine\":\"AND\",\"matchers\":[{\"match\":\"regex\",\"regex\":\"^(?:\\\\QTEXT\\\\E|\\\\QIMAGE\\\\E)$\"}]}");
    assertThat(body.path("$.data.room.messages[*].text").toString())
        .isEqualTo("{\"combine\":\"OR\",\"matchers\":[{\"match\":\"type\"},{\"match\":\"null\"}]}");
  }

  @Test
  void aGoodBuildPassesNullIncludedWhereTheSchemaAllowsIt() throws Exception {
    assertThat(live(V1, "{\"data\":{\"room\":{\"messages\":[{\"sentAt\":42,\"rating\":2.5,\"kind\":\"IMAGE\",\"text\":null}]}}}"))
        .isEmpty();
    assertThat(live(V1, "{\"data\":{\"room\":{\"messages\":[{\"sentAt\":42,\"rating\":2,\"kind\":\"IMAGE\",\"text\":null}]}}}"))
        .as("graphql-js and graphql-core write the Float 2.0 as 2").isEmpty();
    assertThat(live(V1, "{\"data\":{\"room\":{\"messages\":[{\"sentAt\":42,\"rating\":null,\"kind\":\"TEXT\",\"text\":\"x\"}]}}}"))
        .isEmpty();
  }

  @Test
  void aFloatWhereTheConsumerReadsAnIntFailsThoughPactsTypeMatcherCallsThemBothNumbers() throws Exception {
    assertThat(MessageMatcher.mismatches(typeOnly(CAPTURED), JSON.readTree(
        "{\"data\":{\"room\":{\"messages\":[{\"sentAt\":1.5,\"rating\":1.5,\"kind\":\"TEXT\",\"text\":\"t\"}]}}}"), "message 1"))
        .as("Pact's type matcher alone").isEmpty();

    List<Finding> onV1 = live(V1, "{\"data\":{\"room\":{\"messages\":[{\"sentAt\":1.5,\"rating\":1.5,\"kind\":\"TEXT\",\"text\":\"t\"}]}}}");
    List<Finding> onFloatBuild = live(V1.replace("sentAt: Int!", "sentAt: Float!"),
        "{\"data\":{\"room\":{\"messages\":[{\"sentAt\":1.5,\"rating\":1.5,\"kind\":\"TEXT\",\"text\":\"t\"}]}}}");

    assertThat(onV1).singleElement().satisfies(f -> assertThat(f.path()).isEqualTo("$.data.room.messages[0].sentAt"));
    assertThat(onFloatBuild).singleElement().satisfies(f -> {
      assertThat(f.message()).isEqualTo("expected message 1: the pact reads 'Message.sentAt' as an integer (its matching rule"
          + " 'integer' at $.data.room.messages[*].sentAt), but the build's schema (build.graphql) makes it a Float, which can be 1.5");
      assertThat(f.path()).isEqualTo("$.data.room.messages[0].sentAt");
    });
  }

  @Test
  void anIntegralExampleUnderATypeRuleOnAFloatIsDecidedByTheBaselineAndIsAWarningWithoutOne() throws Exception {
    ExpectedMessage recorded = message("{\"data\":{\"room\":{\"messages\":[{\"sentAt\":1,\"rating\":5,\"kind\":\"TEXT\",\"text\":\"t\"}]}}}");
    ExpectedMessage untyped = typeOnly(recorded);
    String floatSdl = V1.replace("sentAt: Int!", "sentAt: Float!");
    GraphQLSchema floatBuild = schema(floatSdl);
    Schema intBaseline = SchemaLoader.fromSdl(V1, "production.graphql");
    Schema floatBaseline = SchemaLoader.fromSdl(floatSdl, "production.graphql");

    assertThat(SchemaTypedRules.contractMismatches(schema(V1), READ, recorded, "expected message 1", "build.graphql", intBaseline))
        .as("graphql-js wrote the Float rating 5.0 as 5, and rating was a Float before too").isEmpty();
    assertThat(SchemaTypedRules.contractMismatches(floatBuild, READ, untyped, "expected message 1", "build.graphql", intBaseline))
        .singleElement().satisfies(f -> {
          assertThat(f.isError()).isTrue();
          assertThat(f.message()).isEqualTo("expected message 1: the pact reads 'Message.sentAt' as an integer (its example 1"
              + " at $.data.room.messages[*].sentAt, and the baseline schema (production.graphql) makes it an Int), but the"
              + " build's schema (build.graphql) makes it a Float, which can be 1.5");
          assertThat(f.path()).isEqualTo("$.data.room.messages[0].sentAt");
        });
    assertThat(SchemaTypedRules.contractMismatches(floatBuild, READ, untyped, "expected message 1", "build.graphql", floatBaseline))
        .as("a Float in the baseline too: nothing changed").isEmpty();
    assertThat(SchemaTypedRules.contractMismatches(floatBuild, READ, untyped, "expected message 1", "build.graphql", null))
        .as("no rule and no baseline say whether sentAt was an Int: not decided, said as warnings").hasSize(2)
        .allSatisfy(f -> {
          assertThat(f.isError()).isFalse();
          assertThat(f.message()).contains("under a 'type' rule does not say whether the consumer reads an Int: not decided");
          assertThat(f.fix()).startsWith("give the baseline schema");
        })
        .extracting(f -> f.coordinate().toString()).containsExactly("Message.sentAt", "Message.rating");
    assertThat(SchemaTypedRules.typed(floatBuild, READ, untyped).matchingRules().path("body").path("$.data.room.messages[*].sentAt")
        .toString()).isEqualTo("{\"combine\":\"AND\",\"matchers\":[{\"match\":\"number\"}]}");
  }

  @Test
  void anEnumValueOutsideTheSetFailsAndSoDoesAnExpectedValueTheBuildNoLongerHas() throws Exception {
    List<Finding> unknownValue = live(V1, "{\"data\":{\"room\":{\"messages\":[{\"sentAt\":1,\"rating\":1.5,\"kind\":\"VIDEO\",\"text\":\"t\"}]}}}");
    List<Finding> removedValue = live(V1.replace("enum Kind { TEXT IMAGE }", "enum Kind { IMAGE VIDEO }"),
        "{\"data\":{\"room\":{\"messages\":[{\"sentAt\":1,\"rating\":1.5,\"kind\":\"IMAGE\",\"text\":\"t\"}]}}}");

    assertThat(unknownValue).singleElement().satisfies(f -> assertThat(f.message()).contains("VIDEO"));
    assertThat(removedValue).singleElement().satisfies(f -> assertThat(f.message()).contains("TEXT"));
  }

  @Test
  void aWrongValueWhereNullIsAlsoAllowedIsOneMismatchNotOnePerAlternative() throws Exception {
    assertThat(live(V1, "{\"data\":{\"room\":{\"messages\":[{\"sentAt\":1,\"rating\":\"high\",\"kind\":\"TEXT\",\"text\":\"t\"}]}}}"))
        .singleElement().satisfies(f -> assertThat(f.message()).contains("'high'").doesNotContain("null value"));
  }

  @Test
  void nullWhereTheSchemaSaysNonNullFails() throws Exception {
    assertThat(live(V1, "{\"data\":{\"room\":{\"messages\":[{\"sentAt\":null,\"rating\":1.5,\"kind\":\"TEXT\",\"text\":\"t\"}]}}}"))
        .singleElement().satisfies(f -> assertThat(f.path()).contains("sentAt"));
  }
}

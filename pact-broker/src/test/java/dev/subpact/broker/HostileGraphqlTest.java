package dev.subpact.broker;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.subpact.broker.json.Json;
import dev.subpact.graphql.operation.ParseLimits;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A contract or schema beyond subpact's parse limits: the broker answers 4xx or records the contract
 * as failed, and never lets it block the provider's other contracts or the dashboard.
 */
class HostileGraphqlTest {

  /** adspy's incident pact published as consumer {@code consumer}, every query replaced by {@code query} when given. */
  static String publishBody(String consumer, String version, String query) {
    ObjectNode pact = (ObjectNode) Json.parse(GraphqlAwarenessTest.resource("adspy-flexus-backend.json"));
    pact.with("consumer").put("name", consumer);
    if (query != null) {
      for (JsonNode interaction : pact.path("interactions")) {
        JsonNode request = interaction.path("request");
        JsonNode body = request.has("contents") ? request.path("contents") : request.path("body");
        ((ObjectNode) body.path("content")).put("query", query);
      }
    }
    String content = Base64.getEncoder().encodeToString(Json.write(pact).getBytes(StandardCharsets.UTF_8));
    return """
        {"pacticipantName":"%s","pacticipantVersionNumber":"%s","branch":"main","contracts":[
          {"consumerName":"%s","providerName":"flexus-backend","specification":"pact",
           "contentType":"application/json","content":"%s"}]}""".formatted(consumer, version, consumer, content);
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void aContractTooDeepToReadIsRecordedAsFailedAndBlocksNothing(Engine engine) {
    try (RunningBroker broker = PactBroker.start(BrokerConfig.local(0, engine.newDatabase()))) {
      Http http = Http.of(broker);
      assertThat(http.send("POST", "/contracts/publish", publishBody("adspy", "80015", null)).status()).isEqualTo(200);
      String deep = "subscription Deep " + "{ f ".repeat(2_000) + "}".repeat(2_000);
      Http.Response hostile = http.send("POST", "/contracts/publish", publishBody("mallory", "1", deep));
      assertThat(hostile.status()).as(hostile.body()).isEqualTo(200);

      Http.Response schema = http.send("PUT", "/pacticipants/flexus-backend/versions/b1/graphql-schema",
          GraphqlAwarenessTest.resource("before-rename.graphql"), "application/graphql");
      assertThat(schema.status()).as(schema.body()).isEqualTo(200);
      JsonNode checks = schema.json().path("verifiedBySchema");
      assertThat(checks).hasSize(2);
      for (JsonNode check : checks) {
        if (check.path("consumer").asText().equals("adspy")) {
          assertThat(check.path("success").asBoolean()).as(check.toString()).isTrue();
        } else {
          assertThat(check.path("success").asBoolean()).isFalse();
          assertThat(check.path("errors").toString()).contains("cannot be read")
              .contains("nests brackets deeper than " + ParseLimits.MAX_NESTING);
        }
      }
      JsonNode refused = http.get("/can-i-deploy?pacticipant=mallory&version=1&to=prod").json();
      assertThat(refused.path("summary").path("deployable").asBoolean()).as(refused.toString()).isFalse();

      Http.Response page = http.get("/dashboard/pacts/provider/flexus-backend/consumer/mallory/version/1");
      assertThat(page.status()).as(page.body()).isEqualTo(200);
      assertThat(page.body()).contains("nests brackets deeper than");
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void anSdlWithTenThousandNestedListTypesIsA400NamingTheLimit(Engine engine) {
    try (RunningBroker broker = PactBroker.start(BrokerConfig.local(0, engine.newDatabase()))) {
      String sdl = "type Query { f: " + "[".repeat(10_000) + "Int" + "]".repeat(10_000) + " }";
      long start = System.nanoTime();
      Http.Response response = Http.of(broker).send("PUT", "/pacticipants/flexus-backend/versions/b1/graphql-schema",
          sdl, "application/graphql");
      long millis = (System.nanoTime() - start) / 1_000_000;
      assertThat(response.status()).as(response.body()).isEqualTo(400);
      assertThat(response.body()).contains("nests brackets deeper than " + ParseLimits.MAX_NESTING);
      assertThat(millis).as("milliseconds to answer").isLessThan(2_000);
      assertThat(Http.of(broker).get("/pacticipants/flexus-backend/versions/b1/graphql-schema").status()).isEqualTo(404);
    }
  }
}

package dev.subpact.broker;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every relation the index advertises leads somewhere: followed with sample values, each answers 200 (405 for POST-only). */
class IndexLinksTest {

  @ParameterizedTest
  @EnumSource(Engine.class)
  void everyIndexRelationResolves(Engine engine) {
    try (RunningBroker broker = PactBroker.start(BrokerConfig.local(0, engine.newDatabase()))) {
      Fixtures fixtures = new Fixtures(broker);
      fixtures.verify(fixtures.pact("karen", "1.0.0", "backend", "prod"), "b-1", true);
      fixtures.branch("karen", "1.0.0", "main");
      fixtures.environment("7d3c1a52-8d7e-4c1c-9a55-000000000001", "staging");
      Http http = Http.of(broker);
      http.send("PUT", "/pacticipants/karen/versions/1.0.0/graphql-schema", "type Query { threads: [String] }", "application/graphql");
      http.send("PUT", "/webhooks/7d3c1a52-8d7e-4c1c-9a55-000000000001",
          "{\"events\":[{\"name\":\"contract_published\"}],\"request\":{\"method\":\"POST\",\"url\":\"https://ci.example/hook\"}}");
      Map<String, String> values = Map.of("{provider}", "backend", "{consumer}", "karen", "{pacticipant}", "karen",
          "{tag}", "prod", "{version}", "1.0.0", "{consumerApplicationVersion}", "1.0.0", "{branch}", "main",
          "{environment}", "staging", "{uuid}", "7d3c1a52-8d7e-4c1c-9a55-000000000001", "{coordinate}", "Query.threads");
      JsonNode links = http.get("/").json().path("_links");
      List<String> broken = new ArrayList<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = links.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> relation = it.next();
        if (relation.getKey().equals("curies")) {
          continue;
        }
        String href = relation.getValue().path("href").asText();
        for (Map.Entry<String, String> value : values.entrySet()) {
          href = href.replace(value.getKey(), value.getValue());
        }
        Http.Response response = http.get(href);
        boolean writeOnly = relation.getKey().equals("pb:publish-contracts");
        if (response.status() != (writeOnly ? 405 : 200)) {
          broken.add(relation.getKey() + " " + href + " -> " + response.status() + " " + response.body());
        }
      }
      assertThat(broken).isEmpty();
    }
  }
}

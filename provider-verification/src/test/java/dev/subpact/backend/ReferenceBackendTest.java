package dev.subpact.backend;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.subpact.graphql.schema.Schema;
import dev.subpact.graphql.schema.SchemaLoader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** The reference backend over HTTP: queries, mutations, introspection, provider states. */
class ReferenceBackendTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http = HttpClient.newHttpClient();

  private JsonNode post(java.net.URI url, String body) throws Exception {
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(url).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    return JSON.readTree(response.body());
  }

  @Test
  void introspection_gives_back_the_build_schema() {
    try (ReferenceBackend backend = ReferenceBackend.start(Build.named("renamed"), 0)) {
      Schema schema = SchemaLoader.fromUrl(backend.httpUrl());
      assertThat(schema.graphql().getObjectType("FExternalMessageOutput").getFieldDefinition("emsg_id")).isNotNull();
      assertThat(schema.graphql().getObjectType("FExternalMessageOutput").getFieldDefinition("emessage_id")).isNull();
    }
  }

  @Test
  void mutation_over_http_answers_data_and_validation_errors_in_graphql_core_wording() throws Exception {
    try (ReferenceBackend backend = ReferenceBackend.start(Build.named("renamed"), 0)) {
      JsonNode ok = post(backend.httpUrl(), "{\"query\":\"mutation D($ids: [String!]!) { emessages_delete(emsg_ids: $ids) }\",\"variables\":{\"ids\":[\"x\"]}}");
      assertThat(ok.toString()).isEqualTo("{\"data\":{\"emessages_delete\":true}}");
      JsonNode refused = post(backend.httpUrl(), "{\"query\":\"mutation D($ids: [String!]!) { emessages_delete(emessage_ids: $ids) }\",\"variables\":{\"ids\":[\"x\"]}}");
      assertThat(refused.path("errors").get(0).path("message").asText())
          .startsWith("Unknown argument 'emessage_ids' on field 'Mutation.emessages_delete'. Did you mean 'emsg_ids'");
    }
  }

  @Test
  void the_state_endpoint_seeds_and_refuses_unknown_states_saying_which_it_knows() throws Exception {
    try (ReferenceBackend backend = ReferenceBackend.start(Build.named("aliased"), 0)) {
      post(backend.stateUrl(), "{\"state\":\"external messages exist\",\"params\":{\"ids\":[\"emsg_a\"]},\"action\":\"setup\"}");
      assertThat(backend.store().message("emsg_a")).containsEntry("emsg_id", "emsg_a");
      JsonNode unknown = post(backend.stateUrl(), "{\"state\":\"the moon is full\",\"action\":\"setup\"}");
      assertThat(unknown.path("error").asText()).contains("knows no provider state 'the moon is full'").contains("the bot is installed");
    }
  }
}

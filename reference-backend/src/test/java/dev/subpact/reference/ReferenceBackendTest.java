package dev.subpact.reference;

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

  private HttpResponse<String> send(java.net.URI url, String body) throws Exception {
    return http.send(HttpRequest.newBuilder(url).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private JsonNode post(java.net.URI url, String body) throws Exception {
    return JSON.readTree(send(url, body).body());
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
  void mutation_over_http_answers_data_and_graphql_javas_own_validation_errors_with_null_data_and_200() throws Exception {
    try (ReferenceBackend backend = ReferenceBackend.start(Build.named("renamed"), 0)) {
      HttpResponse<String> ok = send(backend.httpUrl(), "{\"query\":\"mutation D($ids: [String!]!) { emessages_delete(emsg_ids: $ids) }\",\"variables\":{\"ids\":[\"x\"]}}");
      assertThat(ok.statusCode()).isEqualTo(200);
      assertThat(ok.body()).isEqualTo("{\"data\":{\"emessages_delete\":true}}");
      // Validated by graphql-java, not by subpact's checker: its rules, its order, its words (as a Java backend sends them).
      HttpResponse<String> refused = send(backend.httpUrl(), "{\"query\":\"mutation D($ids: [String!]!) { emessages_delete(emessage_ids: $ids) }\",\"variables\":{\"ids\":[\"x\"]}}");
      assertThat(refused.statusCode()).isEqualTo(200);
      JsonNode body = JSON.readTree(refused.body());
      assertThat(body.has("data")).isTrue();
      assertThat(body.get("data").isNull()).isTrue();
      assertThat(body.path("errors").findValuesAsText("message")).containsExactly(
          "Validation error (MissingFieldArgument@[emessages_delete]) : Missing field argument 'emsg_ids'",
          "Validation error (UnknownArgument@[emessages_delete]) : Unknown field argument 'emessage_ids'");
      assertThat(body.path("errors").get(0).path("extensions").path("classification").asText()).isEqualTo("ValidationError");
    }
  }

  @Test
  void http_requests_strawberry_refuses_before_execution_are_plain_text_400s() throws Exception {
    try (ReferenceBackend backend = ReferenceBackend.start(Build.named("renamed"), 0)) {
      HttpResponse<String> unknown = send(backend.httpUrl(), "{\"query\":\"query P { persona_get(persona_id: \\\"p\\\") { persona_id } }\",\"operationName\":\"Q\"}");
      assertThat(unknown.statusCode()).isEqualTo(400);
      assertThat(unknown.body()).isEqualTo("Unknown operation named \"Q\".");
      HttpResponse<String> notJson = send(backend.httpUrl(), "{query");
      assertThat(notJson.statusCode()).isEqualTo(400);
      assertThat(notJson.body()).isEqualTo("Unable to parse request body as JSON");
      HttpResponse<String> noQuery = send(backend.httpUrl(), "{}");
      assertThat(noQuery.statusCode()).isEqualTo(400);
      assertThat(noQuery.body()).isEqualTo("No GraphQL query found in the request");
      HttpResponse<String> syntax = send(backend.httpUrl(), "{\"query\":\"mutation {\"}");
      assertThat(syntax.statusCode()).isEqualTo(200);
      assertThat(JSON.readTree(syntax.body()).path("errors").get(0).path("message").asText()).startsWith("Invalid syntax");
    }
  }

  @Test
  void a_backend_with_an_api_key_wants_it_on_http_too_as_a_bearer_token() throws Exception {
    try (ReferenceBackend backend = ReferenceBackend.start(Build.named("aliased"), "127.0.0.1", 0, BackendOptions.DEFAULTS.withApiKey("k"))) {
      String query = "{\"query\":\"query P { persona_get(persona_id: \\\"p\\\") { persona_id } }\"}";
      HttpResponse<String> without = send(backend.httpUrl(), query);
      assertThat(without.statusCode()).isEqualTo(401);
      assertThat(without.body()).contains("Authorization: Bearer <key>");
      HttpResponse<String> wrong = http.send(HttpRequest.newBuilder(backend.httpUrl()).header("Content-Type", "application/json")
          .header("Authorization", "Bearer nope").POST(HttpRequest.BodyPublishers.ofString(query)).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(wrong.statusCode()).isEqualTo(401);
      HttpResponse<String> right = http.send(HttpRequest.newBuilder(backend.httpUrl()).header("Content-Type", "application/json")
          .header("Authorization", "Bearer k").POST(HttpRequest.BodyPublishers.ofString(query)).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(right.statusCode()).isEqualTo(200);
      assertThat(right.body()).isEqualTo("{\"data\":{\"persona_get\":{\"persona_id\":\"p\"}}}");
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

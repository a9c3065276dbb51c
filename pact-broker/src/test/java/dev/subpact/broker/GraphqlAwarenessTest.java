package dev.subpact.broker;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.subpact.broker.model.Environment;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The incident replayed through the broker: the backend publishes each build's schema; the broker
 * checks adspy's contract against it ("verified by schema"), can-i-deploy refuses the rename and
 * accepts the aliased schema, and the broker names the deprecated fields adspy still uses in staging.
 */
class GraphqlAwarenessTest {

  /** An incident fixture: a backend build's schema ({@code aliased.graphql}) or a bot's pact ({@code adspy-flexus-backend.json}). */
  static String resource(String name) {
    String path = name.endsWith(".graphql") ? "/dev/subpact/backend/schemas/" + name : "/dev/subpact/incident/pacts/" + name;
    try (InputStream in = GraphqlAwarenessTest.class.getResourceAsStream(path)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** adspy 80015's pact (on branch main) published, and adspy 80015 deployed to {@code environment}. */
  private static void publishAdspyDeployedTo(Http http, Fixtures fixtures, Environment environment) {
    String content = Base64.getEncoder().encodeToString(resource("adspy-flexus-backend.json").getBytes(StandardCharsets.UTF_8));
    Http.Response published = http.send("POST", "/contracts/publish", """
        {"pacticipantName":"adspy","pacticipantVersionNumber":"80015","branch":"main","contracts":[
          {"consumerName":"adspy","providerName":"flexus-backend","specification":"pact",
           "contentType":"application/json","content":"%s"}]}""".formatted(content));
    assertThat(published.status()).as(published.body()).isEqualTo(200);
    fixtures.deploy("adspy", "80015", environment, null);
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void schemaChecksDecideCanIDeployAndTrackFieldUsage(Engine engine) {
    try (RunningBroker broker = PactBroker.start(BrokerConfig.local(0, engine.newDatabase()))) {
      Http http = Http.of(broker);
      Fixtures fixtures = new Fixtures(broker);
      Environment staging = fixtures.environment("5a0c3a52-8d7e-4c1c-9a55-000000000001", "staging");
      publishAdspyDeployedTo(http, fixtures, staging);

      JsonNode before = http.send("PUT", "/pacticipants/flexus-backend/versions/b1/graphql-schema",
          resource("before-rename.graphql"), "application/graphql").json();
      assertThat(before.path("verifiedBySchema").get(0).path("success").asBoolean()).as(before.toString()).isTrue();

      JsonNode renamed = http.send("PUT", "/pacticipants/flexus-backend/versions/b2/graphql-schema",
          resource("renamed.graphql"), "application/graphql").json();
      JsonNode check = renamed.path("verifiedBySchema").get(0);
      assertThat(check.path("consumer").asText()).isEqualTo("adspy");
      assertThat(check.path("success").asBoolean()).isFalse();
      assertThat(check.path("errors").toString()).contains("emessage_id");

      JsonNode refused = http.get("/can-i-deploy?pacticipant=flexus-backend&version=b2&environment=staging").json();
      assertThat(refused.path("summary").path("deployable").asBoolean()).as(refused.toString()).isFalse();
      assertThat(refused.path("matrix").get(0).path("verificationResult").path("verifiedBy").asText()).isEqualTo("schema");

      JsonNode aliased = http.send("PUT", "/pacticipants/flexus-backend/versions/b3/graphql-schema",
          resource("aliased.graphql"), "application/graphql").json();
      assertThat(aliased.path("verifiedBySchema").get(0).path("success").asBoolean()).as(aliased.toString()).isTrue();
      JsonNode allowed = http.get("/can-i-deploy?pacticipant=flexus-backend&version=b3&environment=staging").json();
      assertThat(allowed.path("summary").path("deployable").asBoolean()).as(allowed.toString()).isTrue();
      assertThat(allowed.path("notices").toString()).contains("verified by schema");

      List<String> deprecated = new ArrayList<>();
      http.get("/graphql/deprecated-usage/flexus-backend").json().path("usages")
          .forEach(u -> deprecated.add(u.path("text").asText()));
      assertThat(deprecated).contains("`FExternalMessageOutput.emessage_id` is deprecated and still used by adspy 80015 in staging")
          .anyMatch(text -> text.contains("emessages_delete(emessage_ids:)") && text.contains("adspy 80015"));

      JsonNode usage = http.get("/graphql/field-usage/FExternalMessageOutput.emessage_id").json().path("usages");
      assertThat(usage).isNotEmpty();
      assertThat(usage.get(0).path("consumer").asText()).isEqualTo("adspy");
      assertThat(usage.get(0).path("environments").get(0).asText()).isEqualTo("staging");

      assertThat(http.get("/pacticipants/flexus-backend/versions/b3/graphql-schema").body()).contains("emsg_id");
    }
  }

  /**
   * A schema that every document still validates against, but that changes what adspy reads from
   * the build deployed where adspy runs (a field it selects became nullable), is compared with that
   * build's schema along adspy's operations: "verified by schema" fails and can-i-deploy says no.
   */
  @ParameterizedTest
  @EnumSource(value = Engine.class, names = "SQLITE")
  void aSchemaIsComparedWithTheSchemaDeployedWhereTheConsumerRuns(Engine engine) {
    try (RunningBroker broker = PactBroker.start(BrokerConfig.local(0, engine.newDatabase()))) {
      Http http = Http.of(broker);
      Fixtures fixtures = new Fixtures(broker);
      Environment staging = fixtures.environment("5a0c3a52-8d7e-4c1c-9a55-000000000002", "staging");
      publishAdspyDeployedTo(http, fixtures, staging);
      http.send("PUT", "/pacticipants/flexus-backend/versions/b1/graphql-schema", resource("before-rename.graphql"), "application/graphql");
      fixtures.deploy("flexus-backend", "b1", staging, null);
      String nullable = resource("before-rename.graphql").replace("  emessage_id: String!\n", "  emessage_id: String\n");
      assertThat(nullable).isNotEqualTo(resource("before-rename.graphql"));

      JsonNode changed = http.send("PUT", "/pacticipants/flexus-backend/versions/b4/graphql-schema", nullable,
          "application/graphql").json();

      JsonNode check = changed.path("verifiedBySchema").get(0);
      assertThat(check.path("success").asBoolean()).as(changed.toString()).isFalse();
      assertThat(check.path("errors").toString())
          .contains("Field 'FExternalMessageOutput.emessage_id' can now be null ('String!' became 'String')")
          .contains("(baseline: flexus-backend b1 (in staging))");
      JsonNode refused = http.get("/can-i-deploy?pacticipant=flexus-backend&version=b4&environment=staging").json();
      assertThat(refused.path("summary").path("deployable").asBoolean()).as(refused.toString()).isFalse();
    }
  }

  /**
   * A REST consumer's pact (the official Pact Broker client's own V2 contract, written by the official
   * tooling, addressed to the backend) is no GraphQL: a schema cannot verify it, so can-i-deploy
   * waits for its live verification instead of saying yes.
   */
  @ParameterizedTest
  @EnumSource(value = Engine.class, names = "SQLITE")
  void aSchemaNeverVerifiesARestConsumersPact(Engine engine) throws IOException {
    try (RunningBroker broker = PactBroker.start(BrokerConfig.local(0, engine.newDatabase()))) {
      Http http = Http.of(broker);
      Fixtures fixtures = new Fixtures(broker);
      Environment staging = fixtures.environment("5a0c3a52-8d7e-4c1c-9a55-000000000002", "staging");
      String rest = java.nio.file.Files.readString(java.nio.file.Path.of(
          "src/test/resources/compat/pact-broker-client/pact-broker-client-v2--pact-broker.json"))
          .replace("\"name\": \"Pact Broker\"", "\"name\": \"flexus-backend\"");
      String content = Base64.getEncoder().encodeToString(rest.getBytes(StandardCharsets.UTF_8));
      Http.Response published = http.send("POST", "/contracts/publish", """
          {"pacticipantName":"Pact Broker Client V2","pacticipantVersionNumber":"1.0.0","branch":"main","contracts":[
            {"consumerName":"Pact Broker Client V2","providerName":"flexus-backend","specification":"pact",
             "contentType":"application/json","content":"%s"}]}""".formatted(content));
      assertThat(published.status()).as(published.body()).isEqualTo(200);
      fixtures.deploy("Pact Broker Client V2", "1.0.0", staging, null);

      JsonNode schema = http.send("PUT", "/pacticipants/flexus-backend/versions/b1/graphql-schema",
          resource("aliased.graphql"), "application/graphql").json();

      assertThat(schema.path("verifiedBySchema")).as(schema.toString()).isEmpty();
      JsonNode verdict = http.get("/can-i-deploy?pacticipant=flexus-backend&version=b1&environment=staging").json();
      assertThat(verdict.path("summary").path("deployable").asBoolean()).as(verdict.toString()).isFalse();
    }
  }
}

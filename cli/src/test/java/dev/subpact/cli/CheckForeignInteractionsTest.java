package dev.subpact.cli;

import static dev.subpact.cli.CheckFixtures.PACTS;
import static dev.subpact.cli.CheckFixtures.golden;
import static dev.subpact.cli.CheckFixtures.run;
import static dev.subpact.cli.CheckFixtures.schema;
import static org.assertj.core.api.Assertions.assertThat;

import au.com.dius.pact.core.model.Consumer;
import au.com.dius.pact.core.model.ContentType;
import au.com.dius.pact.core.model.DefaultPactWriter;
import au.com.dius.pact.core.model.OptionalBody;
import au.com.dius.pact.core.model.PactSpecVersion;
import au.com.dius.pact.core.model.Provider;
import au.com.dius.pact.core.model.ProviderState;
import au.com.dius.pact.core.model.Request;
import au.com.dius.pact.core.model.RequestResponseInteraction;
import au.com.dius.pact.core.model.RequestResponsePact;
import au.com.dius.pact.core.model.Response;
import au.com.dius.pact.core.model.generators.Generators;
import au.com.dius.pact.core.model.matchingrules.MatchingRulesImpl;
import au.com.dius.pact.core.model.messaging.Message;
import au.com.dius.pact.core.model.messaging.MessagePact;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code subpact check} over a provider's whole pact set: a GraphQL pact beside pacts that Pact
 * JVM's writer and the official Pact tooling wrote for REST and message consumers. The foreign
 * interactions are listed as not checked; they never fail the gate, nor count as checked operations.
 */
class CheckForeignInteractionsTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path MIXED = CheckFixtures.ROOT.resolve("mixed-pacts");
  /** The official Pact Broker client's consumer contract, written by the official Pact tooling (spec 2.0.0). */
  private static final Path OFFICIAL_CLIENT =
      Path.of("../pact-broker/src/test/resources/compat/pact-broker-client/pact-broker-client-v2--pact-broker.json");

  @BeforeAll
  static void fixtures() throws IOException {
    CheckFixtures.materialise();
    Files.createDirectories(MIXED);
    Files.copy(PACTS.resolve("karen-flexus-backend.json"), MIXED.resolve("karen-flexus-backend.json"), StandardCopyOption.REPLACE_EXISTING);
    Provider backend = new Provider("flexus-backend");
    Request getUser = new Request("GET", "/users/1", Map.of(), Map.of(), OptionalBody.missing(), new MatchingRulesImpl(), new Generators());
    Response user = new Response(200, Map.of("Content-Type", List.of("application/json")), json("{\"id\":1,\"name\":\"Ada\"}"),
        new MatchingRulesImpl(), new Generators());
    RequestResponsePact shop = new RequestResponsePact(backend, new Consumer("shop"), List.of(
        new RequestResponseInteraction("get user 1", List.of(new ProviderState("user 1 exists")), getUser, user, null)));
    MessagePact mailer = new MessagePact(backend, new Consumer("mailer"), List.of(new Message("a user was created", List.of(),
        json("{\"id\":1}"), new MatchingRulesImpl(), new Generators(), new LinkedHashMap<>(), null)));
    DefaultPactWriter.INSTANCE.writePact(MIXED.resolve("shop-flexus-backend.json").toFile(), shop, PactSpecVersion.V3);
    DefaultPactWriter.INSTANCE.writePact(MIXED.resolve("mailer-flexus-backend.json").toFile(), mailer, PactSpecVersion.V3);
  }

  private static OptionalBody json(String text) {
    return OptionalBody.body(text.getBytes(StandardCharsets.UTF_8), ContentType.Companion.getJSON());
  }

  @ParameterizedTest(name = "--format {0}")
  @ValueSource(strings = {"text", "junit", "github"})
  void restAndMessageConsumersAreListedAsNotCheckedBesideTheGraphqlOnes(String format) throws IOException {
    CheckFixtures.Run run = run("check", "--schema", schema("aliased").toString(), "--pacts", MIXED.toString(), "--format", format);

    assertThat(run.err()).isEmpty();
    assertThat(run.exit()).isZero();
    String extension = format.equals("junit") ? "xml" : "txt";
    String out = CheckFixtures.withoutRunTimes(run.out());
    assertThat(out).isEqualTo(golden("mixed-pacts-vs-aliased." + format + "." + extension, out));
  }

  @Test
  void theGraphqlInteractionsStillBreakBesideForeignOnes() throws IOException {
    CheckFixtures.Run run = run("check", "--schema", schema("renamed").toString(), "--pacts", MIXED.toString(), "--format", "json");

    assertThat(run.exit()).isEqualTo(1);
    JsonNode report = JSON.readTree(run.out());
    assertThat(report.at("/summary/operations").asInt()).as("GraphQL operations only").isEqualTo(2);
    assertThat(report.at("/summary/broken").asInt()).isEqualTo(2);
    assertThat(report.at("/summary/notChecked").asInt()).isEqualTo(2);
    List<String> foreign = new ArrayList<>();
    report.path("results").forEach(r -> {
      if (r.path("outcome").asText().equals("not-checked")) {
        assertThat(r.path("ok").asBoolean()).isTrue();
        assertThat(r.path("errors")).isEmpty();
        foreign.add(r.path("consumer").asText() + ": " + r.path("interaction").asText());
      }
    });
    assertThat(foreign).containsExactly("mailer: a user was created", "shop: get user 1");
  }

  @Test
  void aPactSetOfOnlyTheOfficialClientsRestContractPassesWithNothingChecked() throws IOException {
    CheckFixtures.Run run = run("check", "--schema", schema("aliased").toString(), "--pacts", OFFICIAL_CLIENT.toString(), "--format", "json");

    assertThat(run.exit()).as(run.err()).isZero();
    JsonNode report = JSON.readTree(run.out());
    assertThat(report.at("/summary/operations").asInt()).isZero();
    assertThat(report.at("/summary/notChecked").asInt()).isEqualTo(67);
    assertThat(report.path("ok").asBoolean()).isTrue();
  }
}

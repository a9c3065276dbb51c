package dev.subpact.broker;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.subpact.broker.model.Environment;
import dev.subpact.broker.model.Publication;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every consumer version selector, pending and WIP pacts, on both engines. */
class ForVerificationTest {

  private static List<String> select(Http http, String body) {
    Http.Response response = http.send("POST", "/pacts/provider/backend/for-verification", body);
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    List<String> selected = new ArrayList<>();
    for (JsonNode pact : response.json().path("_embedded").path("pacts")) {
      JsonNode properties = pact.path("verificationProperties");
      selected.add(pact.path("shortDescription").asText().replaceAll("^(WIP )?latest of ", "")
          + (properties.path("pending").asBoolean() ? " pending" : "") + (properties.path("wip").asBoolean() ? " wip" : ""));
    }
    return selected;
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void selectorsPendingAndWip(Engine engine) {
    try (RunningBroker broker = PactBroker.start(BrokerConfig.local(0, engine.newDatabase()))) {
      Fixtures fixtures = new Fixtures(broker);
      Http http = Http.of(broker);
      http.send("PATCH", "/pacticipants/karen", "{\"mainBranch\":\"main\"}");
      http.send("PATCH", "/pacticipants/adspy", "{\"mainBranch\":\"master\"}");
      Environment production = fixtures.environment("9e9e1a52-8d7e-4c1c-9a55-000000000001", "production");
      Environment staging = fixtures.environment("9e9e1a52-8d7e-4c1c-9a55-000000000002", "staging");

      Publication karen1 = fixtures.pact("karen", "1", "backend", "prod");
      fixtures.branch("karen", "1", "main");
      fixtures.pact("karen", "2", "backend");
      fixtures.branch("karen", "2", "main");
      fixtures.pact("karen", "3-feat", "backend");
      fixtures.branch("karen", "3-feat", "feat-x");
      fixtures.pact("adspy", "80015", "backend");
      fixtures.branch("adspy", "80015", "master");
      fixtures.deploy("karen", "1", production, null);
      fixtures.deploy("adspy", "80015", staging, null);
      http.send("POST", "/pacticipants/karen/versions/2/released-versions/environment/" + staging.uuid(), "{}");

      fixtures.verify(karen1, "api-1", true);
      fixtures.branch("backend", "api-1", "main");
      http.send("PUT", "/pacticipants/backend/versions/api-1/tags/stable", "{}");

      assertThat(select(http, "{\"consumerVersionSelectors\":[{\"mainBranch\":true}]}")).containsExactly("adspy (80015)", "karen (2)");
      assertThat(select(http, "{\"consumerVersionSelectors\":[{\"branch\":\"feat-x\"}]}")).containsExactly("karen (3-feat)");
      assertThat(select(http, "{\"consumerVersionSelectors\":[{\"branch\":\"feat-y\",\"fallbackBranch\":\"main\",\"consumer\":\"karen\"}]}"))
          .containsExactly("karen (2)");
      assertThat(select(http, "{\"consumerVersionSelectors\":[{\"matchingBranch\":true}],\"providerVersionBranch\":\"feat-x\"}"))
          .containsExactly("karen (3-feat)");
      assertThat(select(http, "{\"consumerVersionSelectors\":[{\"deployedOrReleased\":true}]}"))
          .containsExactlyInAnyOrder("karen (1)", "adspy (80015)", "karen (2)");
      assertThat(select(http, "{\"consumerVersionSelectors\":[{\"deployed\":true}]}")).containsExactlyInAnyOrder("karen (1)", "adspy (80015)");
      assertThat(select(http, "{\"consumerVersionSelectors\":[{\"released\":true}]}")).containsExactly("karen (2)");
      assertThat(select(http, "{\"consumerVersionSelectors\":[{\"environment\":\"staging\"}]}")).containsExactlyInAnyOrder("adspy (80015)", "karen (2)");
      assertThat(select(http, "{\"consumerVersionSelectors\":[{\"deployed\":true,\"environment\":\"production\"}]}")).containsExactly("karen (1)");
      assertThat(select(http, "{\"consumerVersionSelectors\":[{\"tag\":\"prod\",\"latest\":true}]}")).containsExactly("karen (1)");
      assertThat(select(http, "{\"consumerVersionSelectors\":[{\"latest\":true}]}")).containsExactly("adspy (80015)", "karen (3-feat)");
      assertThat(select(http, "{\"consumerVersionSelectors\":[{\"latest\":true,\"consumer\":\"adspy\"}]}")).containsExactly("adspy (80015)");
      assertThat(select(http, "{}")).containsExactly("adspy (80015)", "karen (3-feat)");

      // pending: not yet verified successfully by the provider's branch (or tags)
      String withBranch = "{\"consumerVersionSelectors\":[{\"deployed\":true}],\"includePendingStatus\":true,\"providerVersionBranch\":\"%s\"}";
      assertThat(select(http, withBranch.formatted("main"))).containsExactlyInAnyOrder("karen (1)", "adspy (80015) pending");
      assertThat(select(http, withBranch.formatted("other"))).containsExactlyInAnyOrder("karen (1) pending", "adspy (80015) pending");
      assertThat(select(http, "{\"consumerVersionSelectors\":[{\"deployed\":true}],\"includePendingStatus\":true,\"providerVersionTags\":[\"stable\"]}"))
          .containsExactlyInAnyOrder("karen (1)", "adspy (80015) pending");

      // WIP: heads of branches not selected and not yet verified, published after the date
      assertThat(select(http, "{\"consumerVersionSelectors\":[{\"mainBranch\":true}],\"includePendingStatus\":true,"
          + "\"providerVersionBranch\":\"main\",\"includeWipPactsSince\":\"2020-01-01\"}"))
          .containsExactly("adspy (80015) pending", "karen (2) pending", "karen (3-feat) pending wip");
      assertThat(select(http, "{\"consumerVersionSelectors\":[{\"mainBranch\":true}],\"includePendingStatus\":true,"
          + "\"providerVersionBranch\":\"main\",\"includeWipPactsSince\":\"2999-01-01\"}"))
          .containsExactly("adspy (80015) pending", "karen (2) pending");

      JsonNode notices = http.send("POST", "/pacts/provider/backend/for-verification",
          "{\"consumerVersionSelectors\":[{\"mainBranch\":true}],\"includePendingStatus\":true,\"providerVersionBranch\":\"main\"}")
          .json().path("_embedded").path("pacts").get(0).path("verificationProperties").path("notices");
      assertThat(notices.toString()).contains("latest version of adspy from the main branch (80015)").contains("pending state");
    }
  }
}

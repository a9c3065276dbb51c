package dev.subpact.broker;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.subpact.broker.model.Environment;
import dev.subpact.broker.model.Publication;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * can-i-deploy when several versions of a consumer are live in one environment: the provider must
 * be compatible with every one of them (pact_broker#903 looked at the latest only), on both engines.
 */
class CanIDeployTest {

  @ParameterizedTest
  @EnumSource(Engine.class)
  void providerMustSupportEveryConsumerVersionLiveInTheEnvironment(Engine engine) {
    try (RunningBroker broker = PactBroker.start(BrokerConfig.local(0, engine.newDatabase()))) {
      Fixtures fixtures = new Fixtures(broker);
      Http http = Http.of(broker);
      Environment production = fixtures.environment("0b7f1d4e-3c55-4b2e-9e57-6a5b1d6f0a01", "production");
      Publication oldBot = fixtures.pact("adspy", "80015", "backend");
      Publication newBot = fixtures.pact("adspy", "80016", "backend");
      fixtures.deploy("adspy", "80015", production, "blue");
      fixtures.deploy("adspy", "80016", production, "green");

      fixtures.verify(newBot, "renamed-1", true);
      fixtures.verify(oldBot, "renamed-1", false);
      JsonNode renamed = http.get("/can-i-deploy?pacticipant=backend&version=renamed-1&environment=production").json();
      assertThat(renamed.path("summary").path("deployable").asBoolean()).as(renamed.toString()).isFalse();
      assertThat(renamed.path("summary").path("reason").asText())
          .contains("adspy (80015) and backend (renamed-1) failed");
      assertThat(renamed.path("matrix")).hasSize(2);

      fixtures.verify(newBot, "aliased-1", true);
      fixtures.verify(oldBot, "aliased-1", true);
      JsonNode aliased = http.get("/matrix?q[][pacticipant]=backend&q[][version]=aliased-1&latestby=cvp&environment=production").json();
      assertThat(aliased.path("summary").path("deployable").asBoolean()).as(aliased.toString()).isTrue();
      assertThat(aliased.path("summary").path("success").asInt()).isEqualTo(2);

      JsonNode ignoring = http.get("/matrix?q[][pacticipant]=backend&q[][version]=renamed-1&latestby=cvp&environment=production"
          + "&ignore[][pacticipant]=adspy&ignore[][version]=80015").json();
      assertThat(ignoring.path("summary").path("deployable").asBoolean()).as(ignoring.toString()).isTrue();
      assertThat(ignoring.path("summary").path("ignored").asInt()).isEqualTo(1);

      String blue = http.get("/environments/" + production.uuid() + "/deployed-versions/currently-deployed?pacticipant=adspy&applicationInstance=blue")
          .json().path("_embedded").path("deployedVersions").get(0).path("_links").path("self").path("href").asText();
      assertThat(http.send("PATCH", blue, "{\"currentlyDeployed\":false}").status()).isEqualTo(200);
      JsonNode afterUndeploy = http.get("/can-i-deploy?pacticipant=backend&version=renamed-1&environment=production").json();
      assertThat(afterUndeploy.path("summary").path("deployable").asBoolean()).as(afterUndeploy.toString()).isTrue();
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void consumerNeedsItsProviderInTheEnvironment(Engine engine) {
    try (RunningBroker broker = PactBroker.start(BrokerConfig.local(0, engine.newDatabase()))) {
      Fixtures fixtures = new Fixtures(broker);
      Http http = Http.of(broker);
      Environment staging = fixtures.environment("0b7f1d4e-3c55-4b2e-9e57-6a5b1d6f0a02", "staging");
      Publication pact = fixtures.pact("karen", "1.0.0", "backend");
      JsonNode missing = http.get("/can-i-deploy?pacticipant=karen&version=1.0.0&environment=staging").json();
      assertThat(missing.path("summary").path("deployable").asBoolean()).isFalse();
      assertThat(missing.path("summary").path("reason").asText()).contains("no verified pact between karen (1.0.0) and a version of backend currently in staging");

      fixtures.verify(pact, "b-1", true);
      fixtures.deploy("backend", "b-1", staging, null);
      JsonNode ok = http.get("/can-i-deploy?pacticipant=karen&version=1.0.0&environment=staging").json();
      assertThat(ok.path("summary").path("deployable").asBoolean()).as(ok.toString()).isTrue();

      fixtures.deploy("backend", "b-2", staging, null);
      JsonNode unverified = http.get("/can-i-deploy?pacticipant=karen&version=1.0.0&environment=staging").json();
      assertThat(unverified.path("summary").path("deployable").asBoolean()).isFalse();
      assertThat(unverified.path("summary").path("unknown").asInt()).isEqualTo(1);

      assertThat(http.get("/can-i-deploy?pacticipant=karen&version=1.0.0&environment=nowhere").status()).isEqualTo(400);
      assertThat(http.get("/can-i-deploy?pacticipant=karen&version=9.9.9&environment=staging").json()
          .path("summary").path("reason").asText()).contains("No version of karen (9.9.9)");
    }
  }

  /**
   * A provider version against each consumer's target version (newest with a tag, newest on the
   * consumer's main branch, newest of all), read for every consumer at once: consumers by name, a
   * consumer without such a version or without a pact on it left out.
   */
  @ParameterizedTest
  @EnumSource(Engine.class)
  void providerVersionAgainstEveryConsumersTaggedMainBranchOrNewestVersion(Engine engine) {
    try (RunningBroker broker = PactBroker.start(BrokerConfig.local(0, engine.newDatabase()))) {
      Fixtures fixtures = new Fixtures(broker);
      Http http = Http.of(broker);
      fixtures.verify(fixtures.pact("bravo", "1.0", "backend", "prod"), "b-1", true);
      fixtures.verify(fixtures.pact("bravo", "2.0", "backend"), "b-1", true);
      fixtures.branch("bravo", "2.0", "main");
      fixtures.pact("bravo", "3.0", "mailer");
      fixtures.verify(fixtures.pact("alpha", "1.0", "backend", "prod"), "b-1", true);
      fixtures.branch("alpha", "1.0", "main");
      fixtures.verify(fixtures.pact("alpha", "2.0", "backend"), "b-1", false);
      fixtures.branch("alpha", "2.0", "feature-x");
      fixtures.verify(fixtures.pact("charlie", "1.0", "backend"), "b-1", true);
      String matrix = "/matrix?q[][pacticipant]=backend&q[][version]=b-1&latestby=cvp&";

      JsonNode tagged = http.get(matrix + "latest=true&tag=prod").json();
      assertThat(consumers(tagged)).containsExactly("alpha 1.0 true", "bravo 1.0 true");
      assertThat(tagged.path("summary").path("deployable").asBoolean()).as(tagged.toString()).isTrue();

      JsonNode mainBranch = http.get(matrix + "mainBranch=true").json();
      assertThat(consumers(mainBranch)).containsExactly("alpha 1.0 true", "bravo 2.0 true");

      JsonNode newest = http.get(matrix + "latest=true").json();
      assertThat(consumers(newest)).containsExactly("alpha 2.0 false", "charlie 1.0 true");
      assertThat(newest.path("summary").path("deployable").asBoolean()).as(newest.toString()).isFalse();
      assertThat(newest.path("summary").path("failed").asInt()).isEqualTo(1);
    }
  }

  private static java.util.List<String> consumers(JsonNode result) {
    java.util.List<String> rows = new java.util.ArrayList<>();
    result.path("matrix").forEach(row -> rows.add(row.path("consumer").path("name").asText() + " "
        + row.path("consumer").path("version").path("number").asText() + " "
        + row.path("verificationResult").path("success").asText()));
    return rows;
  }
}

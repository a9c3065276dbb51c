package dev.subpact.junit5;

import static org.assertj.core.api.Assertions.assertThat;

import au.com.dius.pact.provider.junitsupport.Provider;
import au.com.dius.pact.provider.junitsupport.loader.PactBroker;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.subpact.reference.Build;
import dev.subpact.reference.ReferenceBackend;
import dev.subpact.broker.BrokerConfig;
import dev.subpact.broker.RunningBroker;
import dev.subpact.graphql.pact.GraphqlPact;
import dev.subpact.graphql.pact.GraphqlPacts;
import dev.subpact.incident.Incident;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.Events;

/**
 * Pact JVM publishes the verification results of a subpact provider test to a broker (subpact's
 * own, from pact-broker) when {@code pact.verifier.publishResults} is set: the matrix then shows
 * the renamed build failing a bot and the aliased build passing it.
 */
class VerificationPublishingTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @TempDir static Path brokerDir;

  @Provider("flexus-backend")
  @PactBroker(url = "${pactbroker.url}")
  static final class RenamedFromBroker extends SubpactTestTargetTest.BackendContract {
    @BeforeAll
    static void start() {
      backend = ReferenceBackend.start(Build.named("renamed"), 0);
    }
  }

  @Provider("flexus-backend")
  @PactBroker(url = "${pactbroker.url}")
  static final class AliasedFromBroker extends SubpactTestTargetTest.BackendContract {
    @BeforeAll
    static void start() {
      backend = ReferenceBackend.start(Build.named("aliased"), 0);
    }
  }

  private static void publish(RunningBroker broker, GraphqlPact pact) throws Exception {
    HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(broker.url() + "/pacts/provider/" + pact.provider()
            + "/consumer/" + pact.consumer() + "/version/" + pact.consumerVersion()))
        .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(GraphqlPacts.write(pact))).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isBetween(200, 201);
  }

  private static Events verifyAs(Class<?> testClass, RunningBroker broker, String providerVersion) {
    Map<String, String> properties = Map.of("pactbroker.url", broker.url(), "pact.verifier.publishResults", "true",
        "pact.provider.version", providerVersion);
    properties.forEach(System::setProperty);
    try {
      return SubpactTestTargetTest.run(testClass);
    } finally {
      properties.keySet().forEach(System::clearProperty);
    }
  }

  private static JsonNode matrix(RunningBroker broker, String providerVersion) throws Exception {
    String query = "q[][pacticipant]=karen&q[][version]=20045&q[][pacticipant]=flexus-backend&q[][version]=" + providerVersion;
    HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(broker.url() + "/matrix?" + query.replace("[", "%5B").replace("]", "%5D")))
        .header("Accept", "application/hal+json").GET().build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  @Test
  void results_of_each_build_reach_the_broker() throws Exception {
    try (RunningBroker broker = dev.subpact.broker.PactBroker.start(BrokerConfig.local(0, "sqlite:" + brokerDir.resolve("broker.db")))) {
      for (GraphqlPact pact : Incident.crashedContracts()) {
        publish(broker, pact);
      }
      Events renamed = verifyAs(RenamedFromBroker.class, broker, "renamed-1");
      assertThat(renamed.failed().count()).isEqualTo(20);
      Events aliased = verifyAs(AliasedFromBroker.class, broker, "aliased-1");
      assertThat(aliased.succeeded().count()).isEqualTo(20);

      JsonNode failing = matrix(broker, "renamed-1").path("matrix");
      assertThat(failing).isNotEmpty();
      assertThat(failing.get(0).path("verificationResult").path("success").asBoolean(true)).isFalse();
      JsonNode passing = matrix(broker, "aliased-1").path("matrix");
      assertThat(passing).isNotEmpty();
      assertThat(passing.get(0).path("verificationResult").path("success").asBoolean(false)).isTrue();
    }
  }
}

package dev.subpact.broker;

import static org.assertj.core.api.Assertions.assertThat;

import au.com.dius.pact.consumer.ConsumerPactBuilder;
import au.com.dius.pact.core.model.PactSpecVersion;
import au.com.dius.pact.core.model.RequestResponsePact;
import au.com.dius.pact.core.pactbroker.PactBrokerClient;
import au.com.dius.pact.core.pactbroker.PublishConfiguration;
import au.com.dius.pact.core.support.Result;
import au.com.dius.pact.provider.junit5.HttpTestTarget;
import au.com.dius.pact.provider.junit5.PactVerificationContext;
import au.com.dius.pact.provider.junit5.PactVerificationInvocationContextProvider;
import au.com.dius.pact.provider.junitsupport.Provider;
import au.com.dius.pact.provider.junitsupport.loader.PactBroker;
import au.com.dius.pact.provider.junitsupport.loader.PactBrokerConsumerVersionSelectors;
import au.com.dius.pact.provider.junitsupport.loader.SelectorBuilder;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import dev.subpact.broker.json.Json;
import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Pact JVM end to end through the broker: Pact JVM's broker client publishes consumer pacts (main
 * branch, and a feature branch the provider does not support yet); the provider verifies with
 * {@code @PactBroker}, consumer version selectors, pending and WIP pacts, and publishes its
 * results; then can-i-deploy answers from those results.
 */
@Provider("threads-api")
@PactBroker(url = "${subpact.test.broker}", enablePendingPacts = "true", providerBranch = "main",
    includeWipPactsSince = "2020-01-01")
class PactJvmRoundTripTest {

  static final RunningBroker BROKER = startBrokerWithPacts();
  static HttpServer provider;

  static RunningBroker startBrokerWithPacts() {
    RunningBroker broker = dev.subpact.broker.PactBroker.start(BrokerConfig.local(0, Engine.SQLITE.newDatabase()));
    System.setProperty("subpact.test.broker", broker.url());
    System.setProperty("pact.verifier.publishResults", "true");
    System.setProperty("pact.provider.version", "api-1");
    System.setProperty("pact.provider.branch", "main");
    Http.of(broker).send("PUT", "/pacticipants/bot-karen", "{\"mainBranch\":\"main\"}");
    publish(broker, "1.0.0", "main", "/threads");
    publish(broker, "2.0.0-feature", "feature-x", "/threads/unread");
    return broker;
  }

  static void publish(RunningBroker broker, String version, String branch, String path) {
    RequestResponsePact pact = ConsumerPactBuilder.consumer("bot-karen").hasPactWith("threads-api")
        .uponReceiving("a request for " + path).path(path).method("GET")
        .willRespondWith().status(200).body("{\"threads\":[]}", "application/json").toPact();
    try {
      Path file = Files.createTempDirectory("pacts").resolve("bot-karen-threads-api.json");
      Files.writeString(file, Json.write(Json.MAPPER.valueToTree(pact.toMap(PactSpecVersion.V3))));
      Result<String, Exception> result = new PactBrokerClient(broker.url())
          .uploadPactFile(file.toFile(), new PublishConfiguration(version, List.of(), branch, null));
      assertThat(result).as("Pact JVM publish of %s", version).isInstanceOf(Result.Ok.class);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @PactBrokerConsumerVersionSelectors
  public static SelectorBuilder selectors() {
    return new SelectorBuilder().mainBranch().deployedOrReleased();
  }

  @BeforeAll
  static void startProvider() throws IOException {
    provider = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    provider.createContext("/", exchange -> {
      boolean known = exchange.getRequestURI().getPath().equals("/threads");
      byte[] body = (known ? "{\"threads\":[]}" : "{\"error\":\"not yet\"}").getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(known ? 200 : 404, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    provider.start();
  }

  @BeforeEach
  void target(PactVerificationContext context) {
    context.setTarget(new HttpTestTarget("127.0.0.1", provider.getAddress().getPort()));
  }

  @TestTemplate
  @ExtendWith(PactVerificationInvocationContextProvider.class)
  void verify(PactVerificationContext context) {
    context.verifyInteraction();
  }

  @AfterAll
  static void resultsArePublishedAndCanIDeployUsesThem() {
    try {
      Http http = Http.of(BROKER);
      JsonNode main = http.get("/pacts/provider/threads-api/consumer/bot-karen/version/1.0.0").json();
      JsonNode mainResult = http.get(main.path("_links").path("pb:latest-verification-results").path("href").asText()).json();
      assertThat(mainResult.path("success").asBoolean()).isTrue();
      assertThat(mainResult.path("providerApplicationVersion").asText()).isEqualTo("api-1");

      JsonNode wip = http.get("/pacts/provider/threads-api/consumer/bot-karen/version/2.0.0-feature").json();
      JsonNode wipResult = http.get(wip.path("_links").path("pb:latest-verification-results").path("href").asText()).json();
      assertThat(wipResult.path("success").asBoolean()).as("the WIP pact was verified, failed, and did not fail the build").isFalse();

      JsonNode branches = http.get("/pacticipants/threads-api/versions/api-1").json().path("_embedded").path("branchVersions");
      assertThat(branches.get(0).path("name").asText()).isEqualTo("main");

      String environment = http.send("POST", "/environments", "{\"name\":\"production\",\"production\":true}").json().path("uuid").asText();
      assertThat(http.send("POST", "/pacticipants/threads-api/versions/api-1/deployed-versions/environment/" + environment, "{}").status()).isEqualTo(201);
      JsonNode yes = http.get("/can-i-deploy?pacticipant=bot-karen&version=1.0.0&environment=production").json();
      assertThat(yes.path("summary").path("deployable").asBoolean()).as(yes.toString()).isTrue();
      JsonNode no = http.get("/can-i-deploy?pacticipant=bot-karen&version=2.0.0-feature&environment=production").json();
      assertThat(no.path("summary").path("deployable").asBoolean()).as(no.toString()).isFalse();
      assertThat(no.path("summary").path("reason").asText()).contains("failed");

      // the main pact is no longer pending for the provider's main branch; the feature one still is
      JsonNode forVerification = http.send("POST", "/pacts/provider/threads-api/for-verification", """
          {"consumerVersionSelectors":[{"mainBranch":true},{"branch":"feature-x"}],
           "providerVersionBranch":"main","includePendingStatus":true}""").json();
      List<String> pending = new ArrayList<>();
      forVerification.path("_embedded").path("pacts").forEach(p -> pending.add(
          p.path("shortDescription").asText() + "=" + p.path("verificationProperties").path("pending").asBoolean()));
      assertThat(pending).containsExactly("latest of bot-karen (1.0.0)=false", "latest of bot-karen (2.0.0-feature)=true");
    } finally {
      for (String property : List.of("subpact.test.broker", "pact.verifier.publishResults", "pact.provider.version", "pact.provider.branch")) {
        System.clearProperty(property);
      }
      provider.stop(0);
      BROKER.close();
    }
  }
}

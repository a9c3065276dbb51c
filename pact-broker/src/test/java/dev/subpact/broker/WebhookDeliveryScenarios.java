package dev.subpact.broker;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Webhooks delivered to WireMock standing in for the backend's CI (a real CI cannot run here):
 * body and headers rendered from the template, retries with backoff on 5xx, execution logs, and
 * hosts off the allow-list refused.
 */
abstract class WebhookDeliveryScenarios {

  abstract Engine engine();

  WireMockServer ci;
  RunningBroker broker;
  Http http;

  @BeforeEach
  void start() {
    ci = new WireMockServer(wireMockConfig().bindAddress("127.0.0.1").dynamicPort());
    ci.start();
    broker = PactBroker.start(BrokerConfig.local(0, engine().newDatabase())
        .withWebhooks(List.of("127.0.0.1"), List.of("http"), 3, Duration.ofMillis(100)));
    http = Http.of(broker);
    http.send("POST", "/pacticipants", "{\"name\":\"karen\"}");
    http.send("POST", "/pacticipants", "{\"name\":\"backend\"}");
  }

  @AfterEach
  void stop() {
    broker.close();
    ci.stop();
  }

  private String createWebhook(String url, String event) {
    Http.Response created = http.send("POST", "/webhooks/provider/backend/consumer/karen", """
        {"description":"verify changed pact","events":[{"name":"%s"}],
         "request":{"method":"POST","url":"%s",
           "headers":{"Content-Type":"application/json","X-Pact-Consumer":"${pactbroker.consumerName}"},
           "body":{"pact":"${pactbroker.pactUrl}","consumerVersion":"${pactbroker.consumerVersionNumber}",
                   "branch":"${pactbroker.consumerVersionBranch}","event":"${pactbroker.eventName}"}}}"""
        .formatted(event, url));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    return created.json().path("uuid").asText();
  }

  private void publish(String version, String description) {
    String body = """
        {"pacticipantName":"karen","pacticipantVersionNumber":"%s","branch":"main","contracts":[
          {"consumerName":"karen","providerName":"backend","specification":"pact","contentType":"application/json",
           "content":"%s"}]}""".formatted(version, java.util.Base64.getEncoder().encodeToString(
        Http.pact("karen", "backend", description).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    assertThat(http.send("POST", "/contracts/publish", body).status()).isEqualTo(200);
  }

  private JsonNode executions(String uuid) throws InterruptedException {
    for (int i = 0; i < 100; i++) {
      JsonNode list = http.get("/webhooks/" + uuid + "/executions").json().path("_embedded").path("executions");
      if (!list.isEmpty()) {
        return list;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("the webhook " + uuid + " was not executed within 5s");
  }

  @Test
  void deliversTheRenderedTemplateWhenContentChanges() throws Exception {
    ci.stubFor(post("/hooks/verify").willReturn(aResponse().withStatus(202)));
    String uuid = createWebhook("http://127.0.0.1:" + ci.port() + "/hooks/verify", "contract_content_changed");
    publish("1.0.0", "threads subscription");

    JsonNode execution = executions(uuid).get(0);
    assertThat(execution.path("success").asBoolean()).isTrue();
    String pactUrl = http.get("/pacts/provider/backend/consumer/karen/latest").json()
        .path("_links").path("pb:pact-version").path("href").asText();
    ci.verify(1, postRequestedFor(urlEqualTo("/hooks/verify"))
        .withHeader("X-Pact-Consumer", equalTo("karen"))
        .withHeader("Content-Type", equalTo("application/json"))
        .withRequestBody(equalToJson("""
            {"pact":"%s","consumerVersion":"1.0.0","branch":"main","event":"contract_content_changed"}""".formatted(pactUrl))));

    publish("1.0.1", "threads subscription");
    Thread.sleep(300);
    ci.verify(1, postRequestedFor(urlEqualTo("/hooks/verify")));
    assertThat(executions(uuid)).hasSize(1);
  }

  @Test
  void retriesWithBackoffOn5xx() throws Exception {
    ci.stubFor(post("/hooks/flaky").inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(aResponse().withStatus(503)).willSetStateTo("second"));
    ci.stubFor(post("/hooks/flaky").inScenario("flaky").whenScenarioStateIs("second")
        .willReturn(aResponse().withStatus(502)).willSetStateTo("third"));
    ci.stubFor(post("/hooks/flaky").inScenario("flaky").whenScenarioStateIs("third")
        .willReturn(aResponse().withStatus(200)));
    String uuid = createWebhook("http://127.0.0.1:" + ci.port() + "/hooks/flaky", "contract_published");
    publish("2.0.0", "one");

    JsonNode execution = executions(uuid).get(0);
    assertThat(execution.path("success").asBoolean()).isTrue();
    assertThat(execution.path("attempts").asInt()).isEqualTo(3);
    assertThat(execution.path("logs").asText()).contains("Response 503").contains("Retrying in 100ms")
        .contains("Response 502").contains("Retrying in 200ms").contains("Response 200");
    ci.verify(3, postRequestedFor(urlEqualTo("/hooks/flaky")));
  }

  @Test
  void givesUpAfterTheLastAttempt() throws Exception {
    ci.stubFor(post("/hooks/down").willReturn(aResponse().withStatus(500)));
    String uuid = createWebhook("http://127.0.0.1:" + ci.port() + "/hooks/down", "contract_published");
    publish("3.0.0", "one");
    JsonNode execution = executions(uuid).get(0);
    assertThat(execution.path("success").asBoolean()).isFalse();
    assertThat(execution.path("logs").asText()).contains("Gave up after 3 attempts");
  }

  @Test
  void refusesHostsOffTheAllowList() {
    Http.Response refused = http.send("POST", "/webhooks", """
        {"events":[{"name":"contract_published"}],"request":{"method":"POST","url":"http://localhost:%d/hooks"}}"""
        .formatted(ci.port()));
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.json().path("errors").path("request.url").get(0).asText())
        .contains("'localhost'").contains("allow-list");
    assertThat(ci.getAllServeEvents()).isEmpty();
  }

  @Test
  void aStoredWebhookOffTheAllowListIsNeverCalled() throws Exception {
    ci.stubFor(post("/hooks/old").willReturn(aResponse().withStatus(200)));
    String uuid = "0d5e7a8c-1f3b-4c2d-9e6f-7a8b9c0d1e2f";
    new Fixtures(broker).webhook(uuid, "karen", "backend", "http://localhost:" + ci.port() + "/hooks/old", "contract_published");
    publish("4.0.0", "one");
    JsonNode execution = executions(uuid).get(0);
    assertThat(execution.path("success").asBoolean()).isFalse();
    assertThat(execution.path("attempts").asInt()).isZero();
    assertThat(execution.path("logs").asText()).contains("Refused").contains("'localhost'");
    assertThat(ci.getAllServeEvents()).isEmpty();
  }

  @Test
  void executeRunsTheWebhookNowAndReturnsTheLog() {
    ci.stubFor(post("/hooks/manual").willReturn(aResponse().withStatus(200).withBody("internal build secrets")));
    String uuid = createWebhook("http://127.0.0.1:" + ci.port() + "/hooks/manual", "contract_published");
    JsonNode result = http.send("POST", "/webhooks/" + uuid + "/execute", null).json();
    assertThat(result.path("success").asBoolean()).isTrue();
    assertThat(result.path("logs").asText()).contains("Response 200").doesNotContain("internal build secrets");
  }
}

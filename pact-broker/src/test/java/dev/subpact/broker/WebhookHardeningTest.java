package dev.subpact.broker;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Webhooks as an attacker with write access (or a read-only user) would use them: bad headers are
 * refused at creation, secrets are never shown back, responses are not echoed, internal addresses
 * need an explicit allow-list entry. WireMock stands in for the CI server a webhook calls.
 */
class WebhookHardeningTest {

  private WireMockServer ci;
  private RunningBroker broker;

  @BeforeEach
  void startCi() {
    ci = new WireMockServer(wireMockConfig().bindAddress("127.0.0.1").dynamicPort());
    ci.start();
  }

  @AfterEach
  void stop() {
    if (broker != null) {
      broker.close();
    }
    ci.stop();
  }

  private Http start(List<String> hosts) {
    broker = PactBroker.start(BrokerConfig.local(0, Engine.SQLITE.newDatabase())
        .withAuth("ci:secret", "viewer:view", null, true)
        .withWebhooks(hosts, List.of("http", "https"), 1, Duration.ofMillis(1)));
    return Http.of(broker).basic("ci:secret");
  }

  private static String webhook(String url, String headers) {
    return """
        {"events":[{"name":"contract_published"}],"request":{"method":"POST","url":"%s","headers":%s,
         "username":"bot","password":"hunter2-pw","body":{"pact":"${pactbroker.pactUrl}"}}}""".formatted(url, headers);
  }

  @Test
  void headersThatWouldSplitOrReframeTheRequestAreRefusedAtCreation() {
    Http http = start(List.of("ci.example"));
    for (String headers : List.of("{\"X-A\":\"a\\r\\nX-Injected: 1\"}", "{\"X-A\":\"a\\u0000b\"}", "{\"X A\":\"a\"}",
        "{\"Expect\":\"100-continue\"}", "{\"Upgrade\":\"websocket\"}", "{\"Host\":\"evil.example\"}",
        "{\"Content-Length\":\"0\"}", "{\"Transfer-Encoding\":\"chunked\"}", "{\"Connection\":\"close\"}",
        "{\"X-A\":{\"nested\":1}}", "[\"X-A\"]")) {
      Http.Response response = http.send("POST", "/webhooks", webhook("https://ci.example/hook", headers));
      assertThat(response.status()).as(headers + ": " + response.body()).isEqualTo(400);
      assertThat(response.json().path("errors").path("request.headers").get(0).asText()).as(headers).isNotBlank();
    }
    assertThat(http.get("/webhooks").json().path("_embedded").path("webhooks")).isEmpty();
  }

  @Test
  void aStoredWebhookWithBadHeadersIsRecordedAsRefusedNot500() throws Exception {
    Http http = start(List.of("127.0.0.1"));
    String uuid = "5f0e7a8c-1f3b-4c2d-9e6f-7a8b9c0d1e2f";
    new Fixtures(broker).webhookWithRequest(uuid, "karen", "backend", """
        {"method":"POST","url":"http://127.0.0.1:%d/hook","headers":{"Expect":"100-continue"}}""".formatted(ci.port()),
        "contract_published");
    Http.Response executed = http.send("POST", "/webhooks/" + uuid + "/execute", null);
    assertThat(executed.status()).as(executed.body()).isEqualTo(200);
    assertThat(executed.json().path("success").asBoolean()).isFalse();
    assertThat(executed.json().path("logs").asText()).contains("cannot be sent").contains("'Expect'");
    assertThat(ci.getAllServeEvents()).isEmpty();
  }

  @Test
  void secretsAreMaskedForEveryReaderAndInLogs() {
    ci.stubFor(post(urlPathEqualTo("/hook")).willReturn(aResponse().withStatus(200).withBody("internal-only build data")));
    Http writer = start(List.of("127.0.0.1"));
    String url = "http://deploy:url-pw@127.0.0.1:" + ci.port() + "/hook?token=ghp_querytoken&ref=main";
    Http.Response created = writer.send("POST", "/webhooks", webhook(url,
        "{\"Authorization\":\"Bearer ghp_headertoken\",\"X-Api-Key\":\"k3y-value\",\"Content-Type\":\"application/json\"}"));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    String uuid = created.json().path("uuid").asText();
    String log = writer.send("POST", "/webhooks/" + uuid + "/execute", null).json().path("logs").asText();
    assertThat(log).contains("Response 200");
    assertThat(ci.getAllServeEvents()).hasSize(1);
    assertThat(ci.getAllServeEvents().get(0).getRequest().getHeader("Authorization")).isEqualTo("Bearer ghp_headertoken");

    Http viewer = Http.of(broker).basic("viewer:view");
    Http anyone = Http.of(broker);
    for (Http reader : List.of(writer, viewer, anyone)) {
      for (String path : List.of("/webhooks", "/webhooks/" + uuid, "/webhooks/" + uuid + "/executions")) {
        Http.Response read = reader.get(path);
        assertThat(read.status()).as(path).isEqualTo(200);
        assertThat(read.body()).as(path).doesNotContain("ghp_", "k3y-value", "hunter2-pw", "url-pw", "internal-only");
      }
    }
    JsonNode shown = viewer.get("/webhooks/" + uuid).json().path("request");
    assertThat(shown.path("headers").path("Content-Type").asText()).isEqualTo("application/json");
    assertThat(shown.path("headers").path("Authorization").asText()).isEqualTo("**********");
    assertThat(shown.path("url").asText()).isEqualTo(
        "http://deploy:**********@127.0.0.1:" + ci.port() + "/hook?token=**********&ref=**********");
    assertThat(log).doesNotContain("ghp_", "url-pw", "internal-only");
  }

  @Test
  void loopbackAndPrivateAddressesNeedAnExplicitEntry() {
    Http http = start(List.of("*"));
    for (String url : List.of("http://127.0.0.1:" + ci.port() + "/hook", "http://localhost:" + ci.port() + "/hook",
        "http://169.254.169.254/latest/meta-data", "http://10.0.0.7/hook", "http://[::1]:" + ci.port() + "/hook",
        "http://[fd00::1]/hook", "http://100.64.0.1/hook", "http://0.0.0.0:" + ci.port() + "/hook")) {
      Http.Response response = http.send("POST", "/webhooks", webhook(url, "{}"));
      assertThat(response.status()).as(url + ": " + response.body()).isEqualTo(400);
      assertThat(response.body()).as(url).contains("loopback, link-local or private address");
    }
    String uuid = "6f0e7a8c-1f3b-4c2d-9e6f-7a8b9c0d1e2f";
    new Fixtures(broker).webhook(uuid, "karen", "backend", "http://localhost:" + ci.port() + "/hook", "contract_published");
    JsonNode executed = http.send("POST", "/webhooks/" + uuid + "/execute", null).json();
    assertThat(executed.path("success").asBoolean()).isFalse();
    assertThat(executed.path("logs").asText()).contains("Refused").contains("private address");
    assertThat(ci.getAllServeEvents()).isEmpty();
  }

  @Test
  void theAllowListTakesHostPortAndCidrRanges() {
    ci.stubFor(post("/hook").willReturn(aResponse().withStatus(204)));
    for (List<String> hosts : List.of(List.of("127.0.0.0/8"), List.of("127.0.0.1:" + ci.port()), List.of("::1/128", "127.0.0.1/32"))) {
      Http http = start(hosts);
      Http.Response created = http.send("POST", "/webhooks", webhook("http://127.0.0.1:" + ci.port() + "/hook", "{}"));
      assertThat(created.status()).as(hosts + ": " + created.body()).isEqualTo(201);
      JsonNode executed = http.send("POST", "/webhooks/" + created.json().path("uuid").asText() + "/execute", null).json();
      assertThat(executed.path("success").asBoolean()).as(hosts + ": " + executed).isTrue();
      broker.close();
      broker = null;
    }
    Http http = start(List.of("127.0.0.1:1"));
    Http.Response otherPort = http.send("POST", "/webhooks", webhook("http://127.0.0.1:" + ci.port() + "/hook", "{}"));
    assertThat(otherPort.status()).isEqualTo(400);
    assertThat(otherPort.body()).contains("allow-list");
    broker.close();
    broker = null;
    assertThatThrownBy(() -> start(List.of("10.0.0.0/33"))).isInstanceOf(BrokerStartException.class)
        .hasMessageContaining("'10.0.0.0/33' is not a CIDR range");
  }

  @Test
  void aLargeSlowResponseIsReadOnlyUpToTheCap() {
    // 8 MiB dribbled over 30 s: reading it whole would take 30 s; the broker stops after its first 4 KiB
    ci.stubFor(post("/hook").willReturn(aResponse().withStatus(200).withBody(new byte[8 * 1024 * 1024])
        .withChunkedDribbleDelay(300, 30_000)));
    Http http = start(List.of("127.0.0.1"));
    Http.Response created = http.send("POST", "/webhooks", webhook("http://127.0.0.1:" + ci.port() + "/hook", "{}"));
    long start = System.nanoTime();
    JsonNode executed = http.send("POST", "/webhooks/" + created.json().path("uuid").asText() + "/execute", null).json();
    long seconds = (System.nanoTime() - start) / 1_000_000_000;
    assertThat(executed.path("success").asBoolean()).as(executed.toString()).isTrue();
    assertThat(seconds).as("seconds to deliver").isLessThan(15);
  }
}

package dev.subpact.broker.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The broker client's older PUT flow, its error messages and retries, against a scripted stand-in
 * (the official client's recorded contract has no PUT-pact, 401, 403, 409 or 5xx interactions).
 */
class BrokerClientTest {

  @TempDir Path dir;

  private HttpServer server;
  private final List<String> requests = new CopyOnWriteArrayList<>();
  private final Map<String, int[]> statuses = new ConcurrentHashMap<>();
  private final Map<String, String> bodies = new ConcurrentHashMap<>();
  private final AtomicInteger failuresLeft = new AtomicInteger();

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", exchange -> {
      String key = exchange.getRequestMethod() + " " + exchange.getRequestURI().getRawPath();
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      requests.add(key + (body.isEmpty() ? "" : " " + body) + " auth=" + exchange.getRequestHeaders().getFirst("Authorization"));
      int status = failuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0 ? 503 : statuses.getOrDefault(key, new int[] {404})[0];
      byte[] answer = bodies.getOrDefault(key, "{}").getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/hal+json");
      exchange.sendResponseHeaders(status, answer.length);
      exchange.getResponseBody().write(answer);
      exchange.close();
    });
    server.start();
    answer("GET /", 200, "{\"_links\":{\"pb:pacticipants\":{\"href\":\"/pacticipants\"}}}");
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  private void answer(String request, int status, String body) {
    statuses.put(request, new int[] {status});
    bodies.put(request, body);
  }

  private PublishRequest request() throws IOException {
    Path pact = dir.resolve("karen-backend.json");
    Files.writeString(pact, "{\"consumer\":{\"name\":\"karen bot\"},\"provider\":{\"name\":\"backend\"},\"interactions\":[]}");
    return new PublishRequest("1.2.3", "main", List.of("dev"), null, List.of(Contract.read(pact)), false);
  }

  @Test
  void brokerWithoutPublishContractsGetsThePutFlow() throws Exception {
    answer("PUT /pacticipants/karen%20bot/branches/main/versions/1.2.3", 201, "{}");
    answer("PUT /pacticipants/karen%20bot/versions/1.2.3/tags/dev", 201, "{}");
    answer("PUT /pacts/provider/backend/consumer/karen%20bot/version/1.2.3", 201, "{}");
    PublishResult result = BrokerClient.of(url(), BrokerAuth.basic("ci", "s3cret")).publish(request());
    assertThat(result.flow()).isEqualTo("put");
    assertThat(requests).containsExactly(
        "GET / auth=Basic Y2k6czNjcmV0",
        "PUT /pacticipants/karen%20bot/branches/main/versions/1.2.3 {} auth=Basic Y2k6czNjcmV0",
        "PUT /pacticipants/karen%20bot/versions/1.2.3/tags/dev {} auth=Basic Y2k6czNjcmV0",
        "PUT /pacts/provider/backend/consumer/karen%20bot/version/1.2.3 {\"consumer\":{\"name\":\"karen bot\"},\"provider\":{\"name\":\"backend\"},\"interactions\":[]} auth=Basic Y2k6czNjcmV0");
  }

  @Test
  void unauthenticatedForbiddenAndConflictSayWhatToDo() throws Exception {
    answer("GET /", 200, "{\"_links\":{\"pb:publish-contracts\":{\"href\":\"/contracts/publish\"}}}");
    BrokerClient client = BrokerClient.of(url(), BrokerAuth.bearer("t0k3n")).withRetries(1, Duration.ZERO);
    answer("POST /contracts/publish", 401, "");
    assertThatThrownBy(() -> client.publish(request())).isInstanceOf(BrokerException.class)
        .hasMessageContaining("(POST /contracts/publish → 401): not authenticated. Give the broker's credentials: a user and password"
            + " (basic auth) or a bearer token.");
    answer("POST /contracts/publish", 403, "{\"error\":\"read only\"}");
    assertThatThrownBy(() -> client.publish(request())).hasMessageContaining("→ 403): these credentials may not do that")
        .hasMessageContaining("The broker said: {\"error\":\"read only\"}");
    answer("POST /contracts/publish", 409, "{\"errors\":{\"contracts\":[\"changed\"]}}");
    assertThatThrownBy(() -> client.publish(request()))
        .hasMessageContaining("karen bot version 1.2.3 already has a different contract. A published version's contract must not change: "
            + "publish the new contract under a new consumer version");
    assertThat(requests).allMatch(r -> r.endsWith("auth=Bearer t0k3n"));
  }

  @Test
  void retriesWithBackoffOn5xx() throws Exception {
    answer("GET /", 200, "{\"_links\":{\"pb:publish-contracts\":{\"href\":\"/contracts/publish\"}}}");
    answer("POST /contracts/publish", 200, "{\"logs\":[{\"level\":\"info\",\"message\":\"Created karen bot version 1.2.3\"}]}");
    failuresLeft.set(2);
    PublishResult result = BrokerClient.of(url(), BrokerAuth.none()).withRetries(3, Duration.ofMillis(10)).publish(request());
    assertThat(result.messages()).containsExactly("Created karen bot version 1.2.3");
    assertThat(requests).hasSize(4);

    failuresLeft.set(5);
    assertThatThrownBy(() -> BrokerClient.of(url(), BrokerAuth.none()).withRetries(2, Duration.ofMillis(1)).index())
        .isInstanceOf(BrokerException.class).hasMessageContaining("→ 503) after 2 attempt(s)");
  }

  @Test
  void unreachableBrokerIsNamed() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    BrokerClient client = BrokerClient.of(URI.create("http://127.0.0.1:" + closedPort), BrokerAuth.none()).withRetries(2, Duration.ofMillis(1));
    assertThatThrownBy(client::index).isInstanceOf(BrokerException.class)
        .hasMessage("Cannot read the index at the broker http://127.0.0.1:" + closedPort + "/: nothing answers there (connection refused) "
            + "(after 2 attempt(s)). Check the broker's base URL and that the broker is running.");
  }

  @Test
  void latestPactOnABranchTriesBranchThenTagRoutes() {
    answer("GET /pacts/provider/backend/consumer/karen/latest/main", 200, "{\"consumer\":{\"name\":\"karen\"}}");
    assertThat(BrokerClient.of(url(), BrokerAuth.none()).latestPact("backend", "karen", "main")).contains("{\"consumer\":{\"name\":\"karen\"}}");
    assertThat(requests).extracting(r -> r.substring(0, r.indexOf(" auth="))).containsExactly(
        "GET /pacts/provider/backend/consumer/karen/branch/main/latest",
        "GET /pacts/provider/backend/consumer/karen/branch/main/latest-version",
        "GET /pacts/provider/backend/consumer/karen/latest/main");
    assertThat(BrokerClient.of(url(), BrokerAuth.none()).latestPact("backend", "nobody", "main")).isEmpty();
  }
}

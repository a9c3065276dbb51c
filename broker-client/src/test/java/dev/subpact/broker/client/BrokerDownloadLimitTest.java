package dev.subpact.broker.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.subpact.graphql.operation.InputLimits;
import dev.subpact.graphql.pact.PactFormatException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Broker answers over subpact's input limit (here 1 MB, set with {@link InputLimits#PROPERTY}) are
 * refused like a pact file that large, with a Content-Length and streamed without one, from a JDK
 * HTTP server on 127.0.0.1; answers within it are read whole.
 */
class BrokerDownloadLimitTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MB = 1 << 20;

  private HttpServer server;
  private String previousLimit;
  /** Per path: the size of the JSON body to send, and whether to send it chunked (no Content-Length). */
  private final Map<String, int[]> sizes = new ConcurrentHashMap<>();
  private final AtomicInteger requests = new AtomicInteger();

  @BeforeEach
  void start() throws IOException {
    previousLimit = System.setProperty(InputLimits.PROPERTY, "1");
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::answer);
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
    if (previousLimit == null) {
      System.clearProperty(InputLimits.PROPERTY);
    } else {
      System.setProperty(InputLimits.PROPERTY, previousLimit);
    }
  }

  private String base() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  private void answer(HttpExchange exchange) throws IOException {
    requests.incrementAndGet();
    exchange.getRequestBody().readAllBytes();
    String path = exchange.getRequestURI().getRawPath();
    byte[] json = switch (path) {
      case "/" -> ("{\"_links\":{\"pb:provider-pacts-for-verification\":{\"href\":\"" + base()
          + "/pacts/provider/{provider}/for-verification\"}}}").getBytes(StandardCharsets.UTF_8);
      case "/pacts/provider/chat-backend/for-verification" -> ("{\"_embedded\":{\"pacts\":[{\"_links\":{\"self\":{\"href\":\""
          + base() + "/pacts/provider/chat-backend/consumer/chat-web/version/1\"}}}]}}").getBytes(StandardCharsets.UTF_8);
      default -> null;
    };
    int[] size = sizes.get(path);
    if (json == null && size == null) {
      exchange.sendResponseHeaders(404, -1);
      exchange.close();
      return;
    }
    if (json == null) {
      json = pactOf(size[0]);
    }
    exchange.getResponseHeaders().add("Content-Type", "application/hal+json");
    boolean chunked = size != null && size[1] == 1;
    exchange.sendResponseHeaders(200, chunked ? 0 : json.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(json);
    } catch (IOException clientHungUp) {
      // expected when the client stops reading at the limit
    }
  }

  /** A pact for chat-web of {@code bytes} bytes: its padding is one long description. */
  private static byte[] pactOf(int bytes) {
    String head = "{\"consumer\":{\"name\":\"chat-web\"},\"provider\":{\"name\":\"chat-backend\"},\"interactions\":[],\"metadata\":{\"padding\":\"";
    String tail = "\"}}";
    char[] padding = new char[bytes - head.length() - tail.length()];
    Arrays.fill(padding, 'x');
    return (head + new String(padding) + tail).getBytes(StandardCharsets.UTF_8);
  }

  private BrokerClient client() {
    return BrokerClient.of(URI.create(base()), BrokerAuth.none()).withRetries(3, Duration.ofMillis(1));
  }

  private List<PactForVerification> pactsForVerification() {
    return client().pactsForVerification("chat-backend", List.of(JSON.createObjectNode().put("mainBranch", true)), null, false);
  }

  @Test
  void aPactForVerificationOverTheLimitIsRefusedByItsLengthNamingTheLimitAndHowToRaiseIt() {
    sizes.put("/pacts/provider/chat-backend/consumer/chat-web/version/1", new int[] {2 * MB, 0});

    assertThatThrownBy(this::pactsForVerification).isInstanceOf(BrokerException.class)
        .hasMessage("The answer of the broker at " + base() + "/ to GET " + base()
            + "/pacts/provider/chat-backend/consumer/chat-web/version/1 is 2.0 MB, over subpact's limit of 1.0 MB for one input"
            + " (reading it whole would take minutes and gigabytes; real pacts and schemas are under 2 MB). Check that it is"
            + " the input you meant; split a pact that large into one per consumer, or raise the limit: SUBPACT_MAX_INPUT_MB=3.");
    assertThat(requests.get()).as("index, for-verification, the pact once: a refusal is not retried").isEqualTo(3);
  }

  @Test
  void aChunkedAnswerWithoutALengthIsCutOneBytePastTheLimit() {
    sizes.put("/pacts/provider/chat-backend/consumer/chat-web/version/1", new int[] {5 * MB, 1});
    sizes.put("/pacticipants/chat-backend/versions/2/graphql-schema", new int[] {5 * MB, 1});

    assertThatThrownBy(this::pactsForVerification).isInstanceOf(BrokerException.class)
        .hasMessageContaining("/pacts/provider/chat-backend/consumer/chat-web/version/1 (at least) is 1.0 MB, over subpact's limit of 1.0 MB")
        .hasMessageEndingWith("raise the limit: SUBPACT_MAX_INPUT_MB=2.");
    assertThatThrownBy(() -> client().schema("chat-backend", "2")).isInstanceOf(BrokerException.class)
        .hasMessageContaining("to GET " + base() + "/pacticipants/chat-backend/versions/2/graphql-schema (at least) is 1.0 MB");
  }

  @Test
  void answersWithinTheLimitAreReadWholeWithAndWithoutALength() {
    sizes.put("/pacts/provider/chat-backend/consumer/chat-web/version/1", new int[] {MB - 1, 1});
    sizes.put("/pacticipants/chat-backend/versions/2/graphql-schema", new int[] {MB, 0});

    assertThat(pactsForVerification()).singleElement().satisfies(p -> assertThat(p.content()).hasSize(MB - 1));
    assertThat(client().schema("chat-backend", "2")).hasSize(MB);
  }

  @Test
  void aPactFileToPublishOverTheLimitIsRefusedByItsSize(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("chat-web-chat-backend.json");
    try (RandomAccessFile sparse = new RandomAccessFile(file.toFile(), "rw")) {
      sparse.setLength(3L * MB);
    }

    assertThatThrownBy(() -> Contract.read(file)).isInstanceOf(PactFormatException.class)
        .hasMessageStartingWith("Pact file " + file + " is 3.0 MB, over subpact's limit of 1.0 MB for one input");
  }
}

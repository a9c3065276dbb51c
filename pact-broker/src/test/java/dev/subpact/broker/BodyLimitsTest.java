package dev.subpact.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The request body limit holds on the bytes read, chunked or not; every JSON the broker cannot take is a 400 with its reason. */
class BodyLimitsTest {

  private static final long MAX_BODY = 1024 * 1024;
  private static RunningBroker broker;

  @BeforeAll
  static void start() {
    broker = PactBroker.start(BrokerConfig.local(0, Engine.SQLITE.newDatabase()).withMaxBodyBytes(MAX_BODY));
  }

  @AfterAll
  static void stop() {
    broker.close();
  }

  /** {@code bytes} of JSON-looking filler, sent chunked: no Content-Length to refuse it by. */
  private static HttpResponse<String> chunked(String path, long bytes) throws IOException, InterruptedException {
    InputStream body = new InputStream() {
      long left = bytes;

      @Override
      public int read() {
        return left-- > 0 ? (left == bytes - 1 ? '[' : '1') : -1;
      }

      @Override
      public int read(byte[] buffer, int offset, int length) {
        if (left <= 0) {
          return -1;
        }
        int n = (int) Math.min(length, left);
        for (int i = 0; i < n; i++) {
          buffer[offset + i] = (byte) read();
        }
        return n;
      }
    };
    HttpRequest request = HttpRequest.newBuilder(URI.create(broker.url() + path))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> body)).build();
    try {
      return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      // the broker may answer 413 and close before the whole body is sent; that is not what is tested then
      throw new IOException("the broker closed the connection before answering: " + e, e);
    }
  }

  @Test
  void aChunkedBodyOverMaxBodyIs413() throws Exception {
    for (long size : List.of(MAX_BODY + 1, 50L * 1024 * 1024)) {
      HttpResponse<String> response = chunked("/contracts/publish", size);
      assertThat(response.statusCode()).as(size + " bytes: " + response.body()).isEqualTo(413);
      assertThat(response.body()).contains("at most " + MAX_BODY);
    }
  }

  @Test
  void aChunkedBodyWithinMaxBodyIsRead() throws Exception {
    HttpResponse<String> response = chunked("/pacticipants", 1000);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    assertThat(response.body()).contains("not valid JSON");
  }

  @Test
  void jsonBeyondJacksonsLimitsIsA400WithItsReason() {
    Http http = Http.of(broker);
    String deep = "{\"name\":" + "[".repeat(1_001) + "]".repeat(1_001) + "}";
    String longNumber = "{\"name\":\"a\",\"n\":" + "9".repeat(1_100) + "}";
    int refused = 0;
    for (String[] route : SecurityAndBadInputTest.WRITES) {
      if (route[2] == null || !route[2].startsWith("{")) {
        continue;
      }
      for (String body : List.of(deep, longNumber)) {
        Http.Response response = http.send(route[0], route[1], body);
        // routes that ignore their body (PUT of a tag, as the official broker) may accept it; none may fail
        assertThat(response.status()).as(route[0] + " " + route[1] + ": " + response.body()).isLessThan(500);
        if (response.status() == 400) {
          refused++;
          assertThat(response.body()).as(route[0] + " " + route[1]).contains("not valid JSON")
              .containsAnyOf("nesting depth", "Number value length");
        }
      }
    }
    assertThat(refused).as("routes that read their body and refused it").isGreaterThanOrEqualTo(2 * 12);
  }
}

package dev.subpact.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code pacts --header} and {@code --header-env}: a broker behind a gateway that wants its own
 * header gets it on every request (the index and the pacts for verification), and the value is
 * never printed.
 */
class PactsHeaderTest {

  @TempDir Path dir;
  private HttpServer gateway;
  private final List<String> seen = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() throws IOException {
    gateway = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    gateway.createContext("/", exchange -> {
      seen.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath() + " X-Gateway-Key="
          + exchange.getRequestHeaders().getFirst("X-Gateway-Key"));
      byte[] body = (exchange.getRequestMethod().equals("POST") ? "{\"_embedded\":{\"pacts\":[]}}" : "{}")
          .getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/hal+json");
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    gateway.start();
  }

  @AfterEach
  void stop() {
    gateway.stop(0);
  }

  private String url() {
    return "http://127.0.0.1:" + gateway.getAddress().getPort();
  }

  @Test
  void theHeaderGoesWithEveryBrokerRequestAndIsNeverPrinted() {
    StringWriter out = new StringWriter();

    int exit = CliRun.execute(out, "pacts", "--broker", url(), "--provider", "chat-backend", "--out", dir.resolve("pacts").toString(),
        "--header", "X-Gateway-Key=s3cret-value");

    assertThat(exit).as(out.toString()).isZero();
    assertThat(seen).containsExactly("GET / X-Gateway-Key=s3cret-value",
        "POST /pacts/provider/chat-backend/for-verification X-Gateway-Key=s3cret-value");
    assertThat(out.toString()).doesNotContain("s3cret-value");
  }

  @Test
  void anUnsetHeaderVariableIsBadInputNamingTheVariableNotAValue() {
    StringWriter out = new StringWriter();

    int exit = CliRun.execute(out, "pacts", "--broker", url(), "--provider", "chat-backend", "--out", dir.resolve("pacts").toString(),
        "--header-env", "X-Gateway-Key=SUBPACT_TEST_UNSET_GATEWAY_KEY");

    assertThat(exit).isEqualTo(2);
    assertThat(out.toString()).contains("Environment variable SUBPACT_TEST_UNSET_GATEWAY_KEY is not set");
    assertThat(seen).isEmpty();
  }
}

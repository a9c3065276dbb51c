package dev.subpact.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Writes must be JSON, links never follow the Host header, names are what the broker can serve — both engines. */
class RequestHygieneTest {

  /** A raw HTTP/1.1 exchange, for what Java's HTTP client will not send (a chosen Host header). */
  private static String raw(RunningBroker broker, String request) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", broker.port())) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(request.getBytes(StandardCharsets.UTF_8));
      out.flush();
      InputStream in = socket.getInputStream();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void writesThatAreNotJsonAre415(Engine engine) {
    try (RunningBroker broker = PactBroker.start(BrokerConfig.local(0, engine.newDatabase()))) {
      Http http = Http.of(broker);
      String webhook = """
          {"events":[{"name":"contract_published"}],"request":{"method":"POST","url":"https://ci.example/hook"}}""";
      for (String type : List.of("text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x")) {
        Http.Response refused = http.send("POST", "/webhooks", webhook, type);
        assertThat(refused.status()).as(type + ": " + refused.body()).isEqualTo(415);
        assertThat(refused.body()).contains("Content-Type: application/json").contains(type.split(";")[0]);
        assertThat(http.send("POST", "/pacticipants", "{\"name\":\"Foo\"}", type).status()).as(type).isEqualTo(415);
      }
      assertThat(http.get("/webhooks").json().path("_embedded").path("webhooks")).isEmpty();
      assertThat(http.send("POST", "/pacticipants", "{\"name\":\"Foo\"}", "application/json; charset=utf-8").status()).isEqualTo(201);
      assertThat(http.send("PUT", "/pacticipants/Foo/versions/1/graphql-schema", "type Query { a: Int }", "text/plain").status())
          .isEqualTo(415);
      assertThat(http.send("PUT", "/pacticipants/Foo/versions/1/graphql-schema", "type Query { a: Int }", "application/graphql").status())
          .isEqualTo(200);
      assertThat(http.send("DELETE", "/pacticipants/Foo", null).status()).isEqualTo(204);
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void linksComeFromTheBoundAddressOrBaseUrlNeverFromTheHostHeader(Engine engine) throws IOException {
    try (RunningBroker broker = PactBroker.start(BrokerConfig.local(0, engine.newDatabase()))) {
      String index = raw(broker, "GET / HTTP/1.1\r\nHost: attacker.example\r\nAccept: application/hal+json\r\nConnection: close\r\n\r\n");
      assertThat(index).startsWith("HTTP/1.1 200").doesNotContain("attacker.example").contains(broker.url() + "/pacticipants");
      String body = "{\"name\":\"Foo\"}";
      String created = raw(broker, "POST /pacticipants HTTP/1.1\r\nHost: attacker.example\r\nContent-Type: application/json\r\n"
          + "Content-Length: " + body.length() + "\r\nConnection: close\r\n\r\n" + body);
      assertThat(created).startsWith("HTTP/1.1 201").doesNotContain("attacker.example");
    }
    try (RunningBroker broker = PactBroker.start(BrokerConfig.local(0, engine.newDatabase())
        .withBaseUrl("https://broker.example.com"))) {
      String index = raw(broker, "GET / HTTP/1.1\r\nHost: attacker.example\r\nConnection: close\r\n\r\n");
      assertThat(index).doesNotContain("attacker.example").contains("https://broker.example.com/pacticipants");
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void namesTheBrokerCouldNotServeAre400(Engine engine) {
    try (RunningBroker broker = PactBroker.start(BrokerConfig.local(0, engine.newDatabase()))) {
      Http http = Http.of(broker);
      String[][] cases = {
          {"{\"name\":\"a\\u0000b\"}", "NUL character"},
          {"{\"name\":\"a\\nb\"}", "control character (U+000A)"},
          {"{\"name\":\"a\\ud800b\"}", "lone UTF-16 surrogate (U+D800)"},
          {"{\"name\":\"" + "n".repeat(256) + "\"}", "at most 255"},
          {"{\"name\":\"" + "n".repeat(900_000) + "\"}", "at most 255"},
      };
      for (String[] c : cases) {
        Http.Response response = http.send("POST", "/pacticipants", c[0]);
        assertThat(response.status()).as(c[1] + ": " + response.body()).isEqualTo(400);
        assertThat(response.body()).contains(c[1]);
      }
      Http.Response publish = http.send("POST", "/contracts/publish", """
          {"pacticipantName":"karen","pacticipantVersionNumber":"1\\u0000","branch":"main","contracts":[]}""");
      assertThat(publish.status()).as(publish.body()).isEqualTo(400);
      assertThat(http.send("PUT", "/pacticipants/karen/versions/1/tags/a%00b", "{}").status()).isEqualTo(400);
      assertThat(http.get("/pacticipants/karen").status()).isEqualTo(404);
      assertThat(http.get("/pacticipants").body()).doesNotContain("\"name\"");
      assertThat(http.send("POST", "/pacticipants", "{\"name\":\"k\\u00e4ren \\ud83e\\udd16\"}").status()).as("real text").isEqualTo(201);
    }
  }
}

package dev.subpact.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Auth on every write route, bad input answered with 4xx and reasons, names stored and served
 * literally, and never a 500 — on both storage engines.
 */
class SecurityAndBadInputTest {

  /** Every route that changes something, with a body it would accept. */
  static final List<String[]> WRITES = List.of(
      new String[] {"POST", "/pacticipants", "{\"name\":\"Foo\"}"},
      new String[] {"PATCH", "/pacticipants/Foo", "{\"repositoryUrl\":\"x\"}"},
      new String[] {"PUT", "/pacticipants/Foo", "{}"},
      new String[] {"DELETE", "/pacticipants/Foo", null},
      new String[] {"PUT", "/pacticipants/Foo/versions/1", "{}"},
      new String[] {"PUT", "/pacticipants/Foo/versions/1/tags/prod", "{}"},
      new String[] {"DELETE", "/pacticipants/Foo/versions/1/tags/prod", null},
      new String[] {"PUT", "/pacticipants/Foo/branches/main/versions/1", "{}"},
      new String[] {"DELETE", "/pacticipants/Foo/branches/main", null},
      new String[] {"POST", "/pacticipants/Foo/versions/1/deployed-versions/environment/x", "{}"},
      new String[] {"POST", "/pacticipants/Foo/versions/1/released-versions/environment/x", "{}"},
      new String[] {"PUT", "/pacticipants/Bar/versions/1/graphql-schema", "type Query { a: Int }"},
      new String[] {"PUT", "/pacts/provider/Bar/consumer/Foo/version/1", Http.pact("Foo", "Bar", "x")},
      new String[] {"DELETE", "/pacts/provider/Bar/consumer/Foo/version/1", null},
      new String[] {"POST", "/pacts/provider/Bar/consumer/Foo/pact-version/abc/verification-results", "{\"success\":true,\"providerApplicationVersion\":\"1\"}"},
      new String[] {"POST", "/contracts/publish", "{}"},
      new String[] {"POST", "/environments", "{\"name\":\"prod\"}"},
      new String[] {"PUT", "/environments/x", "{\"name\":\"prod\"}"},
      new String[] {"DELETE", "/environments/x", null},
      new String[] {"PATCH", "/deployed-versions/x", "{\"currentlyDeployed\":false}"},
      new String[] {"PATCH", "/released-versions/x", "{\"currentlySupported\":false}"},
      new String[] {"POST", "/webhooks", "{}"},
      new String[] {"POST", "/webhooks/provider/Bar/consumer/Foo", "{}"},
      new String[] {"PUT", "/webhooks/x", "{}"},
      new String[] {"DELETE", "/webhooks/x", null},
      new String[] {"POST", "/webhooks/x/execute", null},
      new String[] {"POST", "/pacts/provider/Bar/for-verification", "{}"});

  @ParameterizedTest
  @EnumSource(Engine.class)
  void everyWriteNeedsWriteCredentials(Engine engine) {
    try (RunningBroker broker = PactBroker.start(BrokerConfig.local(0, engine.newDatabase())
        .withAuth("ci:secret", "viewer:view", "t0ken", false))) {
      Http anonymous = Http.of(broker);
      Http viewer = anonymous.basic("viewer:view");
      Http wrong = anonymous.basic("ci:wrong");
      List<String> problems = new ArrayList<>();
      for (String[] route : WRITES) {
        if (route[1].endsWith("for-verification")) {
          continue; // a POST that only reads: allowed for readers, checked below
        }
        expect(problems, route, anonymous.send(route[0], route[1], route[2]), 401);
        expect(problems, route, wrong.send(route[0], route[1], route[2]), 401);
        expect(problems, route, viewer.send(route[0], route[1], route[2]), 403);
        Http.Response writer = anonymous.basic("ci:secret").send(route[0], route[1], route[2]);
        if (writer.status() == 401 || writer.status() == 403 || writer.status() >= 500) {
          problems.add(String.join(" ", route[0], route[1]) + " with write credentials -> " + writer.status() + " " + writer.body());
        }
      }
      assertThat(problems).isEmpty();
      assertThat(anonymous.get("/").status()).isEqualTo(401);
      assertThat(viewer.get("/").status()).isEqualTo(200);
      assertThat(anonymous.bearer("t0ken").send("POST", "/pacticipants", "{\"name\":\"ByToken\"}").status()).isEqualTo(201);
      assertThat(anonymous.get("/diagnostic/status/heartbeat").status()).isEqualTo(200);
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void publicReadLetsAnyoneReadButNotWrite(Engine engine) {
    try (RunningBroker broker = PactBroker.start(BrokerConfig.local(0, engine.newDatabase())
        .withAuth("ci:secret", null, null, true))) {
      Http anonymous = Http.of(broker);
      assertThat(anonymous.get("/pacticipants").status()).isEqualTo(200);
      assertThat(anonymous.send("POST", "/pacticipants", "{\"name\":\"Foo\"}").status()).isEqualTo(401);
    }
  }

  private static void expect(List<String> problems, String[] route, Http.Response response, int status) {
    if (response.status() != status) {
      problems.add(route[0] + " " + route[1] + " -> " + response.status() + " (expected " + status + ") " + response.body());
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void badInputIsRefusedWithReasonsNeverA500(Engine engine) {
    try (RunningBroker broker = PactBroker.start(BrokerConfig.local(0, engine.newDatabase())
        .withMaxBodyBytes(64 * 1024).withWebhooks(List.of("ci.example"), List.of("https"), 1, java.time.Duration.ofMillis(1)))) {
      Http http = Http.of(broker);
      Http.Response malformed = http.send("PUT", "/pacts/provider/Bar/consumer/Foo/version/1", "{\"consumer\": ");
      assertThat(malformed.status()).isEqualTo(400);
      assertThat(malformed.body()).contains("not valid JSON");

      Http.Response noInteractions = http.send("PUT", "/pacts/provider/Bar/consumer/Foo/version/1",
          "{\"consumer\":{\"name\":\"Foo\"},\"provider\":{\"name\":\"Bar\"}}");
      assertThat(noInteractions.status()).isEqualTo(400);
      assertThat(noInteractions.body()).contains("no 'interactions'");

      Http.Response wrongConsumer = http.send("PUT", "/pacts/provider/Bar/consumer/Foo/version/1", Http.pact("Other", "Bar", "x"));
      assertThat(wrongConsumer.status()).isEqualTo(400);
      assertThat(wrongConsumer.body()).contains("consumer.name is 'Other'");

      Http.Response notBase64 = http.send("POST", "/contracts/publish", """
          {"pacticipantName":"Foo","pacticipantVersionNumber":"1","contracts":[
           {"consumerName":"Foo","providerName":"Bar","specification":"pact","contentType":"application/json","content":"%%%"}]}""");
      assertThat(notBase64.status()).isEqualTo(400);
      assertThat(notBase64.json().path("errors").path("contracts[0].content").get(0).asText()).contains("Base64");

      Http.Response array = http.send("POST", "/environments", "[1,2]");
      assertThat(array.status()).isEqualTo(400);

      Http.Response badVerification = http.send("POST", "/pacts/provider/Bar/consumer/Foo/pact-version/abc/verification-results", "{\"success\":\"yes\"}");
      assertThat(badVerification.status()).isEqualTo(400);
      assertThat(badVerification.json().path("errors").has("success")).isTrue();

      Http.Response huge = http.send("PUT", "/pacts/provider/Bar/consumer/Foo/version/1",
          Http.pact("Foo", "Bar", "x".repeat(100 * 1024)));
      assertThat(huge.status()).isEqualTo(413);

      Http.Response offList = http.send("POST", "/webhooks", """
          {"events":[{"name":"contract_published"}],"request":{"method":"POST","url":"https://evil.example/steal"}}""");
      assertThat(offList.status()).isEqualTo(400);
      assertThat(offList.json().path("errors").path("request.url").get(0).asText()).contains("allow-list");
      Http.Response badScheme = http.send("POST", "/webhooks", """
          {"events":[{"name":"contract_published"}],"request":{"method":"POST","url":"http://ci.example/hook"}}""");
      assertThat(badScheme.status()).isEqualTo(400);
      Http.Response unknownEvent = http.send("POST", "/webhooks", """
          {"events":[{"name":"oops"}],"request":{"method":"POST","url":"https://ci.example/hook"}}""");
      assertThat(unknownEvent.status()).isEqualTo(400);

      Http.Response badMatrix = http.get("/matrix?q[][version]=1");
      assertThat(badMatrix.status()).isEqualTo(400);
      assertThat(http.get("/matrix?q%5B%5D%5Bpacticipant%5D=a%25ZZ&q%5B%5D%5Bversion%5D=1").status()).isEqualTo(400);
      assertThat(http.get("/pacts/provider/Bar/consumer/Foo/pact-version/abc/verification-results/notanumber").status()).isEqualTo(404);
      assertThat(http.send("POST", "/pacts/provider/Nobody/for-verification", "{\"consumerVersionSelectors\": 3}").status()).isEqualTo(400);
      assertThat(http.send("POST", "/pacts/provider/Nobody/for-verification", "{\"consumerVersionSelectors\": [{\"unknown\": 1}]}").status()).isIn(400, 404);
      assertThat(http.send("PATCH", "/deployed-versions/nope", "{\"currentlyDeployed\":true}").status()).isEqualTo(400);
      assertThat(http.send("PUT", "/pacticipants/Bar/versions/1/graphql-schema", "type Query {", "application/graphql").status()).isEqualTo(400);
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void namesAreStoredAndServedLiterally(Engine engine) {
    try (RunningBroker broker = PactBroker.start(BrokerConfig.local(0, engine.newDatabase()))) {
      Http http = Http.of(broker);
      List<String> names = List.of("team/bot", "..", "%2e%2e", "bøt ✓ 日本", "x'); DROP TABLE pacticipants;--",
          "a+b", "back\\slash");
      for (String consumer : names) {
        String path = "/pacts/provider/" + Http.encode("prov/ider") + "/consumer/" + Http.encode(consumer) + "/version/" + Http.encode("1.0/rc");
        Http.Response put = http.send("PUT", path, Http.pact(consumer, "prov/ider", "uses " + consumer));
        assertThat(put.status()).as("PUT %s: %s", consumer, put.body()).isEqualTo(201);
        Http.Response got = http.get(path);
        assertThat(got.status()).as("GET %s: %s", consumer, got.body()).isEqualTo(200);
        assertThat(got.json().path("consumer").path("name").asText()).isEqualTo(consumer);
        Http.Response pacticipant = http.get("/pacticipants/" + Http.encode(consumer));
        assertThat(pacticipant.json().path("name").asText()).isEqualTo(consumer);
        assertThat(pacticipant.json().path("_links").path("self").path("href").asText())
            .endsWith("/pacticipants/" + Http.encode(consumer));
      }
      List<String> listed = new ArrayList<>();
      http.get("/pacticipants").json().path("pacticipants").forEach(p -> listed.add(p.path("name").asText()));
      assertThat(listed).containsAll(names).contains("prov/ider");
      assertThat(http.get("/pacticipants/" + Http.encode("x'); DROP TABLE pacticipants;--")).status()).isEqualTo(200);
    }
  }
}

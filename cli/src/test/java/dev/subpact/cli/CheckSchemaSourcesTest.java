package dev.subpact.cli;

import static dev.subpact.cli.CheckFixtures.PACTS;
import static dev.subpact.cli.CheckFixtures.run;
import static dev.subpact.cli.CheckFixtures.schema;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import dev.subpact.graphql.schema.SchemaLoader;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.introspection.IntrospectionQuery;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The schema as an introspection-result JSON file and as a URL introspected over HTTP (a real
 * local server on 127.0.0.1 serving the introspection result) give the same verdicts as the SDL,
 * the deprecation warnings of {@code aliased}'s deprecated arguments included.
 */
class CheckSchemaSourcesTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @BeforeAll
  static void fixtures() throws IOException {
    CheckFixtures.materialise();
  }

  /** The introspection result of {@code name}, as a backend answers the introspection query. */
  private static String introspection(String name) throws IOException {
    return introspection(name, IntrospectionQuery.INTROSPECTION_QUERY);
  }

  private static String introspection(String name, String query) throws IOException {
    GraphQL graphql = GraphQL.newGraphQL(SchemaLoader.load(schema(name).toString()).graphql()).build();
    ExecutionResult result = graphql.execute(query);
    assertThat(result.getErrors()).isEmpty();
    return JSON.writeValueAsString(result.toSpecification());
  }

  /** The JSON report without the {@code schema} origin, which names the source by design. */
  private static JsonNode verdicts(CheckFixtures.Run run) throws IOException {
    ObjectNode report = (ObjectNode) JSON.readTree(run.out());
    report.remove("schema");
    return report;
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"renamed", "before-rename", "aliased"})
  void anIntrospectionFileGivesTheSameVerdictsAsTheSdl(String name) throws IOException {
    Path file = CheckFixtures.ROOT.resolve(name + ".introspection.json");
    Files.writeString(file, introspection(name), StandardCharsets.UTF_8);

    CheckFixtures.Run fromSdl = run("check", "--schema", schema(name).toString(), "--pacts", PACTS.toString(), "--format", "json");
    CheckFixtures.Run fromJson = run("check", "--schema", file.toString(), "--pacts", PACTS.toString(), "--format", "json");

    assertThat(fromJson.exit()).isEqualTo(fromSdl.exit()).isEqualTo(name.equals("renamed") ? 1 : 0);
    assertThat(verdicts(fromJson)).isEqualTo(verdicts(fromSdl));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"renamed", "before-rename", "aliased"})
  void aUrlIsIntrospectedOverHttp(String name) throws IOException {
    byte[] body = introspection(name).getBytes(StandardCharsets.UTF_8);
    List<String> requests = new ArrayList<>();
    HttpServer server = graphqlEndpoint(requests, request -> new Answer(200, body));
    try {
      String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/v1/graphql";
      CheckFixtures.Run fromUrl = run("check", "--schema", url, "--pacts", PACTS.toString(), "--format", "json");
      CheckFixtures.Run fromSdl = run("check", "--schema", schema(name).toString(), "--pacts", PACTS.toString(), "--format", "json");

      assertThat(fromUrl.err()).isEmpty();
      assertThat(fromUrl.exit()).isEqualTo(name.equals("renamed") ? 1 : 0);
      assertThat(verdicts(fromUrl)).isEqualTo(verdicts(fromSdl));
      assertThat(JSON.readTree(fromUrl.out()).get("schema").asText()).isEqualTo(url);
      assertThat(requests).hasSize(1).allSatisfy(r -> assertThat(r).startsWith("POST ").contains("__schema").contains("includeDeprecated"));
    } finally {
      server.stop(0);
    }
  }

  @Test
  void aBaselineAsIntrospectionFileOrUrlFindsWhatTheSdlBaselineFinds() throws IOException {
    Path changed = CheckFixtures.SCHEMAS.resolve("before-rename-nullable-id.graphql");
    Files.writeString(changed, Files.readString(schema("before-rename"), StandardCharsets.UTF_8)
        .replace("  emessage_id: String!\n", "  emessage_id: String\n"), StandardCharsets.UTF_8);
    Path file = CheckFixtures.ROOT.resolve("before-rename.introspection.json");
    Files.writeString(file, introspection("before-rename"), StandardCharsets.UTF_8);
    byte[] body = introspection("before-rename").getBytes(StandardCharsets.UTF_8);
    HttpServer server = graphqlEndpoint(new ArrayList<>(), request -> new Answer(200, body));
    try {
      String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/v1/graphql";
      for (String baseline : List.of(schema("before-rename").toString(), file.toString(), url)) {
        CheckFixtures.Run run = run("check", "--schema", changed.toString(), "--baseline", baseline, "--pacts", PACTS.toString(),
            "--format", "json");

        assertThat(run.exit()).as(baseline + "\n" + run.err()).isEqualTo(1);
        JsonNode report = JSON.readTree(run.out());
        assertThat(report.at("/summary/broken").asInt()).as(baseline).isEqualTo(10);
        for (JsonNode result : report.get("results")) {
          if (result.get("operationName").asText().equals("KarenThreads")) {
            assertThat(result.get("errors")).as(baseline).singleElement().satisfies(e -> {
              assertThat(e.get("kind").asText()).isEqualTo("NULLABILITY");
              assertThat(e.get("coordinate").asText()).isEqualTo("FExternalMessageOutput.emessage_id");
              assertThat(e.get("message").asText()).endsWith("(baseline: " + baseline + ").");
            });
          } else {
            assertThat(result.get("errors")).as(baseline).isEmpty();
          }
        }
      }
    } finally {
      server.stop(0);
    }
  }

  @Test
  void aServerThatRefusesDeprecatedArgumentsIsAskedWithoutThem() throws IOException {
    byte[] refusal = "{\"errors\":[{\"message\":\"Unknown argument 'includeDeprecated' on field '__Field.args'.\"}]}"
        .getBytes(StandardCharsets.UTF_8);
    byte[] classic = introspection("renamed", SchemaLoader.WITHOUT_INPUT_VALUE_DEPRECATIONS).getBytes(StandardCharsets.UTF_8);
    List<String> requests = new ArrayList<>();
    HttpServer server = graphqlEndpoint(requests, request -> request.contains("args(includeDeprecated")
        ? new Answer(400, refusal) : new Answer(200, classic));
    try {
      String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/v1/graphql";
      CheckFixtures.Run fromUrl = run("check", "--schema", url, "--pacts", PACTS.toString(), "--format", "json");
      CheckFixtures.Run fromSdl = run("check", "--schema", schema("renamed").toString(), "--pacts", PACTS.toString(), "--format", "json");

      assertThat(fromUrl.exit()).as(fromUrl.err()).isEqualTo(1);
      assertThat(verdicts(fromUrl)).isEqualTo(verdicts(fromSdl));
      assertThat(requests).hasSize(2);
    } finally {
      server.stop(0);
    }
  }

  @Test
  void aUrlIsIntrospectedWithTheGivenHeadersOverHttp11AndTheValueIsNeverPrinted() throws IOException {
    byte[] body = introspection("aliased").getBytes(StandardCharsets.UTF_8);
    byte[] refused = "{\"errors\":[{\"message\":\"unauthorized\"}]}".getBytes(StandardCharsets.UTF_8);
    List<String> requests = new ArrayList<>();
    HttpServer server = graphqlEndpoint(requests, request -> request.contains("[Authorization=Bearer s3cret,")
        ? new Answer(200, body) : new Answer(401, refused));
    try {
      String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/v1/graphql";
      CheckFixtures.Run with = run("check", "--schema", url, "--header", "Authorization=Bearer s3cret", "--pacts", PACTS.toString());
      assertThat(with.exit()).as(with.err()).isEqualTo(0);
      assertThat(with.out() + with.err()).doesNotContain("s3cret");
      assertThat(requests).hasSize(1).allSatisfy(r -> assertThat(r).endsWith("Upgrade=null]"));

      CheckFixtures.Run without = run("check", "--schema", url, "--pacts", PACTS.toString());
      assertThat(without.exit()).isEqualTo(2);
      assertThat(without.err()).contains("HTTP 401");
    } finally {
      server.stop(0);
    }
  }

  private record Answer(int status, byte[] body) {}

  /** A GraphQL endpoint on 127.0.0.1 answering each POST body with {@code answer}; the requests are recorded. */
  private static HttpServer graphqlEndpoint(List<String> requests, Function<String, Answer> answer) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/v1/graphql", exchange -> {
      String request = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)
          + " [Authorization=" + exchange.getRequestHeaders().getFirst("Authorization")
          + ", Upgrade=" + exchange.getRequestHeaders().getFirst("Upgrade") + "]";
      synchronized (requests) {
        requests.add(exchange.getRequestMethod() + " " + request);
      }
      Answer a = answer.apply(request);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(a.status(), a.body().length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(a.body());
      }
    });
    server.start();
    return server;
  }
}

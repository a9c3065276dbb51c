package dev.subpact.broker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.subpact.broker.json.Json;
import dev.subpact.graphql.check.StaticChecker;
import dev.subpact.graphql.operation.DocumentSyntaxException;
import dev.subpact.graphql.operation.GraphqlDocument;
import dev.subpact.graphql.operation.Operation;
import dev.subpact.graphql.pact.GraphqlPacts;
import dev.subpact.graphql.pact.PactFormatException;
import dev.subpact.graphql.schema.Schema;
import dev.subpact.graphql.schema.SchemaLoadException;
import dev.subpact.graphql.schema.SchemaLoader;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * The hostile-input campaign of issue 14, kept as property-based fuzzing (jqwik): random and mutated
 * bodies, content types and names against every write route of a running broker (never a 500,
 * always an answer within 10 s), and mutated pacts, GraphQL documents and schemas through subpact's
 * parsers (never an exception but the documented input exceptions). Prints its figures when done.
 */
class CampaignTest {

  private static final Duration ANSWER_WITHIN = Duration.ofSeconds(10);
  private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(ANSWER_WITHIN).build();
  private static final AtomicInteger REQUESTS = new AtomicInteger();
  private static final AtomicInteger PARSES = new AtomicInteger();
  private static final AtomicInteger FAILURES = new AtomicInteger();
  private static final AtomicLong SLOWEST_MILLIS = new AtomicLong();
  private static final AtomicLong MAX_HEAP = new AtomicLong();
  private static final String PACT = GraphqlAwarenessTest.resource("adspy-flexus-backend.json");
  private static final String SDL = GraphqlAwarenessTest.resource("aliased.graphql");
  private static final String DOCUMENT = GraphqlPacts.parse(PACT, "adspy").interactions().get(1).operation().document().text();
  private static Schema schema;
  private static RunningBroker broker;
  private static long started;

  @BeforeContainer
  static void start() {
    started = System.nanoTime();
    broker = PactBroker.start(BrokerConfig.local(0, Engine.SQLITE.newDatabase()).withMaxBodyBytes(256 * 1024)
        .withAuth("ci:secret", "viewer:view", null, false)
        .withWebhooks(List.of("ci.example"), List.of("https"), 1, Duration.ofMillis(1)));
    schema = SchemaLoader.fromSdl(SDL, "aliased");
  }

  @AfterContainer
  static void stop() {
    broker.close();
    System.out.printf("campaign: %d requests to write routes, %d parser inputs, %d failures, slowest answer %d ms,"
            + " max heap used %d MiB, %.1f s%n", REQUESTS.get(), PARSES.get(), FAILURES.get(), SLOWEST_MILLIS.get(),
        MAX_HEAP.get() / (1024 * 1024), (System.nanoTime() - started) / 1e9);
  }

  private static void sampleHeap() {
    Runtime runtime = Runtime.getRuntime();
    MAX_HEAP.accumulateAndGet(runtime.totalMemory() - runtime.freeMemory(), Math::max);
  }

  // ------------------------------------------------------------------ inputs

  /** A JSON text of bounded depth with keys the broker reads and values of every kind, some hostile. */
  private static Arbitrary<String> json(int depth) {
    Arbitrary<String> text = Arbitraries.strings().all().ofMaxLength(12)
        .map(s -> Json.write(Json.MAPPER.getNodeFactory().textNode(s)));
    Arbitrary<String> leaf = Arbitraries.oneOf(text,
        Arbitraries.of("true", "false", "null", "0", "-1", "1e999", "\"\\ud800\"", "\"a\\u0000b\"", "\"${pactbroker.pactUrl}\"",
            "\"https://ci.example/hook?token=x\"", "\"http://127.0.0.1:1/\"", "9".repeat(1_100)),
        Arbitraries.longs().map(String::valueOf), Arbitraries.doubles().map(String::valueOf));
    if (depth == 0) {
      return leaf;
    }
    Arbitrary<String> key = Arbitraries.oneOf(Arbitraries.of("name", "pacticipantName", "pacticipantVersionNumber",
            "contracts", "consumerName", "providerName", "specification", "contentType", "content", "events", "request",
            "method", "url", "headers", "body", "success", "providerApplicationVersion", "branch", "tags", "buildUrl",
            "consumerVersionSelectors", "sdl", "onConflict", "currentlyDeployed", "displayName", "production"),
        Arbitraries.strings().all().ofMaxLength(6));
    Arbitrary<String> member = Combinators.combine(key, json(depth - 1))
        .as((k, v) -> Json.write(Json.MAPPER.getNodeFactory().textNode(k)) + ":" + v);
    Arbitrary<String> object = member.list().ofMaxSize(5).map(m -> "{" + String.join(",", m) + "}");
    Arbitrary<String> array = json(depth - 1).list().ofMaxSize(4).map(l -> "[" + String.join(",", l) + "]");
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(3, leaf), net.jqwik.api.Tuple.of(3, object), net.jqwik.api.Tuple.of(1, array));
  }

  /** A valid text with random edits: characters inserted, deleted or replaced at random places. */
  private static Arbitrary<String> mutated(String valid) {
    Arbitrary<int[]> edit = Combinators.combine(Arbitraries.integers().between(0, 2),
        Arbitraries.integers().between(0, valid.length()), Arbitraries.integers().between(0, 0xFFFF))
        .as((kind, at, c) -> new int[] {kind, at, c});
    return edit.list().ofMinSize(1).ofMaxSize(6).map(edits -> {
      StringBuilder text = new StringBuilder(valid);
      for (int[] e : edits) {
        int at = Math.min(e[1], text.length());
        switch (e[0]) {
          case 0 -> text.insert(at, (char) e[2]);
          case 1 -> text.insert(at, "{[(\"\\".charAt(e[2] % 5));
          default -> {
            if (at < text.length()) {
              text.deleteCharAt(at);
            }
          }
        }
      }
      return text.toString();
    });
  }

  /** What a write route receives: route, body, content type and a name put into the path. */
  record Write(String method, String path, String body, String contentType) {}

  @Provide
  Arbitrary<Write> writes() {
    List<String[]> routes = SecurityAndBadInputTest.WRITES;
    Arbitrary<String[]> route = Arbitraries.of(routes);
    Arbitrary<String> body = Arbitraries.oneOf(json(3), json(3), Arbitraries.strings().all().ofMaxLength(40),
        Arbitraries.of("", "{", "[]", "{}", "[".repeat(1_001) + "]".repeat(1_001), "{\"a\":" + "[".repeat(2_000)),
        Arbitraries.integers().between(0, 4).map(i -> "{\"name\":\"" + "x".repeat(64 << (i * 3)) + "\"}"));
    Arbitrary<String> type = Arbitraries.of("application/json", "application/hal+json", "application/json; charset=latin1",
        "text/plain", "application/graphql", "application/x-www-form-urlencoded", "", "application/merge-patch+json");
    Arbitrary<String> name = Arbitraries.oneOf(Arbitraries.of("Foo", "%00", "%0A", "%ED%A0%80", "..", "%2F", "a%20b"),
        Arbitraries.strings().all().ofMaxLength(8).map(Http::encode));
    return Combinators.combine(route, body, type, name, Arbitraries.integers().between(0, 3)).as((r, b, t, n, k) -> {
      String path = r[1].replace("Foo", n);
      String chosen = switch (k) {
        case 0 -> r[2];             // the route's own valid body, with a hostile name or content type
        case 1 -> b;
        default -> r[2] == null ? b : mutate(r[2], b.hashCode());
      };
      return new Write(r[0], path, chosen, t);
    });
  }

  private static String mutate(String valid, int seed) {
    java.util.Random random = new java.util.Random(seed);
    StringBuilder text = new StringBuilder(valid);
    for (int i = 0; i < 1 + random.nextInt(4); i++) {
      int at = random.nextInt(text.length() + 1);
      if (random.nextBoolean() && at < text.length()) {
        text.deleteCharAt(at);
      } else {
        text.insert(at, (char) random.nextInt(0x80));
      }
    }
    return text.toString();
  }

  // ------------------------------------------------------------------ properties

  @Property(tries = 500)
  void everyWriteRouteAnswersWithoutAServerErrorInTime(@ForAll("writes") Write write) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(broker.url() + write.path()))
        .timeout(ANSWER_WITHIN)
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("ci:secret".getBytes()))
        .method(write.method(), write.body() == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(write.body()));
    if (!write.contentType().isEmpty()) {
      request.header("Content-Type", write.contentType());
    }
    long start = System.nanoTime();
    HttpResponse<String> response;
    try {
      response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IllegalArgumentException e) {
      return; // a URI Java's client will not send: nothing reached the broker
    } catch (HttpTimeoutException e) {
      FAILURES.incrementAndGet();
      throw new AssertionError(write + " got no answer within " + ANSWER_WITHIN, e);
    } catch (IOException e) {
      // the broker may refuse a too-large body and close before it is all sent: that is an answer
      REQUESTS.incrementAndGet();
      return;
    }
    REQUESTS.incrementAndGet();
    SLOWEST_MILLIS.accumulateAndGet((System.nanoTime() - start) / 1_000_000, Math::max);
    sampleHeap();
    if (response.statusCode() >= 500) {
      FAILURES.incrementAndGet();
    }
    assertThat(response.statusCode()).as(write + " -> " + response.body()).isLessThan(500);
  }

  @Property(tries = 1000)
  void pactsAreReadOrRefusedWithAPactFormatException(@ForAll("pacts") String text) {
    PARSES.incrementAndGet();
    try {
      GraphqlPacts.parse(text, "fuzzed pact");
    } catch (PactFormatException expected) {
      assertThat(expected.getMessage()).contains("fuzzed pact");
    } catch (RuntimeException | Error e) {
      FAILURES.incrementAndGet();
      throw new AssertionError("reading a pact threw " + e + " instead of a PactFormatException", e);
    }
  }

  @Provide
  Arbitrary<String> pacts() {
    return Arbitraries.oneOf(mutated(PACT), mutated(PACT), json(4));
  }

  @Property(tries = 1200)
  void documentsAreParsedAndCheckedOrRefusedWithADocumentSyntaxException(@ForAll("documents") String text) {
    PARSES.incrementAndGet();
    GraphqlDocument document;
    try {
      document = GraphqlDocument.parse(text);
    } catch (DocumentSyntaxException expected) {
      return;
    } catch (RuntimeException | Error e) {
      FAILURES.incrementAndGet();
      throw new AssertionError("parsing a document threw " + e + " instead of a DocumentSyntaxException", e);
    }
    try {
      document.canonical();
      StaticChecker.of(schema).check(new Operation(document, null, Map.of()));
    } catch (RuntimeException | Error e) {
      FAILURES.incrementAndGet();
      throw new AssertionError("checking a parsed document threw " + e, e);
    }
  }

  @Provide
  Arbitrary<String> documents() {
    Arbitrary<String> tokens = Arbitraries.of("{", "}", "(", ")", "[", "]", "subscription", "query", "fragment", "on",
        "...", "$x", ":", "!", "=", "@deprecated", "\"s\"", "\"\"\"b\"\"\"", "1", "1.5", "bot_threads_calls_tasks",
        "FExternalMessageOutput", "emsg_id", "#c\n", ",", "String", "Int").list().ofMaxSize(40)
        .map(l -> String.join(" ", l));
    return Arbitraries.oneOf(mutated(DOCUMENT), mutated(DOCUMENT), tokens);
  }

  @Property(tries = 200)
  void schemasAreLoadedOrRefusedWithASchemaLoadException(@ForAll("schemas") String sdl) {
    PARSES.incrementAndGet();
    try {
      SchemaLoader.fromSdl(sdl, "fuzzed.graphql");
    } catch (SchemaLoadException expected) {
      assertThat(expected.getMessage()).contains("fuzzed.graphql");
    } catch (RuntimeException | Error e) {
      FAILURES.incrementAndGet();
      throw new AssertionError("loading a schema threw " + e + " instead of a SchemaLoadException", e);
    }
  }

  @Provide
  Arbitrary<String> schemas() {
    return mutated(SDL);
  }
}

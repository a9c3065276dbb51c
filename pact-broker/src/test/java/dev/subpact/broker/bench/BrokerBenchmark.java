package dev.subpact.broker.bench;

import dev.subpact.broker.BrokerConfig;
import dev.subpact.broker.Fixtures;
import dev.subpact.broker.PactBroker;
import dev.subpact.broker.RoundRobinProxy;
import dev.subpact.broker.RunningBroker;
import dev.subpact.broker.contract.PactContent;
import dev.subpact.broker.json.Json;
import dev.subpact.broker.model.Environment;
import dev.subpact.broker.model.Timestamps;
import dev.subpact.broker.model.Verification;
import dev.subpact.broker.model.Version;
import dev.subpact.broker.storage.BulkInsert;
import dev.subpact.broker.storage.Repositories;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * Latency of {@code /can-i-deploy}, {@code for-verification} and the dashboard on each storage
 * engine, through one broker and (PostgreSQL) through three replicas on the same database taking
 * requests in turn, then a mixed load (reads and publishes) at 1, 2, 4 and 8 clients through a round-robin
 * proxy in front of the replicas ({@link RoundRobinProxy}). The data
 * set: {@code bench.consumers} consumers × {@code bench.versions} versions, {@code bench.providerVersions}
 * provider versions with {@code bench.verifications} verifications each, three versions of every
 * consumer deployed in production (and two in staging), loaded in bulk through the storage layer.
 * Prints p50/p99 per endpoint, each mixed load step's requests/s, and the most requests/s a step
 * served with p99 under 100 ms.
 *
 * How to run it, with the module siblings' classes from the reactor, is in pact-broker/README.md.
 */
public final class BrokerBenchmark {

  static final int CONSUMERS = Integer.getInteger("bench.consumers", 100);
  static final int VERSIONS_PER_CONSUMER = Integer.getInteger("bench.versions", 100);
  static final int PROVIDER_VERSIONS = Integer.getInteger("bench.providerVersions", 1000);
  static final int VERIFICATIONS_PER_PROVIDER_VERSION = Integer.getInteger("bench.verifications", 30);
  static final List<String> ENGINES = List.of(System.getProperty("bench.engines", "sqlite,postgresql").split(","));
  static final int WARMUP = 50;
  static final int SAMPLES = 300;
  /** The mixed load's steps: clients sending requests back to back. */
  static final List<Integer> MIXED_CLIENTS = List.of(1, 2, 4, 8);
  static final double MIXED_P99_TARGET_MS = 100;
  static final int MIXED_SECONDS = Integer.getInteger("bench.mixedSeconds", 30);
  /** Load the data set, then serve it (one broker per engine) for requests by hand instead of measuring. */
  static final boolean SERVE = Boolean.getBoolean("bench.serve");

  private BrokerBenchmark() {}

  private static final String HEADER =
      "engine      through     endpoint                                                   p50 ms   p99 ms";

  public static void main(String[] args) throws Exception {
    List<String> lines = new ArrayList<>();
    try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
      postgres.getPostgresDatabase().getConnection().createStatement().execute("CREATE DATABASE bench");
      String[][] engines = {
          {"sqlite", "sqlite:" + Files.createTempDirectory("bench").resolve("broker.db")},
          {"postgresql", "postgresql://postgres@127.0.0.1:" + postgres.getPort() + "/bench"}};
      for (String[] engine : engines) {
        if (!ENGINES.contains(engine[0])) {
          continue;
        }
        try (RunningBroker broker = PactBroker.start(BrokerConfig.local(0, engine[1]))) {
          long started = System.nanoTime();
          String providerVersion = load(broker);
          if (engine[0].equals("postgresql")) {
            Fixtures.database(broker).write(tx -> {
              tx.execute("ANALYZE"); // what autovacuum does on a live database; a fresh bulk load has no planner statistics
              return null;
            });
          }
          System.out.printf("%s: %d consumer versions, %d provider versions, %d verifications loaded in %.1fs%n",
              engine[0], CONSUMERS * VERSIONS_PER_CONSUMER, PROVIDER_VERSIONS,
              PROVIDER_VERSIONS * VERIFICATIONS_PER_PROVIDER_VERSION, (System.nanoTime() - started) / 1e9);
          if (SERVE) {
            System.out.println("serving the data set at " + broker.url() + " until standard input ends");
            System.in.transferTo(java.io.OutputStream.nullOutputStream());
            continue;
          }
          System.out.println(HEADER);
          List<String> one = List.of(broker.url());
          measureAll(lines, engine[0], "1 replica", one, providerVersion);
          if (engine[0].equals("postgresql")) {
            try (RunningBroker second = PactBroker.start(BrokerConfig.local(0, engine[1]));
                RunningBroker third = PactBroker.start(BrokerConfig.local(0, engine[1]))) {
              List<String> three = List.of(broker.url(), second.url(), third.url());
              measureAll(lines, engine[0], "3 replicas", three, providerVersion);
              try (RoundRobinProxy proxy = new RoundRobinProxy(List.of(broker.port(), second.port(), third.port()))) {
                sustained(lines, engine[0], "proxy", proxy.url());
              }
            }
          } else {
            sustained(lines, engine[0], "1 replica", broker.url());
          }
        }
      }
    }
    System.out.println();
    System.out.println(HEADER);
    lines.forEach(System.out::println);
  }

  private static void measureAll(List<String> lines, String engine, String through, List<String> replicas,
      String providerVersion) throws Exception {
    report(lines, measure(engine, through, "can-i-deploy (provider, production)", replicas,
        "GET", "/can-i-deploy?pacticipant=backend&version=" + providerVersion + "&environment=production", null));
    report(lines, measure(engine, through, "can-i-deploy (consumer, production)", replicas,
        "GET", "/can-i-deploy?pacticipant=bot-" + (CONSUMERS / 2) + "&version=bot-" + (CONSUMERS / 2) + "-v" + (VERSIONS_PER_CONSUMER - 1) + "&environment=production", null));
    report(lines, measure(engine, through, "for-verification (mainBranch + deployedOrReleased, pending)", replicas,
        "POST", "/pacts/provider/backend/for-verification", FOR_VERIFICATION));
    report(lines, measure(engine, through, "dashboard index (HTML)", replicas, "GET", "/dashboard", null));
    report(lines, measure(engine, through, "dashboard matrix page (HTML)", replicas,
        "GET", "/dashboard/matrix?pacticipant=bot-" + (CONSUMERS / 2) + "&version=bot-" + (CONSUMERS / 2) + "-v" + (VERSIONS_PER_CONSUMER - 1), null));
    String bot = "bot-" + (CONSUMERS / 2);
    lines.add(measure(engine, through, "dashboard pacticipant page (consumer, newest 50 versions)", replicas,
        "GET", "/dashboard/pacticipants/" + bot, null));
    lines.add(measure(engine, through, "dashboard pacticipant page (provider)", replicas, "GET", "/dashboard/pacticipants/backend", null));
    lines.add(measure(engine, through, "dashboard pact page", replicas,
        "GET", "/dashboard/pacts/provider/backend/consumer/" + bot + "/version/" + bot + "-v" + (VERSIONS_PER_CONSUMER - 1), null));
    lines.add(measure(engine, through, "dashboard can-i-deploy page (provider, production)", replicas,
        "GET", "/dashboard/can-i-deploy?pacticipant=backend&version=" + providerVersion + "&environment=production", null));
    lines.add(measure(engine, through, "dashboard GraphQL page (fields in use, timeline)", replicas, "GET", "/dashboard/graphql/backend", null));
    lines.add(measure(engine, through, "dashboard environment page (production)", replicas, "GET", "/dashboard/environments/production", null));
  }

  /** Prints a figure as soon as it is measured (a long run is never silent) and keeps it for the summary. */
  private static void report(List<String> lines, String line) {
    System.out.println(line);
    lines.add(line);
  }

  private static final String FOR_VERIFICATION = "{\"consumerVersionSelectors\":[{\"mainBranch\":true},{\"deployedOrReleased\":true}],"
      + "\"providerVersionBranch\":\"main\",\"includePendingStatus\":true}";

  /** One step of the mixed load: its figure line, p99 and requests per second. */
  private record Mixed(String line, double p99, double perSecond) {}

  /**
   * The mixed load at each of {@link #MIXED_CLIENTS}, then the most requests per second any step
   * served with p99 under {@value #MIXED_P99_TARGET_MS} ms.
   */
  private static void sustained(List<String> lines, String engine, String through, String base) throws Exception {
    Mixed best = null;
    for (int clients : MIXED_CLIENTS) {
      Mixed step = mixedLoad(engine, through, base, clients);
      report(lines, step.line());
      if (step.p99() < MIXED_P99_TARGET_MS && (best == null || step.perSecond() > best.perSecond())) {
        best = step;
      }
    }
    report(lines, String.format("%-11s %-11s %-58s %s", engine, through, "sustained mixed load at p99 < 100 ms",
        best == null ? "none of the steps kept p99 under 100 ms" : String.format("%.0f requests/s", best.perSecond())));
  }

  private static final java.util.concurrent.atomic.AtomicInteger MIXED_REQUESTS = new java.util.concurrent.atomic.AtomicInteger();

  /**
   * {@code clients} clients for {@code bench.mixedSeconds} against {@code base} (one broker, or the
   * round-robin proxy in front of the replicas): 2 of 5 can-i-deploy, 2 for-verification, 1 a
   * publish of a new consumer version.
   */
  private static Mixed mixedLoad(String engine, String through, String base, int clients) throws Exception {
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    java.util.concurrent.ConcurrentLinkedQueue<Double> millis = new java.util.concurrent.ConcurrentLinkedQueue<>();
    java.util.concurrent.atomic.AtomicInteger failed = new java.util.concurrent.atomic.AtomicInteger();
    long end = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(MIXED_SECONDS);
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < clients; t++) {
      Thread thread = new Thread(() -> {
        while (System.nanoTime() < end) {
          int n = MIXED_REQUESTS.getAndIncrement();
          HttpRequest request = switch (n % 5) {
            case 0, 1 -> HttpRequest.newBuilder(URI.create(base + "/can-i-deploy?pacticipant=bot-" + (n % CONSUMERS)
                + "&version=bot-" + (n % CONSUMERS) + "-v" + (VERSIONS_PER_CONSUMER - 1) + "&environment=production")).GET().build();
            case 2, 3 -> HttpRequest.newBuilder(URI.create(base + "/pacts/provider/backend/for-verification"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(FOR_VERIFICATION)).build();
            default -> HttpRequest.newBuilder(URI.create(base + "/pacts/provider/backend/consumer/bot-" + (n % CONSUMERS)
                    + "/version/mixed-" + n))
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(
                    "{\"consumer\":{\"name\":\"bot-" + (n % CONSUMERS) + "\"},\"provider\":{\"name\":\"backend\"},"
                        + "\"interactions\":[{\"description\":\"mixed " + n + "\",\"request\":{\"method\":\"POST\",\"path\":\"/graphql\"}}]}"))
                .build();
          };
          long start = System.nanoTime();
          try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300) {
              failed.incrementAndGet();
            }
          } catch (Exception e) {
            failed.incrementAndGet();
          }
          millis.add((System.nanoTime() - start) / 1e6);
        }
      });
      thread.start();
      threads.add(thread);
    }
    for (Thread thread : threads) {
      thread.join();
    }
    double[] sorted = millis.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    double p99 = sorted[(int) Math.ceil(sorted.length * 0.99) - 1];
    double perSecond = sorted.length / (double) MIXED_SECONDS;
    return new Mixed(String.format("%-11s %-11s %-58s %7.1f  %7.1f   (%d requests, %.0f/s, %d failed)", engine, through,
        "mixed load, " + clients + " client" + (clients == 1 ? "" : "s"), sorted[sorted.length / 2], p99, sorted.length,
        perSecond, failed.get()), p99, perSecond);
  }

  /**
   * Loads the data set through the storage layer's bulk path ({@link BulkInsert}) in one
   * transaction, printing each table as it lands; returns the newest provider version.
   */
  static String load(RunningBroker broker) {
    Repositories storage = Repositories.create();
    long started = System.nanoTime();
    int consumerVersions = CONSUMERS * VERSIONS_PER_CONSUMER;
    int contents = CONSUMERS * ((VERSIONS_PER_CONSUMER + 4) / 5);
    return Fixtures.database(broker).write(tx -> {
      Environment production = storage.environments().createEnvironment(tx, "00000000-0000-4000-8000-000000000001", "production", null, true, null);
      Environment staging = storage.environments().createEnvironment(tx, "00000000-0000-4000-8000-000000000002", "staging", null, false, null);
      long providerId = storage.pacticipants().updatePacticipant(tx, "backend", null, null, "main").id();
      long[] consumerIds = new long[CONSUMERS];
      for (int c = 0; c < CONSUMERS; c++) {
        consumerIds[c] = storage.pacticipants().updatePacticipant(tx, "bot-" + c, null, null, "main").id();
      }
      String now = Timestamps.now();
      progress(started, "versions", BulkInsert.into(tx, "versions", List.of("pacticipant_id", "number", "created_at"),
          IntStream.range(0, consumerVersions + PROVIDER_VERSIONS).mapToObj(i -> i < consumerVersions
              ? new Object[] {consumerIds[i / VERSIONS_PER_CONSUMER], consumerVersion(i), now}
              : new Object[] {providerId, "api-" + (i - consumerVersions), now}).iterator()));
      Map<String, Long> ids = new HashMap<>();
      for (Object[] row : tx.list("SELECT number, id FROM versions", row -> new Object[] {row.getString(1), row.getLong(2)})) {
        ids.put((String) row[0], (Long) row[1]);
      }
      progress(started, "branch_versions", BulkInsert.into(tx, "branch_versions",
          List.of("pacticipant_id", "branch", "version_id", "created_at"),
          IntStream.range(0, consumerVersions + PROVIDER_VERSIONS).mapToObj(i -> i < consumerVersions
              ? new Object[] {consumerIds[i / VERSIONS_PER_CONSUMER],
                  i % VERSIONS_PER_CONSUMER % 10 == 9 ? "feature-" + i % VERSIONS_PER_CONSUMER : "main", ids.get(consumerVersion(i)), now}
              : new Object[] {providerId, "main", ids.get("api-" + (i - consumerVersions)), now}).iterator()));
      String[] shas = new String[contents];
      progress(started, "pact_contents", BulkInsert.into(tx, "pact_contents", List.of("sha", "content", "created_at"),
          IntStream.range(0, contents).mapToObj(i -> {
            int consumer = i / ((VERSIONS_PER_CONSUMER + 4) / 5);
            var pact = Json.object();
            pact.putObject("consumer").put("name", "bot-" + consumer);
            pact.putObject("provider").put("name", "backend");
            pact.putArray("interactions").addObject().put("description", "threads v" + i % ((VERSIONS_PER_CONSUMER + 4) / 5))
                .putObject("request").put("method", "POST").put("path", "/graphql");
            PactContent content = PactContent.of(pact, "bot-" + consumer, "backend");
            shas[i] = content.sha();
            return new Object[] {content.sha(), content.canonical(), now};
          }).iterator()));
      progress(started, "pact_publications", BulkInsert.into(tx, "pact_publications",
          List.of("consumer_version_id", "provider_id", "consumer_id", "pact_sha", "created_at"),
          IntStream.range(0, consumerVersions).mapToObj(i -> new Object[] {ids.get(consumerVersion(i)), providerId,
              consumerIds[i / VERSIONS_PER_CONSUMER], shas[sha(i)], now}).iterator()));
      Random random = new Random(42);
      progress(started, "verifications", BulkInsert.into(tx, "verifications",
          List.of("pact_sha", "provider_version_id", "success", "kind", "created_at"),
          IntStream.range(0, PROVIDER_VERSIONS * VERIFICATIONS_PER_PROVIDER_VERSION).mapToObj(i -> new Object[] {
              shas[sha(random.nextInt(consumerVersions))], ids.get("api-" + i / VERIFICATIONS_PER_PROVIDER_VERSION),
              random.nextInt(10) > 0 ? 1 : 0, Verification.LIVE, now}).iterator()));
      String newest = "api-" + (PROVIDER_VERSIONS - 1);
      Version provider = storage.pacticipants().version(tx, "backend", newest).orElseThrow();
      storage.environments().recordDeployment(tx, provider, production, null);
      for (int c = 0; c < CONSUMERS; c++) {
        for (int v = VERSIONS_PER_CONSUMER - 3; v < VERSIONS_PER_CONSUMER; v++) {
          Version version = storage.pacticipants().version(tx, "bot-" + c, "bot-" + c + "-v" + v).orElseThrow();
          storage.environments().recordDeployment(tx, version, production, "instance-" + v);
          if (v >= VERSIONS_PER_CONSUMER - 2) {
            storage.environments().recordDeployment(tx, version, staging, "instance-" + v);
          }
          storage.verifications().addVerification(tx, shas[sha(c * VERSIONS_PER_CONSUMER + v)], provider, true, Verification.LIVE, null, null);
        }
      }
      progress(started, "deployments", CONSUMERS * 5L + 1);
      return newest;
    });
  }

  private static String consumerVersion(int index) {
    int consumer = index / VERSIONS_PER_CONSUMER;
    return "bot-" + consumer + "-v" + index % VERSIONS_PER_CONSUMER;
  }

  /** The pact content of a consumer version: five versions in a row share one. */
  private static int sha(int consumerVersion) {
    return consumerVersion / VERSIONS_PER_CONSUMER * ((VERSIONS_PER_CONSUMER + 4) / 5) + consumerVersion % VERSIONS_PER_CONSUMER / 5;
  }

  private static void progress(long started, String table, long rows) {
    System.out.printf("  loaded %,d rows into %s (%.1fs)%n", rows, table, (System.nanoTime() - started) / 1e9);
  }

  static String measure(String engine, String through, String name, List<String> replicas, String method, String path,
      String body) throws Exception {
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    double[] millis = new double[SAMPLES];
    String check = "";
    for (int i = 0; i < WARMUP + SAMPLES; i++) {
      HttpRequest request = HttpRequest.newBuilder(URI.create(replicas.get(i % replicas.size()) + path))
          .header("Content-Type", "application/json")
          .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
          .build();
      long start = System.nanoTime();
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      long elapsed = System.nanoTime() - start;
      if (response.statusCode() != 200) {
        throw new IllegalStateException(name + " answered " + response.statusCode() + ": " + response.body());
      }
      if (i >= WARMUP) {
        millis[i - WARMUP] = elapsed / 1e6;
      }
      check = response.body();
    }
    Arrays.sort(millis);
    String summary = check.startsWith("<") ? check.length() / 1024 + " KiB of HTML"
        : check.contains("\"deployable\"")
        ? "deployable=" + Json.parse(check).path("summary").path("deployable") + ", rows=" + Json.parse(check).path("matrix").size()
        : "pacts=" + Json.parse(check).path("_embedded").path("pacts").size();
    return String.format("%-11s %-11s %-58s %7.1f  %7.1f   (%s)", engine, through, name, millis[SAMPLES / 2],
        millis[(int) Math.ceil(SAMPLES * 0.99) - 1], summary);
  }
}

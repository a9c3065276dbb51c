package dev.subpact.broker.bench;

import dev.subpact.broker.BrokerConfig;
import dev.subpact.broker.PactBroker;
import dev.subpact.broker.RunningBroker;
import dev.subpact.broker.api.Json;
import dev.subpact.broker.contract.PactContent;
import dev.subpact.broker.storage.BrokerRepository;
import dev.subpact.broker.storage.Environment;
import dev.subpact.broker.storage.Pacticipant;
import dev.subpact.broker.storage.Publication;
import dev.subpact.broker.storage.Verification;
import dev.subpact.broker.storage.Version;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Latency of {@code /can-i-deploy} and {@code for-verification} on each storage engine, with 100
 * consumers (10,000 consumer versions in all), 1,000 provider versions, ~30,000 verifications and
 * three versions of every consumer deployed in production (and two in staging). Prints p50/p99.
 *
 * <pre>./mvnw -q -pl pact-broker test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=dev.subpact.broker.bench.BrokerBenchmark</pre>
 */
public final class BrokerBenchmark {

  static final int CONSUMERS = 100;
  static final int VERSIONS_PER_CONSUMER = 100;
  static final int PROVIDER_VERSIONS = 1000;
  static final int VERIFICATIONS_PER_PROVIDER_VERSION = 30;
  static final int WARMUP = 50;
  static final int SAMPLES = 300;

  private BrokerBenchmark() {}

  public static void main(String[] args) throws Exception {
    List<String> lines = new ArrayList<>();
    try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
      postgres.getPostgresDatabase().getConnection().createStatement().execute("CREATE DATABASE bench");
      String[][] engines = {
          {"sqlite", "sqlite:" + Files.createTempDirectory("bench").resolve("broker.db")},
          {"postgresql", "postgresql://postgres@127.0.0.1:" + postgres.getPort() + "/bench"}};
      for (String[] engine : engines) {
        try (RunningBroker broker = PactBroker.start(BrokerConfig.local(0, engine[1]))) {
          long started = System.nanoTime();
          String providerVersion = load(broker);
          if (engine[0].equals("postgresql")) {
            broker.database().write(tx -> {
              tx.execute("ANALYZE"); // what autovacuum does on a live database; a fresh bulk load has no planner statistics
              return null;
            });
          }
          System.out.printf("%s: loaded in %.1fs%n", engine[0], (System.nanoTime() - started) / 1e9);
          lines.add(measure(engine[0], "can-i-deploy (provider, production)", broker,
              "GET", "/can-i-deploy?pacticipant=backend&version=" + providerVersion + "&environment=production", null));
          lines.add(measure(engine[0], "can-i-deploy (consumer, production)", broker,
              "GET", "/can-i-deploy?pacticipant=bot-42&version=bot-42-v99&environment=production", null));
          lines.add(measure(engine[0], "for-verification (mainBranch + deployedOrReleased, pending)", broker,
              "POST", "/pacts/provider/backend/for-verification",
              "{\"consumerVersionSelectors\":[{\"mainBranch\":true},{\"deployedOrReleased\":true}],"
                  + "\"providerVersionBranch\":\"main\",\"includePendingStatus\":true}"));
        }
      }
    }
    System.out.println();
    System.out.println("engine      endpoint                                                   p50 ms   p99 ms");
    lines.forEach(System.out::println);
  }

  /** Loads the data set straight into the database; returns the newest provider version. */
  static String load(RunningBroker broker) {
    BrokerRepository repository = new BrokerRepository();
    Random random = new Random(42);
    List<Publication> pacts = new ArrayList<>();
    broker.database().write(tx -> {
      Environment production = repository.createEnvironment(tx, "00000000-0000-4000-8000-000000000001", "production", null, true, null);
      Environment staging = repository.createEnvironment(tx, "00000000-0000-4000-8000-000000000002", "staging", null, false, null);
      Pacticipant provider = repository.updatePacticipant(tx, "backend", null, null, "main");
      for (int c = 0; c < CONSUMERS; c++) {
        String consumer = "bot-" + c;
        repository.updatePacticipant(tx, consumer, null, null, "main");
        for (int v = 0; v < VERSIONS_PER_CONSUMER; v++) {
          Version version = repository.ensureVersion(tx, consumer, consumer + "-v" + v, null);
          repository.addToBranch(tx, version, v % 10 == 9 ? "feature-" + v : "main");
          var pact = Json.object();
          pact.putObject("consumer").put("name", consumer);
          pact.putObject("provider").put("name", "backend");
          pact.putArray("interactions").addObject().put("description", "threads v" + (v / 5))
              .putObject("request").put("method", "POST").put("path", "/graphql");
          PactContent content = PactContent.of(pact, consumer, "backend");
          pacts.add(repository.publish(tx, version, provider, content.sha(), content.canonical()));
          if (v >= VERSIONS_PER_CONSUMER - 3) {
            repository.recordDeployment(tx, version, production, "instance-" + v);
          }
          if (v >= VERSIONS_PER_CONSUMER - 2) {
            repository.recordDeployment(tx, version, staging, "instance-" + v);
          }
        }
      }
      return null;
    });
    String newest = null;
    for (int p = 0; p < PROVIDER_VERSIONS; p++) {
      int providerVersion = p;
      newest = broker.database().write(tx -> {
        Version version = repository.ensureVersion(tx, "backend", "api-" + providerVersion, null);
        repository.addToBranch(tx, version, "main");
        for (int i = 0; i < VERIFICATIONS_PER_PROVIDER_VERSION; i++) {
          Publication pact = pacts.get(random.nextInt(pacts.size()));
          repository.addVerification(tx, pact.sha(), version, random.nextInt(10) > 0, Verification.LIVE, null, null);
        }
        return version.number();
      });
    }
    String verifyAll = newest;
    broker.database().write(tx -> {
      Version version = repository.version(tx, "backend", verifyAll).orElseThrow();
      repository.recordDeployment(tx, version, repository.environmentNamed(tx, "production").orElseThrow(), null);
      for (Publication pact : pacts) {
        if (pact.consumerVersion().number().endsWith("-v97") || pact.consumerVersion().number().endsWith("-v98")
            || pact.consumerVersion().number().endsWith("-v99")) {
          repository.addVerification(tx, pact.sha(), version, true, Verification.LIVE, null, null);
        }
      }
      return null;
    });
    return newest;
  }

  static String measure(String engine, String name, RunningBroker broker, String method, String path, String body)
      throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    HttpRequest request = HttpRequest.newBuilder(URI.create(broker.url() + path))
        .header("Content-Type", "application/json")
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
        .build();
    double[] millis = new double[SAMPLES];
    String check = "";
    for (int i = 0; i < WARMUP + SAMPLES; i++) {
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
    String summary = check.contains("\"deployable\"")
        ? "deployable=" + Json.parse(check).path("summary").path("deployable") + ", rows=" + Json.parse(check).path("matrix").size()
        : "pacts=" + Json.parse(check).path("_embedded").path("pacts").size();
    return String.format("%-11s %-58s %7.1f  %7.1f   (%s)", engine, name, millis[SAMPLES / 2],
        millis[(int) Math.ceil(SAMPLES * 0.99) - 1], summary);
  }
}

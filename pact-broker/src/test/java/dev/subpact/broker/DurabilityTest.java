package dev.subpact.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The broker, running in its own JVM, is killed with {@code kill -9} while 1,000 publishes are in
 * flight from 32 threads; after a restart on the same database every publish it acknowledged is
 * there. On both engines.
 */
class DurabilityTest {

  static final int PUBLISHES = 1000;
  static final int KILL_AFTER_ACKNOWLEDGED = 400;

  @ParameterizedTest
  @EnumSource(Engine.class)
  void noAcknowledgedPublishIsLostWhenKilled(Engine engine) throws Exception {
    String database = engine.newDatabase();
    Path dir = Files.createTempDirectory("durability");
    Process first = BrokerProcess.start(database, dir.resolve("port1"));
    int port = BrokerProcess.awaitPort(first, dir.resolve("port1"));

    Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    AtomicInteger refused = new AtomicInteger();
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    ExecutorService pool = Executors.newFixedThreadPool(32);
    for (int i = 0; i < PUBLISHES; i++) {
      String version = "v" + i;
      pool.submit(() -> {
        try {
          HttpResponse<String> response = http.send(put(port, version), HttpResponse.BodyHandlers.ofString());
          if (response.statusCode() == 201 || response.statusCode() == 200) {
            acknowledged.add(version);
          }
        } catch (IOException e) {
          refused.incrementAndGet();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      });
    }
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (acknowledged.size() < KILL_AFTER_ACKNOWLEDGED && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    Process kill = new ProcessBuilder("kill", "-9", Long.toString(first.pid())).inheritIO().start();
    assertThat(kill.waitFor()).isZero();
    first.waitFor(10, TimeUnit.SECONDS);
    pool.shutdown();
    assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
    List<String> acknowledgedBeforeKill = new ArrayList<>(acknowledged);
    assertThat(acknowledgedBeforeKill.size()).as("publishes acknowledged before kill -9").isGreaterThanOrEqualTo(KILL_AFTER_ACKNOWLEDGED);
    System.out.printf("%s: %d of %d publishes acknowledged before kill -9, %d refused%n", engine, acknowledgedBeforeKill.size(), PUBLISHES, refused.get());
    assertThat(acknowledgedBeforeKill.size() + refused.get()).as("every publish was answered or refused").isLessThanOrEqualTo(PUBLISHES);

    Process second = BrokerProcess.start(database, dir.resolve("port2"));
    try {
      int secondPort = BrokerProcess.awaitPort(second, dir.resolve("port2"));
      List<String> lost = new ArrayList<>();
      for (String version : acknowledgedBeforeKill) {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(
            "http://127.0.0.1:" + secondPort + "/pacts/provider/backend/consumer/bot/version/" + version)).build(),
            HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200 || !response.body().contains("\"uses " + version + "\"")) {
          lost.add(version);
        }
      }
      assertThat(lost).as("acknowledged publishes missing after restart (of %d acknowledged, %d refused)",
          acknowledgedBeforeKill.size(), refused.get()).isEmpty();
    } finally {
      second.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
  }

  private static HttpRequest put(int port, String version) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/pacts/provider/backend/consumer/bot/version/" + version))
        .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString(Http.pact("bot", "backend", "uses " + version))).build();
  }
}

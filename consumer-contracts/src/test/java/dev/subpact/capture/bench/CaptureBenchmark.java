package dev.subpact.capture.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.subpact.capture.CaptureListener;
import dev.subpact.capture.CaptureServer;
import dev.subpact.capture.CaptureSettings;
import dev.subpact.graphql.schema.SchemaLoader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * 1,000 concurrent bot connections, each subscribing (the incident's KarenThreads, wire text) and
 * receiving its event, then sending {@code ROUNDS - 1} more subscriptions; prints heap used and
 * operations recorded per second. Clients and capture server share this JVM, so the heap figure is
 * an upper bound for the server. Not run by Surefire; run it with
 *
 * <pre>
 * MAVEN_OPTS=-Xmx256m ./mvnw -q -pl consumer-contracts test-compile exec:java \
 *   -Dexec.classpathScope=test -Dexec.mainClass=dev.subpact.capture.bench.CaptureBenchmark
 * </pre>
 */
public final class CaptureBenchmark {

  private static final int CONNECTIONS = 1000;
  private static final int ROUNDS = 10;
  private static final ObjectMapper JSON = new ObjectMapper();

  public static void main(String[] args) throws Exception {
    JsonNode fixture = JSON.readTree(Path.of("incident/src/main/resources/dev/subpact/incident/ckit/KarenThreads.before-rename.json").toFile().exists()
        ? Path.of("incident/src/main/resources/dev/subpact/incident/ckit/KarenThreads.before-rename.json").toFile()
        : Path.of("../incident/src/main/resources/dev/subpact/incident/ckit/KarenThreads.before-rename.json").toFile());
    Path schemas = Path.of("incident/src/main/resources/dev/subpact/backend/schemas").toFile().exists()
        ? Path.of("incident/src/main/resources/dev/subpact/backend/schemas")
        : Path.of("../incident/src/main/resources/dev/subpact/backend/schemas");
    CaptureSettings settings = CaptureSettings.of("karen", "bench").withSchema(SchemaLoader.fromFile(schemas.resolve("before-rename.graphql")));
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    long heapBefore = usedHeap(memory);

    try (CaptureServer capture = CaptureServer.start("127.0.0.1", 0, settings, CaptureListener.NONE)) {
      HttpClient http = HttpClient.newHttpClient();
      CountDownLatch events = new CountDownLatch(CONNECTIONS * ROUNDS);
      List<WebSocket> sockets = new ArrayList<>();
      long start = System.nanoTime();
      List<CompletableFuture<WebSocket>> opening = new ArrayList<>();
      for (int i = 0; i < CONNECTIONS; i++) {
        opening.add(http.newWebSocketBuilder().subprotocols("graphql-transport-ws")
            .buildAsync(capture.webSocketUrl(), new Bot(fixture, events)));
      }
      for (CompletableFuture<WebSocket> socket : opening) {
        WebSocket ws = socket.get(60, TimeUnit.SECONDS);
        sockets.add(ws);
        ws.sendText("{\"type\":\"connection_init\",\"payload\":{\"apikey\":\"bench\"}}", true);
      }
      if (!events.await(5, TimeUnit.MINUTES)) {
        throw new IllegalStateException("Only " + (CONNECTIONS * ROUNDS - events.getCount()) + " events arrived within 5 minutes");
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      long heapConnected = usedHeap(memory);
      long recorded = capture.recording().operationsReceived();
      System.out.printf("connections:                 %d (all connected and subscribed at once)%n", CONNECTIONS);
      System.out.printf("operations recorded:         %d (%d distinct)%n", recorded, capture.recording().interactions().size());
      System.out.printf("wall time:                   %.2f s%n", seconds);
      System.out.printf("operations recorded per s:   %.0f%n", recorded / seconds);
      System.out.printf("heap used before capture:    %.1f MB%n", heapBefore / 1e6);
      System.out.printf("heap used, all connected:    %.1f MB (after GC; clients and server in one JVM; max heap %.0f MB)%n",
          heapConnected / 1e6, memory.getHeapMemoryUsage().getMax() / 1e6);
      System.out.printf("heap per connection:         %.1f KB%n", (heapConnected - heapBefore) / 1e3 / CONNECTIONS);
      sockets.forEach(ws -> ws.sendClose(WebSocket.NORMAL_CLOSURE, ""));
    }
  }

  private static long usedHeap(MemoryMXBean memory) {
    System.gc();
    return memory.getHeapMemoryUsage().getUsed();
  }

  /** A bot: on ack subscribes; on each event subscribes again until ROUNDS events arrived. */
  private static final class Bot implements WebSocket.Listener {
    private final JsonNode fixture;
    private final CountDownLatch events;
    private final StringBuilder partial = new StringBuilder();
    private int received;

    Bot(JsonNode fixture, CountDownLatch events) {
      this.fixture = fixture;
      this.events = events;
    }

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        String text = partial.toString();
        partial.setLength(0);
        if (text.contains("\"connection_ack\"")) {
          subscribe(ws, 1);
        } else if (text.contains("\"next\"")) {
          received++;
          events.countDown();
          if (received < ROUNDS) {
            subscribe(ws, received + 1);
          }
        }
      }
      ws.request(1);
      return null;
    }

    private void subscribe(WebSocket ws, int id) {
      ObjectNode message = JSON.createObjectNode().put("type", "subscribe").put("id", String.valueOf(id));
      message.putObject("payload")
          .put("query", fixture.get("wire_query_graphql_core_3.2.8").asText())
          .put("operationName", fixture.get("operationName").asText())
          .set("variables", fixture.get("variables"));
      ws.sendText(message.toString(), true);
    }
  }
}

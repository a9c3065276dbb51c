package dev.subpact.replay.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.subpact.backend.Build;
import dev.subpact.backend.ReferenceBackend;
import dev.subpact.graphql.pact.GraphqlInteraction;
import dev.subpact.graphql.pact.GraphqlPact;
import dev.subpact.graphql.pact.GraphqlPacts;
import dev.subpact.graphql.pact.ProviderState;
import dev.subpact.graphql.report.Report;
import dev.subpact.incident.Incident;
import dev.subpact.replay.InteractionReplayer;
import dev.subpact.replay.ReplayConfig;
import dev.subpact.replay.ReplayEngine;
import dev.subpact.websocket.WebSocketSession;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Replay throughput, measured side by side in one run against the reference backend: subpact's
 * engine vs a minimal bare WebSocket client doing the same frames and the same state-change POSTs
 * (no codec, no matching, no report), with the process CPU each side used per interaction (the
 * backend's included: both share this JVM and its two cores). Not a test; run with
 *
 * <pre>
 * MAVEN_OPTS=-Djava.util.concurrent.ForkJoinPool.common.parallelism=2 \
 * ./mvnw -q -pl provider-verification test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=dev.subpact.replay.bench.ReplayBenchmark [-Dexec.args=2000] [-Dbench.skipAccepted=true]
 * </pre>
 *
 * <p>{@code MAVEN_OPTS} sizes the common pool as the CLI does
 * ({@link WebSocketSession#useCommonPoolForHandshakes()}); Maven's JVM has started the pool before
 * this class runs, so without it both clients start a thread per handshake on two cores.
 */
public final class ReplayBenchmark {

  private static final ObjectMapper JSON = new ObjectMapper();

  public static void main(String[] args) throws Exception {
    if (!WebSocketSession.useCommonPoolForHandshakes()) {
      System.out.println("note: this JVM starts a thread per WebSocket handshake (both clients), unlike the CLI; run with MAVEN_OPTS=-D"
          + WebSocketSession.COMMON_POOL_PARALLELISM + "=2 to measure as the CLI runs");
    }
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
    GraphqlPact frog = Incident.crashedContracts().stream().filter(p -> p.consumer().equals("frog")).findFirst().orElseThrow();
    GraphqlInteraction subscription = frog.interactions().stream().filter(i -> i.description().startsWith("KarenThreads")).findFirst().orElseThrow();
    try (ReferenceBackend backend = ReferenceBackend.start(Build.named("aliased"), 0)) {
      System.out.printf("subpact replay benchmark: %d interactions (frog's KarenThreads, 1 message pushed on trigger), reference backend build aliased, %d cores%n",
          n, Runtime.getRuntime().availableProcessors());
      // warm-up, both clients
      subpact(backend, subscription, 300, 4);
      bare(backend, subscription, 300, 4);
      for (int concurrency : new int[] {1, 8}) {
        long cpu0 = cpuNanos();
        double bareRate = bare(backend, subscription, n, concurrency);
        long cpu1 = cpuNanos();
        double subpactRate = subpact(backend, subscription, n, concurrency);
        long cpu2 = cpuNanos();
        System.out.printf("concurrency %d: subpact %.0f interactions/s, bare client %.0f interactions/s, overhead %.2fx"
            + " (process CPU per interaction, backend included: subpact %.2f ms, bare %.2f ms)%n",
            concurrency, subpactRate, bareRate, bareRate / subpactRate, (cpu2 - cpu1) / 1e6 / n, (cpu1 - cpu0) / 1e6 / n);
      }
      if (Boolean.getBoolean("bench.skipAccepted")) {
        return;
      }
      GraphqlInteraction accepted = new GraphqlInteraction(subscription.description(), subscription.providerStates().subList(0, 1),
          subscription.operation(), subscription.transport(), List.of());
      long start = System.nanoTime();
      Report report = ReplayEngine.run(ReplayConfig.builder(backend.websocketUrl()).stateUrl(backend.stateUrl()).build(),
          List.of(copies(frog, accepted, n)));
      double seconds = (System.nanoTime() - start) / 1e9;
      long ok = report.results().stream().filter(r -> r.outcome().equals("accepted")).count();
      report.results().stream().filter(r -> !r.outcome().equals("accepted")).limit(5)
          .forEach(r -> System.out.println("  not accepted: " + r.interaction() + " " + r.outcome() + " " + r.errors()));
      System.out.printf("accepted mode (no expected message): %d interactions in %.1f s at the default settle %d ms and concurrency %d (%d accepted)%n",
          n, seconds, ReplayConfig.DEFAULT_SETTLE.toMillis(), ReplayConfig.DEFAULT_CONCURRENCY, ok);
    }
  }

  private static long cpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
  }

  private static GraphqlPact copies(GraphqlPact pact, GraphqlInteraction template, int n) {
    List<GraphqlInteraction> copies = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      copies.add(new GraphqlInteraction(String.format("%s #%05d", template.description(), i), template.providerStates(),
          template.operation(), template.transport(), template.expected()));
    }
    return new GraphqlPact(pact.consumer(), pact.provider(), pact.consumerVersion(), copies);
  }

  private static double subpact(ReferenceBackend backend, GraphqlInteraction subscription, int n, int concurrency) {
    GraphqlPact pact = copies(new GraphqlPact("frog", "flexus-backend", "bench", List.of()), subscription, n);
    long start = System.nanoTime();
    Report report = ReplayEngine.run(ReplayConfig.builder(backend.websocketUrl()).stateUrl(backend.stateUrl())
        .concurrency(concurrency).build(), List.of(pact));
    double seconds = (System.nanoTime() - start) / 1e9;
    long ok = report.results().stream().filter(r -> r.outcome().equals("accepted")).count();
    if (ok != n) {
      throw new IllegalStateException("subpact accepted " + ok + " of " + n + ": " + report.results().stream()
          .filter(r -> !r.ok()).findFirst().orElseThrow());
    }
    return n / seconds;
  }

  /** The same frames and state changes with nothing but the JDK clients. */
  private static double bare(ReferenceBackend backend, GraphqlInteraction subscription, int n, int concurrency) throws Exception {
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    String subscribe = JSON.writeValueAsString(Map.of("id", "1", "type", "start", "payload", GraphqlPacts.requestBody(subscription.operation())));
    ExecutorService pool = Executors.newFixedThreadPool(concurrency, r -> {
      Thread t = new Thread(r, "bare-client");
      t.setDaemon(true);
      return t;
    });
    long start = System.nanoTime();
    int ok = 0;
    try {
      List<Future<Boolean>> done = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        done.add(pool.submit(() -> bareOne(http, backend, subscription.providerStates(), subscribe)));
      }
      for (Future<Boolean> f : done) {
        ok += f.get() ? 1 : 0;
      }
    } finally {
      pool.shutdownNow();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    if (ok != n) {
      throw new IllegalStateException("the bare client got its message in " + ok + " of " + n);
    }
    return n / seconds;
  }

  private static boolean bareOne(HttpClient http, ReferenceBackend backend, List<ProviderState> states, String subscribe) throws Exception {
    String id = UUID.randomUUID().toString();
    for (ProviderState s : states) {
      post(http, backend.stateUrl(), s, "setup", id);
    }
    LinkedBlockingQueue<String> frames = new LinkedBlockingQueue<>();
    WebSocket ws = http.newWebSocketBuilder().subprotocols("graphql-ws", "graphql-transport-ws")
        .header(InteractionReplayer.INTERACTION_HEADER, id)
        .buildAsync(backend.websocketUrl(), new WebSocket.Listener() {
          final StringBuilder partial = new StringBuilder();

          @Override
          public CompletionStage<?> onText(WebSocket w, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
              frames.add(partial.toString());
              partial.setLength(0);
            }
            w.request(1);
            return null;
          }
        }).get();
    ws.sendText("{\"type\":\"connection_init\",\"payload\":{}}", true).get();
    String first = frames.poll(10, TimeUnit.SECONDS);
    while (first != null && !first.contains("connection_ack")) {
      first = frames.poll(10, TimeUnit.SECONDS);
    }
    ws.sendText(subscribe, true).get();
    for (ProviderState s : states) {
      post(http, backend.stateUrl(), s, "trigger", id);
    }
    boolean got = false;
    while (!got) {
      String frame = frames.poll(10, TimeUnit.SECONDS);
      if (frame == null) {
        break;
      }
      JsonNode message = JSON.readTree(frame);
      got = message.path("type").asText().equals("data");
    }
    try {
      ws.sendText("{\"id\":\"1\",\"type\":\"stop\"}", true).get();
      ws.sendText("{\"type\":\"connection_terminate\"}", true).get();
      ws.sendClose(WebSocket.NORMAL_CLOSURE, "").get(1, TimeUnit.SECONDS);
    } catch (java.util.concurrent.ExecutionException e) {
      // the server closed first on connection_terminate
    } finally {
      ws.abort();
    }
    for (ProviderState s : states) {
      post(http, backend.stateUrl(), s, "teardown", id);
    }
    return got;
  }

  private static void post(HttpClient http, URI url, ProviderState state, String action, String id) throws Exception {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("state", state.name());
    body.put("params", state.params());
    body.put("action", action);
    body.put("interaction", id);
    http.send(HttpRequest.newBuilder(url).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(), HttpResponse.BodyHandlers.discarding());
  }
}

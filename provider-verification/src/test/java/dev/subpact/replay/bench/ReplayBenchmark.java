package dev.subpact.replay.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.subpact.graphql.pact.GraphqlInteraction;
import dev.subpact.graphql.pact.GraphqlPact;
import dev.subpact.graphql.pact.GraphqlPacts;
import dev.subpact.graphql.pact.ProviderState;
import dev.subpact.graphql.pact.Transport;
import dev.subpact.graphql.report.Report;
import dev.subpact.incident.Incident;
import dev.subpact.reference.Build;
import dev.subpact.reference.ReferenceBackend;
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
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Replay throughput, measured side by side in one run against the reference backend: subpact's
 * engine vs a minimal bare WebSocket client doing the same frames and the same state-change POSTs
 * (no codec, no matching, no report), in rounds where each side goes first in turn, with medians
 * and the process CPU each side used per interaction (the
 * backend's included: both share this JVM and its two cores). Not a test; run with
 *
 * <pre>
 * MAVEN_OPTS=-Djava.util.concurrent.ForkJoinPool.common.parallelism=2 \
 * ./mvnw -q -pl provider-verification test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=dev.subpact.replay.bench.ReplayBenchmark [-Dexec.args=2000] [-Dbench.warmup=6000] [-Dbench.rounds=3] [-Dbench.skipAccepted=true]
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
      // warm-up until the JIT has compiled both clients and the backend (rates settle after about 5,000 each)
      int warmup = Integer.getInteger("bench.warmup", 6000);
      for (int done = 0; done < warmup; done += 1000) {
        subpact(backend, subscription, 1000, 8);
        bare(backend, subscription, 1000, 8);
      }
      int rounds = Integer.getInteger("bench.rounds", 3);
      for (int concurrency : new int[] {1, 8}) {
        List<Double> bareRates = new ArrayList<>();
        List<Double> subpactRates = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
          // each side goes first in turn, so neither always meets a backend the other just warmed or loaded
          Side first = round % 2 == 1 ? Side.BARE : Side.SUBPACT;
          Measured a = measure(first, backend, subscription, n, concurrency);
          Measured b = measure(first.other(), backend, subscription, n, concurrency);
          Measured bare = first == Side.BARE ? a : b;
          Measured subpact = first == Side.BARE ? b : a;
          bareRates.add(bare.rate());
          subpactRates.add(subpact.rate());
          System.out.printf("concurrency %d, round %d: subpact %.0f interactions/s, bare client %.0f interactions/s, overhead %.2fx"
              + " (process CPU per interaction, backend included: subpact %.2f ms, bare %.2f ms)%n",
              concurrency, round, subpact.rate(), bare.rate(), bare.rate() / subpact.rate(), subpact.cpuMillis(), bare.cpuMillis());
        }
        System.out.printf("concurrency %d, median of %d: subpact %.0f interactions/s, bare client %.0f interactions/s, overhead %.2fx%n",
            concurrency, rounds, median(subpactRates), median(bareRates), median(bareRates) / median(subpactRates));
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

  private enum Side {
    BARE, SUBPACT;

    Side other() {
      return this == BARE ? SUBPACT : BARE;
    }
  }

  /** Interactions per second, and the process CPU per interaction. */
  private record Measured(double rate, double cpuMillis) {}

  private static Measured measure(Side side, ReferenceBackend backend, GraphqlInteraction subscription, int n, int concurrency)
      throws Exception {
    long cpu = cpuNanos();
    double rate = side == Side.BARE ? bare(backend, subscription, n, concurrency) : subpact(backend, subscription, n, concurrency);
    return new Measured(rate, (cpuNanos() - cpu) / 1e6 / n);
  }

  private static double median(List<Double> values) {
    List<Double> sorted = values.stream().sorted().toList();
    int mid = sorted.size() / 2;
    return sorted.size() % 2 == 1 ? sorted.get(mid) : (sorted.get(mid - 1) + sorted.get(mid)) / 2;
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
    failures("subpact", report.results().stream().filter(r -> !r.outcome().equals("accepted"))
        .map(r -> r.outcome() + " " + r.errors()).toList());
    return n / seconds;
  }

  /** Prints the interactions a client did not complete, so a rate is never read without them. */
  private static void failures(String client, List<String> failures) {
    if (!failures.isEmpty()) {
      System.out.printf("  %s: %d interaction(s) not completed, e.g. %s%n", client, failures.size(), failures.subList(0, Math.min(3, failures.size())));
    }
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
    List<String> failures = new ArrayList<>();
    try {
      List<Future<String>> done = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        done.add(pool.submit(() -> bareOne(http, backend, subscription.providerStates(), subscribe)));
      }
      for (Future<String> f : done) {
        try {
          String failure = f.get();
          if (failure != null) {
            failures.add(failure);
          }
        } catch (ExecutionException e) {
          failures.add(String.valueOf(e.getCause()));
        }
      }
    } finally {
      pool.shutdownNow();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    failures("bare client", failures);
    return n / seconds;
  }

  /** One interaction; {@code null} when the pushed message arrived, else what happened. */
  private static String bareOne(HttpClient http, ReferenceBackend backend, List<ProviderState> states, String subscribe) throws Exception {
    String id = UUID.randomUUID().toString();
    for (ProviderState s : states) {
      post(http, backend.stateUrl(), s, "setup", id);
    }
    LinkedBlockingQueue<String> frames = new LinkedBlockingQueue<>();
    WebSocket ws = http.newWebSocketBuilder().subprotocols("graphql-ws", "graphql-transport-ws")
        .header(Transport.INTERACTION_HEADER, id)
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

          @Override
          public CompletionStage<?> onClose(WebSocket w, int code, String reason) {
            frames.add("closed by the backend: " + code + " " + reason);
            return null;
          }

          @Override
          public void onError(WebSocket w, Throwable error) {
            frames.add("error: " + error);
          }
        }).get();
    ws.sendText("{\"type\":\"connection_init\",\"payload\":{}}", true).get();
    String first = frames.poll(10, TimeUnit.SECONDS);
    while (first != null && !first.contains("connection_ack")) {
      if (first.startsWith("closed") || first.startsWith("error")) {
        ws.abort();
        return "before connection_ack: " + first;
      }
      first = frames.poll(10, TimeUnit.SECONDS);
    }
    if (first == null) {
      ws.abort();
      return "no connection_ack within 10 s";
    }
    ws.sendText(subscribe, true).get();
    for (ProviderState s : states) {
      post(http, backend.stateUrl(), s, "trigger", id);
    }
    String failure = "no data message within 10 s";
    while (failure != null) {
      String frame = frames.poll(10, TimeUnit.SECONDS);
      if (frame == null) {
        break;
      }
      if (frame.startsWith("closed") || frame.startsWith("error")) {
        failure = "waiting for data: " + frame;
        break;
      }
      JsonNode message = JSON.readTree(frame);
      failure = message.path("type").asText().equals("data") ? null : failure;
    }
    try {
      ws.sendText("{\"id\":\"1\",\"type\":\"stop\"}", true).get();
      ws.sendText("{\"type\":\"connection_terminate\"}", true).get();
      ws.sendClose(WebSocket.NORMAL_CLOSURE, "").get(1, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      // the server closed first on connection_terminate
    } finally {
      ws.abort();
    }
    for (ProviderState s : states) {
      post(http, backend.stateUrl(), s, "teardown", id);
    }
    return failure;
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

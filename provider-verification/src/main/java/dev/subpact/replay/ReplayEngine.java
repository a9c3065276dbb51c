package dev.subpact.replay;

import dev.subpact.graphql.check.Finding;
import dev.subpact.graphql.check.FindingKind;
import dev.subpact.graphql.check.StaticChecker;
import dev.subpact.graphql.pact.GraphqlInteraction;
import dev.subpact.graphql.pact.GraphqlPact;
import dev.subpact.graphql.report.InteractionReport;
import dev.subpact.graphql.report.Report;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Replays every interaction of a set of pacts against a running backend and reports one verdict per
 * interaction: concurrently ({@link ReplayConfig#concurrency()}), in a deterministic order and
 * shard, and always within {@link ReplayConfig#runTimeout()}. The interactions that are not GraphQL
 * (REST, messages) follow, verified by Pact JVM's HTTP verifier or reported not verified
 * ({@link ForeignInteractions}).
 *
 * <pre>{@code
 * Report report = ReplayEngine.run(ReplayConfig.builder(backend.websocketUrl()).stateUrl(backend.stateUrl()).build(), pacts);
 * }</pre>
 */
public final class ReplayEngine {

  private final ReplayConfig config;
  private final ExecutorService httpThreads;
  private final HttpClient http;
  private final InteractionReplayer replayer;

  private ReplayEngine(ReplayConfig config) {
    this.config = config;
    this.httpThreads = Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "subpact-replay-io");
      t.setDaemon(true);
      return t;
    });
    // HTTP/1.1: with its default HTTP/2 the JDK client offers an h2c upgrade on each cleartext request
    this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(config.timeout()).executor(httpThreads).build();
    this.replayer = new InteractionReplayer(config, http);
  }

  /** One interaction of one pact, in the run's order. */
  public record Item(GraphqlPact pact, GraphqlInteraction interaction) {}

  /** The interactions of {@code pacts} in the run's order (consumer, then description), before sharding. */
  public static List<Item> order(List<GraphqlPact> pacts) {
    List<Item> items = new ArrayList<>();
    for (GraphqlPact pact : pacts) {
      pact.interactions().forEach(i -> items.add(new Item(pact, i)));
    }
    items.sort(Comparator.comparing((Item i) -> i.pact().consumer())
        .thenComparing(i -> i.interaction().description())
        .thenComparing(i -> String.valueOf(i.pact().consumerVersion())));
    return items;
  }

  public static Report run(ReplayConfig config, List<GraphqlPact> pacts) {
    return run(config, pacts, r -> { });
  }

  /** Runs the replay; {@code progress} hears each verdict as it arrives (from worker threads). */
  public static Report run(ReplayConfig config, List<GraphqlPact> pacts, Consumer<InteractionReport> progress) {
    return new ReplayEngine(config).runAll(pacts, progress);
  }

  private Report runAll(List<GraphqlPact> pacts, Consumer<InteractionReport> progress) {
    List<GraphqlPact> mine = config.shard().select(pacts);
    List<Item> items = order(mine);
    Instant runDeadline = Instant.now().plus(config.runTimeout());
    ExecutorService workers = Executors.newFixedThreadPool(config.concurrency(), r -> {
      Thread t = new Thread(r, "subpact-replay");
      t.setDaemon(true);
      return t;
    });
    List<InteractionReport> reports = new ArrayList<>();
    try {
      List<Callable<InteractionReport>> tasks = new ArrayList<>();
      for (Item item : items) {
        tasks.add(() -> {
          long started = System.nanoTime();
          InteractionReport report = verdict(item, replayOne(item, runDeadline)).withElapsed(Duration.ofNanos(System.nanoTime() - started));
          progress.accept(report);
          return report;
        });
      }
      List<Future<InteractionReport>> futures;
      try {
        futures = workers.invokeAll(tasks, Math.max(1, Duration.between(Instant.now(), runDeadline).toMillis()), TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        futures = List.of();
      }
      for (int i = 0; i < items.size(); i++) {
        reports.add(i < futures.size() ? result(futures.get(i), items.get(i)) : cutShort(items.get(i)));
      }
    } finally {
      workers.shutdownNow();
      httpThreads.shutdownNow();
    }
    reports.addAll(ForeignInteractions.verify(config, mine, progress, runDeadline));
    return new Report(reports, runFindings());
  }

  /**
   * A warning when the build's schema could not be had: without it a rejected operation shows only
   * what the backend sent (legacy: its first error), no deprecation is reported, and a subscription
   * that expects no event cannot be confirmed.
   */
  private List<Finding> runFindings() {
    String unavailable = replayer.schema().unavailable();
    if (unavailable == null) {
      return List.of();
    }
    return List.of(Finding.warning(FindingKind.OTHER, unavailable + " The static error list (every error of a rejected"
        + " operation, with coordinates and fixes) and the deprecation warnings are missing from this report, and"
        + " subscriptions that expect no event cannot be confirmed. Give " + ReplaySetting.SCHEMA + ","
        + " or enable introspection on " + ReplaySetting.HTTP_URL + "."));
  }

  private InteractionReport result(Future<InteractionReport> future, Item item) {
    try {
      return future.get();
    } catch (CancellationException | InterruptedException e) {
      return cutShort(item);
    } catch (ExecutionException e) {
      throw new IllegalStateException("Replaying '" + item.interaction().description() + "' of " + item.pact().consumer()
          + " failed unexpectedly: " + e.getCause(), e.getCause());
    }
  }

  private InteractionReport cutShort(Item item) {
    return verdict(item, new Outcome.TimedOut("by the run's global timeout of " + config.runTimeout().toMillis()
        + " ms before this interaction ended (raise " + ReplaySetting.RUN_TIMEOUT + ", or " + ReplaySetting.CONCURRENCY + ")"));
  }

  private Outcome replayOne(Item item, Instant runDeadline) throws InterruptedException {
    Instant own = Instant.now().plus(config.timeout());
    Instant deadline = own.isBefore(runDeadline) ? own : runDeadline;
    return replayer.replay(item.interaction(), UUID.randomUUID().toString(), deadline);
  }

  private InteractionReport verdict(Item item, Outcome outcome) {
    List<Finding> errors = new ArrayList<>(outcome.errors());
    List<Finding> warnings = new ArrayList<>(outcome.notes());
    StaticChecker statics = replayer.schema().checker();
    if (statics != null) {
      List<Finding> found = statics.check(item.interaction().operation());
      if (outcome instanceof Outcome.Rejected) {
        errors = withStaticErrors(errors, found);
      }
      found.stream().filter(f -> !f.isError()).forEach(warnings::add);
    }
    return new InteractionReport(item.pact().consumer(), item.pact().consumerVersion(), item.interaction().description(),
        item.interaction().operation().name(), outcome.kind(), errors, warnings);
  }

  /**
   * The backend's errors in its order, each replaced by the static finding for the same error
   * (which carries the coordinate and the fix; matched whichever engine worded it, so one error
   * counts once), then every static error the backend did not send (a legacy-protocol backend
   * sends only its first).
   */
  private static List<Finding> withStaticErrors(List<Finding> sent, List<Finding> found) {
    List<Finding> statics = new ArrayList<>(found.stream().filter(Finding::isError).toList());
    List<Finding> errors = new ArrayList<>();
    for (Finding f : sent) {
      Finding richer = statics.stream().filter(s -> ServerErrors.sameError(f, s)).findFirst().orElse(null);
      statics.remove(richer);
      errors.add(richer != null ? richer : f);
    }
    errors.addAll(statics);
    return errors;
  }
}

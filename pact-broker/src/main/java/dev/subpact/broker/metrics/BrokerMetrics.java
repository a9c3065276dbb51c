package dev.subpact.broker.metrics;

import dev.subpact.broker.webhook.WebhookDispatcher;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;

/**
 * The broker's metrics, served at {@code /metrics} in the Prometheus text format: HTTP requests by
 * route and status with latency histograms, publications, verifications by result, and the
 * webhook queue (depth across replicas, failed deliveries of this replica). Each replica serves
 * its own counters; Prometheus sums them across replicas.
 */
public final class BrokerMetrics {

  /** Histogram buckets around the targets (p99 under 50 ms for API reads, 500 ms for dashboard pages). */
  private static final Duration[] LATENCY_BUCKETS = {Duration.ofMillis(5), Duration.ofMillis(10),
      Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250),
      Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5)};

  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final Counter publications = Counter.builder("subpact_broker_publications")
      .description("Pacts published (one per consumer version and provider)").register(registry);
  private final Counter verificationsPassed = verifications("success");
  private final Counter verificationsFailed = verifications("failure");

  public BrokerMetrics(WebhookDispatcher webhooks) {
    Gauge.builder("subpact_broker_webhook_queue_depth", webhooks, WebhookDispatcher::pending)
        .description("Webhook deliveries waiting, across every replica").register(registry);
    Gauge.builder("subpact_broker_webhook_failures", webhooks, WebhookDispatcher::failures)
        .description("Webhook deliveries that ended failed on this replica").register(registry);
  }

  private Counter verifications(String result) {
    return Counter.builder("subpact_broker_verifications").tag("result", result)
        .description("Verification results recorded (published by providers)").register(registry);
  }

  /** One HTTP request answered: {@code route} is the matched route pattern, never the raw path. */
  public void request(String method, String route, int status, Duration took) {
    Timer.builder("subpact_broker_http_requests")
        .description("HTTP requests by route and status")
        .tag("method", method).tag("route", route).tag("status", Integer.toString(status))
        .serviceLevelObjectives(LATENCY_BUCKETS)
        .register(registry)
        .record(took);
  }

  public void published(int pacts) {
    publications.increment(pacts);
  }

  public void verified(boolean success) {
    (success ? verificationsPassed : verificationsFailed).increment();
  }

  /** The Prometheus text exposition. */
  public String scrape() {
    return registry.scrape();
  }
}
